#pragma once
// `kiosk gui`: opens the window and runs the shell's loop until the organizer quits.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/ui/model.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

/// A gray camera frame and what the decoder read in it.
struct DecodedFrame {
    std::vector<std::uint8_t> gray; ///< dense, width x height
    int width = 0;
    int height = 0;
    std::optional<std::string> text; ///< the code, when one was read
    std::string error;               ///< the frame could not be loaded
};

/// How `kiosk gui` runs.
struct GuiOptions {
    std::string role = "checkin";
    int display = 0;
    bool windowed = false;
    int width = 1280;
    int height = 720;
    std::string replayFile;
    std::string screenshotDir;
    std::string stateFile; ///< JSON of the shell's state written on quit
    Settings settings;
    /// Loads and decodes an image file as a camera frame (the scan layer's pipeline), for replay steps.
    std::function<DecodedFrame(const std::string& path)> loadFrame;
    /// Returns the newest camera frame since the last call, if any (the scan worker); called every loop turn.
    std::function<std::optional<DecodedFrame>()> pollCamera;
    /// Codes read by the camera and serial workers since the last call, as (text, source).
    std::function<std::vector<std::pair<std::string, std::string>>()> pollScans;
    /// Every loop turn: follow the devices chosen in the settings and write their status lines there.
    std::function<void(Settings&)> followDevices;
    /// Before the window closes: stop the input threads (they wake the loop through SDL).
    std::function<void()> stopInputs;
    /// Once the window is up, before the first frame (e.g. start a background sync thread).
    std::function<void()> onStart;
    /// Once per loop turn, on the UI thread, at least every second (e.g. a watchdog ping). Keep it cheap.
    std::function<void()> onTurn;
};

/// Wakes runGui's loop from any thread (a scan arrived); harmless before the window opens.
void wakeGui();

/// Parses "1280x720"; false on bad input.
bool parseSize(const std::string& text, int& width, int& height);

/// Runs the GUI; returns the process exit code (0 on a normal quit, 2 when it cannot start, 3 when
/// a replay script failed).
int runGui(const GuiOptions& options, Backend& backend);

/// The UI scale for a drawable size and display DPI scale.
float uiScale(int width, int height, float dpiScale);

} // namespace kiosk::ui
