#include "kiosk/store/festival_repo.hpp"

namespace kiosk::store {

namespace {

std::string joinIds(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
    return out;
}

std::vector<std::string> splitIds(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        if (comma > start) out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

constexpr const char* kContestColumns =
    "id, name, kind, pos, prize_first, prize_second, prize_third, prize_consolation, aggregation, tie_breaks, "
    "decimals, better, result_unit, time_results, tie_places";

core::Contest readContest(const Statement& st) {
    core::Contest c;
    c.id = st.getText(0);
    c.name = st.getText(1);
    c.kind = knownCode(core::parseContestKind(st.getText(2)), "contest kind", st.getText(2));
    c.pos = int(st.getInt(3));
    c.prizes = {int(st.getInt(4)), int(st.getInt(5)), int(st.getInt(6)), int(st.getInt(7))};
    c.aggregation = knownCode(core::parseAggregation(st.getText(8)), "aggregation", st.getText(8));
    c.tieBreaks = knownCode(core::parseTieBreaks(st.getText(9)), "tie-break", st.getText(9));
    c.decimals = int(st.getInt(10));
    c.better = knownCode(core::kBetterCodes.parse(st.getText(11)), "better", st.getText(11));
    c.resultUnit = st.getText(12);
    c.timeResults = st.getInt(13) != 0;
    c.tiePlaces = int(st.getInt(14));
    return c;
}

} // namespace

void saveContest(Database& db, const core::Contest& c) {
    auto st = db.prepare(std::string("INSERT OR REPLACE INTO contests(") + kContestColumns +
                         ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, c.id).bind(2, c.name).bind(3, core::contestKindCode(c.kind)).bind(4, c.pos);
    st.bind(5, c.prizes.first).bind(6, c.prizes.second).bind(7, c.prizes.third).bind(8, c.prizes.consolation);
    st.bind(9, core::aggregationName(c.aggregation)).bind(10, core::tieBreaksText(c.tieBreaks)).bind(11, c.decimals);
    st.bind(12, core::kBetterCodes.code(c.better)).bind(13, c.resultUnit);
    st.bind(14, c.timeResults).bind(15, c.tiePlaces).run();
}

std::vector<core::Contest> loadContests(Database& db) {
    auto st = db.prepare(std::string("SELECT ") + kContestColumns + " FROM contests ORDER BY pos, id");
    std::vector<core::Contest> out;
    while (st.step()) out.push_back(readContest(st));
    return out;
}

std::optional<core::Contest> loadContest(Database& db, const std::string& id) {
    auto st = db.prepare(std::string("SELECT ") + kContestColumns + " FROM contests WHERE id=?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return readContest(st);
}

void saveTeam(Database& db, const core::QuizTeam& t, int pos) {
    auto st = db.prepare("INSERT OR REPLACE INTO teams(id, name, unit, buzzer_key, pos) VALUES(?,?,?,?,?)");
    st.bind(1, t.id).bind(2, t.name).bind(3, t.unit).bind(4, t.buzzerKey).bind(5, pos).run();
}

std::vector<core::QuizTeam> loadTeams(Database& db) {
    auto st = db.prepare("SELECT id, name, unit, buzzer_key FROM teams ORDER BY pos, id");
    std::vector<core::QuizTeam> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), st.getText(2), st.getText(3)});
    return out;
}

void addContestTeam(Database& db, const std::string& contestId, const std::string& teamId, int pos) {
    auto st = db.prepare("INSERT OR REPLACE INTO contest_teams(contest_id, team_id, pos) VALUES(?,?,?)");
    st.bind(1, contestId).bind(2, teamId).bind(3, pos).run();
}

std::vector<core::QuizTeam> loadContestTeams(Database& db, const std::string& contestId) {
    auto st = db.prepare(
        "SELECT t.id, t.name, t.unit, t.buzzer_key FROM contest_teams ct JOIN teams t ON t.id = ct.team_id "
        "WHERE ct.contest_id=? ORDER BY ct.pos, t.pos, t.id");
    st.bind(1, contestId);
    std::vector<core::QuizTeam> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), st.getText(2), st.getText(3)});
    return out;
}

