#include "kiosk/services/fleet_sync.hpp"

#include "kiosk/core/i18n.hpp"
#include "kiosk/store/fleet_repo.hpp"

namespace kiosk::services {

std::unique_ptr<Fleet> Fleet::open(store::Database& db) {
    auto m = hub::membership(db);
    if (!m) return nullptr;
    return std::make_unique<Fleet>(std::move(*m));
}

SyncRound Fleet::syncOnce(store::Database& db, bool force) {
    SyncRound round;
    hub::PgConn* c = m_link.connection(db, force);
    if (!c) return round;
    round.connected = true;
    try {
        round.published = hub::publishReference(*c, db, membership()) + hub::publishDefinitions(*c, db, membership());
        const auto p = hub::push(*c, db, membership());
        round.pushed = true;
        round.pushedRecords = p.records;
        round.conflicts = p.conflicts;
        round.pulledRecords = hub::pull(*c, db, membership());
        round.pulled = true;
        hub::heartbeat(*c, db, membership());
    } catch (const hub::PgError& e) {
        if (!e.unreachable()) throw;
        m_link.lost(db);
        round.connected = false;
    }
    return round;
}

FleetStatus Fleet::status(store::Database& db) {
    FleetStatus s;
    s.joined = true;
    s.connected = store::fleetInt(db, "offline_since") == 0 && store::fleetInt(db, "last_pull") > 0;
    s.offlineSince = store::fleetInt(db, "offline_since");
    s.backlog = hub::backlog(db);
    s.conflicts = store::conflictCount(db);
    s.lastPush = store::fleetInt(db, "last_push");
    s.lastPull = store::fleetInt(db, "last_pull");
    s.hub = hub::redactUrl(membership().url);
    s.kiosk = membership().kiosk;
    return s;
}

FleetSyncThread::FleetSyncThread(std::string dbPath, int intervalMs) : m_path(std::move(dbPath)), m_intervalMs(intervalMs) {
    m_thread = std::thread([this] { run(); });
}

FleetSyncThread::~FleetSyncThread() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

FleetStatus FleetSyncThread::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void FleetSyncThread::poke() {
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_wake.notify_all();
}

void FleetSyncThread::run() {
    std::unique_ptr<store::Database> db;
    std::unique_ptr<Fleet> fleet;
    for (;;) {
        FleetStatus s;
        try {
            if (!db) db = store::Database::open(m_path);
            if (!fleet) fleet = Fleet::open(*db);
            if (fleet) {
                // The background probe: a round forces a connection attempt, so the gate's scans
                // see the hub again without paying the budget themselves.
                fleet->syncOnce(*db, true);
                s = fleet->status(*db);
            }
        } catch (const std::exception&) {
            // A busy or failing database: keep the last status and try again next interval.
            std::lock_guard lock(m_mutex);
            s = m_status;
        }
        std::unique_lock lock(m_mutex);
        m_status = s;
        m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs), [this] { return m_stop || m_poked; });
        m_poked = false;
        if (m_stop) return;
    }
}

std::string describeFleet(const FleetStatus& s, int utcOffsetMin) {
    if (!s.joined) return "";
    std::string text = s.connected ? core::tr("fleet.connected")
                                   : core::trf("fleet.offline_since", {{"time", core::formatClock(s.offlineSince, utcOffsetMin)}});
    if (s.backlog) text += core::trf("fleet.backlog", {{"n", std::to_string(s.backlog)}});
    if (s.conflicts) text += core::trf("fleet.conflicts", {{"n", std::to_string(s.conflicts)}});
    return text;
}

} // namespace kiosk::services
