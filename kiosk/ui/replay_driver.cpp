#include "kiosk/ui/replay_driver.hpp"

#include <algorithm>
#include <cstdio>

#include "kiosk/ui/event_pump.hpp"
#include "kiosk/ui/frame_drawer.hpp"
#include "kiosk/ui/shell.hpp"

namespace kiosk::ui {

namespace {
// While a step waits, the screen is redrawn this often, so state computed while drawing (the MC's
// phase from the clock) moves on without input.
constexpr core::Millis kWaitFrameMs = 200;
} // namespace

ReplayDriver::ReplayDriver(std::vector<ReplayStep> steps, const GuiOptions& options, Shell& shell, Backend& backend,
                           FrameDrawer& drawer, EventPump& pump)
    : m_steps(std::move(steps)), m_options(options), m_shell(shell), m_backend(backend), m_drawer(drawer), m_pump(pump) {}

core::Millis ReplayDriver::sleepMs(core::Millis sinceStart) const {
    if (m_next >= m_steps.size() || done()) return 1000;
    if (m_steps[m_next].verb == "wait" || m_waitSince) return 50; // look again soon, without spinning
    return std::max<core::Millis>(0, m_steps[m_next].at - sinceStart);
}

bool ReplayDriver::turn(core::Millis sinceStart, core::Millis now) {
    // Nothing before the screen has been drawn: until then no widget has a place to click.
    if (m_next >= m_steps.size() || done() || m_steps[m_next].at > sinceStart || m_drawer.frames() < 2) return false;
    const ReplayStep& s = m_steps[m_next];
    if (s.verb == "wait") {
        const WaitCondition c = *parseWait(s.arg);
        return waitTurn(s, now, conditionHolds(c), "'" + s.arg + "'");
    }
    // Typed keys the shell still holds (they could be a scanner's burst) reach their field first:
    // a person's next action comes after what they typed has appeared.
    if (m_shell.keysPending()) return waitTurn(s, now, false, "typed keys to be delivered");
    // A widget that is not on screen yet (a view still loading, a tab just opened) is waited for.
    float x = 0, y = 0;
    if (s.verb == "click" && !clickCoordinates(s.arg, x, y) && !m_shell.hotspots().count(s.arg))
        return waitTurn(s, now, false, "the widget " + s.arg);
    m_waitSince = 0;
    ++m_next;
    run(s, now);
    return true;
}

bool ReplayDriver::waitTurn(const ReplayStep& s, core::Millis now, bool holds, const std::string& what) {
    if (holds) {
        m_waitSince = 0;
        ++m_next;
        return true;
    }
    if (!m_waitSince) m_waitSince = now;
    if (now - m_waitSince > kWaitTimeoutMs) {
        fail(s, "timed out waiting for " + what + "; the state: " + m_shell.stateJson());
        return true;
    }
    if (now - m_lastWaitFrame < kWaitFrameMs) return false;
    m_lastWaitFrame = now;
    return true;
}

bool ReplayDriver::conditionHolds(const WaitCondition& c) const {
    if (c.peer.empty()) return stateMatches(m_shell.stateJson(), c);
    const auto& kiosks = m_backend.snapshot().kiosks;
    return std::any_of(kiosks.begin(), kiosks.end(),
                       [&](const auto& k) { return k.name == c.peer && infoHasMark(k.info, c.value); });
}

void ReplayDriver::fail(const ReplayStep& s, const std::string& why) {
    std::fprintf(stderr, "replay line %d: %s\n", s.line, why.c_str());
    m_failed = true;
}

std::string ReplayDriver::heartbeatInfo(const std::string& info) const {
    return m_mark.empty() ? info : markedInfo(info, m_mark);
}

void ReplayDriver::input() {
    for (int i = 0; i < 2; ++i) {
        m_pump.drain();
        m_drawer.draw();
        m_pump.frameDrawn();
    }
}

void ReplayDriver::run(const ReplayStep& s, core::Millis now) {
    if (s.verb == "scan") {
        pushText(s.arg);
        pushKey(SDLK_RETURN, 0);
        input();
    } else if (s.verb == "type") {
        pushText(s.arg);
        input();
    } else if (s.verb == "key") {
        if (!pushKeyByName(s.arg)) return fail(s, "unknown key " + s.arg);
        input();
    } else if (s.verb == "click") {
        float x = 0, y = 0;
        if (!clickCoordinates(s.arg, x, y)) {
            const auto it = m_shell.hotspots().find(s.arg);
            x = it->second.x + it->second.w / 2;
            y = it->second.y + it->second.h / 2;
        }
        m_drawer.click(x, y);
    } else if (s.verb == "frame") {
        if (!m_options.loadFrame) return fail(s, "camera frames need the scan layer");
        DecodedFrame f = m_options.loadFrame(s.arg);
        if (!f.error.empty()) return fail(s, f.error);
        m_drawer.showCamera(f);
    } else if (s.verb == "shot") {
        m_drawer.draw();
        m_drawer.draw();
        m_drawer.draw(s.arg);
    } else if (s.verb == "mark") {
        // Published at once, not at the next heartbeat: another process may be waiting for it.
        m_mark = s.arg;
        const Settings& st = m_shell.settings();
        m_backend.heartbeat(st.kiosk, m_shell.role(), heartbeatInfo(st.listId), now);
    } else if (s.verb == "quit") {
        m_quit = true;
        m_shell.requestQuit();
        if (!m_shell.wantsQuit()) m_drawer.draw(); // the PIN prompt: replay scripts quit regardless
    }
}

} // namespace kiosk::ui
