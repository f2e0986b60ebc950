#pragma once
// The organizer PIN's lockout rule, pure: five wrong PINs in a row lock the prompt, for longer
// each time (60 s, 5 min, then 15 min); a right PIN clears it. The store keeps the state per
// machine, so a restart does not reset it.
#include "kiosk/core/time.hpp"

namespace kiosk::core {

/// What a machine's PIN prompt has seen.
struct PinLockState {
    int wrong = 0;          ///< wrong PINs since the last lock or the last right PIN
    int lockouts = 0;       ///< locks since the last right PIN (the next one is longer)
    Millis lockedUntil = 0; ///< attempts are refused before this
    bool operator==(const PinLockState&) const = default;
};

inline constexpr int kPinMaxAttempts = 5;

/// How long the n-th lock (1-based) lasts: 60 s, 5 min, then 15 min.
Millis pinLockDuration(int lockout);

/// True while attempts are refused.
inline bool pinLocked(const PinLockState& s, Millis now) {
    return now < s.lockedUntil;
}

/// Records a wrong PIN at now; true when it started a lock (state.lockedUntil says until when).
bool pinWrong(PinLockState& state, Millis now);

/// Records the right PIN: everything is forgiven.
inline void pinRight(PinLockState& state) {
    state = PinLockState{};
}

} // namespace kiosk::core
