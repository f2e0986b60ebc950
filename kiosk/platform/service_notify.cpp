#include "kiosk/platform/service_notify.hpp"

#include <systemd/sd-daemon.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace kiosk::platform {

namespace {

using Clock = std::chrono::steady_clock;

struct State {
    bool started = false;
    bool watchdog = false;
    Clock::duration interval{};
    Clock::time_point first{}, last{};
    // Test hook; parsed once.
    bool stallArmed = false;
    Clock::duration stallAfter{}, stallFor{};
};

State& state() {
    static State s;
    return s;
}

void start(State& s) {
    s.started = true;
    // Not sd_watchdog_enabled(): it checks $WATCHDOG_PID, which names the unit's main process, and
    // under cage or xinit that is the compositor whose child we are (the unit has
    // NotifyAccess=all).
    if (const char* text = std::getenv("WATCHDOG_USEC")) {
        const unsigned long long usec = std::strtoull(text, nullptr, 10);
        if (usec > 0) {
            s.watchdog = true;
            s.interval = std::chrono::microseconds(usec / 4);
        }
    }
    if (const char* stall = std::getenv("KIOSK_TEST_STALL")) {
        long after = 0, length = 0;
        if (std::sscanf(stall, "%ld:%ld", &after, &length) == 2 && after >= 0 && length > 0) {
            s.stallArmed = true;
            s.stallAfter = std::chrono::milliseconds(after);
            s.stallFor = std::chrono::milliseconds(length);
        }
    }
    s.first = s.last = Clock::now();
    sd_notify(0, "READY=1\nSTATUS=kiosk running");
}

} // namespace

void notifyAlive() {
    State& s = state();
    if (!s.started) {
        start(s);
        if (s.watchdog) sd_notify(0, "WATCHDOG=1");
        return;
    }
    const auto now = Clock::now();
    if (s.stallArmed && now - s.first >= s.stallAfter) {
        s.stallArmed = false;
        std::fprintf(stderr, "kiosk: KIOSK_TEST_STALL: frame loop stalled on purpose\n");
        std::this_thread::sleep_for(s.stallFor);
        return; // the next turn pings again
    }
    if (s.watchdog && now - s.last >= s.interval) {
        s.last = now;
        sd_notify(0, "WATCHDOG=1");
    }
}

void notifyStopping() {
    sd_notify(0, "STOPPING=1");
}

} // namespace kiosk::platform
