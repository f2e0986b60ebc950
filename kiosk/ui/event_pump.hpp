#pragma once
// The event pump: SDL input to the shell (its keys, scanner text) or to ImGui, plus the synthetic
// input a replay script sends. Knows nothing of frames or the database.
#include <SDL.h>

#include <string>
#include <vector>

namespace kiosk::platform {
class Window;
}

namespace kiosk::ui {

class Shell;

class EventPump {
public:
    EventPump(Shell& shell, platform::Window& window) : m_shell(shell), m_window(window) {}

    /// Waits up to timeoutMs for input, then hands every queued event on; true when there was any.
    bool wait(int timeoutMs);
    /// Hands every queued event on without waiting; true when there was any.
    bool drain();
    /// After each drawn frame: re-queues the key releases held back for it.
    void frameDrawn();

private:
    void dispatch(const SDL_Event& e);
    void handle(const SDL_Event& e);

    Shell& m_shell;
    platform::Window& m_window;
    // ImGui 1.86 reads key state once per frame, so a key pressed and released between two frames
    // (a presenter clicker, a replayed key) would never count as pressed. Such a release is held
    // back and re-queued after the next frame.
    std::vector<SDL_Event> m_heldReleases;
    std::vector<SDL_Scancode> m_downThisFrame;
};

/// Queues a key press and release, as a keyboard would.
void pushKey(SDL_Keycode sym, Uint16 mod);
/// Queues text as SDL delivers typed characters: one event per code point.
void pushText(const std::string& text);
/// Queues a key by name: "alt+F4", "Escape", "Return", "5"; false for an unknown name.
bool pushKeyByName(const std::string& name);

} // namespace kiosk::ui
