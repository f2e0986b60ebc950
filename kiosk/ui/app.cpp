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
#include "kiosk/ui/replay.hpp"
#include "kiosk/ui/shell.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr core::Millis kPollMs = 500;       // other kiosks' commits show within a second
constexpr core::Millis kHeartbeatMs = 15000;

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

// Text as SDL delivers typed characters: one event per code point.
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

// "alt+F4", "Escape", "Return", "5".
void pushKeyByName(const std::string& name) {
    Uint16 mod = 0;
    std::string key = name;
    if (key.rfind("alt+", 0) == 0) {
        mod = KMOD_LALT;
        key = key.substr(4);
    }
    const SDL_Keycode sym = SDL_GetKeyFromName(key.c_str());
    if (sym != SDLK_UNKNOWN) pushKey(sym, mod);
    else std::fprintf(stderr, "replay: unknown key %s\n", name.c_str());
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
    std::vector<ReplayStep> steps;
    if (!options.replayFile.empty()) {
        std::ifstream in(options.replayFile);
        std::stringstream text;
        text << in.rdbuf();
        std::string error;
        auto parsed = in ? parseReplay(text.str(), error) : std::nullopt;
        if (!parsed) {
            std::fprintf(stderr, "kiosk gui: replay %s: %s\n", options.replayFile.c_str(), in ? error.c_str() : "cannot read");
            return 2;
        }
        steps = std::move(*parsed);
    }
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
    float scale = uiScale(dw, dh, window->dpiScale());
    if (!platform::loadFonts(*ImGui::GetIO().Fonts, scale, fonts, error)) {
        std::fprintf(stderr, "kiosk gui: %s\n", error.c_str());
        return 2;
    }
    applyTheme(scale);
    platform::Audio audio;
    platform::Texture cameraTexture;
    CameraPicture camera;

    Shell shell(backend, fonts, options.role, options.settings);
    core::Millis nextPoll = 0, nextHeartbeat = 0, wakeAt = 0;
    bool animating = false;
    int settle = 2; // ImGui settles layout and clicks over a couple of frames after any input
    size_t nextStep = 0;
    struct Click {
        float x, y;
        int phase;
    };
    std::optional<Click> click;
    const Uint64 start = SDL_GetTicks64();
    const Uint32 frameMs = 1000 / static_cast<Uint32>(std::max(1, window->refreshHz()));

    auto showFrame = [&](DecodedFrame& f) {
        if (!f.gray.empty()) {
            cameraTexture.uploadGray(f.gray.data(), f.width, f.height, f.width, 1);
            camera = CameraPicture{cameraTexture.id(), f.width, f.height};
        }
        if (f.text) shell.scan(*f.text, "camera");
    };

    auto renderFrame = [&](const std::string& shotName) {
        const core::Millis now = core::nowMillis();
        window->newFrame();
        if (click) {
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(click->x, click->y);
            io.MouseDown[0] = click->phase == 1;
            if (++click->phase > 2) click.reset();
        }
        ImGui::NewFrame();
        const FrameResult r = shell.frame(now, scale, camera.texture ? &camera : nullptr, SDL_GetTicks());
        ImGui::Render();
        window->render();
        if (r.cue) audio.play(*r.cue);
        animating = r.animating;
        wakeAt = r.wakeAt;
        if (!shotName.empty()) {
            const platform::RgbaImage img = window->readPixels();
            const std::string path = options.screenshotDir.empty() ? shotName + ".png" : options.screenshotDir + "/" + shotName + ".png";
            std::string err;
            if (!platform::writePng(path, img, err)) std::fprintf(stderr, "kiosk gui: %s\n", err.c_str());
        }
        window->swap();
    };

    auto handleEvent = [&](const SDL_Event& e) {
        if (e.type == SDL_QUIT) {
            shell.requestQuit();
            return;
        }
        if (e.type == SDL_KEYDOWN) {
            char digit = 0;
            if (auto k = shellKey(e.key.keysym, digit)) {
                const bool digitForImGui = *k == ShellKey::Digit && !shell.pinOpen();
                if (!digitForImGui && shell.key(*k, digit, e.key.timestamp)) return;
            }
        }
        if (e.type == SDL_TEXTINPUT && shell.text(e.text.text, e.text.timestamp)) return;
        window->processEvent(e);
    };
    // ImGui 1.86 reads key state once per frame, so a key pressed and released between two frames
    // (a presenter clicker, a replayed key) would never count as pressed. Such a release is held
    // back and re-queued after the next frame.
    std::vector<SDL_Event> heldReleases;
    std::vector<SDL_Scancode> downThisFrame;
    auto dispatch = [&](const SDL_Event& e) {
        if (e.type == SDL_KEYDOWN) downThisFrame.push_back(e.key.keysym.scancode);
        if (e.type == SDL_KEYUP &&
            std::find(downThisFrame.begin(), downThisFrame.end(), e.key.keysym.scancode) != downThisFrame.end()) {
            heldReleases.push_back(e);
            return;
        }
        handleEvent(e);
    };
    auto releaseHeld = [&] {
        downThisFrame.clear();
        for (auto& e : heldReleases) SDL_PushEvent(&e);
        heldReleases.clear();
    };
    // Replay input is handled and drawn at once, so a later step sees its effect.
    auto pumpAndDraw = [&] {
        SDL_Event e;
        while (SDL_PollEvent(&e)) dispatch(e);
        renderFrame({});
        releaseHeld();
        while (SDL_PollEvent(&e)) dispatch(e);
        renderFrame({});
        releaseHeld();
    };

    auto runStep = [&](const ReplayStep& s) {
        if (s.verb == "scan") {
            pushText(s.arg);
            pushKey(SDLK_RETURN, 0);
            pumpAndDraw();
        } else if (s.verb == "type") {
            pushText(s.arg);
            pumpAndDraw();
        } else if (s.verb == "key") {
            pushKeyByName(s.arg);
            pumpAndDraw();
        } else if (s.verb == "click") {
            float x = 0, y = 0;
            if (!clickCoordinates(s.arg, x, y)) {
                auto it = shell.hotspots().find(s.arg);
                if (it == shell.hotspots().end()) {
                    std::fprintf(stderr, "replay line %d: no widget named %s on screen\n", s.line, s.arg.c_str());
                    return;
                }
                x = it->second.x + it->second.w / 2;
                y = it->second.y + it->second.h / 2;
            }
            click = Click{x, y, 0};
            while (click) renderFrame({}); // hover, press, release
        } else if (s.verb == "frame") {
            if (!options.loadFrame) {
                std::fprintf(stderr, "replay line %d: camera frames need the scan layer\n", s.line);
                return;
            }
            DecodedFrame f = options.loadFrame(s.arg);
            if (!f.error.empty()) std::fprintf(stderr, "replay line %d: %s\n", s.line, f.error.c_str());
            showFrame(f);
        } else if (s.verb == "shot") {
            renderFrame({});
            renderFrame({});
            renderFrame(s.arg);
        } else if (s.verb == "quit") {
            shell.requestQuit();
            if (!shell.wantsQuit()) renderFrame({}); // the PIN prompt: replay scripts quit regardless
        }
    };

    bool replayQuit = false;
    while (!shell.wantsQuit() && !replayQuit) {
        const core::Millis now = core::nowMillis();
        const core::Millis sinceStart = static_cast<core::Millis>(SDL_GetTicks64() - start);

        // Sleep until something needs a frame: input, a view's timer, the next poll or replay step.
        core::Millis until = nextPoll;
        if (wakeAt) until = std::min(until, wakeAt);
        if (nextStep < steps.size()) until = std::min(until, now + (steps[nextStep].at - sinceStart));
        int timeout = static_cast<int>(std::clamp<core::Millis>(until - now, 0, 1000));
        if (animating || settle > 0) timeout = 0;
        // A live camera picture: look for a new frame at the camera's pace.
        if (!shell.settings().camera.empty()) timeout = std::min(timeout, 33);
        bool dirty = false;
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, timeout)) {
            do {
                dirty = true;
                dispatch(e);
            } while (SDL_PollEvent(&e));
        }
        if (now >= nextPoll) {
            dirty |= backend.refresh(now);
            nextPoll = now + kPollMs;
        }
        platform::notifyAlive(); // the systemd watchdog: a hung loop stops these pings and is restarted
        if (now >= nextHeartbeat) {
            backend.heartbeat(shell.settings().kiosk, shell.role(), shell.settings().listId, now);
            nextHeartbeat = now + kHeartbeatMs;
        }
        if (options.followDevices) {
            Settings& st = shell.settings();
            const std::string camera = st.cameraStatus, scanner = st.scannerStatus;
            options.followDevices(st);
            dirty |= st.cameraStatus != camera || st.scannerStatus != scanner;
        }
        if (options.pollCamera) {
            if (auto f = options.pollCamera()) {
                showFrame(*f);
                dirty = true;
            }
        }
        if (options.pollScans) {
            for (auto& [text, source] : options.pollScans()) {
                shell.scan(text, source);
                dirty = true;
            }
        }
        // One step per turn, so polls and timers interleave with a script that runs late.
        if (nextStep < steps.size() && steps[nextStep].at <= static_cast<core::Millis>(SDL_GetTicks64() - start)) {
            const ReplayStep step = steps[nextStep++];
            if (step.verb == "quit") replayQuit = true;
            runStep(step);
            dirty = true;
        }
        if (wakeAt && now >= wakeAt) dirty = true;
        if (dirty) settle = 2;
        if (dirty || settle > 0 || animating) {
            const Uint64 t0 = SDL_GetTicks64();
            renderFrame({});
            releaseHeld();
            if (!dirty) --settle;
            // Software GL under Xvfb does not wait for vsync: pace animation to the display's rate.
            const Uint64 spent = SDL_GetTicks64() - t0;
            if (animating && spent < frameMs) SDL_Delay(static_cast<Uint32>(frameMs - spent));
        }
    }
    platform::notifyStopping();
    if (options.stopInputs) options.stopInputs();
    if (!options.stateFile.empty()) {
        backend.refresh(core::nowMillis()); // the state on quit reflects every commit so far
        std::ofstream out(options.stateFile);
        out << shell.stateJson() << '\n';
    }
    return 0;
}

} // namespace kiosk::ui
