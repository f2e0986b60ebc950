#pragma once
// The organizer PIN at a machine: attempts counted in the database per machine (kiosk name), the
// growing lockout of core/pin_rule.hpp, each lock written to the audit log, and an old hash
// re-made at the current libsodium limits once the right PIN proves who is typing.
#include <string>
#include <string_view>

#include "kiosk/core/pin_rule.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// What one attempt came to.
struct PinAttempt {
    enum class Result { Open, Wrong, Locked };
    Result result = Result::Wrong;
    core::PinLockState state; ///< the machine's state after the attempt
    bool lockStarted = false; ///< this attempt started a lock
};

/// Checks pin at kiosk at now. While locked, the PIN is not even checked. A database with no PIN
/// set opens (the console warns about it). Throws store::DbError when the database fails.
PinAttempt tryPin(store::Database& db, const std::string& kiosk, std::string_view pin,
                  core::Millis now);

/// The machine's lockout as stored (for a prompt opened after a restart).
core::PinLockState pinLockState(store::Database& db, const std::string& kiosk);

} // namespace kiosk::services
