#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/uuid.hpp"
#include "kiosk/hub/hub.hpp"
#include "kiosk/hub/replicate_kinds.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/fleet_repo.hpp"

namespace kiosk::hub {

namespace {

constexpr int kBatch = 500;

using detail::Kind;

// Pulled check-ins also move the local presence, so every dashboard counts them.
void checkinApplied(store::Database& db, std::int64_t row) {
    db.cached("INSERT INTO presence(delegate_id, list_id, inside, first_at, first_kiosk, last_at) "
              "SELECT delegate_id, list_id, direction = 'entry', at, kiosk, at FROM checkins WHERE id = ? "
              "ON CONFLICT(delegate_id, list_id) DO UPDATE SET inside = excluded.inside, last_at = excluded.last_at")
        .bind(1, row)
        .run();
}

const std::vector<Kind>& kinds() {
    static const std::vector<Kind> all = [] {
        std::vector<Kind> v = {
            {"scan", "scans", {"at", "kiosk", "list_id", "direction", "text", "status", "reason", "forced", "force_reason", "source"}, true, false, true, "kiosk"},
            {"checkin", "checkins", {"list_id", "direction", "at", "kiosk", "forced", "overridden", "force_reason", "scan_uuid"}, true, true, true, "kiosk",
             {}, nullptr, false, checkinApplied},
            {"show_action", "show_actions", {"at", "type", "item", "target", "value", "kiosk"}, false, false, false, "kiosk"},
            {"stage_message", "stage_messages", {"at", "text", "kiosk"}, false, false, false, "kiosk"},
            {"audit", "audit", {"at", "actor", "action", "detail"}, false, false, false, "actor"},
        };
        for (auto& k : detail::festivalKinds()) v.push_back(std::move(k));
        return v;
    }();
    return all;
}

std::string cursorName(const Kind& k) { return std::string("push:") + k.table; }

} // namespace

// PostgreSQL refuses invalid UTF-8 and \u0000 in jsonb; scanner text may hold both.
std::string pgSafe(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (const auto& ch : core::utf8Chars(json)) out += core::isValidUtf8(ch) ? ch : "\xEF\xBF\xBD";
    for (size_t at = 0; (at = out.find("\\u0000", at)) != std::string::npos;) out.replace(at, 6, "\\ufffd");
    return out;
}

namespace {

std::string pushSelect(const Kind& k) {
    std::string body = "json_object(";
    for (const char* c : k.columns) body += std::string("'") + c + "', t." + c + ",";
    for (const auto& r : k.refs)
        body += std::string("'") + r.column + "_uuid', (SELECT u.uuid FROM fleet_uuids u WHERE u.tbl = '" + r.table +
                "' AND u.row = t." + r.column + "),";
    body += k.delegate ? "'delegate_code', d.code)" : "'_', 0)";
    const std::string uuid = k.ownUuid ? "t.uuid"
                                       : std::string("coalesce((SELECT u.uuid FROM fleet_uuids u WHERE u.tbl = '") + k.table +
                                             "' AND u.row = t.id), '')";
    return "SELECT t.id, " + uuid + ", t.at, " + (k.kiosk ? std::string("t.") + k.kiosk : std::string("''")) + ", " + body +
           ", EXISTS(SELECT 1 FROM fleet_offline o WHERE o.uuid = " + uuid + ")" + (k.delegate ? ", coalesce(d.code, '')" : ", ''") +
           (k.table == std::string("checkins") ? ", t.list_id, t.direction" : ", '', ''") + " FROM " + k.table + " t" +
           (k.delegate ? " LEFT JOIN delegates d ON d.id = t.delegate_id" : "") + " WHERE t.id > ?1 AND NOT EXISTS (SELECT 1 FROM fleet_pulled p WHERE p.tbl = '" +
           k.table + "' AND p.row = t.id) AND t.id <= ?3 ORDER BY t.id LIMIT ?2";
}

struct Row {
    std::int64_t id = 0;
    std::string uuid, kiosk, body, code, list, direction;
    core::Millis at = 0;
    bool offline = false;
};

// Rows of a table without a uuid column get one, committed here before they are read for
// sending, so a push that is interrupted sends them again under the same uuid, and a row that
// names an earlier one of the same batch (an undo) finds its uuid.
void giveUuids(store::Database& db, const Kind& k, std::int64_t cursor, std::int64_t bound) {
    if (k.ownUuid) return;
    std::vector<std::int64_t> ids;
    {
        auto st = db.prepare(std::string("SELECT t.id FROM ") + k.table + " t WHERE t.id > ?1 AND t.id <= ?2 AND NOT EXISTS "
                             "(SELECT 1 FROM fleet_uuids u WHERE u.tbl = '" + k.table + "' AND u.row = t.id) ORDER BY t.id LIMIT ?3");
        st.bind(1, cursor).bind(2, bound).bind(3, kBatch);
        while (st.step()) ids.push_back(st.getInt(0));
    }
    if (ids.empty()) return;
    store::Transaction tx(db);
    for (auto id : ids)
        db.cached("INSERT INTO fleet_uuids(tbl, row, uuid) VALUES(?, ?, ?)").bind(1, k.table).bind(2, id).bind(3, core::newUuid()).run();
    tx.commit();
}

// The last row of every table, read in one transaction: a push sends rows up to these only, so a
// row it sends never names a row (of a table pushed earlier) that was written after that table's
// push, by another process in the meantime.
std::vector<std::int64_t> pushBounds(store::Database& db) {
    std::vector<std::int64_t> out;
    store::Transaction tx(db);
    for (const auto& k : kinds()) {
        auto st = db.prepare(std::string("SELECT coalesce(max(id), 0) FROM ") + k.table);
        out.push_back(st.step() ? st.getInt(0) : 0);
    }
    tx.commit();
    return out;
}

// Own records of a kind that keeps the hub's order learn their seq (inside the hub transaction
// that inserted them, before its commit).
std::vector<std::pair<std::string, std::int64_t>> hubSeqs(PgConn& c, const Membership& m, const std::vector<std::string>& uuids,
                                                          Clock::time_point deadline) {
    std::string array = "{";
    for (const auto& u : uuids) array += (array.size() > 1 ? "," : "") + u;
    auto r = c.exec("SELECT uuid::text, seq FROM kiosk_hub.records WHERE event_id = $1 AND uuid = ANY($2::uuid[])",
                    {std::to_string(m.eventId), array + "}"}, deadline);
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.text(i, 0), r.integer(i, 1));
    return out;
}

// An entry or exit that the hub did not decide: move the hub's presence, and report a conflict
// when another kiosk already has the delegate inside.
int applyOfflineMove(PgConn& c, const Membership& m, const Row& r, Clock::time_point deadline) {
    const std::string ev = std::to_string(m.eventId);
    auto seen = c.exec("SELECT 1 FROM kiosk_hub.records WHERE event_id = $1 AND uuid = $2::uuid", {ev, r.uuid}, deadline);
    if (seen.rows() > 0) return 0; // a re-push after an interrupted one: already applied
    c.exec("INSERT INTO kiosk_hub.presence(event_id, list_id, delegate_code) VALUES($1, $2, $3) ON CONFLICT DO NOTHING",
           {ev, r.list, r.code}, deadline);
    auto st = c.exec("SELECT entered, inside, coalesce(first_kiosk, ''), coalesce(first_at, 0), first_uuid FROM kiosk_hub.presence "
                     "WHERE event_id = $1 AND list_id = $2 AND delegate_code = $3 FOR UPDATE",
                     {ev, r.list, r.code}, deadline);
    const bool entry = r.direction == "entry";
    int conflicts = 0;
    if (entry && st.boolean(0, 1) && st.text(0, 2) != r.kiosk) {
        c.exec("INSERT INTO kiosk_hub.conflicts(event_id, list_id, delegate_code, first_uuid, first_kiosk, first_at, second_uuid, "
               "second_kiosk, second_at) VALUES($1, $2, $3, $4::uuid, $5, $6, $7::uuid, $8, $9) ON CONFLICT DO NOTHING",
               {ev, r.list, r.code, st.isNull(0, 4) ? Param() : Param(st.text(0, 4)), st.text(0, 2), st.text(0, 3), r.uuid, r.kiosk,
                std::to_string(r.at)},
               deadline);
        ++conflicts;
    }
    c.exec("UPDATE kiosk_hub.presence SET inside = $4, last_at = greatest(coalesce(last_at, 0), $5::bigint), "
           "first_at = CASE WHEN entered OR NOT $4 THEN first_at ELSE $5::bigint END, "
           "first_kiosk = CASE WHEN entered OR NOT $4 THEN first_kiosk ELSE $6 END, "
           "first_uuid = CASE WHEN entered OR NOT $4 THEN first_uuid ELSE $7::uuid END, entered = entered OR $4 "
           "WHERE event_id = $1 AND list_id = $2 AND delegate_code = $3",
           {ev, r.list, r.code, entry ? "true" : "false", std::to_string(r.at), r.kiosk, r.uuid}, deadline);
    return conflicts;
}

} // namespace

