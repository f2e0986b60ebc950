// Judges' sheets: this machine's working copy (score_sheets, sheet_scores: drafts and the
// current sheet) and the append-only sheet records (festival-2) it is projected from. Every
// submission and reopening is a record; the current sheet is the newest record per
// (contest, performance, judge) in the hub's order, so records pulled from other machines
// rebuild the same sheet everywhere (docs/FLEET.md).
#include <cstdio>

#include "kiosk/core/json.hpp"
#include "kiosk/core/uuid.hpp"
#include "kiosk/store/festival_repo.hpp"

namespace kiosk::store {

namespace {

constexpr const char* kSheetSelect = "SELECT id, performance_id, judge_id, state, updated_at, "
                                     "submitted_at, reopened FROM score_sheets ";

void fillScores(Database& db, Sheet& s) {
    auto st = db.prepare("SELECT criterion_id, value FROM sheet_scores WHERE sheet_id=?");
    st.bind(1, s.id);
    while (st.step())
        s.scores[st.getText(0)] = st.getDouble(1);
}

Sheet readSheet(const Statement& st) {
    Sheet s;
    s.id = st.getInt(0);
    s.performanceId = st.getText(1);
    s.judgeId = st.getText(2);
    s.state = knownCode(core::parseSheetState(st.getText(3)), "sheet state", st.getText(3));
    s.updatedAt = st.getInt(4);
    s.submittedAt = st.getInt(5);
    s.reopened = int(st.getInt(6));
    return s;
}

// The newest record first: records not in the hub yet (hub_seq 0) are newer than any the hub
// ordered, which are newest by seq; local id breaks the rest.
constexpr const char* kNewestFirst = " ORDER BY (hub_seq = 0) DESC, hub_seq DESC, id DESC";

void replaceScores(Database& db, std::int64_t sheetId, const std::string& scoresJson) {
    db.cached("DELETE FROM sheet_scores WHERE sheet_id=?").bind(1, sheetId).run();
    db.cached("INSERT INTO sheet_scores(sheet_id, criterion_id, value) SELECT ?1, key, value "
              "FROM json_each(CASE WHEN json_valid(?2) THEN ?2 ELSE '{}' END) WHERE type IN "
              "('integer', 'real')")
        .bind(1, sheetId)
        .bind(2, scoresJson)
        .run();
}

} // namespace

std::optional<Sheet> loadSheet(Database& db, const std::string& contestId,
                               const std::string& performanceId, const std::string& judgeId) {
    auto st = db.prepare(std::string(kSheetSelect) +
                         "WHERE contest_id=? AND performance_id=? AND judge_id=?");
    st.bind(1, contestId).bind(2, performanceId).bind(3, judgeId);
    if (!st.step()) return std::nullopt;
    auto s = readSheet(st);
    fillScores(db, s);
    return s;
}

std::vector<Sheet> loadSheets(Database& db, const std::string& contestId) {
    auto st = db.prepare(std::string(kSheetSelect) + "WHERE contest_id=? ORDER BY id");
    st.bind(1, contestId);
    std::vector<Sheet> out;
    while (st.step())
        out.push_back(readSheet(st));
    auto sc = db.prepare("SELECT s.id, v.criterion_id, v.value FROM sheet_scores v JOIN "
                         "score_sheets s ON s.id = v.sheet_id "
                         "WHERE s.contest_id=? ORDER BY s.id");
    sc.bind(1, contestId);
    std::size_t i = 0;
    while (sc.step()) {
        auto id = sc.getInt(0);
        while (i < out.size() && out[i].id < id)
            ++i;
        if (i < out.size() && out[i].id == id) out[i].scores[sc.getText(1)] = sc.getDouble(2);
    }
    return out;
}

std::int64_t ensureSheet(Database& db, const std::string& contestId,
                         const std::string& performanceId, const std::string& judgeId,
                         core::Millis now) {
    auto ins = db.prepare("INSERT OR IGNORE INTO score_sheets(contest_id, performance_id, "
                          "judge_id, state, updated_at) "
                          "VALUES(?,?,?,'draft',?)");
    ins.bind(1, contestId).bind(2, performanceId).bind(3, judgeId).bind(4, now).run();
    auto st = db.prepare(
        "SELECT id FROM score_sheets WHERE contest_id=? AND performance_id=? AND judge_id=?");
    st.bind(1, contestId).bind(2, performanceId).bind(3, judgeId);
    st.step();
    return st.getInt(0);
}

void setSheetScore(Database& db, std::int64_t sheetId, const std::string& criterionId,
                   std::optional<double> value, core::Millis now) {
    if (value) {
        auto st = db.prepare(
            "INSERT OR REPLACE INTO sheet_scores(sheet_id, criterion_id, value) VALUES(?,?,?)");
        st.bind(1, sheetId).bind(2, criterionId).bind(3, *value).run();
    } else {
        auto st = db.prepare("DELETE FROM sheet_scores WHERE sheet_id=? AND criterion_id=?");
        st.bind(1, sheetId).bind(2, criterionId).run();
    }
    auto up = db.prepare("UPDATE score_sheets SET updated_at=? WHERE id=?");
    up.bind(1, now).bind(2, sheetId).run();
}

void setSheetState(Database& db, std::int64_t sheetId, core::SheetState state, core::Millis now,
                   bool reopen) {
    auto st = db.prepare("UPDATE score_sheets SET state=?, updated_at=?, submitted_at=CASE WHEN "
                         "?='submitted' THEN ? ELSE submitted_at END, "
                         "reopened = reopened + ? WHERE id=?");
    auto code = core::sheetStateCode(state);
    st.bind(1, code)
        .bind(2, now)
        .bind(3, code)
        .bind(4, now)
        .bind(5, reopen ? 1 : 0)
        .bind(6, sheetId)
        .run();
}

std::string scoresJson(const std::map<std::string, double>& scores) {
    std::string out = "{";
    for (const auto& [criterion, value] : scores) {
        char buf[40];
        // 17 significant digits: the value read back is the very double the judge entered.
        std::snprintf(buf, sizeof buf, "%.17g", value);
        out += (out.size() > 1 ? "," : "") + core::jsonQuote(criterion) + ":" + buf;
    }
    return out + "}";
}

std::int64_t appendSheetRecord(Database& db, const SheetRecord& r) {
    const std::string uuid = r.uuid.empty() ? core::newUuid() : r.uuid;
    db.cached("INSERT INTO sheet_records(uuid, contest_id, performance_id, judge_id, action, by, "
              "at, reason, scores, snapshot) "
              "VALUES(?,?,?,?,?,?,?,?,?,?)")
        .bind(1, uuid)
        .bind(2, r.contestId)
        .bind(3, r.performanceId)
        .bind(4, r.judgeId)
        .bind(5, r.action)
        .bind(6, r.by)
        .bind(7, r.at)
        .bind(8, r.reason)
        .bind(9, scoresJson(r.scores))
        .bind(10, r.snapshot)
        .run();
    const auto id = db.lastInsertId();
    projectSheet(db, r.contestId, r.performanceId, r.judgeId);
    return id;
}

bool projectSheet(Database& db, const std::string& contestId, const std::string& performanceId,
                  const std::string& judgeId) {
    // A record naming a performance or judge this machine does not know (yet) stays a record only.
    auto known =
        db.prepare("SELECT EXISTS(SELECT 1 FROM performances WHERE contest_id=?1 AND id=?2) AND "
                   "EXISTS(SELECT 1 FROM judges WHERE contest_id=?1 AND id=?3)");
    known.bind(1, contestId).bind(2, performanceId).bind(3, judgeId);
    if (!known.step() || known.getInt(0) == 0) return false;
    auto st =
        db.prepare(std::string("SELECT action, at, scores, (SELECT count(*) FROM sheet_records r "
                               "WHERE r.contest_id=?1 AND "
                               "r.performance_id=?2 AND r.judge_id=?3 AND r.action='reopen'), "
                               "(SELECT max(at) FROM sheet_records r WHERE r.contest_id=?1 AND "
                               "r.performance_id=?2 AND "
                               "r.judge_id=?3) FROM sheet_records WHERE contest_id=?1 AND "
                               "performance_id=?2 AND judge_id=?3") +
                   kNewestFirst + " LIMIT 1");
    st.bind(1, contestId).bind(2, performanceId).bind(3, judgeId);
    if (!st.step()) return false;
    const std::string action = st.getText(0), scores = st.getText(2);
    const core::Millis at = st.getInt(1), latest = st.getInt(4);
    const auto reopened = st.getInt(3);
    const auto id = ensureSheet(db, contestId, performanceId, judgeId, latest);
    const auto current = loadSheet(db, contestId, performanceId, judgeId);
    const bool wasSubmitted = current && current->state == core::SheetState::Submitted;
    // Unlock first (the triggers refuse changes to a submitted sheet's scores).
    db.cached("UPDATE score_sheets SET state='draft', reopened=?, updated_at=max(updated_at, ?) "
              "WHERE id=?")
        .bind(1, reopened)
        .bind(2, latest)
        .bind(3, id)
        .run();
    if (action == "submit") {
        replaceScores(db, id, scores);
        db.cached("UPDATE score_sheets SET state='submitted', submitted_at=? WHERE id=?")
            .bind(1, at)
            .bind(2, id)
            .run();
    } else if (wasSubmitted) {
        // Reopened: the judge corrects the sheet as it was submitted; a draft typed since stays.
        replaceScores(db, id, scores);
    }
    return true;
}

std::vector<SheetRecord> loadSheetHistory(Database& db, const std::string& contestId) {
    // Oldest first, in the hub's order (records not in the hub yet last).
    auto st =
        db.prepare("SELECT id, uuid, contest_id, performance_id, judge_id, action, by, at, reason, "
                   "scores, snapshot, hub_seq "
                   "FROM sheet_records WHERE contest_id=? ORDER BY (hub_seq = 0), hub_seq, id");
    st.bind(1, contestId);
    std::vector<SheetRecord> out;
    while (st.step()) {
        SheetRecord r{st.getInt(0),   st.getText(1), st.getText(2), st.getText(3), st.getText(4),
                      st.getText(5),  st.getText(6), st.getInt(7),  st.getText(8), {},
                      st.getText(10), st.getInt(11)};
        auto& sc = db.cached(
            "SELECT key, value FROM json_each(CASE WHEN json_valid(?1) THEN ?1 ELSE '{}' END) "
            "WHERE type IN ('integer', 'real')");
        sc.bind(1, st.getText(9));
        while (sc.step())
            r.scores[sc.getText(0)] = sc.getDouble(1);
        sc.reset();
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace kiosk::store
