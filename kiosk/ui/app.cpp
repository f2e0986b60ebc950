#include "kiosk/ui/app.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/platform/service_notify.hpp"
#include "kiosk/platform/window.hpp"
#include "kiosk/ui/event_pump.hpp"
#include "kiosk/ui/frame_drawer.hpp"
#include "kiosk/ui/replay_driver.hpp"
#include "kiosk/ui/shell.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr core::Millis kPollMs = 500;       // other kiosks' commits show within a second
constexpr core::Millis kHeartbeatMs = 15000;

std::optional<std::vector<ReplayStep>> loadReplay(const std::string& file) {
    if (file.empty()) return std::vector<ReplayStep>{};
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    std::string error = "cannot read";
    auto parsed = in ? parseReplay(text.str(), error) : std::nullopt;
    if (!parsed) std::fprintf(stderr, "kiosk gui: replay %s: %s\n", file.c_str(), error.c_str());
    return parsed;
}

// Everything the loop looks at besides input: the database, the heartbeat, devices, the camera
// and serial workers. True when the screen must be redrawn.
class Inputs {
public:
    Inputs(const GuiOptions& options, Backend& backend, Shell& shell, FrameDrawer& drawer)
        : m_options(options), m_backend(backend), m_shell(shell), m_drawer(drawer) {}

    core::Millis nextPoll() const { return m_nextPoll; }

    bool poll(core::Millis now, const ReplayDriver& replay) {
        bool dirty = false;
        if (now >= m_nextPoll) {
            dirty |= m_backend.refresh(now);
            m_nextPoll = now + kPollMs;
        }
        if (now >= m_nextHeartbeat) {
            const Settings& st = m_shell.settings();
            m_backend.heartbeat(st.kiosk, m_shell.role(), replay.heartbeatInfo(st.listId), now);
            m_nextHeartbeat = now + kHeartbeatMs;
        }
        if (m_options.followDevices) {
            Settings& st = m_shell.settings();
            const std::string camera = st.cameraStatus, scanner = st.scannerStatus;
            m_options.followDevices(st);
            dirty |= st.cameraStatus != camera || st.scannerStatus != scanner;
        }
        if (m_options.pollCamera) {
            if (auto f = m_options.pollCamera()) {
                m_drawer.showCamera(*f);
                dirty = true;
            }
        }
        if (m_options.pollScans) {
            for (auto& [text, source] : m_options.pollScans()) {
                m_shell.scan(text, source);
                dirty = true;
            }
        }
        return dirty;
    }

private:
    const GuiOptions& m_options;
    Backend& m_backend;
    Shell& m_shell;
    FrameDrawer& m_drawer;
    core::Millis m_nextPoll = 0, m_nextHeartbeat = 0;
};

struct FrameLoop {
    Shell& shell;
    EventPump& pump;
    FrameDrawer& drawer;
    ReplayDriver& replay;
    Inputs& inputs;
    const GuiOptions& options;
    int refreshHz;
};

// The frame loop: sleep until something needs a frame (input, a view's timer, the next poll or
// replay step), look at everything, draw only when something changed.
void frameLoop(const FrameLoop& l) {
    const Uint64 start = SDL_GetTicks64();
    const Uint32 frameMs = 1000 / static_cast<Uint32>(std::max(1, l.refreshHz));
    int settle = 2; // ImGui settles layout and clicks over a couple of frames after any input
    while (!l.shell.wantsQuit() && !l.replay.done()) {
        const core::Millis now = core::nowMillis();
        const auto sinceStart = [&] { return static_cast<core::Millis>(SDL_GetTicks64() - start); };
        core::Millis until = std::min(l.inputs.nextPoll(), now + l.replay.sleepMs(sinceStart()));
        if (l.drawer.wakeAt()) until = std::min(until, l.drawer.wakeAt());
        int timeout = static_cast<int>(std::clamp<core::Millis>(until - now, 0, 1000));
        if (l.drawer.animating() || settle > 0) timeout = 0;
        // A live camera picture: look for a new frame at the camera's pace.
        if (!l.shell.settings().camera.empty()) timeout = std::min(timeout, 33);

        bool dirty = l.pump.wait(timeout);
        dirty |= l.inputs.poll(now, l.replay);
        // One step per turn, so polls and timers interleave with the script.
        dirty |= l.replay.turn(sinceStart(), now);
        if (l.options.onTurn) l.options.onTurn();
        platform::notifyAlive(); // the systemd watchdog: a hung loop stops these pings and is restarted
        if (l.drawer.wakeAt() && now >= l.drawer.wakeAt()) dirty = true;
        if (dirty) settle = 2;
        if (dirty || settle > 0 || l.drawer.animating()) {
            const Uint64 t0 = SDL_GetTicks64();
            l.drawer.draw();
            l.pump.frameDrawn();
            if (!dirty) --settle;
            // Software GL under Xvfb does not wait for vsync: pace animation to the display's rate.
            const Uint64 spent = SDL_GetTicks64() - t0;
            if (l.drawer.animating() && spent < frameMs) SDL_Delay(static_cast<Uint32>(frameMs - spent));
        }
    }
}

} // namespace

void wakeGui() {
    SDL_Event e{};
    e.type = SDL_USEREVENT;
    SDL_PushEvent(&e);
}

bool parseSize(const std::string& text, int& width, int& height) {
    char x = 0;
    std::istringstream in(text);
    if (!(in >> width >> x >> height) || (x != 'x' && x != 'X') || width < 200 || height < 200) return false;
    std::string rest;
    return !(in >> rest);
}

float uiScale(int width, int height, float dpiScale) {
    const float bySize = std::min(static_cast<float>(width) / 1600.0f, static_cast<float>(height) / 1000.0f);
    return std::clamp(std::max(bySize, dpiScale * 0.75f), 0.6f, 4.0f);
}

int runGui(const GuiOptions& options, Backend& backend) {
    auto steps = loadReplay(options.replayFile);
    if (!steps) return 2;
    if (!options.screenshotDir.empty()) std::filesystem::create_directories(options.screenshotDir);

    platform::WindowOptions wo;
    wo.display = options.display;
    wo.windowed = options.windowed;
    wo.width = options.width;
    wo.height = options.height;
    wo.title = "kiosk";
    std::string error;
    auto window = platform::Window::open(wo, error);
    if (!window) {
        std::fprintf(stderr, "kiosk gui: %s\n", error.c_str());
        return 2;
    }
    platform::Fonts fonts;
    int dw = 0, dh = 0;
    window->drawableSize(dw, dh);
    const float scale = uiScale(dw, dh, window->dpiScale());
    if (!platform::loadFonts(*ImGui::GetIO().Fonts, scale, fonts, error)) {
        std::fprintf(stderr, "kiosk gui: %s\n", error.c_str());
        return 2;
    }
    applyTheme(scale);

    Shell shell(backend, fonts, options.role, options.settings);
    EventPump pump(shell, *window);
    FrameDrawer drawer(*window, shell, scale, options.screenshotDir);
    ReplayDriver replay(std::move(*steps), options, shell, backend, drawer, pump);
    Inputs inputs(options, backend, shell, drawer);
    if (options.onStart) options.onStart();
    frameLoop(FrameLoop{shell, pump, drawer, replay, inputs, options, window->refreshHz()});
    platform::notifyStopping();

    if (options.stopInputs) options.stopInputs();
    if (!options.stateFile.empty()) {
        backend.refresh(core::nowMillis()); // the state on quit reflects every commit so far
        std::ofstream out(options.stateFile);
        out << shell.stateJson() << '\n';
    }
    return replay.failed() ? 3 : 0;
}

} // namespace kiosk::ui
