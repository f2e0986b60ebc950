// The festival through a real hub: judges' sheets typed on judges' machines counted in the
// results on the host's machine, a corrected sheet replacing the earlier one everywhere, the quiz
// host's score and buzzer events on the stage's machine, and an interrupted push doubling nothing.
#include <csignal>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "hub_support.hpp"
#include "kiosk/store/festival_repo.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

Run on(const std::string& db, const std::string& args) {
    return runKiosk("--db " + q(db) + " " + args);
}

bool sync(const std::string& db) {
    return on(db, "hub sync").code == 0;
}

/// One judge's sheet for one performance, typed and submitted the way a judge does.
struct Sheet {
    std::string judge, pin, performance;
    const char* scores[3]; // noi-dung, bieu-dien, trang-phuc
};

void judge(const std::string& db, const Sheet& s) {
    const std::string who = " --contest van-nghe --judge " + s.judge + " --pin " + s.pin;
    const char* criteria[3] = {"noi-dung", "bieu-dien", "trang-phuc"};
    for (int i = 0; i < 3; ++i)
        REQUIRE(on(db, "judge score " + s.performance + " " + criteria[i] + " " + s.scores[i] + who)
                    .code == 0);
    REQUIRE(on(db, "judge submit " + s.performance + who).code == 0);
}

std::string results(const std::string& db, const std::string& contest) {
    return on(db, "--json results --contest " + contest).out;
}

/// The standings of the quiz status JSON (the question on stage is the host's screen state).
std::string standings(const std::string& db) {
    const auto out = on(db, "--json quiz status --contest tim-hieu").out;
    const auto from = out.find("\"standings\"");
    const auto to = out.find("\"presses\"");
    return from == std::string::npos || to == std::string::npos ? "none: " + out
                                                                : out.substr(from, to - from);
}

std::string text(const std::string& dbPath, const std::string& sql) {
    auto db = store::Database::open(dbPath);
    auto st = db->prepare(sql);
    return st.step() ? st.getText(0) : "";
}

std::int64_t hubCount(const PgCluster& pg, const std::string& where) {
    return std::stoll(pg.psql("SELECT count(*) FROM kiosk_hub.records WHERE " + where));
}

const std::vector<Sheet> kJudgeA = {{"gk2", "2302", "tm01", {"8,5", "9", "7,75"}},
                                    {"gk2", "2302", "tm02", {"7", "7,5", "8"}}};
const std::vector<Sheet> kJudgeB = {{"gk3", "2303", "tm01", {"9", "9,25", "8"}},
                                    {"gk3", "2303", "tm02", {"6,5", "7", "9"}}};
const std::vector<Sheet> kHost = {{"gk1", "2301", "tm01", {"8", "8", "8"}},
                                  {"gk1", "2301", "tm02", {"9", "8,75", "7,5"}}};

} // namespace

