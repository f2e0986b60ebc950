#pragma once
// Factories of the screens this folder implements (one file each).
#include <memory>

#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

/// The check-in gate (role checkin).
std::unique_ptr<View> makeGateView();
/// The organizer console (role organizer, and any role after the PIN).
std::unique_ptr<View> makeConsoleView();

} // namespace kiosk::ui