void insertRecords(PgConn& c, const Membership& m, const std::string& jsonArray, Clock::time_point deadline) {
    // Per-event lock to the commit: seq order is commit order, so pull cursors never skip a row.
    c.exec("SELECT pg_advisory_xact_lock(42, $1::int)", {std::to_string(m.eventId)}, deadline);
    c.exec("INSERT INTO kiosk_hub.records(event_id, uuid, kind, kiosk, origin, at, offline, body) "
           "SELECT $1, (r->>'uuid')::uuid, r->>'kind', r->>'kiosk', $3, (r->>'at')::bigint, (r->>'offline')::boolean, r->'body' "
           "FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS a(r, n) ORDER BY n ON CONFLICT (event_id, uuid) DO NOTHING",
           {std::to_string(m.eventId), pgSafe(jsonArray), m.kiosk}, deadline);
}

std::string recordJson(const std::string& kind, const std::string& uuid, const std::string& kiosk, core::Millis at, bool offline,
                       const std::string& body) {
    return "{\"uuid\":" + core::jsonQuote(uuid) + ",\"kind\":\"" + kind + "\",\"kiosk\":" + core::jsonQuote(kiosk) +
           ",\"at\":" + std::to_string(at) + ",\"offline\":" + (offline ? "true" : "false") + ",\"body\":" + body + "}";
}