TEST_CASE(
    "judges' sheets from two judges' machines are counted in the results on the host's machine") {
    Fleet f(2); // f.org is the host's machine, f.gates the judges' machines
    const auto& judgeA = f.gates[0];
    const auto& judgeB = f.gates[1];
    for (const auto& s : kJudgeA)
        judge(judgeA, s);
    for (const auto& s : kJudgeB)
        judge(judgeB, s);
    for (const auto& s : kHost)
        judge(f.org, s);
    // Before any round the host counts only its own judge.
    CHECK(count(f.org, "SELECT count(*) FROM score_sheets WHERE state = 'submitted'") == 2);
    REQUIRE(sync(judgeA));
    REQUIRE(sync(judgeB));
    REQUIRE(sync(f.org));
    CHECK(hubCount(f.pg, "kind = 'judge_sheet'") == 6);

    // The same six sheets typed on one PC.
    TempDir one;
    const auto single = one.file("one.db");
    makeEventDb(single);
    for (const auto* set : {&kJudgeA, &kJudgeB, &kHost})
        for (const auto& s : *set)
            judge(single, s);
    const auto expected = results(single, "van-nghe");
    REQUIRE(expected.find("\"has_result\":true") != std::string::npos);
    CHECK(results(f.org, "van-nghe") == expected);
    // The judges' machines see the whole panel too after their next round.
    REQUIRE(sync(judgeA));
    CHECK(results(judgeA, "van-nghe") == expected);
    // Every record this machine pushed learnt its place in the hub's order.
    CHECK(count(judgeA, "SELECT count(*) FROM sheet_records WHERE hub_seq = 0") == 0);

    SECTION("a corrected sheet replaces the earlier one everywhere, and the history is kept") {
        REQUIRE(on(f.org, "judge reopen tm01 gk2 --reason 'Nhập nhầm điểm' --contest van-nghe "
                          "--judge gk1 --pin 2301")
                    .code == 0);
        REQUIRE(sync(f.org));
        REQUIRE(sync(judgeA));
        // The judge's machine sees the sheet open again and corrects it.
        CHECK(count(judgeA, "SELECT count(*) FROM score_sheets WHERE performance_id = 'tm01' AND "
                            "judge_id = 'gk2' "
                            "AND state = 'draft' AND reopened = 1") == 1);
        const std::string who = " --contest van-nghe --judge gk2 --pin 2302";
        REQUIRE(on(judgeA, "judge score tm01 bieu-dien 6" + who).code == 0);
        REQUIRE(on(judgeA, "judge submit tm01" + who).code == 0);
        REQUIRE(sync(judgeA));
        REQUIRE(sync(f.org));
        REQUIRE(sync(judgeB));

        REQUIRE(on(single, "judge reopen tm01 gk2 --reason 'Nhập nhầm điểm' --contest van-nghe "
                           "--judge gk1 --pin 2301")
                    .code == 0);
        REQUIRE(on(single, "judge score tm01 bieu-dien 6" + who).code == 0);
        REQUIRE(on(single, "judge submit tm01" + who).code == 0);
        const auto corrected = results(single, "van-nghe");
        REQUIRE(corrected != expected);
        for (const std::string& db : {f.org, judgeA, judgeB}) {
            CHECK(results(db, "van-nghe") == corrected);
            // submit, reopen, submit: the original stays beside the correction.
            CHECK(count(db, "SELECT count(*) FROM sheet_records WHERE performance_id = 'tm01' AND "
                            "judge_id = 'gk2'") == 3);
            CHECK(count(db, "SELECT count(*) FROM sheet_scores v JOIN score_sheets s ON s.id = "
                            "v.sheet_id WHERE "
                            "s.performance_id = 'tm01' AND s.judge_id = 'gk2' AND v.criterion_id "
                            "= 'bieu-dien' AND v.value = 6") == 1);
        }
    }
}

TEST_CASE(
    "the quiz host's score and buzzer events reach the stage's machine with the same totals") {
    Fleet f(2);
    const auto& stage = f.gates[0];
    const auto& rehearsal = f.gates[1];
    // A rehearsal on another machine first (net zero points), so local ids differ between the
    // machines and an undo must find its event by uuid, not by local id.
    const std::string quiz = " --contest tim-hieu";
    REQUIRE(on(rehearsal, "quiz show c05" + quiz).code == 0);
    REQUIRE(on(rehearsal, "quiz adjust cdc 3 --reason 'thử máy'" + quiz).code == 0);
    REQUIRE(on(rehearsal, "quiz undo" + quiz).code == 0);
    REQUIRE(sync(rehearsal));

    for (const char* cmd :
         {"quiz show c01", "quiz start", "quiz mark bvdk right", "quiz mark bvsn right",
          "quiz mark cdc right", "quiz undo", "quiz show c23", "quiz buzz bvsn", "quiz start",
          "quiz buzz cdc", "quiz buzz bvdk", "quiz mark cdc wrong", "quiz mark bvdk right",
          "quiz undo", "quiz mark bvdk right", "quiz adjust vp-so 7 --reason 'Cộng điểm khán giả'"})
        REQUIRE(on(f.org, std::string(cmd) + quiz).code == 0);
    REQUIRE(sync(f.org));
    REQUIRE(sync(stage));

    const auto host = standings(f.org);
    REQUIRE(host.find("\"score\":30") != std::string::npos); // bvdk: 10 + 20
    CHECK(standings(stage) == host);
    CHECK(results(stage, "tim-hieu") == results(f.org, "tim-hieu"));
    for (const char* table : {"score_events", "buzz_events", "quiz_shows"})
        CHECK(count(stage, std::string("SELECT count(*) FROM ") + table) ==
              count(f.org, std::string("SELECT count(*) FROM ") + table));
    // The references were translated: every undo names an event, every buzz a showing, here.
    CHECK(count(stage,
                "SELECT count(*) FROM score_events WHERE reason = 'undo' AND undoes IS NULL") == 0);
    CHECK(count(stage, "SELECT count(*) FROM score_events WHERE reason = 'undo'") == 3);
    CHECK(count(stage,
                "SELECT count(*) FROM buzz_events b WHERE NOT EXISTS "
                "(SELECT 1 FROM quiz_shows s WHERE s.id = b.show_id AND s.question_id = 'c23')") ==
          0);
    // ... and the same event as on the host (named by uuid on both machines).
    const std::string undone =
        "SELECT group_concat(a || '>' || b, ',') FROM (SELECT ua.uuid AS a, ub.uuid AS b FROM "
        "score_events u "
        "JOIN fleet_uuids ua ON ua.tbl = 'score_events' AND ua.row = u.id JOIN fleet_uuids ub ON "
        "ub.tbl = 'score_events' AND ub.row = u.undoes WHERE u.reason = 'undo' ORDER BY a)";
    CHECK(text(stage, undone).size() > 3 * 73);
    CHECK(text(stage, undone) == text(f.org, undone));
    // A second round doubles nothing.
    REQUIRE(sync(f.org));
    REQUIRE(sync(stage));
    CHECK(count(stage, "SELECT count(*) FROM score_events") ==
          count(f.org, "SELECT count(*) FROM score_events"));
}

