#include "kiosk/ui/event_pump.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "kiosk/platform/window.hpp"
#include "kiosk/ui/shell.hpp"

namespace kiosk::ui {

namespace {

std::optional<ShellKey> shellKey(const SDL_Keysym& k, char& digit) {
    switch (k.sym) {
    case SDLK_ESCAPE: return ShellKey::Escape;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return ShellKey::Enter;
    case SDLK_TAB: return ShellKey::Tab;
    case SDLK_BACKSPACE: return ShellKey::Backspace;
    case SDLK_F4:
        if (k.mod & KMOD_ALT) return ShellKey::AltF4;
        return std::nullopt;
    default: break;
    }
    if (k.sym >= SDLK_0 && k.sym <= SDLK_9) {
        digit = static_cast<char>('0' + (k.sym - SDLK_0));
        return ShellKey::Digit;
    }
    if (k.sym >= SDLK_KP_1 && k.sym <= SDLK_KP_0) {
        digit = k.sym == SDLK_KP_0 ? '0' : static_cast<char>('1' + (k.sym - SDLK_KP_1));
        return ShellKey::Digit;
    }
    return std::nullopt;
}

} // namespace

bool EventPump::wait(int timeoutMs) {
    SDL_Event e;
    if (!SDL_WaitEventTimeout(&e, timeoutMs)) return false;
    dispatch(e);
    drain();
    return true;
}

bool EventPump::drain() {
    bool any = false;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        any = true;
        dispatch(e);
    }
    return any;
}

void EventPump::frameDrawn() {
    m_downThisFrame.clear();
    for (auto& e : m_heldReleases) SDL_PushEvent(&e);
    m_heldReleases.clear();
}

void EventPump::dispatch(const SDL_Event& e) {
    if (e.type == SDL_KEYDOWN) m_downThisFrame.push_back(e.key.keysym.scancode);
    if (e.type == SDL_KEYUP &&
        std::find(m_downThisFrame.begin(), m_downThisFrame.end(), e.key.keysym.scancode) != m_downThisFrame.end()) {
        m_heldReleases.push_back(e);
        return;
    }
    handle(e);
}

void EventPump::handle(const SDL_Event& e) {
    if (e.type == SDL_QUIT) {
        m_shell.requestQuit();
        return;
    }
    if (e.type == SDL_KEYDOWN) {
        char digit = 0;
        if (auto k = shellKey(e.key.keysym, digit)) {
            const bool digitForImGui = *k == ShellKey::Digit && !m_shell.pinOpen();
            if (!digitForImGui && m_shell.key(*k, digit, e.key.timestamp)) return;
        }
    }
    if (e.type == SDL_TEXTINPUT && m_shell.text(e.text.text, e.text.timestamp)) return;
    m_window.processEvent(e);
}

void pushKey(SDL_Keycode sym, Uint16 mod) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = sym;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
    e.key.keysym.mod = mod;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

void pushText(const std::string& text) {
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        const std::string cp = text.substr(i, n);
        std::snprintf(e.text.text, sizeof e.text.text, "%s", cp.c_str());
        SDL_PushEvent(&e);
        i += n;
    }
}

bool pushKeyByName(const std::string& name) {
    Uint16 mod = 0;
    std::string key = name;
    if (key.rfind("alt+", 0) == 0) {
        mod = KMOD_LALT;
        key = key.substr(4);
    }
    const SDL_Keycode sym = SDL_GetKeyFromName(key.c_str());
    if (sym == SDLK_UNKNOWN) return false;
    pushKey(sym, mod);
    return true;
}

} // namespace kiosk::ui
