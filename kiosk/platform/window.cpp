#include "kiosk/platform/window.hpp"

#include <GL/gl.h>
#include <SDL.h>
#include <SDL_syswm.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <optional>

#include "kiosk/platform/event_clock.hpp"

namespace kiosk::platform {

namespace {

// SDL stamps key and text events when it pumps them, so keys that arrive while a frame is drawn
// share one tick. The X server's own time of each key is in the raw event SDL hands over first:
// the filter maps it onto SDL's ticks and puts it on the key-down and text events that follow.
struct KeyTimes {
    EventClock clock;
    std::optional<Uint32> pressedAt; ///< the pending key press's own time, in ticks
};

int SDLCALL stampKeys(void* userdata, SDL_Event* event) {
    auto* times = static_cast<KeyTimes*>(userdata);
    switch (event->type) {
    case SDL_SYSWMEVENT: {
#if defined(SDL_VIDEO_DRIVER_X11)
        const SDL_SysWMmsg* msg = event->syswm.msg;
        times->pressedAt.reset();
        if (msg && msg->subsystem == SDL_SYSWM_X11 && msg->msg.x11.event.type == KeyPress)
            times->pressedAt = times->clock.toTicks(
                static_cast<std::uint32_t>(msg->msg.x11.event.xkey.time), SDL_GetTicks());
#endif
        return 0; // only read here: keep the raw events out of the queue
    }
    case SDL_KEYDOWN:
        if (times->pressedAt) event->key.timestamp = *times->pressedAt;
        return 1;
    case SDL_TEXTINPUT:
        if (times->pressedAt) event->text.timestamp = *times->pressedAt;
        times->pressedAt.reset(); // one press, one text
        return 1;
    default:
        return 1;
    }
}

KeyTimes g_keyTimes; // SDL's event filter is process-wide, like the window

} // namespace

std::unique_ptr<Window> Window::open(const WindowOptions& options, std::string& error) {
    // Touch works like the mouse; a kiosk must not blank its screen or minimize when it loses focus.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    // SIGTERM/SIGINT (a shutdown, systemd) end the process; only the window's close needs the PIN.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("SDL: ") + SDL_GetError();
        return nullptr;
    }
    std::unique_ptr<Window> w(new Window());
    SDL_DisableScreenSaver();
    SDL_EventState(SDL_SYSWMEVENT, SDL_ENABLE);
    SDL_SetEventFilter(stampKeys, &g_keyTimes);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);

    const int displays = SDL_GetNumVideoDisplays();
    const int display = std::clamp(options.display, 0, std::max(0, displays - 1));
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED_DISPLAY(display), y = x, width = options.width, height = options.height;
    if (!options.windowed) {
        SDL_Rect bounds{};
        if (SDL_GetDisplayBounds(display, &bounds) == 0) {
            x = bounds.x;
            y = bounds.y;
            width = bounds.w;
            height = bounds.h;
        }
        flags |= SDL_WINDOW_BORDERLESS | SDL_WINDOW_FULLSCREEN_DESKTOP;
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    w->m_window = SDL_CreateWindow(options.title.c_str(), x, y, width, height, flags);
    if (!w->m_window) {
        error = std::string("SDL window: ") + SDL_GetError();
        return nullptr;
    }
    w->m_gl = SDL_GL_CreateContext(w->m_window);
    if (!w->m_gl) {
        error = std::string("OpenGL 3 context: ") + SDL_GetError();
        return nullptr;
    }
    SDL_GL_MakeCurrent(w->m_window, w->m_gl);
    SDL_GL_SetSwapInterval(1); // the display's rate while animating; idle frames are not drawn at all

    float ddpi = 0;
    if (SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0)
        w->m_dpiScale = std::clamp(ddpi / 96.0f, 1.0f, 4.0f);
    SDL_DisplayMode mode{};
    if (SDL_GetCurrentDisplayMode(display, &mode) == 0 && mode.refresh_rate > 0) w->m_refreshHz = mode.refresh_rate;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // a kiosk's layout is code, not a file left in the working directory
    w->m_sdlBackend = ImGui_ImplSDL2_InitForOpenGL(w->m_window, w->m_gl);
    w->m_glBackend = ImGui_ImplOpenGL3_Init("#version 130");
    if (!w->m_sdlBackend || !w->m_glBackend) {
        error = "Dear ImGui backends failed to start";
        return nullptr;
    }
    return w;
}

Window::~Window() {
    SDL_SetEventFilter(nullptr, nullptr);
    if (m_glBackend) ImGui_ImplOpenGL3_Shutdown();
    if (m_sdlBackend) ImGui_ImplSDL2_Shutdown();
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    if (m_gl) SDL_GL_DeleteContext(m_gl);
    if (m_window) SDL_DestroyWindow(m_window);
    SDL_Quit();
}

void Window::drawableSize(int& w, int& h) const { SDL_GL_GetDrawableSize(m_window, &w, &h); }

bool Window::processEvent(const SDL_Event& event) { return ImGui_ImplSDL2_ProcessEvent(&event); }

void Window::newFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
}

void Window::render() {
    int w = 0, h = 0;
    drawableSize(w, h);
    glViewport(0, 0, w, h);
    glClearColor(0.06f, 0.09f, 0.16f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::swap() { SDL_GL_SwapWindow(m_window); }

void Window::reloadFonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

RgbaImage Window::readPixels() const {
    RgbaImage img;
    drawableSize(img.width, img.height);
    img.pixels.resize(size_t(img.width) * size_t(img.height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, img.width, img.height, GL_RGBA, GL_UNSIGNED_BYTE, img.pixels.data());
    // GL's rows go bottom to top.
    const size_t stride = size_t(img.width) * 4;
    std::vector<std::uint8_t> tmp(stride);
    for (int y = 0; y < img.height / 2; ++y) {
        auto* a = img.pixels.data() + size_t(y) * stride;
        auto* b = img.pixels.data() + size_t(img.height - 1 - y) * stride;
        std::copy(a, a + stride, tmp.data());
        std::copy(b, b + stride, a);
        std::copy(tmp.data(), tmp.data() + stride, b);
    }
    return img;
}

Texture::~Texture() {
    if (m_id) glDeleteTextures(1, &m_id);
}

void Texture::uploadGray(const unsigned char* data, int width, int height, int rowStride, int pixelStride) {
    m_rgba.resize(size_t(width) * size_t(height) * 4);
    for (int y = 0; y < height; ++y) {
        const unsigned char* src = data + size_t(y) * size_t(rowStride);
        unsigned char* dst = m_rgba.data() + size_t(y) * size_t(width) * 4;
        for (int x = 0; x < width; ++x) {
            const unsigned char v = src[size_t(x) * size_t(pixelStride)];
            dst[0] = dst[1] = dst[2] = v;
            dst[3] = 255;
            dst += 4;
        }
    }
    if (!m_id) glGenTextures(1, &m_id);
    glBindTexture(GL_TEXTURE_2D, m_id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (width != m_width || height != m_height)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, m_rgba.data());
    else
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, m_rgba.data());
    m_width = width;
    m_height = height;
}

} // namespace kiosk::platform