PushResult push(PgConn& c, store::Database& db, const Membership& m) {
    PushResult out;
    const auto bounds = pushBounds(db);
    for (size_t ki = 0; ki < kinds().size(); ++ki) {
        const auto& k = kinds()[ki];
        for (;;) {
            const auto cursor = store::fleetCursor(db, cursorName(k));
            giveUuids(db, k, cursor, bounds[ki]);
            std::vector<Row> rows;
            {
                auto st = db.prepare(pushSelect(k));
                st.bind(1, cursor).bind(2, kBatch).bind(3, bounds[ki]);
                while (st.step())
                    rows.push_back(Row{st.getInt(0), st.getText(1), st.getText(3), st.getText(4), st.getText(6), st.getText(7),
                                       st.getText(8), st.getInt(2), st.getInt(5) != 0});
            }
            if (rows.empty()) break;
            const auto deadline = Clock::now() + std::chrono::seconds(30);
            PgTransaction tx(c, deadline);
            std::string array = "[";
            std::vector<std::string> uuids;
            for (const auto& r : rows) {
                if (r.offline && !r.code.empty() && !r.list.empty()) out.conflicts += applyOfflineMove(c, m, r, deadline);
                if (array.size() > 1) array += ',';
                array += recordJson(k.name, r.uuid, k.kiosk ? r.kiosk : m.kiosk, r.at, r.offline, r.body);
                uuids.push_back(r.uuid);
            }
            insertRecords(c, m, array + "]", deadline);
            const auto seqs = k.hubSeq ? hubSeqs(c, m, uuids, deadline) : std::vector<std::pair<std::string, std::int64_t>>{};
            tx.commit(deadline);
            // Only now: a push killed before this line is simply sent again (ON CONFLICT DO NOTHING).
            store::Transaction local(db);
            for (const auto& [uuid, seq] : seqs)
                db.cached(std::string("UPDATE ") + k.table + " SET hub_seq = ? WHERE uuid = ?").bind(1, seq).bind(2, uuid).run();
            store::setFleetCursor(db, cursorName(k), rows.back().id);
            local.commit();
            out.records += static_cast<int>(rows.size());
        }
    }
    store::fleetSet(db, "last_push", std::to_string(core::nowMillis()));
    return out;
}

