#pragma once
// The check-in side of the event as the screens read it: one snapshot of the event database
// (counts, recent scans, kiosks, the awaited list...) read on the session's connection, and the
// small settings the screens keep (PIN, kiosk name, heartbeat). The GUI's backend owns one; views
// only ever see the snapshot it returns.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/model.hpp"
#include "kiosk/core/pin_rule.hpp"
#include "kiosk/services/awaited.hpp"
#include "kiosk/services/failure.hpp"
#include "kiosk/services/fleet_conflicts.hpp"
#include "kiosk/services/fleet_sync.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::store {
class Checkpointer;
}

namespace kiosk::services {

// The records a snapshot carries, named by the services layer so its callers need no store header.
using AttendanceCount = store::AttendanceCount;
using ScanRecord = store::ScanRecord;
using KioskSeen = store::KioskSeen;
using AuditEntry = store::AuditEntry;

/// The event database at one moment, as the check-in screens and the console draw it.
struct EventSnapshot {
    core::Event event;
    std::vector<core::Category> categories;
    std::vector<core::CheckinList> lists;
    std::vector<AttendanceCount> counts;
    std::vector<std::pair<core::Millis, int>> arrivals; ///< first entries per 10 minutes, any list
    std::vector<ScanRecord> recent;                     ///< newest first, refused ones included
    std::vector<std::string> recentNames; ///< the delegate's name per recent scan ("" if none)
    std::vector<KioskSeen> kiosks;
    std::optional<AuditEntry>
        lastRestart; ///< the newest kiosk service restart (kiosk service-stopped)
    std::int64_t delegates = 0;
    std::string dbPath;
    std::int64_t dbBytes = 0;
    std::int64_t freeDiskBytes = -1;
    bool pinSet = false;
    AwaitedList awaited; ///< who the ceremony waits for and has not arrived (dashboard)
    std::vector<ConflictRow> conflicts; ///< offline double admissions the hub reported (device tab)
};

/// Reads snapshots and the screens' settings on a session's connection; keeps checkpoints out of
/// that connection's commits while it lives. Database failures are thrown as DbError.
class EventFeed {
  public:
    explicit EventFeed(Session& session);
    ~EventFeed();
    EventFeed(const EventFeed&) = delete;
    EventFeed& operator=(const EventFeed&) = delete;

    /// The whole snapshot, read now.
    EventSnapshot read();
    /// True when another connection committed since the last call (the session reloads its settings
    /// then).
    bool othersCommitted();
    const std::string& path() const;
    /// This database's fleet, or null when it never joined a hub.
    std::unique_ptr<Fleet> openFleet();

    bool checkPin(std::string_view pin);
    /// A PIN attempt counted for this kiosk: opened or not, and the lockout after it.
    std::pair<bool, core::PinLockState> tryPin(std::string_view pin, const std::string& kiosk,
                                               core::Millis now);
    /// Marks a delegate "đã báo vắng" (reason empty: takes the mark back).
    ApologyError apologise(const std::string& code, const std::string& reason,
                           const std::string& kiosk, core::Millis now);
    /// The name given to this machine in the console ("" when none yet).
    std::string kioskName();
    void setKioskName(const std::string& name);
    /// Records this kiosk as alive for the console's device list.
    void heartbeat(const std::string& kiosk, const std::string& role, const std::string& info,
                   core::Millis now);

  private:
    Session& m_session;
    std::unique_ptr<store::Checkpointer> m_checkpointer;
};

} // namespace kiosk::services
