#pragma once
// Runs a replay script inside the GUI's loop: one step per loop turn, each after the one before;
// a `wait` step holds the script until its condition is true or fails the run at its timeout.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/ui/app.hpp"
#include "kiosk/ui/replay.hpp"

namespace kiosk::ui {

class EventPump;
class FrameDrawer;
class Shell;

class ReplayDriver {
public:
    /// How long a `wait` step may take before the run fails (a loaded machine included).
    static constexpr core::Millis kWaitTimeoutMs = 60000;

    ReplayDriver(std::vector<ReplayStep> steps, const GuiOptions& options, Shell& shell, Backend& backend,
                 FrameDrawer& drawer, EventPump& pump);

    /// How long the loop may sleep before the driver wants a turn, in ms.
    core::Millis sleepMs(core::Millis sinceStart) const;
    /// Runs the next step when it is due; true when it changed what is on screen.
    bool turn(core::Millis sinceStart, core::Millis now);
    /// The script ran its quit step, or failed.
    bool done() const { return m_quit || m_failed; }
    /// A wait timed out or a step could not run: the process exits with an error.
    bool failed() const { return m_failed; }
    /// This kiosk's heartbeat info: `info`, with the last mark published, if any.
    std::string heartbeatInfo(const std::string& info) const;

private:
    void run(const ReplayStep& s, core::Millis now);
    /// A step that holds the script until `holds`; fails it after kWaitTimeoutMs, naming `what`.
    bool waitTurn(const ReplayStep& s, core::Millis now, bool holds, const std::string& what);
    bool conditionHolds(const WaitCondition& c) const;
    void fail(const ReplayStep& s, const std::string& why);
    void input(); ///< handles the queued input and draws it, so the next step sees its effect

    std::vector<ReplayStep> m_steps;
    const GuiOptions& m_options;
    Shell& m_shell;
    Backend& m_backend;
    FrameDrawer& m_drawer;
    EventPump& m_pump;
    size_t m_next = 0;
    core::Millis m_waitSince = 0; ///< when the current wait step began (0: none)
    core::Millis m_lastWaitFrame = 0;
    std::string m_mark;
    bool m_quit = false;
    bool m_failed = false;
};

} // namespace kiosk::ui