TEST_CASE("a judge's machine killed in the middle of pushing festival records, then re-run, "
          "doubles nothing") {
    Fleet f(1);
    constexpr int kEvents = 20000;
    {
        // A long quiz log and a judge's sheet history made offline (every fourth event an undo).
        auto db = store::Database::open(f.gates[0]);
        store::Transaction tx(*db);
        const char* teams[] = {"bvdk", "bvsn", "cdc", "vp-so"};
        std::int64_t last = 0;
        for (int i = 0; i < kEvents; ++i) {
            core::ScoreEvent e;
            e.teamId = teams[i % 4];
            e.at = 1691110000000 + i;
            e.by = "gate1";
            if (i % 4 == 3) {
                e.reason = core::ScoreReason::Undo;
                e.undoes = last;
                e.delta = -(i % 7);
                e.teamId = teams[(i - 1) % 4];
            } else {
                e.reason = core::ScoreReason::Adjust;
                e.delta = i % 7;
            }
            last = store::appendScoreEvent(*db, "tim-hieu", e);
        }
        for (int i = 0; i < 200; ++i)
            store::appendSheetRecord(
                *db, {0,
                      "",
                      "van-nghe",
                      "tm03",
                      "gk4",
                      i % 2 ? "reopen" : "submit",
                      "gk4",
                      1691110000000 + i,
                      "",
                      {{"noi-dung", 5 + i % 5}, {"bieu-dien", 6}, {"trang-phuc", 7}},
                      "",
                      0});
        tx.commit();
    }
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execl(KIOSK_BIN, KIOSK_BIN, "--db", f.gates[0].c_str(), "hub", "sync",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const bool started = waitFor([&] { return hubCount(f.pg, "kind = 'score_event'") > 0; },
                                 std::chrono::seconds(60));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    REQUIRE(started);
    CHECK(hubCount(f.pg, "kind = 'score_event'") < kEvents); // really in the middle
    REQUIRE(sync(f.gates[0]));
    REQUIRE(sync(f.gates[0]));
    CHECK(hubCount(f.pg, "kind = 'score_event'") == kEvents);
    CHECK(hubCount(f.pg, "kind = 'judge_sheet'") == 200);
    CHECK(on(f.gates[0], "hub status --json").out.find("\"backlog\":0") != std::string::npos);
    REQUIRE(sync(f.org));
    CHECK(count(f.org, "SELECT count(*) FROM score_events") == kEvents);
    CHECK(count(f.org,
                "SELECT count(*) FROM score_events WHERE reason = 'undo' AND undoes IS NULL") == 0);
    CHECK(standings(f.org) == standings(f.gates[0]));
    CHECK(count(f.org, "SELECT count(*) FROM sheet_records") == 200);
    // The newest of the 200 records is a reopen: the sheet is a draft on both machines.
    for (const std::string& db : {f.org, f.gates[0]})
        CHECK(count(db, "SELECT count(*) FROM score_sheets WHERE performance_id = 'tm03' AND "
                        "judge_id = 'gk4' AND state = 'draft' "
                        "AND reopened = 100") == 1);
}
