#include "kiosk/services/festival_results.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/judge_panel.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/store/festival_repo.hpp"

namespace kiosk::services {

namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::max(0, decimals), v);
    std::string s = buf;
    for (auto& ch : s)
        if (ch == '.') ch = ',';
    return s;
}

ResultLine teamLine(const std::vector<core::QuizTeam>& teams, const std::string& id) {
    ResultLine l;
    l.entryId = id;
    l.name = id;
    for (const auto& t : teams)
        if (t.id == id) {
            l.name = t.name;
            l.unit = t.unit;
            l.fullUnit = t.unit.empty() ? t.name : t.unit;
        }
    return l;
}

void quizResults(store::Database& db, ContestResults& r) {
    auto snap = loadQuizSnapshot(db, r.contest.id);
    // Before the first mark everybody ties at 0: that is no result, and no prize.
    const bool started = !snap.events.empty();
    for (const auto& s : snap.standings) {
        auto l = teamLine(snap.teams, s.teamId);
        l.hasResult = started;
        l.rank = started ? s.rank : 0;
        l.prize = started ? core::prizeForRank(r.contest.prizes, s.rank) : core::Prize::None;
        l.total = s.score;
        l.totalText = std::to_string(s.score);
        r.lines.push_back(std::move(l));
    }
    // The pack's tie_places: a tie within those places is settled by a tie-break question, not
    // by sharing the prize (the same rule the quiz host uses to offer the tie-break).
    if (started)
        for (const auto& group : core::tiesWithinPlaces(snap.standings, r.contest.tiePlaces))
            for (auto& l : r.lines)
                if (std::find(group.begin(), group.end(), l.entryId) != group.end()) {
                    l.prize = core::Prize::None;
                    l.tieBreakPending = true;
                }
    int pending = 0;
    for (const auto& q : snap.questions) {
        const auto* round = snap.findRound(q.roundId);
        if (round && round->kind == core::RoundKind::TieBreak) continue;
        pending += std::find(snap.shown.begin(), snap.shown.end(), q.id) == snap.shown.end();
    }
    r.pending = pending;
}

void judgedResults(store::Database& db, ContestResults& r) {
    auto snap = loadJudgedSnapshot(db, r.contest.id);
    auto teams = store::loadTeams(db);
    for (const auto& c : snap.criteria) r.criteria.push_back(c.name);
    for (const auto& row : snap.results) {
        ResultLine l;
        l.entryId = row.id;
        if (const auto* p = snap.performance(row.id)) {
            const auto team = teamLine(teams, p->teamId);
            l.name = p->title;
            l.unit = team.name;
            l.fullUnit = team.fullUnit.empty() ? team.name : team.fullUnit;
            l.performers = p->performers;
        }
        l.rank = row.rank;
        l.prize = row.prize;
        l.total = row.total;
        l.totalText = row.hasResult ? formatResultValue(r.contest, row.total) : "";
        l.perCriterion = row.perCriterion;
        l.hasResult = row.hasResult;
        r.lines.push_back(std::move(l));
    }
    r.pending = int(snap.performances.size() * snap.judges.size());
    for (const auto& s : snap.sheets) r.pending -= s.state == core::SheetState::Submitted;
    // Each judge's submitted sheet, as typed (no rounding: rounding happens once, on the total).
    for (const auto& p : snap.performances)
        for (const auto& j : snap.judges) {
            const auto* sheet = snap.sheet(p.id, j.id);
            if (!sheet || sheet->state != core::SheetState::Submitted) continue;
            JudgeSheetLine line{p.id, p.title, teamLine(teams, p.teamId).name, j.name, {}};
            for (const auto& c : snap.criteria) {
                const auto it = sheet->scores.find(c.id);
                line.scores.push_back(it == sheet->scores.end() ? std::nullopt : std::optional<double>(it->second));
            }
            r.sheets.push_back(std::move(line));
        }
}

void sportsResults(store::Database& db, ContestResults& r) {
    auto teams = store::loadContestTeams(db, r.contest.id);
    auto stored = store::loadSportsResults(db, r.contest.id);
    std::vector<core::SportsEntry> entries;
    for (const auto& t : teams) {
        core::SportsEntry e{t.id, std::nullopt, {}};
        for (const auto& s : stored)
            if (s.teamId == t.id) e.value = s.value;
        entries.push_back(std::move(e));
    }
    for (const auto& row : core::sportsResults(r.contest.better, r.contest.prizes, entries)) {
        auto l = teamLine(teams, row.id);
        l.rank = row.rank;
        l.prize = row.prize;
        l.total = row.total;
        l.hasResult = row.hasResult;
        l.totalText = row.hasResult ? formatResultValue(r.contest, row.total) : "";
        r.lines.push_back(std::move(l));
    }
    for (const auto& l : r.lines) r.pending += !l.hasResult;
}

} // namespace

