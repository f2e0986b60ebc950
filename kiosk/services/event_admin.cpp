#include "kiosk/services/event_admin.hpp"

#include "kiosk/services/festival_feed.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/schema.hpp"

namespace kiosk::services {

std::optional<core::Delegate> findDelegate(Session& session, const std::string& code) {
    return store::findDelegateByCode(session.db(), code);
}

std::vector<AttendanceCount> attendance(Session& session) {
    return store::attendanceCounts(session.db());
}

std::int64_t delegateCount(Session& session) {
    return store::countDelegates(session.db());
}

DatabaseHealth checkDatabase(Session& session, bool repair) {
    auto& db = session.db();
    if (repair) store::rebuildCounts(db);
    DatabaseHealth h;
    h.integrity = db.integrityCheck();
    h.countsOk = h.integrity == "ok" && store::attendanceCounts(db) == store::recountAttendance(db);
    return h;
}

void backupDatabase(Session& session, const std::string& path) {
    session.db().backupTo(path);
}

std::string firstContest(Session& session, core::ContestKind kind) {
    return firstContestOf(session.db(), kind);
}

void showOnStage(Session& session, const StageFestival& shown) {
    auto& db = session.db();
    store::Transaction tx(db);
    saveStageFestival(db, shown);
    tx.commit();
}

void recordServiceStop(Session& session, const std::string& kiosk, const std::string& line) {
    store::audit(session.db(), kiosk, "kiosk.restart", line);
}

std::vector<FleetConflict> storedConflicts(Session& session) {
    return store::conflicts(session.db());
}

std::int64_t fleetConflictCount(Session& session) {
    return store::conflictCount(session.db());
}

} // namespace kiosk::services
