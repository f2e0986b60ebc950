#include "kiosk/store/pin_repo.hpp"

namespace kiosk::store {

std::vector<Migration> pinMigrations() {
    return {{"pin-1", R"SQL(
-- Per machine, not synced: each kiosk's prompt locks on its own.
CREATE TABLE pin_locks(kiosk TEXT PRIMARY KEY, wrong INTEGER NOT NULL, lockouts INTEGER NOT NULL,
  locked_until INTEGER NOT NULL) WITHOUT ROWID;
)SQL"}};
}

core::PinLockState loadPinLock(Database& db, const std::string& kiosk) {
    auto& st = db.cached("SELECT wrong, lockouts, locked_until FROM pin_locks WHERE kiosk=?");
    st.bind(1, kiosk);
    core::PinLockState s;
    if (st.step())
        s = {static_cast<int>(st.getInt(0)), static_cast<int>(st.getInt(1)), st.getInt(2)};
    st.reset();
    return s;
}

void savePinLock(Database& db, const std::string& kiosk, const core::PinLockState& s) {
    auto& st = db.cached(
        "INSERT INTO pin_locks(kiosk, wrong, lockouts, locked_until) VALUES(?,?,?,?) "
        "ON CONFLICT(kiosk) DO UPDATE SET wrong=excluded.wrong, lockouts=excluded.lockouts, "
        "locked_until=excluded.locked_until");
    st.bind(1, kiosk).bind(2, s.wrong).bind(3, s.lockouts).bind(4, s.lockedUntil).run();
}

} // namespace kiosk::store
