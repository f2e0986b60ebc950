#pragma once
// The SDL2 window with its OpenGL 3 context and Dear ImGui's SDL2 + OpenGL3 backends (from
// Debian's libimgui). Full screen borderless on a chosen display, or a plain window of a given size.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/platform/png.hpp"

struct SDL_Window;
union SDL_Event;

namespace kiosk::platform {

/// How to open the window.
struct WindowOptions {
    int display = 0;       ///< SDL display index for full screen
    bool windowed = false; ///< a normal window of width x height instead of full screen
    int width = 1280;
    int height = 720;
    std::string title = "kiosk";
};

/// One window, one GL context and the ImGui context drawn into it (RAII for all three).
class Window {
public:
    /// Opens everything; nullptr with error set when SDL, GL or the backends cannot start.
    static std::unique_ptr<Window> open(const WindowOptions& options, std::string& error);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    SDL_Window* sdl() const { return m_window; }
    /// Display DPI relative to 96, at least 1.
    float dpiScale() const { return m_dpiScale; }
    /// The display's refresh rate (60 when SDL does not know).
    int refreshHz() const { return m_refreshHz; }
    /// Drawable size in pixels.
    void drawableSize(int& w, int& h) const;

    /// Hands an event to ImGui; true when ImGui used it.
    bool processEvent(const SDL_Event& event);
    /// Starts an ImGui frame (backends first, then ImGui::NewFrame is the caller's).
    void newFrame();
    /// Renders ImGui's draw data into the back buffer (ImGui::Render must have run).
    void render();
    void swap();
    /// Re-uploads the font atlas after fonts were rebuilt.
    void reloadFonts();
    /// The back buffer as RGBA, rows top to bottom (call after render(), before swap()).
    RgbaImage readPixels() const;

private:
    Window() = default;
    SDL_Window* m_window = nullptr;
    void* m_gl = nullptr;
    bool m_sdlBackend = false;
    bool m_glBackend = false;
    float m_dpiScale = 1.0f;
    int m_refreshHz = 60;
};

/// A GL texture for the live camera picture (gray frames expanded to RGBA once per upload).
class Texture {
public:
    Texture() = default;
    ~Texture();
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;

    /// Uploads an 8-bit gray image with rowStride bytes per row and pixelStride bytes per pixel
    /// (2 for the Y plane of YUYV).
    void uploadGray(const unsigned char* data, int width, int height, int rowStride, int pixelStride);
    void* id() const { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(m_id)); }
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    unsigned m_id = 0;
    int m_width = 0;
    int m_height = 0;
    std::vector<unsigned char> m_rgba;
};

} // namespace kiosk::platform