std::int64_t backlog(store::Database& db) {
    std::int64_t n = 0;
    for (const auto& k : kinds()) {
        auto st = db.prepare(std::string("SELECT count(*) FROM ") + k.table + " t WHERE t.id > ? AND NOT EXISTS (SELECT 1 FROM fleet_pulled p WHERE p.tbl = '" +
                             k.table + "' AND p.row = t.id)");
        st.bind(1, store::fleetCursor(db, cursorName(k)));
        if (st.step()) n += st.getInt(0);
    }
    return n;
}

void skipExistingRows(store::Database& db) {
    for (const auto& k : kinds()) {
        auto st = db.prepare(std::string("SELECT coalesce(max(id), 0) FROM ") + k.table);
        if (st.step()) store::setFleetCursor(db, cursorName(k), st.getInt(0));
    }
}

namespace {

std::string applySql(const Kind& k) {
    std::string cols, vals, where;
    auto add = [&](const std::string& col, const std::string& val) {
        cols += (cols.empty() ? "" : ", ") + col;
        vals += (vals.empty() ? "" : ", ") + val;
    };
    auto when = [&](const std::string& cond) { where += (where.empty() ? " WHERE " : " AND ") + cond; };
    if (k.ownUuid) add("uuid", "?1");
    else when("NOT EXISTS (SELECT 1 FROM fleet_uuids WHERE uuid = ?1)");
    for (const char* c : k.columns) add(c, std::string("json_extract(?2, '$.") + c + "')");
    for (const auto& r : k.refs)
        add(r.column, std::string("coalesce((SELECT row FROM fleet_uuids WHERE tbl = '") + r.table + "' AND uuid = json_extract(?2, '$." +
                          r.column + "_uuid')), " + r.fallback + ")");
    if (k.hubSeq) add("hub_seq", "?3");
    if (k.delegate) {
        add("delegate_id", "(SELECT id FROM delegates WHERE code = json_extract(?2, '$.delegate_code'))");
        if (k.delegateRequired) when("EXISTS (SELECT 1 FROM delegates WHERE code = json_extract(?2, '$.delegate_code'))");
    }
    if (k.guard) when(k.guard);
    return std::string("INSERT OR IGNORE INTO ") + k.table + "(" + cols + ") SELECT " + vals + where;
}

// All of them every time: conflict ids are not taken under the advisory lock (so not a safe
// cursor), and an event has few.
void pullConflicts(PgConn& c, store::Database& db, const Membership& m) {
    auto r = c.exec("SELECT id, list_id, delegate_code, first_kiosk, first_at, coalesce(first_uuid::text, ''), second_kiosk, second_at, "
                    "second_uuid FROM kiosk_hub.conflicts WHERE event_id = $1 ORDER BY id",
                    {std::to_string(m.eventId)}, Clock::now() + std::chrono::seconds(30));
    if (r.rows() == 0) return;
    store::Transaction tx(db);
    for (int i = 0; i < r.rows(); ++i)
        store::addConflict(db, store::FleetConflict{r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 6), r.text(i, 5),
                                                    r.text(i, 8), r.integer(i, 4), r.integer(i, 7)});
    tx.commit();
}