std::string formatResultValue(const core::Contest& contest, double value) {
    if (contest.kind == core::ContestKind::Sports && contest.timeResults) {
        int minutes = int(value / 60);
        double seconds = value - minutes * 60;
        std::string s = fixed(seconds, 2);
        if (seconds < 10) s = "0" + s;
        return minutes > 0 ? std::to_string(minutes) + ":" + s : fixed(value, 2);
    }
    if (contest.kind == core::ContestKind::Quiz) return std::to_string(std::lround(value));
    int decimals = contest.kind == core::ContestKind::Judged ? contest.decimals : 2;
    // Whole sports points read better without decimals.
    if (contest.kind == core::ContestKind::Sports && value == std::floor(value)) decimals = 0;
    return fixed(value, decimals);
}

ContestResults contestResults(store::Database& db, const std::string& contestId) {
    ContestResults r;
    r.contest = loadContestOrBlank(db, contestId);
    switch (r.contest.kind) {
    case core::ContestKind::Quiz: quizResults(db, r); break;
    case core::ContestKind::Judged: judgedResults(db, r); break;
    case core::ContestKind::Sports: sportsResults(db, r); break;
    }
    return r;
}

std::vector<ContestResults> allResults(store::Database& db) {
    std::vector<ContestResults> out;
    for (const auto& c : store::loadContests(db)) out.push_back(contestResults(db, c.id));
    return out;
}

namespace {

void writeJudgeSheets(paper::TableSink& sink, const ContestResults& r) {
    if (r.sheets.empty()) return;
    std::vector<paper::Cell> cells;
    if (sink.multiSheet()) {
        std::vector<paper::Column> cols{{core::tr("festival.results.name"), 36},
                                        {core::tr("festival.results.unit"), 36},
                                        {core::tr("festival.results.judge"), 28}};
        for (const auto& c : r.criteria) cols.push_back({c, 14});
        sink.beginSheet(core::trf("festival.results.sheets_title", {{"contest", r.contest.name}}), cols);
    } else {
        // One CSV file: the sheets follow the ranking under their own header row.
        sink.row(cells);
        cells = {paper::Cell::str(core::tr("festival.results.name")), paper::Cell::str(core::tr("festival.results.unit")),
                 paper::Cell::str(core::tr("festival.results.judge"))};
        for (const auto& c : r.criteria) cells.push_back(paper::Cell::str(c));
        sink.row(cells);
    }
    for (const auto& line : r.sheets) {
        cells = {paper::Cell::str(line.title), paper::Cell::str(line.unit), paper::Cell::str(line.judgeName)};
        for (const auto& v : line.scores) cells.push_back(v ? paper::Cell::number(*v) : paper::Cell::empty());
        sink.row(cells);
    }
}

} // namespace

void writeResults(paper::TableSink& sink, const std::vector<ContestResults>& results) {
    for (const auto& r : results) {
        if (sink.failed()) return;
        std::vector<paper::Column> cols{{core::tr("festival.results.rank"), 8},
                                        {core::tr("festival.results.prize"), 18},
                                        {core::tr("festival.results.name"), 36},
                                        {core::tr("festival.results.unit"), 36}};
        for (const auto& c : r.criteria) cols.push_back({c, 14});
        cols.push_back({core::tr("festival.results.total"), 12});
        sink.beginSheet(r.contest.name, cols);
        for (const auto& l : r.lines) {
            std::string prize = l.prize == core::Prize::None ? "" : core::tr(core::prizeKey(l.prize));
            if (l.tieBreakPending) prize = core::tr("festival.results.tie_break");
            std::vector<paper::Cell> cells;
            cells.push_back(l.hasResult ? paper::Cell::integer(l.rank) : paper::Cell::empty());
            cells.push_back(paper::Cell::str(prize));
            cells.push_back(paper::Cell::str(l.name));
            cells.push_back(paper::Cell::str(l.unit));
            for (double v : l.perCriterion) cells.push_back(paper::Cell::number(v));
            for (std::size_t i = l.perCriterion.size(); i < r.criteria.size(); ++i) cells.push_back(paper::Cell::empty());
            cells.push_back(l.hasResult ? paper::Cell::number(l.total) : paper::Cell::empty());
            sink.row(cells);
        }
        writeJudgeSheets(sink, r);
        if (!sink.multiSheet()) return;
    }
}

ActionResult recordSportsResult(store::Database& db, const std::string& contestId, const std::string& teamId,
                                const std::string& typed, const std::string& by, core::Millis now) {
    auto contest = store::loadContest(db, contestId);
    if (!contest || contest->kind != core::ContestKind::Sports)
        return ActionResult::refused(core::trf("festival.results.no_contest", {{"id", contestId}}));
    bool entered = false;
    for (const auto& t : store::loadContestTeams(db, contestId)) entered = entered || t.id == teamId;
    if (!entered) return ActionResult::refused(core::trf("festival.quiz.not_playing", {{"team", teamId}}));
    store::SportsResultRow row{teamId, std::nullopt, typed, by, now};
    if (!typed.empty() && typed != "-") {
        row.value = contest->timeResults ? core::parseDurationSeconds(typed) : core::parseScore(typed);
        if (!row.value || *row.value < 0)
            return ActionResult::refused(core::tr(contest->timeResults ? "festival.results.bad_time"
                                                                       : "festival.score.not_a_number"));
    }
    store::Transaction tx(db);
    store::saveSportsResult(db, contestId, row);
    tx.commit();
    return ActionResult::done();
}

} // namespace kiosk::services
