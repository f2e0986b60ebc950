#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/judge_panel.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/store/festival_repo.hpp"
#include "kiosk/store/schema.hpp"
#include "festival_support.hpp"

using namespace kiosk;
using kiosk::test::seedJudged;
using kiosk::test::TempDb;

namespace {

void seedQuiz(store::Database& db) {
    core::Contest c;
    c.id = "quiz";
    c.name = "Hội thi tìm hiểu";
    c.kind = core::ContestKind::Quiz;
    store::saveContest(db, c);
    int pos = 0;
    for (auto t : {core::QuizTeam{"bv", "Bệnh viện Đa khoa tỉnh", "", "1"}, core::QuizTeam{"cdc", "CDC", "", "2"},
                   core::QuizTeam{"yd", "TTYT Yên Dũng", "", "3"}}) {
        store::saveTeam(db, t, pos);
        store::addContestTeam(db, "quiz", t.id, pos++);
    }
    core::QuizRound r1{"v1", "Khởi động", core::RoundKind::Everyone, 0, {}};
    core::QuizRound r2{"v2", "Tăng tốc", core::RoundKind::Buzzer, -5, {5, true}};
    core::QuizRound r3{"phu", "Câu hỏi phụ", core::RoundKind::TieBreak, 0, {0, true}};
    store::saveRound(db, "quiz", r1, 0);
    store::saveRound(db, "quiz", r2, 1);
    store::saveRound(db, "quiz", r3, 2);
    auto q = [](std::string id, std::string round, int pos) {
        core::QuizQuestion x;
        x.id = id;
        x.roundId = round;
        x.pos = pos;
        x.text = "Câu " + id;
        x.choices = {"a", "b", "c", "d"};
        x.answer = "B";
        x.points = 10;
        x.timeLimitSec = 20;
        return x;
    };
    store::saveQuestion(db, "quiz", q("q1", "v1", 1));
    store::saveQuestion(db, "quiz", q("q2", "v2", 1));
    store::saveQuestion(db, "quiz", q("t1", "phu", 1));
}

int scoreOf(const services::QuizSnapshot& s, const std::string& team) {
    for (const auto& st : s.standings)
        if (st.teamId == team) return st.score;
    return -999;
}

} // namespace

TEST_CASE("quiz host: show, countdown, mark every team, undo, a restart resumes") {
    TempDb t;
    seedQuiz(*t.db);
    {
        services::QuizHost host(*t.db, "quiz", "host");
        CHECK(host.nextQuestionId() == "q1");
        REQUIRE(host.show("q1", 1000).ok);
        CHECK(host.snapshot().saved.state.phase == core::QuestionPhase::Shown);
        CHECK(host.mark("bv", true, 1100).ok); // marking while shown is allowed (answers on boards)
        REQUIRE(host.start(2000).ok);
        CHECK(core::remainingMs(host.snapshot().saved.state, 7000) == 15000);
        CHECK(host.mark("cdc", false, 3000).ok);
        // A team is marked once per question.
        CHECK_FALSE(host.mark("bv", false, 3100).ok);
        CHECK(scoreOf(host.snapshot(), "bv") == 10);
        REQUIRE(host.undo(4000).ok);
        // The last mark (cdc wrong) is gone; bv keeps its points.
        CHECK(host.snapshot().markOf("cdc") == nullptr);
        CHECK(host.reveal(5000).ok);
        CHECK(host.nextQuestionId() == "q2");
    }
    // A second host (a restart, or another process) sees exactly the same.
    services::QuizHost again(*t.db, "quiz", "host2");
    const auto& s = again.snapshot();
    CHECK(s.saved.state.questionId == "q1");
    CHECK(s.saved.state.phase == core::QuestionPhase::Revealed);
    CHECK(scoreOf(s, "bv") == 10);
    CHECK(s.events.size() == 3); // right, wrong, undo: every change kept with who and when
    CHECK(s.events[2].reason == core::ScoreReason::Undo);
    CHECK(s.events[2].by == "host");
    auto stage = services::loadStageFestival(*t.db);
    CHECK(stage.mode == services::StageFestivalMode::Question);
    CHECK(stage.contestId == "quiz");
}

TEST_CASE("quiz host: the next question follows the one on stage, then comes back to one passed over") {
    TempDb t;
    seedQuiz(*t.db);
    auto extra = store::loadQuestions(*t.db, "quiz").front();
    extra.id = "q3";
    extra.roundId = "v2";
    extra.pos = 2;
    store::saveQuestion(*t.db, "quiz", extra);
    services::QuizHost host(*t.db, "quiz", "host");
    CHECK(host.nextQuestionId() == "q1");
    REQUIRE(host.show("q2", 1000).ok); // the host jumps ahead
    CHECK(host.nextQuestionId() == "q3");
    REQUIRE(host.show("q3", 2000).ok);
    CHECK(host.nextQuestionId() == "q1"); // passed over, not forgotten
    REQUIRE(host.show("q1", 3000).ok);
    CHECK_FALSE(host.nextQuestionId().has_value()); // the tie-break question waits for a tie
}

