#pragma once
// "Are the leaders here yet?": the delegates the ceremony waits for (those the MC introduces, in
// protocol order) who have not entered the ceremony's list, with unit, phone and whether the desk
// marked them "đã báo vắng" (sent apologies). The desk's mark and its withdrawal go through here
// too (the console and `kiosk delegates apologise` alike); each is an append-only record.
//
// For the screens (MC before the first item, console dashboard): call awaitedDelegates(db) when
// store::changeStamp(db) moves (it reads a few hundred rows at most); apologise()/withdrawApology()
// commit before they return.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "kiosk/core/model.hpp"
#include "kiosk/store/apology_repo.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// One delegate the ceremony waits for who has not arrived.
struct AwaitedDelegate {
    core::Delegate delegate;     ///< name, title, unit, phone (may be empty), seat
    std::string categoryName;
    int categoryRank = 100;
    bool apologised = false;     ///< the desk marked "đã báo vắng"
    std::string apologyReason;
    std::string apologyKiosk;
    core::Millis apologisedAt = 0;
};

/// The list the MC and the dashboard draw.
struct AwaitedList {
    std::string listId = "le";          ///< the ceremony's check-in list
    core::Millis plannedStart = 0;      ///< 0 when no start time is set
    int expected = 0;                   ///< delegates to introduce (not revoked)
    int arrived = 0;                    ///< of those, entered the list at least once
    int apologised = 0;                 ///< of those not arrived, marked "đã báo vắng"
    std::vector<AwaitedDelegate> missing; ///< not arrived, protocol order (category rank, rank, name)
};

/// Reads the awaited list now (committed state only).
AwaitedList awaitedDelegates(store::Database& db);

enum class ApologyError { None, NotFound, MissingReason, TooLong };

/// Marks a delegate (by code, case-insensitive) "đã báo vắng" with a reason; committed and audited.
/// A reason over the limit (core::TextField::Reason) is TooLong, and nothing is recorded.
ApologyError apologise(store::Database& db, const std::string& code, const std::string& reason,
                       const std::string& kiosk, core::Millis now);
/// Withdraws the mark (the delegate is expected after all); committed and audited.
ApologyError withdrawApology(store::Database& db, const std::string& code, const std::string& kiosk, core::Millis now);

/// The active apologies by delegate id, for the report and the exports.
std::unordered_map<std::int64_t, store::Apology> activeApologies(store::Database& db);

} // namespace kiosk::services
