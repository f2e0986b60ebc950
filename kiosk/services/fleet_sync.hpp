#pragma once
// A kiosk in a fleet: its hub link for the check-in desk, one push+pull round, the status every
// screen shows, and the background thread the GUI runs. A database that never joined a hub has
// no Fleet (Fleet::open returns null) and works exactly as a one-PC kiosk.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/core/time.hpp"
#include "kiosk/hub/hub.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// Where this kiosk stands with its hub.
struct FleetStatus {
    bool joined = false;
    bool connected = false;
    core::Millis offlineSince = 0; ///< 0 while connected
    std::int64_t backlog = 0;      ///< records made here, not yet in the hub
    std::int64_t conflicts = 0;
    core::Millis lastPush = 0, lastPull = 0;
    std::string hub;   ///< the URL without its password
    std::string kiosk; ///< this kiosk's fleet name
};

/// What one round did.
struct SyncRound {
    bool connected = false;
    bool pushed = false, pulled = false;
    int pushedRecords = 0, pulledRecords = 0, published = 0, conflicts = 0;
};

class Fleet {
public:
    /// The fleet of this database, or null when it never joined a hub.
    static std::unique_ptr<Fleet> open(store::Database& db);
    explicit Fleet(hub::Membership m) : m_link(std::move(m)) {}

    hub::Link& link() { return m_link; }
    const hub::Membership& membership() const { return m_link.membership(); }
    /// Publish (organizer), push, pull, heartbeat. force: try the hub even if a probe is not due.
    SyncRound syncOnce(store::Database& db, bool force = true);
    FleetStatus status(store::Database& db);

private:
    hub::Link m_link;
};

/// The GUI's replication: its own connection to the event database, one round per interval,
/// the latest status readable from any thread.
class FleetSyncThread {
public:
    FleetSyncThread(std::string dbPath, int intervalMs = 1000);
    ~FleetSyncThread();
    FleetSyncThread(const FleetSyncThread&) = delete;
    FleetSyncThread& operator=(const FleetSyncThread&) = delete;
    FleetStatus status() const;
    /// Runs a round now instead of waiting for the interval (after an organizer's change).
    void poke();

private:
    void run();
    std::string m_path;
    int m_intervalMs;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false, m_poked = false;
    FleetStatus m_status;
    std::thread m_thread;
};

/// "hub connected" / "offline since 09:12, backlog 37 / conflicts 2", in the current language.
std::string describeFleet(const FleetStatus& s, int utcOffsetMin);

} // namespace kiosk::services
