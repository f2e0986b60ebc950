#pragma once
// "Đã báo vắng": a delegate who sent apologies, as the desk recorded it. Append-only: each mark
// or withdrawal is a new row with its own UUID and kiosk, and the newest row per delegate counts,
// so the history stays auditable and the rows can travel to other machines.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "kiosk/core/time.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::store {

/// The newest apology record of one delegate.
struct Apology {
    std::int64_t delegateId = 0;
    bool active = false;   ///< false once withdrawn (the delegate is expected again)
    std::string reason;
    std::string kiosk;     ///< which desk recorded it
    core::Millis at = 0;
};

/// Appends a mark (withdrawn = false) or a withdrawal; returns the record's UUID.
std::string appendApology(Database& db, std::int64_t delegateId, const std::string& reason, bool withdrawn,
                          const std::string& kiosk, core::Millis at);

/// The newest record per delegate, withdrawn ones included (active = false).
std::unordered_map<std::int64_t, Apology> latestApologies(Database& db);

} // namespace kiosk::store