// The hub's kiosks into the local device list, so the console's device tab shows the whole fleet.
void pullKiosks(PgConn& c, store::Database& db, const Membership& m) {
    auto r = c.exec("SELECT name, role, coalesce((extract(epoch from last_contact) * 1000)::bigint, 0), backlog, clock_offset_ms "
                    "FROM kiosk_hub.kiosks WHERE event_id = $1 AND name <> $2",
                    {std::to_string(m.eventId), m.kiosk});
    store::Transaction tx(db);
    for (int i = 0; i < r.rows(); ++i)
        store::heartbeat(db, r.text(i, 0), r.text(i, 1).empty() ? "hub" : r.text(i, 1), r.integer(i, 2),
                         core::trf("fleet.kiosk_info", {{"backlog", r.text(i, 3)}, {"offset", r.text(i, 4)}}));
    tx.commit();
}

int pullReference(PgConn& c, store::Database& db, const Membership& m) {
    auto r = c.exec("SELECT seq, body::text FROM kiosk_hub.reference WHERE event_id = $1 AND kind = 'delegates' AND seq > $2 "
                    "AND origin <> $3 ORDER BY seq",
                    {std::to_string(m.eventId), std::to_string(store::fleetCursor(db, "ref")), m.kiosk},
                    Clock::now() + std::chrono::seconds(60));
    if (r.rows() == 0) return 0;
    store::Transaction tx(db);
    const std::string upsert = R"SQL(
INSERT INTO delegates(code, name, title, unit, category_id, rank, seat, introduce, external_code, badge_serial, revoked, walk_in, created_at, updated_at)
SELECT json_extract(?1, '$.code'), json_extract(?1, '$.name'), json_extract(?1, '$.title'), json_extract(?1, '$.unit'),
  json_extract(?1, '$.category_id'), json_extract(?1, '$.rank'), json_extract(?1, '$.seat'), json_extract(?1, '$.introduce'),
  json_extract(?1, '$.external_code'), json_extract(?1, '$.badge_serial'), json_extract(?1, '$.revoked'), json_extract(?1, '$.walk_in'),
  json_extract(?1, '$.created_at'), json_extract(?1, '$.updated_at')
WHERE EXISTS (SELECT 1 FROM categories WHERE id = json_extract(?1, '$.category_id'))
ON CONFLICT(code) DO UPDATE SET name = excluded.name, title = excluded.title, unit = excluded.unit, category_id = excluded.category_id,
  rank = excluded.rank, seat = excluded.seat, introduce = excluded.introduce, external_code = excluded.external_code,
  badge_serial = excluded.badge_serial, revoked = excluded.revoked, walk_in = excluded.walk_in, updated_at = excluded.updated_at)SQL";
    for (int i = 0; i < r.rows(); ++i) db.cached(upsert).bind(1, r.text(i, 1)).run();
    store::touchDelegates(db);
    store::setFleetCursor(db, "ref", r.integer(r.rows() - 1, 0));
    tx.commit();
    return r.rows();
}

} // namespace

