// The festival from the command line against the real binary, on the default pack:
// `kiosk quiz`, `kiosk judge` (five judges), `kiosk results` with prizes and CSV.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "kiosk/services/festival_results.hpp"
#include "kiosk/store/festival_repo.hpp"
#include "test_support.hpp"

namespace {

kiosk::test::Run runCli(const std::string& db, const std::string& args) {
    return kiosk::test::runKiosk("--db " + db + " " + args);
}

} // namespace

TEST_CASE("festival pack: kiosk init loads contests, teams, 40+ questions, judges with hashed PINs") {
    kiosk::test::TempDir dir;
    const auto db = dir.file("event.db");
    kiosk::test::makeEventDb(db);
    auto session = kiosk::services::Session::open(db);
    auto contests = kiosk::store::loadContests(session->db());
    REQUIRE(contests.size() == 3);
    CHECK(contests[0].kind == kiosk::core::ContestKind::Quiz);
    CHECK(contests[1].kind == kiosk::core::ContestKind::Judged);
    CHECK(contests[2].kind == kiosk::core::ContestKind::Sports);
    CHECK(kiosk::store::loadQuestions(session->db(), "tim-hieu").size() >= 40);
    CHECK(kiosk::store::loadRounds(session->db(), "tim-hieu").size() == 4);
    CHECK(kiosk::store::loadJudges(session->db(), "van-nghe").size() == 5);
    auto hash = kiosk::store::judgePinHash(session->db(), "van-nghe", "gk1");
    REQUIRE(hash);
    CHECK(hash->rfind("$argon2", 0) == 0);
    CHECK(hash->find("2301") == std::string::npos);
}

TEST_CASE("festival CLI: a buzzer question, marks, undo and status in JSON") {
    kiosk::test::TempDir dir;
    const auto db = dir.file("event.db");
    kiosk::test::makeEventDb(db);
    CHECK(runCli(db, "quiz show c23 --at 2023-08-04T10:00:00").code == 0);
    CHECK(runCli(db, "quiz buzz --key 1 --at 2023-08-04T10:00:00.500").code == 0); // false start
    CHECK(runCli(db, "quiz start --at 2023-08-04T10:00:01").code == 0);
    CHECK(runCli(db, "quiz buzz cdc --at 2023-08-04T10:00:01.321").code == 0);
    CHECK(runCli(db, "quiz buzz ttyt-yd --at 2023-08-04T10:00:01.322").code == 0);
    CHECK(runCli(db, "quiz mark ttyt-yd right").code == 1); // not their turn: refused
    CHECK(runCli(db, "quiz mark cdc wrong").code == 0);
    CHECK(runCli(db, "quiz mark ttyt-yd right").code == 0);
    CHECK(runCli(db, "quiz undo").code == 0);
    auto status = runCli(db, "--json quiz status");
    REQUIRE(status.code == 0);
    CHECK(status.out.find("\"kind\":\"false_start\"") != std::string::npos);
    CHECK(status.out.find("\"ms_after_open\":321") != std::string::npos);
    CHECK(status.out.find("\"turn\":\"ttyt-yd\"") != std::string::npos);
    CHECK(status.out.find("\"team\":\"bvdk\",\"name\":\"Bệnh viện Đa khoa tỉnh\",\"score\":-5") != std::string::npos);
}

TEST_CASE("festival CLI: five judges score, a locked sheet refuses, results with prizes and CSV") {
    kiosk::test::TempDir dir;
    const auto db = dir.file("event.db");
    kiosk::test::makeEventDb(db);
    CHECK(runCli(db, "judge score --judge gk2 --pin 9999 tm01 noi-dung 8").code == 1);
    CHECK(runCli(db, "judge score --judge gk2 --pin 2302 tm01 noi-dung 10,5").code == 1);
    for (int j = 1; j <= 5; ++j) {
        const std::string who = "--judge gk" + std::to_string(j) + " --pin 230" + std::to_string(j) + " ";
        for (const char* p : {"tm01", "tm02"}) {
            const bool first = std::string(p) == "tm01";
            for (const char* c : {"noi-dung", "bieu-dien", "trang-phuc"})
                REQUIRE(runCli(db, "judge score " + who + p + " " + c + (first ? " 9" : " 8")).code == 0);
            REQUIRE(runCli(db, "judge submit " + who + p).code == 0);
        }
    }
    CHECK(runCli(db, "judge score --judge gk3 --pin 2303 tm01 noi-dung 5").code == 1); // locked
    CHECK(runCli(db, "judge reopen --judge gk2 --pin 2302 tm01 gk3 --reason x").code == 1); // not head
    CHECK(runCli(db, "judge reopen --judge gk1 --pin 2301 tm01 gk3 --reason \"nhập nhầm\"").code == 0);
    CHECK(runCli(db, "judge score --judge gk3 --pin 2303 tm01 noi-dung 8,5").code == 0);
    CHECK(runCli(db, "judge submit --judge gk3 --pin 2303 tm01").code == 0);
    const auto csv = dir.file("van-nghe.csv");
    auto res = runCli(db, "--json results --contest van-nghe --csv " + csv);
    REQUIRE(res.code == 0);
    CHECK(res.out.find("\"id\":\"tm01\",\"name\":\"Bài ca người thầy thuốc\"") != std::string::npos);
    CHECK(res.out.find("\"prize\":\"first\"") != std::string::npos);
    std::ifstream in(csv);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().find("Giải Nhất") != std::string::npos);
    CHECK(text.str().find("Bài ca người thầy thuốc") != std::string::npos);
    // Sports: times, lower is better.
    CHECK(runCli(db, "results record bvdk 0:52,31").code == 0);
    CHECK(runCli(db, "results record cdc 51.9").code == 0);
    CHECK(runCli(db, "results record vp-so abc").code == 1);
    auto sports = runCli(db, "--json results --contest tiep-suc");
    CHECK(sports.out.find("\"rank\":1,\"id\":\"cdc\"") != std::string::npos);
}
