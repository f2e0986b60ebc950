#pragma once
// Runs the shell headless with ImGui's null setup: a context, a built font atlas, a display size,
// NewFrame/Render with no window and no GL. Clicks and typing go through ImGui's input like a user's.
#include <imgui.h>

#include <filesystem>
#include <functional>
#include <string>

#include "kiosk/ui/shell.hpp"
#include "memory_backend.hpp"

namespace kiosk::test {

/// One ImGui context and font atlas for the whole test program (the atlas takes a while to build).
const platform::Fonts& nullFonts();
/// Bakes the fonts and the theme at another scale (as the GUI does for its screen's size); no
/// Harness may be alive meanwhile, its views hold the old faces. The scale frames are drawn at.
void setTestScale(float scale);
float testScale();

/// A screen of w x h drawn at the scale the GUI gives that size on a 96 dpi display (uiScale), for
/// the scope; then back to 1280x720 at the tests' usual scale. No Harness may outlive it.
struct ScreenSize {
    ScreenSize(float w, float h);
    ~ScreenSize();
    ScreenSize(const ScreenSize&) = delete;
    ScreenSize& operator=(const ScreenSize&) = delete;
};

/// Hovers, presses and releases the mouse on a hotspot, drawing a frame between each step.
void clickHotspot(const ui::Hotspot& spot, const std::function<void()>& frame);

/// The views open var/event.db (the backend's path) relative to the working folder: runs the test
/// in a scratch folder holding the seed pack's database for the harness's day (2023-08-18).
struct ScratchEvent {
    ScratchEvent();
    ~ScratchEvent();
    std::filesystem::path old = std::filesystem::current_path();
    std::filesystem::path dir;
};

class Harness {
public:
    explicit Harness(const std::string& role, int delegates = 30, int recent = 50);
    ~Harness();

    /// Advances the clock by ms and draws one frame.
    ui::FrameResult frame(core::Millis advanceMs = 16);
    /// Draws frames until the layout settles (hotspots recorded).
    void settle() { frame(); frame(); }
    /// Hovers, presses and releases the mouse on a named widget; false when it is not on screen.
    bool click(const std::string& name);
    /// Opens the console (or unlocks the organizer screen) with the test PIN, as a person types it.
    void unlock();
    /// Types text into whatever ImGui has focused.
    void type(const std::string& text);
    /// A scanner burst on the keyboard: text fast, then Enter.
    void wedge(const std::string& text);
    /// The same burst with the key-down events SDL sends before each digit's text.
    void wedgeOver(const std::string& text);
    std::string state() const { return shell.stateJson(); }
    bool has(const std::string& fragment) const { return state().find(fragment) != std::string::npos; }

    MemoryBackend backend;
    ui::Shell shell;
    core::Millis now = 1692320400000; // 2023-08-18 08:00 +07:00
    std::uint32_t ticks = 1000;
};

} // namespace kiosk::test
