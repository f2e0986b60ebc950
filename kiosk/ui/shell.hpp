#pragma once
// The shell: one role's view full screen, the PIN prompt, the console over any role, scans from
// every input routed to the view. No SDL here: the loop in app.cpp feeds it, tests drive it headless.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/scan/wedge.hpp"
#include "kiosk/ui/pin_lock.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

/// Keys the shell itself reacts to (everything else is ImGui's).
enum class ShellKey { Escape, Enter, Tab, Backspace, Digit, AltF4 };

/// What one frame asks of the loop.
struct FrameResult {
    std::optional<platform::Cue> cue;
    bool animating = false;
    core::Millis wakeAt = 0;
};

class Shell {
public:
    /// The console and the unlocked organizer screen lock again after this long without input.
    static constexpr core::Millis kRelockMs = 5 * 60 * 1000;

    Shell(Backend& backend, const platform::Fonts& fonts, const std::string& role, Settings settings);

    /// Builds one frame; call between ImGui::NewFrame() and ImGui::Render(). ticksNow is the input
    /// events' clock (SDL ticks) at `now`, so typed text can be stamped with its own time.
    FrameResult frame(core::Millis now, float scale, const CameraPicture* camera = nullptr, std::uint32_t ticksNow = 0);

    /// A key the shell handles; digit is '0'..'9' for ShellKey::Digit. Returns true when consumed.
    bool key(ShellKey key, char digit, std::uint32_t atMs);
    /// Typed text. Always taken (returns true): it is held back while it could still be a scanner's
    /// burst, and handed to the PIN prompt or ImGui's fields only once it is known to be a
    /// person's.
    bool text(const std::string& utf8, std::uint32_t atMs);
    /// A decoded code from the camera, the serial scanner or a replay (decided on the next frame).
    void scan(const std::string& text, const std::string& source);
    /// The window was asked to close (Alt+F4, window manager): needs the PIN unless unlocked.
    void requestQuit();

    bool wantsQuit() const { return m_quit; }
    /// True while typed keys are held back or not yet handed to their field.
    bool keysPending() const { return !m_held.empty() || !m_ready.empty(); }
    /// True while typed text belongs to ImGui (console, PIN prompt) rather than the wedge.
    bool textGoesToImGui() const;
    const std::string& role() const { return m_role; }
    bool consoleOpen() const { return m_consoleOpen; }
    bool pinOpen() const { return m_pin.isOpen(); }
    Settings& settings() { return m_settings; }
    std::map<std::string, Hotspot>& hotspots() { return m_hotspots; }
    /// Switches role (the PIN was already given).
    void switchRole(const std::string& role);
    /// The state for end-to-end checks, as a JSON object.
    std::string stateJson() const;

private:
  /// A keystroke not yet delivered: held while it could be part of a scan, then ready.
  struct HeldInput {
      enum class Kind { Text, PinDigit, PinBackspace, PinSubmit } kind;
      std::string text;
      std::uint32_t at = 0;
  };

    void drawLocked(ViewContext& ctx);
    void drawNotice(ViewContext& ctx);
    /// The held keys were a person's: deliver them at the next frame, in order.
    void releaseHeld();
    /// Hands the ready keys to the PIN prompt or to ImGui (and the view's typed list).
    void deliverReady(ViewContext& ctx, std::uint32_t ticksNow);
    void routeScan(ViewContext& ctx, const std::string& text, const std::string& source);
    bool organizerLocked() const { return m_role == "organizer" && !m_unlocked; }

    Backend& m_backend;
    const platform::Fonts& m_fonts;
    std::string m_role;
    Settings m_settings;
    std::unique_ptr<View> m_view;
    std::unique_ptr<View> m_console;
    bool m_consoleOpen = false;
    bool m_unlocked = false; ///< organizer role: the PIN was given
    bool m_quit = false;
    PinPrompt m_pin;
    scan::KeyboardWedge m_burst;
    core::Millis m_lastInput = 0; ///< the last frame with any key, text or mouse input
    bool m_inputSeen = false;     ///< key() or text() since the last frame
    std::vector<std::pair<std::string, std::string>> m_pendingScans;
    std::vector<HeldInput> m_held;  ///< keys that may still be a scanner's burst
    std::vector<HeldInput> m_ready; ///< a person's keys, delivered at the next frame
    std::uint32_t m_heldLast = 0;   ///< ticks of the newest held key
    char m_pinEcho = 0;   ///< a PIN digit's key went down: its text event follows, skip it
    std::string m_notice; ///< a scan this screen could not show (see routeScan)
    core::Millis m_noticeUntil = 0;
    bool m_noticeRefused = false;
    std::map<std::string, Hotspot> m_hotspots;
};

} // namespace kiosk::ui
