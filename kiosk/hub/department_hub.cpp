#include "kiosk/hub/department_hub.hpp"

#include <sodium.h>

#include <map>

namespace kiosk::hub {

namespace {

// Whole-list reads and a publish move more than a gate's check-in: give them room.
constexpr auto kLong = std::chrono::seconds(120);

std::string str(std::int64_t v) {
    return std::to_string(v);
}

/// A stable digest of everything a summary says, so a publish that brings nothing new writes
/// nothing.
std::string digestOf(const core::UnitEventSummary& s, const std::vector<CategoryGroupRow>& groups) {
    std::string text;
    auto add = [&](const std::string& v) {
        text += std::to_string(v.size());
        text += ':';
        text += v;
    };
    for (const auto* v : {&s.unitCode, &s.unitName, &s.reportNumber, &s.reportDate})
        add(*v);
    for (int v : {s.ceremonyItems, s.ceremonyDone, s.awards, s.awardsHanded})
        add(std::to_string(v));
    for (const auto& g : s.groups)
        add(g.group + "|" + str(g.expected) + "|" + str(g.present));
    for (const auto& i : s.skippedItems)
        add("s" + i);
    for (const auto& c : s.contests) {
        add("c" + c.contest);
        for (const auto& w : c.winners)
            add("w" + w);
    }
    for (const auto& g : groups)
        add("g" + g.categoryId + "|" + g.group);
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()),
                       text.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

} // namespace

std::vector<HubMigration> departmentMigrations() {
    return {{"dept-1", R"SQL(
-- The department's list of units: who is expected to hold the day.
CREATE TABLE kiosk_hub.dept_units(
  code text PRIMARY KEY,
  name text NOT NULL,
  district text NOT NULL DEFAULT '',
  contact text NOT NULL DEFAULT '',
  pos integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now());
-- One event's summary as its unit published it. report_received_at is stamped once (ms since
-- the epoch), when a report number first arrives; digest makes a repeated publish a no-op.
CREATE TABLE kiosk_hub.dept_summaries(
  event_id bigint PRIMARY KEY REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  unit_code text NOT NULL DEFAULT '',
  unit_name text NOT NULL,
  ceremony_items integer NOT NULL,
  ceremony_done integer NOT NULL,
  awards integer NOT NULL,
  awards_handed integer NOT NULL,
  report_number text NOT NULL DEFAULT '',
  report_date text NOT NULL DEFAULT '',
  report_received_at bigint,
  digest text NOT NULL,
  first_published_at bigint NOT NULL,
  updated_at bigint NOT NULL);
-- The summary's lists: skipped ceremony items, contests and their winners (parent = the
-- contest's pos), and the unit's own attendance per group (expected, present).
CREATE TABLE kiosk_hub.dept_lines(
  event_id bigint NOT NULL REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('skipped', 'contest', 'winner', 'group')),
  pos integer NOT NULL,
  parent integer NOT NULL DEFAULT 0,
  text text NOT NULL,
  expected bigint NOT NULL DEFAULT 0,
  present bigint NOT NULL DEFAULT 0,
  PRIMARY KEY(event_id, kind, pos));
-- Which group of part 2.4 each of the event's categories is counted in.
CREATE TABLE kiosk_hub.dept_groups(
  event_id bigint NOT NULL REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  category_id text NOT NULL,
  group_name text NOT NULL,
  pos integer NOT NULL,
  PRIMARY KEY(event_id, category_id));
-- First entries by delegate, for counting who came per event.
CREATE INDEX dept_records_entries ON kiosk_hub.records(event_id, (body->>'delegate_code'))
  WHERE kind = 'checkin' AND body->>'direction' = 'entry';
)SQL"}};
}

int replaceUnits(PgConn& c, const std::vector<core::DeptUnit>& units) {
    const auto deadline = Clock::now() + kLong;
    PgTransaction tx(c, deadline);
    c.exec("DELETE FROM kiosk_hub.dept_units", {}, deadline);
    int pos = 0;
    for (const auto& u : units)
        c.exec("INSERT INTO kiosk_hub.dept_units(code, name, district, contact, pos) VALUES($1, "
               "$2, $3, $4, $5)",
               {u.code, u.name, u.district, u.contact, std::to_string(++pos)}, deadline);
    tx.commit(deadline);
    return pos;
}

