#pragma once
// The ceremony in the database: program items, awards, the append-only log of show actions
// (from which the timeline is derived), messages from the MC to the stage, and the stage state.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/award.hpp"
#include "kiosk/core/run_of_show.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::store {

/// Changes whenever anything was committed, by another connection (data_version) or by this
/// one (total_changes), so a screen knows when to reread.
std::pair<std::int64_t, std::int64_t> changeStamp(Database& db);

/// Adds one item (its id must be new).
void insertProgramItem(Database& db, const core::ProgramItem& item, core::Millis now);
/// Replaces the whole program (the action log is kept: it names items by id).
void saveProgram(Database& db, const std::vector<core::ProgramItem>& items, core::Millis now);
/// By order.
std::vector<core::ProgramItem> loadProgram(Database& db);
/// Updates one item by id; false when there is no such item.
bool updateProgramItem(Database& db, const core::ProgramItem& item, core::Millis now);

/// Appends one action; returns its seq.
std::int64_t appendShowAction(Database& db, const core::ShowAction& action, const std::string& kiosk);
/// The whole log in order.
std::vector<core::ShowAction> loadShowActions(Database& db);

/// Replaces every award (their handed ticks included).
void saveAwards(Database& db, const std::vector<core::Award>& awards);
/// By order.
std::vector<core::Award> loadAwards(Database& db);
/// Ticks (at) or unticks (nullopt) an award; false when there is no such award.
bool setAwardHanded(Database& db, const std::string& awardId, std::optional<core::Millis> at);

/// Ids of the delegates flagged for the MC's introduction (revoked ones left out).
std::vector<std::int64_t> delegatesToIntroduce(Database& db);

/// What the stage shows besides the program.
struct StageState {
    bool blackout = false;
    bool countdown = false;      ///< the speaker countdown is on
    std::string message;         ///< the MC's latest message ("" = none)
    core::Millis messageAt = 0;
    std::int64_t messageId = 0; ///< 0 = none
    bool pinned = false;        ///< the MC pinned this message: it stays when the item changes
    core::Millis updatedAt = 0;
};
StageState loadStageState(Database& db);
/// The query of delegatesOfUnit() (for tests that ask SQLite how it runs it).
extern const char* const kDelegatesOfUnitSql;
/// The delegates (id, name) of a unit, not revoked, by rank: who may receive a collective award.
std::vector<std::pair<std::int64_t, std::string>> delegatesOfUnit(Database& db,
                                                                  const std::string& unit);
void setBlackout(Database& db, bool on, core::Millis now);
void setCountdown(Database& db, bool on, core::Millis now);
/// Journals the message and shows it; an empty text clears the stage's message.
void postStageMessage(Database& db, const std::string& text, core::Millis now, const std::string& kiosk);
/// Pins (or unpins) the message on the stage now; a new message starts unpinned.
void pinStageMessage(Database& db, bool pinned, core::Millis now);

} // namespace kiosk::store
