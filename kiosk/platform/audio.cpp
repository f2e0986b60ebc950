#include "kiosk/platform/audio.hpp"

#include <SDL.h>

#include <cmath>

namespace kiosk::platform {

namespace {

struct Note {
    float hz;
    int ms;
};

// A soft attack and release keep the tones from clicking; square-ish refusal is harsher on purpose.
void appendNote(std::vector<float>& out, Note note, int rate, bool harsh) {
    const int n = rate * note.ms / 1000;
    const int ramp = rate / 200; // 5 ms
    for (int i = 0; i < n; ++i) {
        float env = 1.0f;
        if (i < ramp) env = static_cast<float>(i) / static_cast<float>(ramp);
        if (n - i < ramp) env = static_cast<float>(n - i) / static_cast<float>(ramp);
        const float phase = 2.0f * static_cast<float>(M_PI) * note.hz * static_cast<float>(i) / static_cast<float>(rate);
        float s = note.hz > 0 ? std::sin(phase) : 0.0f;
        if (harsh) s = 0.6f * s + 0.4f * std::sin(3 * phase);
        out.push_back(0.35f * env * s);
    }
}

} // namespace

std::vector<float> synthesize(Cue cue, int sampleRate) {
    std::vector<float> out;
    switch (cue) {
    case Cue::Accept: // rising, friendly
        for (Note n : {Note{880, 110}, Note{0, 30}, Note{1320, 160}}) appendNote(out, n, sampleRate, false);
        break;
    case Cue::Warn: // two equal beeps: look at the screen
        for (Note n : {Note{660, 150}, Note{0, 80}, Note{660, 150}}) appendNote(out, n, sampleRate, false);
        break;
    case Cue::Refuse: // low and long
        appendNote(out, Note{220, 450}, sampleRate, true);
        break;
    }
    return out;
}

Audio::Audio() {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return;
    SDL_AudioSpec want{};
    want.freq = m_rate;
    want.format = AUDIO_F32SYS;
    want.channels = 1;
    want.samples = 1024;
    SDL_AudioSpec have{};
    m_device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (m_device != 0) SDL_PauseAudioDevice(m_device, 0);
}

Audio::~Audio() {
    if (m_device != 0) SDL_CloseAudioDevice(m_device);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void Audio::play(Cue cue) {
    if (m_device == 0) return;
    SDL_ClearQueuedAudio(m_device); // a new result cuts the previous cue short
    const auto samples = synthesize(cue, m_rate);
    SDL_QueueAudio(m_device, samples.data(), static_cast<Uint32>(samples.size() * sizeof(float)));
}

} // namespace kiosk::platform