std::vector<core::DeptUnit> loadUnits(PgConn& c) {
    auto r = c.exec("SELECT code, name, district, contact FROM kiosk_hub.dept_units ORDER BY pos",
                    {}, Clock::now() + kLong);
    std::vector<core::DeptUnit> out;
    out.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
    return out;
}

SummaryOutcome publishSummary(PgConn& c, std::int64_t eventId, const core::UnitEventSummary& s,
                              const std::vector<CategoryGroupRow>& groups,
                              std::optional<core::Millis> at) {
    const auto deadline = Clock::now() + kLong;
    const std::string ev = str(eventId), digest = digestOf(s, groups);
    const Param when = at ? Param(str(*at)) : Param();
    SummaryOutcome out;
    PgTransaction tx(c, deadline);
    // One publisher per event at a time, so two publishes of one backup do not interleave.
    c.exec("SELECT pg_advisory_xact_lock(44, $1::int)", {ev}, deadline);
    auto cur = c.exec("SELECT digest, report_received_at IS NOT NULL FROM kiosk_hub.dept_summaries "
                      "WHERE event_id = $1",
                      {ev}, deadline);
    out.created = cur.rows() == 0;
    if (!out.created && cur.text(0, 0) == digest) {
        tx.commit(deadline);
        return out;
    }
    out.changed = true;
    out.reportReceived = !s.reportNumber.empty() && (out.created || !cur.boolean(0, 1));
    const std::string nowMs =
        "coalesce($12::bigint, (extract(epoch from clock_timestamp()) * 1000)::bigint)";
    c.exec("INSERT INTO kiosk_hub.dept_summaries(event_id, unit_code, unit_name, ceremony_items, "
           "ceremony_done, awards, "
           "awards_handed, report_number, report_date, report_received_at, digest, "
           "first_published_at, updated_at) "
           "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $10 THEN " +
               nowMs + " END, $11, " + nowMs + ", " + nowMs +
               ") "
               "ON CONFLICT(event_id) DO UPDATE SET unit_code = excluded.unit_code, unit_name = "
               "excluded.unit_name, "
               "ceremony_items = excluded.ceremony_items, ceremony_done = excluded.ceremony_done, "
               "awards = excluded.awards, "
               "awards_handed = excluded.awards_handed, report_number = excluded.report_number, "
               "report_date = excluded.report_date, "
               "report_received_at = coalesce(kiosk_hub.dept_summaries.report_received_at, "
               "excluded.report_received_at), "
               "digest = excluded.digest, updated_at = excluded.updated_at",
           {ev, s.unitCode, s.unitName, std::to_string(s.ceremonyItems),
            std::to_string(s.ceremonyDone), std::to_string(s.awards),
            std::to_string(s.awardsHanded), s.reportNumber, s.reportDate,
            s.reportNumber.empty() ? "false" : "true", digest, when},
           deadline);
    c.exec("DELETE FROM kiosk_hub.dept_lines WHERE event_id = $1", {ev}, deadline);
    c.exec("DELETE FROM kiosk_hub.dept_groups WHERE event_id = $1", {ev}, deadline);
    auto line = [&](const char* kind, int pos, int parent, const std::string& text, std::int64_t e,
                    std::int64_t p) {
        c.exec("INSERT INTO kiosk_hub.dept_lines(event_id, kind, pos, parent, text, expected, "
               "present) "
               "VALUES($1, $2, $3, $4, $5, $6, $7)",
               {ev, kind, std::to_string(pos), std::to_string(parent), text, str(e), str(p)},
               deadline);
    };
    int pos = 0;
    for (const auto& i : s.skippedItems)
        line("skipped", ++pos, 0, i, 0, 0);
    pos = 0;
    int winner = 0;
    for (const auto& contest : s.contests) {
        line("contest", ++pos, 0, contest.contest, 0, 0);
        for (const auto& w : contest.winners)
            line("winner", ++winner, pos, w, 0, 0);
    }
    pos = 0;
    for (const auto& g : s.groups)
        line("group", ++pos, 0, g.group, g.expected, g.present);
    pos = 0;
    for (const auto& g : groups)
        c.exec("INSERT INTO kiosk_hub.dept_groups(event_id, category_id, group_name, pos) "
               "VALUES($1, $2, $3, $4) "
               "ON CONFLICT DO NOTHING",
               {ev, g.categoryId, g.group, std::to_string(++pos)}, deadline);
    tx.commit(deadline);
    return out;
}