void saveRound(Database& db, const std::string& contestId, const core::QuizRound& r, int pos) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO quiz_rounds(contest_id, id, name, kind, pos, wrong_points, false_start_penalty, "
        "false_start_lockout) VALUES(?,?,?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, r.id).bind(3, r.name).bind(4, core::roundKindCode(r.kind)).bind(5, pos);
    st.bind(6, r.wrongPoints).bind(7, r.falseStart.penaltyPoints).bind(8, r.falseStart.lockOut).run();
}

std::vector<core::QuizRound> loadRounds(Database& db, const std::string& contestId) {
    auto st = db.prepare(
        "SELECT id, name, kind, wrong_points, false_start_penalty, false_start_lockout FROM quiz_rounds "
        "WHERE contest_id=? ORDER BY pos, id");
    st.bind(1, contestId);
    std::vector<core::QuizRound> out;
    while (st.step()) {
        core::QuizRound r;
        r.id = st.getText(0);
        r.name = st.getText(1);
        r.kind = knownCode(core::parseRoundKind(st.getText(2)), "round kind", st.getText(2));
        r.wrongPoints = int(st.getInt(3));
        r.falseStart = {int(st.getInt(4)), st.getInt(5) != 0};
        out.push_back(std::move(r));
    }
    return out;
}

void saveQuestion(Database& db, const std::string& contestId, const core::QuizQuestion& q) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO quiz_questions(contest_id, id, round_id, pos, multiple_choice, text, choice_a, "
        "choice_b, choice_c, choice_d, answer, explanation, points, time_limit_sec) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, q.id).bind(3, q.roundId).bind(4, q.pos).bind(5, q.multipleChoice).bind(6, q.text);
    for (int i = 0; i < 4; ++i) st.bind(7 + i, i < int(q.choices.size()) ? q.choices[i] : std::string());
    st.bind(11, q.answer).bind(12, q.explanation).bind(13, q.points).bind(14, q.timeLimitSec).run();
}

std::vector<core::QuizQuestion> loadQuestions(Database& db, const std::string& contestId) {
    auto st = db.prepare(
        "SELECT q.id, q.round_id, q.pos, q.multiple_choice, q.text, q.choice_a, q.choice_b, q.choice_c, q.choice_d, "
        "q.answer, q.explanation, q.points, q.time_limit_sec FROM quiz_questions q "
        "JOIN quiz_rounds r ON r.contest_id = q.contest_id AND r.id = q.round_id "
        "WHERE q.contest_id=? ORDER BY r.pos, q.pos, q.id");
    st.bind(1, contestId);
    std::vector<core::QuizQuestion> out;
    while (st.step()) {
        core::QuizQuestion q;
        q.id = st.getText(0);
        q.roundId = st.getText(1);
        q.pos = int(st.getInt(2));
        q.multipleChoice = st.getInt(3) != 0;
        q.text = st.getText(4);
        for (int i = 0; i < 4; ++i)
            if (auto c = st.getText(5 + i); !c.empty()) q.choices.push_back(c);
        q.answer = st.getText(9);
        q.explanation = st.getText(10);
        q.points = int(st.getInt(11));
        q.timeLimitSec = int(st.getInt(12));
        out.push_back(std::move(q));
    }
    return out;
}

void saveCriterion(Database& db, const std::string& contestId, const core::Criterion& c, int pos) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO criteria(contest_id, id, name, weight, max_score, step, pos) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, c.id).bind(3, c.name).bind(4, c.weight).bind(5, c.maxScore).bind(6, c.step);
    st.bind(7, pos).run();
}

std::vector<core::Criterion> loadCriteria(Database& db, const std::string& contestId) {
    auto st = db.prepare("SELECT id, name, weight, max_score, step FROM criteria WHERE contest_id=? ORDER BY pos, id");
    st.bind(1, contestId);
    std::vector<core::Criterion> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), st.getDouble(2), st.getDouble(3), st.getDouble(4)});
    return out;
}

