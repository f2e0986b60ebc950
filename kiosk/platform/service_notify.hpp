#pragma once
// Tells systemd the kiosk is alive (sd_notify), so a frame loop that hangs is restarted by the
// unit's watchdog. Does nothing when not started by systemd (no $NOTIFY_SOCKET).

namespace kiosk::platform {

/// Called once per turn of the frame loop: READY=1 the first time, then WATCHDOG=1 at most every
/// quarter of the unit's WatchdogSec. Cheap enough for every turn; never throws.
/// Test hook: $KIOSK_TEST_STALL="AFTER_MS:FOR_MS" makes one call, AFTER_MS after the first,
/// block for FOR_MS, as a hung frame would (tests/e2e/watchdog.sh).
void notifyAlive();

/// STOPPING=1 before a clean quit, so systemd does not count the exit as a hang.
void notifyStopping();

} // namespace kiosk::platform