TEST_CASE("quiz host: buzzer round with a false start, a wrong answer, the next team, undo of a verdict") {
    TempDb t;
    seedQuiz(*t.db);
    services::QuizHost host(*t.db, "quiz", "host");
    REQUIRE(host.show("q2", 10'000).ok);
    // Key "1" is the hospital's buzzer: pressed before opening -> false start, 5 points off.
    CHECK(host.buzzKey("1", 10'500).ok);
    CHECK(scoreOf(host.snapshot(), "bv") == -5);
    REQUIRE(host.start(11'000).ok);
    CHECK(host.buzzKey("2", 11'321).ok);
    CHECK(host.buzzKey("3", 11'322).ok);
    CHECK(host.buzzKey("1", 11'100).ok); // locked out after the false start, still logged
    CHECK_FALSE(host.buzzKey("9", 11'400).ok);
    const auto& s = host.snapshot();
    REQUIRE(s.presses.size() == 4);
    CHECK(s.presses[1].sinceOpen == 321);
    CHECK(s.presses[1].order == 1);
    CHECK(s.presses[3].kind == core::PressKind::LockedOut);
    CHECK(s.turn == "cdc");
    // Only the team with the turn can be marked.
    CHECK_FALSE(host.mark("yd", true, 12'000).ok);
    CHECK(host.mark("cdc", false, 12'000).ok);
    CHECK(scoreOf(host.snapshot(), "cdc") == -5);
    CHECK(host.snapshot().turn == "yd");
    // Mis-click: undo gives cdc its points and its turn back.
    CHECK(host.undo(12'500).ok);
    CHECK(scoreOf(host.snapshot(), "cdc") == 0);
    CHECK(host.snapshot().turn == "cdc");
    CHECK(host.mark("cdc", true, 13'000).ok);
    CHECK(scoreOf(host.snapshot(), "cdc") == 10);
    CHECK(host.snapshot().buzzPhase == core::BuzzPhase::Closed);
    // A restart rebuilds the same buzzer state from the log.
    services::QuizHost again(*t.db, "quiz", "host");
    CHECK(again.snapshot().presses.size() == 4);
    CHECK(again.snapshot().buzzPhase == core::BuzzPhase::Closed);
    CHECK_FALSE(again.snapshot().turn);
}

TEST_CASE("quiz host: a press after the question's time limit is logged late and never queued") {
    TempDb t;
    seedQuiz(*t.db);
    services::QuizHost host(*t.db, "quiz", "host");
    REQUIRE(host.show("q2", 10'000).ok);
    REQUIRE(host.start(11'000).ok); // 20 s to answer
    CHECK(host.buzzKey("2", 20'000).ok);
    const auto late = host.buzzKey("3", 11'000 + 23'000);
    CHECK(late.message.find("hết giờ") != std::string::npos);
    const auto& s = host.snapshot();
    REQUIRE(s.presses.size() == 2);
    CHECK(s.presses[1].kind == core::PressKind::Late);
    CHECK(s.presses[1].order == 0);
    // A restart replays the log to the same verdict.
    services::QuizHost again(*t.db, "quiz", "host");
    CHECK(again.snapshot().presses[1].kind == core::PressKind::Late);
}

TEST_CASE("quiz host: a tie at the end is settled by a tie-break question between the tied teams") {
    TempDb t;
    seedQuiz(*t.db);
    services::QuizHost host(*t.db, "quiz", "host");
    host.show("q1", 1);
    host.mark("bv", true, 2);
    host.mark("cdc", true, 3);
    host.mark("yd", false, 4);
    REQUIRE(host.snapshot().ties.size() == 1);
    CHECK(host.snapshot().ties[0] == std::vector<std::string>{"bv", "cdc"});
    REQUIRE(host.startTieBreak(5).ok);
    CHECK(host.nextQuestionId() == "t1");
    host.show("t1", 6);
    host.start(7);
    CHECK(host.buzz("yd", 8).message.find("không được tính") != std::string::npos); // not playing the tie-break
    host.buzz("cdc", 9);
    REQUIRE(host.mark("cdc", true, 10).ok);
    const auto& s = host.snapshot();
    CHECK(s.ties.empty());
    CHECK(s.standings[0].teamId == "cdc");
    CHECK(s.standings[0].score == 10); // the tie-break points only order the tied teams
    CHECK(s.standings[0].rank == 1);
    CHECK(s.standings[1].rank == 2);
    CHECK_FALSE(host.startTieBreak(11).ok); // nobody tied any more
}

TEST_CASE("judge panel: PIN, validation, submit locks, head judge reopens with the original kept") {
    TempDb t;
    seedJudged(*t.db, 2);
    services::JudgePanel gk2(*t.db, "vannghe");
    CHECK_FALSE(gk2.setScore("p1", "nd", 8, 1).ok); // not signed in
    CHECK_FALSE(gk2.login("gk2", "0000").ok);
    REQUIRE(gk2.login("gk2", "1234").ok);
    CHECK_FALSE(gk2.enter("p1", "nd", "11", 2).ok);
    CHECK_FALSE(gk2.enter("p1", "nd", "-1", 2).ok);
    CHECK_FALSE(gk2.enter("p1", "nd", "8,1", 2).ok); // off the 0.25 step
    CHECK_FALSE(gk2.enter("p1", "nd", "tám", 2).ok);
    CHECK(gk2.enter("p1", "nd", "8,5", 2).ok);
    auto missing = gk2.submit("p1", 3);
    CHECK_FALSE(missing.ok);
    CHECK(missing.message.find("Biểu diễn") != std::string::npos);
    CHECK(gk2.enter("p1", "bd", "9", 4).ok);
    REQUIRE(gk2.submit("p1", 5).ok);
    CHECK_FALSE(gk2.enter("p1", "bd", "7", 6).ok); // locked
    CHECK_FALSE(gk2.reopen("p1", "gk2", "nhầm", 6).ok); // not the head judge
    // The database refuses a change to a submitted sheet even from outside the service.
    auto sheet = gk2.snapshot().sheet("p1", "gk2");
    REQUIRE(sheet);
    CHECK_THROWS_AS(store::setSheetScore(*t.db, sheet->id, "bd", 1.0, 7), store::DbError);

    services::JudgePanel head(*t.db, "vannghe");
    REQUIRE(head.login("gk1", "1234").ok);
    CHECK_FALSE(head.reopen("p1", "gk2", "  ", 8).ok);
    REQUIRE(head.reopen("p1", "gk2", "Giám khảo nhập nhầm điểm biểu diễn", 8).ok);
    gk2.reload();
    CHECK(gk2.enter("p1", "bd", "7,5", 9).ok);
    REQUIRE(gk2.submit("p1", 10).ok);
    const auto& h = gk2.snapshot().history;
    REQUIRE(h.size() == 3);
    CHECK(h[0].action == "submit");
    CHECK(h[0].snapshot == "nd=8.5;bd=9");
    CHECK(h[1].action == "reopen");
    CHECK(h[1].by == "gk1");
    CHECK(h[1].reason == "Giám khảo nhập nhầm điểm biểu diễn");
    CHECK(h[2].snapshot == "nd=8.5;bd=7.5");
    CHECK(gk2.snapshot().sheet("p1", "gk2")->reopened == 1);
}

TEST_CASE("judge panel: five judges, trimmed mean, weighted total, drafts do not count, prizes") {
    TempDb t;
    seedJudged(*t.db, 5);
    const double p1[5][2] = {{9, 9}, {8, 8}, {9, 9.5}, {10, 10}, {2, 3}};
    const double p2[5][2] = {{8, 8}, {8, 8}, {8, 8}, {8, 8}, {8, 8}};
    for (int j = 0; j < 5; ++j) {
        services::JudgePanel panel(*t.db, "vannghe");
        REQUIRE(panel.login("gk" + std::to_string(j + 1), "1234").ok);
        panel.setScore("p1", "nd", p1[j][0], 100 + j);
        panel.setScore("p1", "bd", p1[j][1], 100 + j);
        panel.setScore("p2", "nd", p2[j][0], 100 + j);
        panel.setScore("p2", "bd", p2[j][1], 100 + j);
        REQUIRE(panel.submit("p1", 200 + j).ok);
        if (j < 4) REQUIRE(panel.submit("p2", 200 + j).ok); // the fifth judge's p2 stays a draft
    }
    auto snap = services::loadJudgedSnapshot(*t.db, "vannghe");
    CHECK(snap.submittedCount("p1") == 5);
    CHECK(snap.submittedCount("p2") == 4);
    REQUIRE(snap.results.size() == 2);
    CHECK(snap.results[0].id == "p1");
    // nd: drop 2 and 10 -> (9+8+9)/3 = 8.67; bd: drop 3 and 10 -> (9+8+9.5)/3 = 8.83.
    CHECK(snap.results[0].perCriterion[0] == Approx(8.67));
    CHECK(snap.results[0].perCriterion[1] == Approx(8.83));
    CHECK(snap.results[0].total == Approx(0.4 * 8.67 + 0.6 * 8.83).epsilon(0.001));
    CHECK(snap.results[0].prize == core::Prize::First);
    CHECK(snap.results[1].total == Approx(8.0));
    CHECK(snap.results[1].prize == core::Prize::Second);
}
