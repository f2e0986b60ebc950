#pragma once
// Audio cues for the gate: short generated tones through SDL audio (no sound files).
#include <cstdint>
#include <vector>

namespace kiosk::platform {

/// What a cue means to the person at the door.
enum class Cue { Accept, Warn, Refuse };

/// The samples of a cue (mono float, -1..1) at the given rate; pure, so it is tested headless.
std::vector<float> synthesize(Cue cue, int sampleRate);

/// One SDL audio device; play() queues a cue and returns at once. Silent (not an error) when the
/// machine has no audio device, which is normal on a headless test box.
class Audio {
public:
    Audio();
    ~Audio();
    Audio(const Audio&) = delete;
    Audio& operator=(const Audio&) = delete;

    void play(Cue cue);
    bool available() const { return m_device != 0; }

private:
    std::uint32_t m_device = 0;
    int m_rate = 48000;
};

} // namespace kiosk::platform
