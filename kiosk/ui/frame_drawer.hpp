#pragma once
// Draws one frame of the shell into the window: injected clicks, the camera picture, the cue,
// and screenshots. The loop (app.cpp) and the replay driver both draw through it.
#include <optional>
#include <string>

#include "kiosk/core/time.hpp"
#include "kiosk/platform/audio.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/app.hpp"

namespace kiosk::ui {

class Shell;

class FrameDrawer {
public:
    FrameDrawer(platform::Window& window, Shell& shell, float scale, std::string screenshotDir)
        : m_window(window), m_shell(shell), m_scale(scale), m_shotDir(std::move(screenshotDir)) {}

    /// Builds, renders and shows one frame; with a name, also writes it to the screenshot folder.
    void draw(const std::string& shotName = {});
    /// Moves the mouse to (x, y) and clicks there, over three frames (hover, press, release).
    void click(float x, float y);
    /// Shows a camera frame and passes its code, if any, to the shell.
    void showCamera(const DecodedFrame& frame);

    /// What the last frame asked for: keep drawing (an animation), or wake at this time (0: never).
    bool animating() const { return m_animating; }
    core::Millis wakeAt() const { return m_wakeAt; }
    /// Frames drawn so far.
    long frames() const { return m_frames; }

private:
    struct Click {
        float x, y;
        int phase;
    };
    platform::Window& m_window;
    Shell& m_shell;
    float m_scale;
    std::string m_shotDir;
    platform::Audio m_audio;
    platform::Texture m_cameraTexture;
    CameraPicture m_camera;
    std::optional<Click> m_click;
    bool m_animating = false;
    core::Millis m_wakeAt = 0;
    long m_frames = 0;
};

} // namespace kiosk::ui
