#pragma once
// The screen of a role whose view is not installed yet: says so plainly.
#include <memory>
#include <string>

#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

std::unique_ptr<View> makePlaceholderView(std::string roleId, std::string titleKey);

} // namespace kiosk::ui
