#pragma once
// The PIN lockout of each machine (kiosk name), kept in the event database so that restarting the
// program does not give an attacker five more tries.
#include <string>
#include <vector>

#include "kiosk/core/pin_rule.hpp"
#include "kiosk/store/db.hpp"
#include "kiosk/store/schema.hpp"

namespace kiosk::store {

/// The machine's state (all zero when it has none).
core::PinLockState loadPinLock(Database& db, const std::string& kiosk);
void savePinLock(Database& db, const std::string& kiosk, const core::PinLockState& state);

} // namespace kiosk::store
