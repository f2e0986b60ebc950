#include <catch2/catch.hpp>

#include "kiosk/core/quiz.hpp"

using namespace kiosk::core;

namespace {

const std::vector<QuizTeam> kTeams{{"a", "Đội A", "", "1"}, {"b", "Đội B", "", "2"}, {"c", "Đội C", "", "3"}};

ScoreEvent mark(std::int64_t id, const std::string& team, int delta, ScoreReason reason = ScoreReason::Right) {
    ScoreEvent e;
    e.id = id;
    e.teamId = team;
    e.questionId = "q" + std::to_string(id);
    e.delta = delta;
    e.reason = reason;
    e.by = "host";
    e.at = 1000 * id;
    return e;
}

ScoreEvent undo(std::int64_t id, std::int64_t target) {
    ScoreEvent e = mark(id, "", 0, ScoreReason::Undo);
    e.undoes = target;
    return e;
}

} // namespace

TEST_CASE("quiz: the scoreboard sums the log and ranks with shared places") {
    std::vector<ScoreEvent> log{mark(1, "a", 10), mark(2, "b", 10), mark(3, "c", -5, ScoreReason::Wrong), mark(4, "c", 20)};
    auto board = scoreboard(kTeams, log);
    REQUIRE(board.size() == 3);
    CHECK(board[0].teamId == "c");
    CHECK(board[0].score == 15);
    CHECK(board[0].right == 1);
    CHECK(board[0].wrong == 1);
    CHECK(board[1].rank == 2);
    CHECK(board[2].rank == 2);
}

TEST_CASE("quiz: undo cancels the last mark, a second undo the one before") {
    std::vector<ScoreEvent> log{mark(1, "a", 10), mark(2, "b", 10)};
    CHECK(lastUndoable(log) == 2);
    log.push_back(undo(3, 2));
    CHECK(scoreboard(kTeams, log)[1].score == 0); // b back to 0 (a leads)
    CHECK(lastUndoable(log) == 1);
    log.push_back(undo(4, 1));
    CHECK_FALSE(lastUndoable(log));
    for (const auto& s : scoreboard(kTeams, log)) CHECK(s.score == 0);
    // A mark after an undo is the next one to undo.
    log.push_back(mark(5, "c", 10));
    CHECK(lastUndoable(log) == 5);
}

TEST_CASE("quiz: ties at the end are found only within the prize places") {
    std::vector<ScoreEvent> log{mark(1, "a", 30), mark(2, "b", 30), mark(3, "c", 10)};
    auto board = scoreboard(kTeams, log);
    auto ties = tiesWithinPlaces(board, 1);
    REQUIRE(ties.size() == 1);
    CHECK(ties[0] == std::vector<std::string>{"a", "b"});
    // A tie below the places that matter needs no tie-break.
    std::vector<ScoreEvent> low{mark(1, "a", 30), mark(2, "b", 10), mark(3, "c", 10)};
    CHECK(tiesWithinPlaces(scoreboard(kTeams, low), 1).empty());
    CHECK(tiesWithinPlaces(scoreboard(kTeams, low), 2).size() == 1);
}

TEST_CASE("quiz: tie-break points order tied teams without changing their score") {
    std::vector<ScoreEvent> log{mark(1, "a", 30), mark(2, "b", 30)};
    auto tb = mark(3, "b", 10);
    tb.tieBreak = true;
    log.push_back(tb);
    auto board = scoreboard(kTeams, log);
    CHECK(board[0].teamId == "b");
    CHECK(board[0].score == 30);
    CHECK(board[0].tieBreakScore == 10);
    CHECK(board[0].rank == 1);
    CHECK(board[1].rank == 2);
    CHECK(tiesWithinPlaces(board, 1).empty());
}

TEST_CASE("quiz: events of unknown teams are ignored") {
    auto board = scoreboard(kTeams, {mark(1, "zz", 10)});
    for (const auto& s : board) CHECK(s.score == 0);
}

TEST_CASE("quiz: the countdown runs from the start and stops at zero") {
    QuizState s;
    s.timeLimitSec = 30;
    s.phase = QuestionPhase::Shown;
    CHECK(remainingMs(s, 5000) == 30000);
    s.phase = QuestionPhase::Running;
    s.startedAt = 10'000;
    CHECK(remainingMs(s, 10'000) == 30000);
    CHECK(remainingMs(s, 25'500) == 14500);
    CHECK(remainingMs(s, 99'000) == 0);
    s.phase = QuestionPhase::Revealed;
    CHECK(remainingMs(s, 11'000) == 0);
}

TEST_CASE("quiz: codes round-trip") {
    for (auto k : {RoundKind::Everyone, RoundKind::Buzzer, RoundKind::TieBreak}) CHECK(parseRoundKind(roundKindCode(k)) == k);
    for (auto p : {QuestionPhase::Idle, QuestionPhase::Shown, QuestionPhase::Running, QuestionPhase::Revealed})
        CHECK(parseQuestionPhase(questionPhaseCode(p)) == p);
    for (auto r : {ScoreReason::Right, ScoreReason::Wrong, ScoreReason::FalseStart, ScoreReason::Adjust, ScoreReason::Undo})
        CHECK(parseScoreReason(scoreReasonCode(r)) == r);
    CHECK_FALSE(parseRoundKind("x"));
}
