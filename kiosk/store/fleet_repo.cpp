#include "kiosk/store/fleet_repo.hpp"

#include "kiosk/store/schema.hpp"

namespace kiosk::store {

std::vector<Migration> fleetMigrations() {
    return {{"fleet-1", R"SQL(
-- Hub membership: hub_url, kiosk, event_id, kiosk_no, organizer, budget_ms, offline_since, ...
CREATE TABLE fleet_config(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- push:<table> = last local row id pushed; pull = last hub seq applied; ref = last reference seq.
CREATE TABLE fleet_cursor(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
-- Records decided while the hub did not answer (the check-in JSON's "offline").
CREATE TABLE fleet_offline(uuid TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
-- Rows that came from the hub: never pushed back.
CREATE TABLE fleet_pulled(tbl TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY(tbl, row)) WITHOUT ROWID;
-- The uuid a row of a table without one (show_actions, stage_messages, audit) travels under.
CREATE TABLE fleet_uuids(tbl TEXT NOT NULL, row INTEGER NOT NULL, uuid TEXT NOT NULL UNIQUE, PRIMARY KEY(tbl, row)) WITHOUT ROWID;
-- Two entries of one delegate on one list that the hub did not decide, as the hub reported them.
CREATE TABLE fleet_conflicts(
  hub_id INTEGER PRIMARY KEY, list_id TEXT NOT NULL, delegate_code TEXT NOT NULL,
  first_kiosk TEXT NOT NULL, first_at INTEGER NOT NULL, first_uuid TEXT NOT NULL DEFAULT '',
  second_kiosk TEXT NOT NULL, second_at INTEGER NOT NULL, second_uuid TEXT NOT NULL);
)SQL"}};
}

std::optional<std::string> fleetGet(Database& db, const std::string& key) {
    auto& st = db.cached("SELECT value FROM fleet_config WHERE key = ?");
    st.bind(1, key);
    std::optional<std::string> out;
    if (st.step()) out = st.getText(0);
    st.reset();
    return out;
}

void fleetSet(Database& db, const std::string& key, const std::string& value) {
    db.cached("INSERT INTO fleet_config(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

void fleetUnset(Database& db, const std::string& key) { db.cached("DELETE FROM fleet_config WHERE key = ?").bind(1, key).run(); }

std::int64_t fleetInt(Database& db, const std::string& key, std::int64_t fallback) {
    const auto v = fleetGet(db, key);
    if (!v || v->empty()) return fallback;
    try {
        return std::stoll(*v);
    } catch (const std::exception&) {
        return fallback;
    }
}

std::int64_t fleetCursor(Database& db, const std::string& name) {
    auto& st = db.cached("SELECT value FROM fleet_cursor WHERE name = ?");
    st.bind(1, name);
    const std::int64_t v = st.step() ? st.getInt(0) : 0;
    st.reset();
    return v;
}

void setFleetCursor(Database& db, const std::string& name, std::int64_t value) {
    db.cached("INSERT INTO fleet_cursor(name, value) VALUES(?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")
        .bind(1, name)
        .bind(2, value)
        .run();
}

void markOffline(Database& db, const std::string& uuid, core::Millis at) {
    db.cached("INSERT OR IGNORE INTO fleet_offline(uuid, at) VALUES(?, ?)").bind(1, uuid).bind(2, at).run();
}

bool isOffline(Database& db, const std::string& uuid) {
    auto& st = db.cached("SELECT 1 FROM fleet_offline WHERE uuid = ?");
    st.bind(1, uuid);
    const bool found = st.step();
    st.reset();
    return found;
}

void markPulled(Database& db, const std::string& table, std::int64_t rowId) {
    db.cached("INSERT OR IGNORE INTO fleet_pulled(tbl, row) VALUES(?, ?)").bind(1, table).bind(2, rowId).run();
}

std::string walkInPrefix(Database& db) {
    const auto no = fleetInt(db, "kiosk_no");
    if (no == 0 || fleetInt(db, "organizer") != 0) return "W";
    return "W" + std::to_string(no) + "-";
}

void addConflict(Database& db, const FleetConflict& c) {
    auto& st = db.cached("INSERT OR IGNORE INTO fleet_conflicts(hub_id, list_id, delegate_code, first_kiosk, first_at, "
                         "first_uuid, second_kiosk, second_at, second_uuid) VALUES(?,?,?,?,?,?,?,?,?)");
    st.bind(1, c.hubId).bind(2, c.listId).bind(3, c.delegateCode).bind(4, c.firstKiosk).bind(5, c.firstAt);
    st.bind(6, c.firstUuid).bind(7, c.secondKiosk).bind(8, c.secondAt).bind(9, c.secondUuid).run();
}

std::vector<FleetConflict> conflicts(Database& db) {
    std::vector<FleetConflict> out;
    auto st = db.prepare("SELECT hub_id, list_id, delegate_code, first_kiosk, first_at, first_uuid, second_kiosk, second_at, "
                         "second_uuid FROM fleet_conflicts ORDER BY hub_id");
    while (st.step()) {
        FleetConflict c;
        c.hubId = st.getInt(0);
        c.listId = st.getText(1);
        c.delegateCode = st.getText(2);
        c.firstKiosk = st.getText(3);
        c.firstAt = st.getInt(4);
        c.firstUuid = st.getText(5);
        c.secondKiosk = st.getText(6);
        c.secondAt = st.getInt(7);
        c.secondUuid = st.getText(8);
        out.push_back(std::move(c));
    }
    return out;
}

std::int64_t conflictCount(Database& db) {
    auto& st = db.cached("SELECT count(*) FROM fleet_conflicts");
    const std::int64_t n = st.step() ? st.getInt(0) : 0;
    st.reset();
    return n;
}

} // namespace kiosk::store
