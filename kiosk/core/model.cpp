#include "kiosk/core/model.hpp"

namespace kiosk::core {

bool listWindow(const Event& event, const CheckinList& list, ListWindow& out) {
    const auto day = parseDate(event.date);
    const auto opens = parseHourMinute(list.opens);
    const auto closes = parseHourMinute(list.closes);
    if (!day || !opens || !closes) return false;
    out.opens = localToMillis(*day, *opens, event.utcOffsetMin);
    out.closes = localToMillis(*day, *closes, event.utcOffsetMin);
    out.opensWithTolerance = out.opens - list.toleranceMin * 60000LL;
    out.closesWithTolerance = out.closes + list.toleranceMin * 60000LL;
    return true;
}

} // namespace kiosk::core
