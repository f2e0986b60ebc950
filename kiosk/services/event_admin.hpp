#pragma once
// The small reads and writes the command line needs beyond the desk, the runner and the panels:
// a delegate by code, the counts, the database's health and backup, the festival's first contest
// and its stage, a service restart in the audit log, and a fleet's membership. Thin on purpose:
// the CLI calls these instead of the store, so every change passes through services.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/contest.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/services/event_feed.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/fleet_repo.hpp"

namespace kiosk::services {

using FleetConflict = store::FleetConflict;

/// The delegate with this code (as typed: the caller folds case), or nullopt.
std::optional<core::Delegate> findDelegate(Session& session, const std::string& code);
/// Present / inside / expected per list and category, as the dashboards keep them.
std::vector<AttendanceCount> attendance(Session& session);
std::int64_t delegateCount(Session& session);

/// What `kiosk check` reports.
struct DatabaseHealth {
    std::string integrity; ///< SQLite's integrity_check: "ok" or what is wrong
    bool countsOk = false; ///< the kept counts equal a recount from the records
};
/// Runs the integrity check; repair first recomputes the kept counts from the records.
DatabaseHealth checkDatabase(Session& session, bool repair);
/// Copies the live database to path (safe while kiosks write).
void backupDatabase(Session& session, const std::string& path);

/// The first contest of a kind in pack order ("" when none).
std::string firstContest(Session& session, core::ContestKind kind);
/// Puts a contest's question, leaderboard or results on stage (or nothing), in one transaction.
void showOnStage(Session& session, const StageFestival& shown);

/// Records a kiosk service's restart in the audit log (the console shows the newest).
void recordServiceStop(Session& session, const std::string& kiosk, const std::string& line);

/// Offline double admissions found after merges, oldest first, as stored (codes, not names).
std::vector<FleetConflict> storedConflicts(Session& session);
std::int64_t fleetConflictCount(Session& session);

} // namespace kiosk::services