void savePerformance(Database& db, const std::string& contestId, const core::Performance& p) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO performances(contest_id, id, title, team_id, performers, genre, pos) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, p.id).bind(3, p.title).bind(4, p.teamId).bind(5, p.performers).bind(6, p.genre);
    st.bind(7, p.pos).run();
}

std::vector<core::Performance> loadPerformances(Database& db, const std::string& contestId) {
    auto st = db.prepare(
        "SELECT id, title, team_id, performers, genre, pos FROM performances WHERE contest_id=? ORDER BY pos, id");
    st.bind(1, contestId);
    std::vector<core::Performance> out;
    while (st.step())
        out.push_back({st.getText(0), st.getText(1), st.getText(2), st.getText(3), st.getText(4), int(st.getInt(5))});
    return out;
}

void saveJudge(Database& db, const std::string& contestId, const core::Judge& j, const std::string& pinHash) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO judges(contest_id, id, name, title, head, pin_hash, pos) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, j.id).bind(3, j.name).bind(4, j.title).bind(5, j.head).bind(6, pinHash);
    st.bind(7, j.pos).run();
}

std::vector<core::Judge> loadJudges(Database& db, const std::string& contestId) {
    auto st = db.prepare("SELECT id, name, title, head, pos FROM judges WHERE contest_id=? ORDER BY pos, id");
    st.bind(1, contestId);
    std::vector<core::Judge> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), st.getText(2), st.getInt(3) != 0, int(st.getInt(4))});
    return out;
}

std::optional<std::string> judgePinHash(Database& db, const std::string& contestId, const std::string& judgeId) {
    auto st = db.prepare("SELECT pin_hash FROM judges WHERE contest_id=? AND id=?");
    st.bind(1, contestId).bind(2, judgeId);
    if (!st.step()) return std::nullopt;
    return st.getText(0);
}

SavedQuizState loadQuizState(Database& db, const std::string& contestId) {
    auto st = db.prepare(
        "SELECT question_id, phase, show_id, shown_at, started_at, time_limit_sec, tiebreak_teams FROM quiz_state "
        "WHERE contest_id=?");
    st.bind(1, contestId);
    SavedQuizState s;
    if (!st.step()) return s;
    s.state.questionId = st.getText(0);
    s.state.phase = knownCode(core::parseQuestionPhase(st.getText(1)), "question phase", st.getText(1));
    s.showId = st.getInt(2);
    s.state.shownAt = st.getInt(3);
    s.state.startedAt = st.getInt(4);
    s.state.timeLimitSec = int(st.getInt(5));
    s.state.tieBreakTeams = splitIds(st.getText(6));
    return s;
}

void saveQuizState(Database& db, const std::string& contestId, const SavedQuizState& s, core::Millis now) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO quiz_state(contest_id, question_id, phase, show_id, shown_at, started_at, "
        "time_limit_sec, tiebreak_teams, updated_at) VALUES(?,?,?,?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, s.state.questionId).bind(3, core::questionPhaseCode(s.state.phase)).bind(4, s.showId);
    st.bind(5, s.state.shownAt).bind(6, s.state.startedAt).bind(7, s.state.timeLimitSec);
    st.bind(8, joinIds(s.state.tieBreakTeams)).bind(9, now).run();
}

std::int64_t insertShow(Database& db, const std::string& contestId, const std::string& questionId, const std::string& by,
                        core::Millis at) {
    auto st = db.prepare("INSERT INTO quiz_shows(contest_id, question_id, by, at) VALUES(?,?,?,?)");
    st.bind(1, contestId).bind(2, questionId).bind(3, by).bind(4, at).run();
    return db.lastInsertId();
}

std::vector<std::string> shownQuestions(Database& db, const std::string& contestId) {
    auto st = db.prepare(
        "SELECT question_id FROM quiz_shows WHERE contest_id=? GROUP BY question_id ORDER BY MIN(id)");
    st.bind(1, contestId);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.getText(0));
    return out;
}

