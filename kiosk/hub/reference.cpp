// The organizer's definitions after the join (docs/FLEET.md, "Reference data"): lists and
// windows, categories, program items, contests with teams, rounds, questions, criteria,
// performances and judges travel through kiosk_hub.reference, newest version per key, with
// tombstones for deletions. Delegates keep their own path (replicate.cpp).
#include "kiosk/core/json.hpp"
#include "kiosk/hub/hub.hpp"
#include "kiosk/store/fleet_reference.hpp"
#include "kiosk/store/fleet_repo.hpp"

namespace kiosk::hub {

namespace {

constexpr int kBatch = 500;
constexpr const char* kCursor = "ref:defs";

// {categories,lists,...}: the kinds as one array parameter.
std::string kindArray() {
    std::string out = "{";
    for (const auto& k : store::referenceKindNames())
        out += (out.size() > 1 ? "," : "") + k;
    return out + "}";
}

std::vector<store::RefRow> hubRows(PgResult& r) {
    std::vector<store::RefRow> out;
    out.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(store::RefRow{r.text(i, 1), r.text(i, 2), r.text(i, 4), r.boolean(i, 3)});
    return out;
}

} // namespace

void upsertReference(PgConn& c, const Membership& m, const std::string& jsonArray,
                     Clock::time_point deadline) {
    PgTransaction tx(c, deadline);
    // The records' lock and sequence: a pull cursor on seq never skips a row.
    c.exec("SELECT pg_advisory_xact_lock(42, $1::int)", {std::to_string(m.eventId)}, deadline);
    // Unchanged rows keep their seq, so sending a row again costs nothing downstream.
    c.exec(
        "INSERT INTO kiosk_hub.reference(event_id, kind, key, seq, origin, revoked, deleted, body) "
        "SELECT $1, r->>'kind', r->>'key', nextval('kiosk_hub.records_seq_seq'), $3, "
        "coalesce((r->>'revoked')::boolean, false), "
        "coalesce((r->>'deleted')::boolean, false), r->'body' FROM jsonb_array_elements($2::jsonb) "
        "r "
        "ON CONFLICT (event_id, kind, key) DO UPDATE SET seq = excluded.seq, origin = "
        "excluded.origin, revoked = excluded.revoked, "
        "deleted = excluded.deleted, body = excluded.body "
        "WHERE kiosk_hub.reference.body IS DISTINCT FROM excluded.body OR "
        "kiosk_hub.reference.deleted <> excluded.deleted",
        {std::to_string(m.eventId), pgSafe(jsonArray), m.kiosk}, deadline);
    tx.commit(deadline);
}

int publishDefinitions(PgConn& c, store::Database& db, const Membership& m) {
    if (!m.organizer) return 0; // definitions flow from the organizer out
    int total = 0;
    // Bounded: each batch is remembered as published, so the next one holds other rows.
    for (int batch = 0; batch < 1000; ++batch) {
        const auto rows = store::changedDefinitions(db, kBatch);
        if (rows.empty()) break;
        std::string array = "[";
        for (const auto& r : rows) {
            if (array.size() > 1) array += ',';
            array += "{\"kind\":" + core::jsonQuote(r.kind) + ",\"key\":" + core::jsonQuote(r.key) +
                     ",\"deleted\":" + (r.deleted ? "true" : "false") + ",\"body\":" + r.body + "}";
        }
        upsertReference(c, m, array + "]", Clock::now() + std::chrono::seconds(60));
        // Only now: a round killed before this line sends the same rows again (no change on the
        // hub).
        store::markPublished(db, rows);
        total += static_cast<int>(rows.size());
        if (static_cast<int>(rows.size()) < kBatch) break;
    }
    return total;
}

int pullDefinitions(PgConn& c, store::Database& db, const Membership& m) {
    // Everything past the cursor at once: a question must meet its contest in the same apply,
    // whatever their seqs.
    auto r = c.exec(
        "SELECT seq, kind, key, deleted, body::text FROM kiosk_hub.reference WHERE event_id = $1 "
        "AND kind = ANY($2::text[]) AND seq > $3 AND origin <> $4 ORDER BY seq",
        {std::to_string(m.eventId), kindArray(), std::to_string(store::fleetCursor(db, kCursor)),
         m.kiosk},
        Clock::now() + std::chrono::seconds(60));
    if (r.rows() == 0) return 0;
    store::Transaction tx(db);
    const int applied = store::applyDefinitions(db, hubRows(r));
    store::setFleetCursor(db, kCursor, r.integer(r.rows() - 1, 0));
    tx.commit();
    return applied;
}

void seedDefinitions(PgConn& c, store::Database& db, const Membership& m) {
    auto r = c.exec(
        "SELECT seq, kind, key, deleted, body::text FROM kiosk_hub.reference WHERE event_id = $1 "
        "AND kind = ANY($2::text[]) AND NOT deleted",
        {std::to_string(m.eventId), kindArray()}, Clock::now() + std::chrono::seconds(60));
    store::seedPublished(db, hubRows(r));
}

} // namespace kiosk::hub
