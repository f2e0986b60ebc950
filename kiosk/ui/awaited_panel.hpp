#pragma once
// "Are the leaders here yet?": the delegates the ceremony waits for who have not arrived, in
// protocol order, beside the planned start. The MC sees it before the first item; the console's
// dashboard shows the same list and lets the desk mark "đã báo vắng" with a reason.
#include <optional>
#include <string>

#include "kiosk/services/awaited.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

/// The desk's edit in progress (console only): which delegate, and the reason typed so far.
struct AwaitedEdit {
    std::string code;   ///< the delegate being marked, "" = none
    std::string reason;
};

/// What the desk asked for in one frame.
struct AwaitedIntent {
    std::optional<std::pair<std::string, std::string>> apologise; ///< code, reason
    std::optional<std::string> withdraw;                           ///< code
};

/// Draws the list in the current window, using the space left; edit = nullptr draws it read-only
/// (the MC's screen). utcOffsetMin formats the planned start.
AwaitedIntent drawAwaited(ViewContext& ctx, const services::AwaitedList& list, int utcOffsetMin, AwaitedEdit* edit);

} // namespace kiosk::ui
