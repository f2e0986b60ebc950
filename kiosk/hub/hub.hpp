#pragma once
// The hub as this kiosk sees it: membership, the link (online/offline), setup and join, push and
// pull of the append-only records, reference data, and the online admission. See docs/FLEET.md.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/hub/pg.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::hub {

/// This database's hub membership (fleet_config); $KIOSK_HUB_URL overrides the stored URL and
/// $KIOSK_HUB_BUDGET_MS the budget.
struct Membership {
    std::string url;
    std::string kiosk;
    std::int64_t eventId = 0;
    int kioskNo = 0;
    bool organizer = false;
    int budgetMs = 300;
    int probeMs = 2000;
};
/// nullopt when the database never joined a hub.
std::optional<Membership> membership(store::Database& db);

/// A joined kiosk's connection and its offline state (offline_since, last_probe in fleet_config).
class Link {
  public:
    explicit Link(Membership m) : m_m(std::move(m)) {}
    /// The open connection, connecting if allowed; nullptr when offline. Unless force, an offline
    /// kiosk tries again only when a probe is due, so scans do not each pay the budget.
    PgConn* connection(store::Database& db, bool force = false);
    /// The connection failed: drop it and record since when this kiosk is offline.
    void lost(store::Database& db);
    bool connected() const { return m_conn && !m_conn->broken(); }
    const Membership& membership() const { return m_m; }

  private:
    Membership m_m;
    std::unique_ptr<PgConn> m_conn;
};

// ---- setup and join (hub_setup.cpp)
/// Creates or migrates the hub schema (idempotent, under an advisory lock); returns how many ran.
int migrateHub(PgConn& c);
/// Publishes (or refreshes) this database's event; returns its hub id.
std::int64_t publishEvent(PgConn& c, store::Database& db, const std::string& organizer);
/// Registers a kiosk of an event; returns its number, or -1 when another machine holds the name.
int registerKiosk(PgConn& c, std::int64_t eventId, const std::string& name,
                  const std::string& instance);
/// Stores the organizer's database, without records or credentials, for joins.
void uploadSnapshot(PgConn& c, store::Database& db, std::int64_t eventId);
/// An event by code ("" = the only one); nullopt when none or ambiguous.
struct HubEvent {
    std::int64_t id = 0;
    std::string code, name;
};
std::vector<HubEvent> hubEvents(PgConn& c);
/// Writes the event's snapshot to path; false when the event has none.
bool downloadSnapshot(PgConn& c, std::int64_t eventId, const std::string& path);

// ---- the per-event role (event_role.cpp)
struct EventRole {
    std::string name, password;
};
/// Creates the event's LOGIN role (or keeps it and its password), grants it what kiosks need and
/// maps it to the event for row-level security. wanted: a name instead of kiosk_<db>_ev<id>;
/// newPassword: replace the password (every kiosk must join again). nullopt when this user may not
/// create roles (the kiosks then use its URL).
std::optional<EventRole> ensureEventRole(PgConn& c, std::int64_t eventId, const std::string& wanted,
                                         bool newPassword);
/// The event's role and password; nullopt when there is none or this user may not read them.
std::optional<EventRole> eventRole(PgConn& c, std::int64_t eventId);

// ---- replication (replicate.cpp)
struct PushResult {
    int records = 0;
    int conflicts = 0;
};
/// Sends this kiosk's records past its cursors, in batches, one hub transaction each.
PushResult push(PgConn& c, store::Database& db, const Membership& m);
/// Applies the others' records, reference data and conflicts; returns records applied.
int pull(PgConn& c, store::Database& db, const Membership& m);
/// The organizer's delegates changed since its last publish; returns how many.
int publishReference(PgConn& c, store::Database& db, const Membership& m);
/// PostgreSQL refuses invalid UTF-8 and \u0000 in jsonb: both become U+FFFD.
std::string pgSafe(const std::string& json);
/// Rows made here and not yet pushed.
std::int64_t backlog(store::Database& db);
/// Marks every row now in the database as already pushed (a fresh join's copy).
void skipExistingRows(store::Database& db);
/// Last contact, backlog and clock offset of this kiosk in the hub.
void heartbeat(PgConn& c, store::Database& db, const Membership& m);

struct KioskRow {
    std::string name, role;
    int no = 0;
    std::int64_t backlog = 0, clockOffsetMs = 0;
    std::string lastContact;
};
std::vector<KioskRow> kiosks(PgConn& c, const Membership& m);

/// Inserts records (a JSON array of {uuid, kind, kiosk, at, offline, body}) under the event's
/// advisory lock, inside the caller's transaction.
void insertRecords(PgConn& c, const Membership& m, const std::string& jsonArray,
                   Clock::time_point deadline);
std::string recordJson(const std::string& kind, const std::string& uuid, const std::string& kiosk,
                       core::Millis at, bool offline, const std::string& body);

// ---- the organizer's definitions after the join (reference.cpp)
/// Lists, categories, program items, contests and their parts changed since the last publish
/// (organizer only); returns how many rows (tombstones included) went to the hub.
int publishDefinitions(PgConn& c, store::Database& db, const Membership& m);
/// Stores reference rows (a JSON array of {kind, key, revoked?, deleted?, body}) in one hub
/// transaction, each a new seq under the event's lock, unless the hub holds the same body.
void upsertReference(PgConn& c, const Membership& m, const std::string& jsonArray,
                     Clock::time_point deadline);
/// Applies the organizer's definitions published since this kiosk's cursor; returns rows changed.
int pullDefinitions(PgConn& c, store::Database& db, const Membership& m);
/// Makes the organizer's next publish a diff against what the hub holds (setup).
void seedDefinitions(PgConn& c, store::Database& db, const Membership& m);

// ---- online admission (admission.cpp)
/// One admission decided with the hub: the transaction holds the row lock of (delegate, list)
/// from construction to commit (or rollback in the destructor).
class Admission {
  public:
    /// Begins and locks; throws PgError (unreachable: go offline).
    Admission(PgConn& c, const Membership& m, const std::string& listId, const std::string& code,
              Clock::time_point deadline);
    bool entered = false, inside = false, revoked = false;
    core::Millis firstAt = 0;
    std::string firstKiosk;
    /// Records the scan (and the check-in when there is one) and commits.
    void commit(const store::ScanRecord& scan, const store::CheckinRecord* checkin);

  private:
    PgConn& m_c;
    const Membership& m_m;
    std::string m_list, m_code;
    Clock::time_point m_deadline;
    PgTransaction m_tx;
};

} // namespace kiosk::hub
