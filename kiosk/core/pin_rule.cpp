#include "kiosk/core/pin_rule.hpp"

namespace kiosk::core {

Millis pinLockDuration(int lockout) {
    if (lockout <= 1) return 60'000;
    if (lockout == 2) return 5 * 60'000;
    return 15 * 60'000;
}

bool pinWrong(PinLockState& state, Millis now) {
    if (++state.wrong < kPinMaxAttempts) return false;
    state.wrong = 0;
    ++state.lockouts;
    state.lockedUntil = now + pinLockDuration(state.lockouts);
    return true;
}

} // namespace kiosk::core
