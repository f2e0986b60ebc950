#include "kiosk/ui/model.hpp"

namespace kiosk::ui {

std::pair<std::int64_t, std::int64_t> Snapshot::totals(std::string_view listId) const {
    std::int64_t present = 0, expected = 0;
    for (const auto& c : counts) {
        if (c.listId != listId) continue;
        present += c.present;
        expected += c.expected;
    }
    return {present, expected};
}

const core::CheckinList* Snapshot::list(std::string_view id) const {
    for (const auto& l : lists)
        if (l.id == id) return &l;
    return nullptr;
}

const core::Category* Snapshot::category(std::string_view id) const {
    for (const auto& c : categories)
        if (c.id == id) return &c;
    return nullptr;
}

} // namespace kiosk::ui
