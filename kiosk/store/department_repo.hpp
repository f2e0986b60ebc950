#pragma once
// What the department asks of a unit's own database: delegates expected and present per
// category, and the report the unit last issued.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/store/db.hpp"

namespace kiosk::store {

/// One category's delegates: expected (not revoked) and present (entered at least once).
struct CategoryPresence {
    std::string categoryId;
    std::int64_t expected = 0;
    std::int64_t present = 0;
};

/// Every category that has delegates, in rank order. present counts like eventFigures().
std::vector<CategoryPresence> categoryPresence(Database& db);

} // namespace kiosk::store