std::vector<GroupFigureRow> attendanceByGroup(PgConn& c) {
    // Expected: the event's delegates not revoked; present: those with an entry check-in, as the
    // unit's own database counts them (store::categoryPresence). A category in no group counts
    // under its own id.
    auto r = c.exec(R"SQL(
WITH present AS (
  SELECT DISTINCT event_id, body->>'delegate_code' AS code FROM kiosk_hub.records
  WHERE kind = 'checkin' AND body->>'direction' = 'entry')
SELECT d.event_id, coalesce(g.group_name, d.body->>'category_id') AS grp,
       count(*) FILTER (WHERE NOT d.revoked), count(p.code), min(coalesce(g.pos, 100000))
FROM kiosk_hub.reference d
LEFT JOIN kiosk_hub.dept_groups g ON g.event_id = d.event_id AND g.category_id = d.body->>'category_id'
LEFT JOIN present p ON p.event_id = d.event_id AND p.code = d.key
WHERE d.kind = 'delegates'
GROUP BY 1, 2 ORDER BY 1, 5, 2)SQL",
                    {}, Clock::now() + kLong);
    std::vector<GroupFigureRow> out;
    out.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.integer(i, 0), r.text(i, 1), r.integer(i, 2), r.integer(i, 3)});
    return out;
}

std::vector<core::UnitEventSummary> loadEventSummaries(PgConn& c) {
    const auto deadline = Clock::now() + kLong;
    auto r = c.exec(
        "SELECT e.id, e.code, coalesce(s.unit_code, ''), coalesce(s.unit_name, e.unit), e.date, "
        "e.venue, "
        "coalesce(s.ceremony_items, 0), coalesce(s.ceremony_done, 0), coalesce(s.awards, 0), "
        "coalesce(s.awards_handed, 0), coalesce(s.report_number, ''), coalesce(s.report_date, ''), "
        "s.report_received_at FROM kiosk_hub.events e LEFT JOIN kiosk_hub.dept_summaries s ON "
        "s.event_id = e.id "
        "ORDER BY e.date, e.id",
        {}, deadline);
    std::vector<core::UnitEventSummary> out;
    std::map<std::int64_t, size_t> at;
    for (int i = 0; i < r.rows(); ++i) {
        core::UnitEventSummary s;
        s.eventId = r.text(i, 1);
        s.unitCode = r.text(i, 2);
        s.unitName = r.text(i, 3);
        s.date = r.text(i, 4);
        s.place = r.text(i, 5);
        s.ceremonyItems = static_cast<int>(r.integer(i, 6));
        s.ceremonyDone = static_cast<int>(r.integer(i, 7));
        s.awards = static_cast<int>(r.integer(i, 8));
        s.awardsHanded = static_cast<int>(r.integer(i, 9));
        s.reportNumber = r.text(i, 10);
        s.reportDate = r.text(i, 11);
        if (!r.isNull(i, 12)) s.reportReceived = r.integer(i, 12);
        at[r.integer(i, 0)] = out.size();
        out.push_back(std::move(s));
    }
    auto lines =
        c.exec("SELECT event_id, kind, parent, text, expected, present FROM kiosk_hub.dept_lines "
               "ORDER BY event_id, kind, pos",
               {}, deadline);
    std::map<std::int64_t, std::vector<core::GroupCount>> ownFigures;
    for (int i = 0; i < lines.rows(); ++i) {
        const auto it = at.find(lines.integer(i, 0));
        if (it == at.end()) continue;
        auto& s = out[it->second];
        const std::string kind = lines.text(i, 1), text = lines.text(i, 3);
        if (kind == "skipped")
            s.skippedItems.push_back(text);
        else if (kind == "contest")
            s.contests.push_back({text, {}});
        else if (kind == "winner") {
            const auto parent = static_cast<size_t>(lines.integer(i, 2));
            if (parent >= 1 && parent <= s.contests.size())
                s.contests[parent - 1].winners.push_back(text);
        } else if (kind == "group") {
            ownFigures[lines.integer(i, 0)].push_back(
                {text, lines.integer(i, 4), lines.integer(i, 5)});
        }
    }
    // The hub's own count wins where it has the event's delegates; the unit's figures otherwise.
    for (const auto& row : attendanceByGroup(c)) {
        const auto it = at.find(row.eventId);
        if (it != at.end())
            out[it->second].groups.push_back({row.group, row.expected, row.present});
    }
    for (auto& [id, figures] : ownFigures) {
        auto& s = out[at[id]];
        if (s.groups.empty()) s.groups = std::move(figures);
    }
    return out;
}

} // namespace kiosk::hub
