#include "kiosk/core/model.hpp"

#include "kiosk/core/text.hpp"

namespace kiosk::core {

namespace {
std::string categoryKey(std::string_view text) {
    std::string out;
    for (const auto& t : tokens(fold(text))) out += (out.empty() ? "" : " ") + t;
    return out;
}
} // namespace

bool protocolBefore(int categoryRankA, const Delegate& a, int categoryRankB, const Delegate& b) {
    if (categoryRankA != categoryRankB) return categoryRankA < categoryRankB;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.name < b.name;
}

const Category* findCategory(const std::vector<Category>& categories, std::string_view text) {
    const std::string key = categoryKey(text);
    if (key.empty()) return nullptr;
    for (const auto& c : categories)
        if (c.id == text) return &c; // the exact id first: cheap and never ambiguous
    for (const auto& c : categories)
        if (categoryKey(c.id) == key || categoryKey(c.name) == key || (!c.nameEn.empty() && categoryKey(c.nameEn) == key)) return &c;
    return nullptr;
}

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
