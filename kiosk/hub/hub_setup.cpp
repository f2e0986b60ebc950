#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "kiosk/hub/hub.hpp"
#include "kiosk/hub/hub_schema.hpp"
#include "kiosk/store/fleet_repo.hpp"

namespace kiosk::hub {

std::optional<Membership> membership(store::Database& db) {
    const auto url = store::fleetGet(db, "hub_url");
    if (!url) return std::nullopt;
    Membership m;
    const char* env = std::getenv("KIOSK_HUB_URL");
    m.url = env && *env ? env : *url;
    m.kiosk = store::fleetGet(db, "kiosk").value_or("");
    m.eventId = store::fleetInt(db, "event_id");
    m.kioskNo = static_cast<int>(store::fleetInt(db, "kiosk_no"));
    m.organizer = store::fleetInt(db, "organizer") != 0;
    m.budgetMs = static_cast<int>(store::fleetInt(db, "budget_ms", 300));
    m.probeMs = static_cast<int>(store::fleetInt(db, "probe_ms", 2000));
    if (const char* b = std::getenv("KIOSK_HUB_BUDGET_MS"); b && std::atoi(b) > 0)
        m.budgetMs = std::atoi(b);
    return m;
}

PgConn* Link::connection(store::Database& db, bool force) {
    if (m_conn && !m_conn->broken()) return m_conn.get();
    m_conn.reset();
    const auto now = core::nowMillis();
    const auto since = store::fleetInt(db, "offline_since");
    // Offline: the scans do not each pay the budget; one try per probe interval.
    if (since && !force && now - store::fleetInt(db, "last_probe") < m_m.probeMs) return nullptr;
    try {
        m_conn = PgConn::connect(m_m.url, std::chrono::milliseconds(m_m.budgetMs));
        if (since) store::fleetUnset(db, "offline_since");
        return m_conn.get();
    } catch (const PgError&) {
        lost(db);
        store::fleetSet(db, "last_probe", std::to_string(now));
        return nullptr;
    }
}

void Link::lost(store::Database& db) {
    m_conn.reset();
    if (!store::fleetInt(db, "offline_since"))
        store::fleetSet(db, "offline_since", std::to_string(core::nowMillis()));
}

int migrateHub(PgConn& c) {
    const auto long_ = Clock::now() + std::chrono::seconds(60);
    c.exec("CREATE SCHEMA IF NOT EXISTS kiosk_hub", {}, long_);
    c.exec("CREATE TABLE IF NOT EXISTS kiosk_hub.migrations(name text PRIMARY KEY, applied_at "
           "timestamptz NOT NULL DEFAULT now())",
           {}, long_);
    PgTransaction tx(c, long_);
    // Two organizers running setup at once: one migrates, the other waits and finds it done.
    c.exec("SELECT pg_advisory_xact_lock(42, 0)", {}, long_);
    int ran = 0;
    for (const auto& m : hubMigrations()) {
        if (c.exec("SELECT 1 FROM kiosk_hub.migrations WHERE name = $1", {m.name}, long_).rows())
            continue;
        c.script(m.sql);
        c.exec("INSERT INTO kiosk_hub.migrations(name) VALUES($1)", {m.name}, long_);
        ++ran;
    }
    tx.commit(long_);
    return ran;
}

std::int64_t publishEvent(PgConn& c, store::Database& db, const std::string& organizer) {
    auto st = db.prepare("SELECT code, name, unit, parent_unit, date, place, venue, utc_offset_min "
                         "FROM event WHERE id = 1");
    if (!st.step()) throw PgError(false, "", "no event in this database");
    auto r = c.exec("INSERT INTO kiosk_hub.events(code, name, unit, parent_unit, date, place, "
                    "venue, utc_offset_min, organizer) "
                    "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT(code) DO UPDATE SET "
                    "name = excluded.name, "
                    "unit = excluded.unit, parent_unit = excluded.parent_unit, date = "
                    "excluded.date, place = excluded.place, "
                    "venue = excluded.venue, utc_offset_min = excluded.utc_offset_min RETURNING id",
                    {st.getText(0), st.getText(1), st.getText(2), st.getText(3), st.getText(4),
                     st.getText(5), st.getText(6), std::to_string(st.getInt(7)), organizer});
    return r.integer(0, 0);
}

int registerKiosk(PgConn& c, std::int64_t eventId, const std::string& name,
                  const std::string& instance) {
    const std::string ev = std::to_string(eventId);
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    PgTransaction tx(c, deadline);
    c.exec("SELECT pg_advisory_xact_lock(43, $1::int)", {ev}, deadline);
    auto r = c.exec("SELECT no, instance FROM kiosk_hub.kiosks WHERE event_id = $1 AND name = $2",
                    {ev, name}, deadline);
    if (r.rows()) {
        if (r.text(0, 1) != instance) return -1;
        tx.commit(deadline);
        return static_cast<int>(r.integer(0, 0));
    }
    auto n = c.exec("INSERT INTO kiosk_hub.kiosks(event_id, name, no, instance) SELECT $1, $2, "
                    "coalesce(max(no), 0) + 1, $3 "
                    "FROM kiosk_hub.kiosks WHERE event_id = $1 RETURNING no",
                    {ev, name, instance}, deadline);
    tx.commit(deadline);
    return static_cast<int>(n.integer(0, 0));
}

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

void uploadSnapshot(PgConn& c, store::Database& db, std::int64_t eventId) {
    char tmpl[] = "/tmp/kiosk-snapshot-XXXXXX";
    const int fd = ::mkstemp(tmpl);
    if (fd < 0) throw PgError(false, "", "cannot create a temporary file");
    ::close(fd);
    const std::string path = tmpl;
    std::remove(path.c_str());
    db.backupTo(path);
    {
        auto copy = store::Database::open(path);
        // Never hand the hub's credentials or this machine's cursors to another machine.
        copy->exec("DELETE FROM fleet_config; DELETE FROM fleet_cursor; DELETE FROM fleet_offline; "
                   "DELETE FROM fleet_pulled; "
                   "DELETE FROM fleet_conflicts; DELETE FROM kiosks; DELETE FROM fleet_ref_sent;");
        copy->exec("PRAGMA journal_mode=DELETE");
    }
    const std::string bytes = readFile(path);
    std::remove(path.c_str());
    static const char* hex = "0123456789abcdef";
    std::string encoded;
    encoded.reserve(bytes.size() * 2);
    for (unsigned char ch : bytes) {
        encoded.push_back(hex[ch >> 4]);
        encoded.push_back(hex[ch & 15]);
    }
    c.exec("UPDATE kiosk_hub.events SET snapshot = decode($2, 'hex'), snapshot_at = now() WHERE id "
           "= $1",
           {std::to_string(eventId), encoded}, Clock::now() + std::chrono::seconds(120));
}

std::vector<HubEvent> hubEvents(PgConn& c) {
    auto r = c.exec("SELECT id, code, name FROM kiosk_hub.events ORDER BY id");
    std::vector<HubEvent> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(HubEvent{r.integer(i, 0), r.text(i, 1), r.text(i, 2)});
    return out;
}

bool downloadSnapshot(PgConn& c, std::int64_t eventId, const std::string& path) {
    auto r = c.exec("SELECT encode(snapshot, 'hex') FROM kiosk_hub.events WHERE id = $1 AND "
                    "snapshot IS NOT NULL",
                    {std::to_string(eventId)}, Clock::now() + std::chrono::seconds(120));
    if (r.rows() == 0) return false;
    const std::string hex = r.text(0, 0);
    std::string bytes;
    bytes.reserve(hex.size() / 2);
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

} // namespace kiosk::hub