int pull(PgConn& c, store::Database& db, const Membership& m) {
    pullDefinitions(c, db, m); // first: a pulled delegate needs its category
    pullReference(c, db, m);
    int applied = 0;
    for (;;) {
        auto r = c.exec("SELECT seq, kind, uuid::text, body::text FROM kiosk_hub.records WHERE event_id = $1 AND seq > $2 AND origin <> $3 "
                        "ORDER BY seq LIMIT 2000",
                        {std::to_string(m.eventId), std::to_string(store::fleetCursor(db, "pull")), m.kiosk},
                        Clock::now() + std::chrono::seconds(60));
        if (r.rows() == 0) break;
        // The rows and the cursor commit together: a pull killed anywhere resumes exactly.
        store::Transaction tx(db);
        for (int i = 0; i < r.rows(); ++i) {
            const auto kind = r.text(i, 1);
            const auto it = std::find_if(kinds().begin(), kinds().end(), [&](const Kind& k) { return kind == k.name; });
            if (it == kinds().end()) continue; // a newer kiosk's record kind: kept in the hub
            auto& st = db.cached(applySql(*it));
            st.bind(1, r.text(i, 2)).bind(2, r.text(i, 3));
            if (it->hubSeq) st.bind(3, r.integer(i, 0));
            st.run();
            if (db.changes() == 0) continue;
            const auto row = db.lastInsertId();
            store::markPulled(db, it->table, row);
            if (!it->ownUuid)
                db.cached("INSERT INTO fleet_uuids(tbl, row, uuid) VALUES(?, ?, ?)").bind(1, it->table).bind(2, row).bind(3, r.text(i, 2)).run();
            ++applied;
            if (it->applied) it->applied(db, row);
        }
        store::setFleetCursor(db, "pull", r.integer(r.rows() - 1, 0));
        tx.commit();
        if (r.rows() < 2000) break;
    }
    pullConflicts(c, db, m);
    pullKiosks(c, db, m);
    store::fleetSet(db, "last_pull", std::to_string(core::nowMillis()));
    return applied;
}

int publishReference(PgConn& c, store::Database& db, const Membership& m) {
    const auto since = store::fleetCursor(db, "ref:delegates_at");
    std::string array = "[";
    std::int64_t newest = since;
    int n = 0;
    {
        auto st = db.prepare(R"SQL(
SELECT code, revoked, updated_at, json_object('code', code, 'name', name, 'title', title, 'unit', unit, 'category_id', category_id,
  'rank', rank, 'seat', seat, 'introduce', introduce, 'external_code', external_code, 'badge_serial', badge_serial,
  'revoked', revoked, 'walk_in', walk_in, 'created_at', created_at, 'updated_at', updated_at)
FROM delegates WHERE updated_at >= ?1 AND (CASE WHEN ?2 THEN NOT code GLOB 'W[0-9]*-*' ELSE code GLOB ?3 END)
ORDER BY updated_at)SQL");
        // The organizer publishes every delegate but the other kiosks' walk-ins; a kiosk its own walk-ins.
        st.bind(1, since).bind(2, m.organizer).bind(3, "W" + std::to_string(m.kioskNo) + "-*");
        while (st.step()) {
            if (n++) array += ',';
            array += "{\"kind\":\"delegates\",\"key\":" + core::jsonQuote(st.getText(0)) + ",\"revoked\":" + (st.getInt(1) ? "true" : "false") +
                     ",\"body\":" + st.getText(3) + "}";
            newest = std::max(newest, st.getInt(2));
        }
    }
    if (n == 0) return 0;
    upsertReference(c, m, array + "]", Clock::now() + std::chrono::seconds(120));
    store::setFleetCursor(db, "ref:delegates_at", newest);
    return n;
}

void heartbeat(PgConn& c, store::Database& db, const Membership& m) {
    c.exec("UPDATE kiosk_hub.kiosks SET last_contact = now(), backlog = $3, "
           "clock_offset_ms = $4::bigint - (extract(epoch from clock_timestamp()) * 1000)::bigint WHERE event_id = $1 AND name = $2",
           {std::to_string(m.eventId), m.kiosk, std::to_string(backlog(db)), std::to_string(core::nowMillis())});
}

std::vector<KioskRow> kiosks(PgConn& c, const Membership& m) {
    auto r = c.exec("SELECT name, role, no, backlog, clock_offset_ms, coalesce(to_char(last_contact, 'YYYY-MM-DD\"T\"HH24:MI:SSOF'), '') "
                    "FROM kiosk_hub.kiosks WHERE event_id = $1 ORDER BY no",
                    {std::to_string(m.eventId)});
    std::vector<KioskRow> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(KioskRow{r.text(i, 0), r.text(i, 1), static_cast<int>(r.integer(i, 2)), r.integer(i, 3), r.integer(i, 4), r.text(i, 5)});
    return out;
}

} // namespace kiosk::hub