std::int64_t appendScoreEvent(Database& db, const std::string& contestId, const core::ScoreEvent& e) {
    auto st = db.prepare(
        "INSERT INTO score_events(contest_id, team_id, question_id, delta, reason, tie_break, undoes, by, at, note) "
        "VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, e.teamId).bind(3, e.questionId).bind(4, e.delta);
    st.bind(5, core::scoreReasonCode(e.reason)).bind(6, e.tieBreak).bind(7, e.undoes).bind(8, e.by).bind(9, e.at);
    st.bind(10, e.note).run();
    return db.lastInsertId();
}

std::vector<core::ScoreEvent> loadScoreEvents(Database& db, const std::string& contestId) {
    auto st = db.prepare(
        "SELECT id, team_id, question_id, delta, reason, tie_break, undoes, by, at, note FROM score_events "
        "WHERE contest_id=? ORDER BY id");
    st.bind(1, contestId);
    std::vector<core::ScoreEvent> out;
    while (st.step()) {
        core::ScoreEvent e;
        e.id = st.getInt(0);
        e.teamId = st.getText(1);
        e.questionId = st.getText(2);
        e.delta = int(st.getInt(3));
        e.reason = knownCode(core::parseScoreReason(st.getText(4)), "score reason", st.getText(4));
        e.tieBreak = st.getInt(5) != 0;
        if (!st.isNull(6)) e.undoes = st.getInt(6);
        e.by = st.getText(7);
        e.at = st.getInt(8);
        e.note = st.getText(9);
        out.push_back(std::move(e));
    }
    return out;
}

void appendBuzzEvent(Database& db, const std::string& contestId, const BuzzEvent& e) {
    auto st = db.prepare(
        "INSERT INTO buzz_events(contest_id, show_id, kind, team_id, at, press_kind, press_order, since_open) "
        "VALUES(?,?,?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, e.showId).bind(3, core::buzzKindCode(e.kind)).bind(4, e.teamId).bind(5, e.at).bind(6, e.pressKind);
    st.bind(7, e.order).bind(8, e.sinceOpen).run();
}

std::vector<BuzzEvent> loadBuzzEvents(Database& db, const std::string& contestId, std::int64_t showId) {
    auto st = db.prepare(
        "SELECT id, show_id, kind, team_id, at, press_kind, press_order, since_open FROM buzz_events "
        "WHERE contest_id=? AND show_id=? ORDER BY id");
    st.bind(1, contestId).bind(2, showId);
    std::vector<BuzzEvent> out;
    while (st.step()) {
        const auto kind = st.getText(2), press = st.getText(5);
        if (!press.empty()) knownCode(core::parsePressKind(press), "press kind", press);
        out.push_back({st.getInt(0), st.getInt(1), knownCode(core::parseBuzzKind(kind), "buzz kind", kind), st.getText(3),
                       st.getInt(4), press, int(st.getInt(6)), st.getInt(7)});
    }
    return out;
}

void saveSportsResult(Database& db, const std::string& contestId, const SportsResultRow& r) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO sports_results(contest_id, team_id, value, raw, by, at) VALUES(?,?,?,?,?,?)");
    st.bind(1, contestId).bind(2, r.teamId).bind(3, r.value).bind(4, r.raw).bind(5, r.by).bind(6, r.at).run();
}

std::vector<SportsResultRow> loadSportsResults(Database& db, const std::string& contestId) {
    auto st = db.prepare("SELECT team_id, value, raw, by, at FROM sports_results WHERE contest_id=? ORDER BY team_id");
    st.bind(1, contestId);
    std::vector<SportsResultRow> out;
    while (st.step()) {
        SportsResultRow r;
        r.teamId = st.getText(0);
        if (!st.isNull(1)) r.value = st.getDouble(1);
        r.raw = st.getText(2);
        r.by = st.getText(3);
        r.at = st.getInt(4);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace kiosk::store
