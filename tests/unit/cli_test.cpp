// The command-line contract of docs/CLI.md, run against the real binary.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <sys/wait.h>

#include "kiosk/store/db.hpp"
#include "test_support.hpp"

namespace {

using kiosk::test::Run;
using kiosk::test::runKiosk;

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

} // namespace

TEST_CASE("CLI: init, badge, checkin with JSON and exit codes 0/1/2") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    // A second init without --force is refused and keeps the database.
    CHECK(runKiosk(db + " init").code == 1);

    const std::string badge = trimmed(runKiosk(db + " badge D0001").out);
    REQUIRE(badge.rfind("ANTQ23-D0001-1-", 0) == 0);

    auto ok = runKiosk(db + " --json checkin " + badge + " --at 2023-08-04T07:42:00+07:00 --kiosk Gate1");
    CHECK(ok.code == 0);
    CHECK(ok.out.find("\"status\":\"accepted\"") != std::string::npos);
    CHECK(ok.out.find("\"name\":\"Nguyễn Văn Bình\"") != std::string::npos);
    CHECK(ok.out.find("\"first_checkin\":null") != std::string::npos);

    auto again = runKiosk(db + " --json checkin " + badge + " --at 2023-08-04T07:50:00+07:00 --kiosk Gate2");
    CHECK(again.code == 1);
    CHECK(again.out.find("\"reason\":\"already_checked_in\"") != std::string::npos);
    CHECK(again.out.find("\"first_checkin\":{\"at\":\"2023-08-04T07:42:00+07:00\",\"kiosk\":\"Gate1\"}") != std::string::npos);

    auto dup = runKiosk(db + " --json checkin " + badge + " --at 2023-08-04T07:50:01+07:00 --kiosk Gate2");
    CHECK(dup.code == 0);
    CHECK(dup.out.find("\"status\":\"ignored\"") != std::string::npos);

    CHECK(runKiosk(db + " checkin GARBAGE-TEXT --at 2023-08-04T07:50:00").code == 1);
    CHECK(runKiosk(db + " checkin X --list nope").code == 2);
    CHECK(runKiosk(db + " checkin").code == 2);
    CHECK(runKiosk("--db " + dir.file("missing.db") + " stats").code == 2);

    // Unknown codes cannot be forced.
    auto forced = runKiosk(db + " --json checkin ZZZ --force --reason test --at 2023-08-04T07:50:00");
    CHECK(forced.code == 1);
    CHECK(forced.out.find("\"forced\":false") != std::string::npos);
}

TEST_CASE("CLI: delegates add, search, revoke, reissue, English messages") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    const auto added = runKiosk(db + " delegates add --name 'Lương Thị Thảo' --title 'Phóng viên' --unit 'Báo Bắc Giang' --category khach-moi");
    CHECK(added.code == 0);
    CHECK(trimmed(added.out) == "W0001");
    const auto found = runKiosk(db + " --json delegates search luong thao");
    CHECK(found.out.find("\"code\":\"W0001\"") != std::string::npos);
    CHECK(runKiosk(db + " delegates revoke NOPE").code == 1);
    const std::string old = trimmed(runKiosk(db + " badge W0001").out);
    CHECK(runKiosk(db + " delegates revoke W0001").code == 0);
    auto refused = runKiosk(db + " --lang en checkin " + old + " --at 2023-08-04T07:42:00");
    CHECK(refused.code == 1);
    CHECK(refused.out.find("revoked or replaced") != std::string::npos);
    CHECK(runKiosk(db + " delegates reissue W0001").code == 0);
    const std::string fresh = trimmed(runKiosk(db + " badge W0001").out);
    CHECK(fresh != old);
    CHECK(runKiosk(db + " checkin " + fresh + " --at 2023-08-04T07:43:00").code == 0);
}

TEST_CASE("CLI: import refuses a bad file whole with exit code 1, dry run writes nothing") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    {
        std::FILE* f = std::fopen(dir.file("bad.csv").c_str(), "w");
        std::fputs("code,name,category\nN1,Lê Văn A,can-bo\nN2,,can-bo\n", f);
        std::fclose(f);
        f = std::fopen(dir.file("good.csv").c_str(), "w");
        std::fputs("code,name,category\nN1,Lê Văn A,can-bo\n", f);
        std::fclose(f);
    }
    const auto bad = runKiosk(db + " delegates import " + dir.file("bad.csv"));
    CHECK(bad.code == 1);
    CHECK(bad.out.find("Dòng 3, cột 2") != std::string::npos);
    CHECK(runKiosk(db + " badge N1").code == 1);
    CHECK(runKiosk(db + " delegates import --dry-run " + dir.file("good.csv")).code == 0);
    CHECK(runKiosk(db + " badge N1").code == 1);
    CHECK(runKiosk(db + " delegates import " + dir.file("good.csv")).code == 0);
    CHECK(runKiosk(db + " badge N1").code == 0);
}

TEST_CASE("CLI: stats, check and backup") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    const std::string badge = trimmed(runKiosk(db + " badge D0002").out);
    REQUIRE(runKiosk(db + " checkin " + badge + " --at 2023-08-04T07:42:00").code == 0);
    const auto stats = runKiosk(db + " --json stats");
    CHECK(stats.out.find("{\"list\":\"le\",\"category\":\"lanh-dao-so\",\"present\":1,\"inside\":1,\"expected\":4}") != std::string::npos);
    CHECK(runKiosk(db + " check").code == 0);
    {
        // Counts that drifted from the records (a hand edit, a bug) are found, and --repair recomputes them.
        auto raw = kiosk::store::Database::open(dir.file("e.db"));
        raw->exec("UPDATE presence_counts SET present = present + 5");
    }
    const auto drifted = runKiosk(db + " --json check");
    CHECK(drifted.code == 1);
    CHECK(drifted.out.find("\"counts_ok\":false") != std::string::npos);
    CHECK(runKiosk(db + " check --repair").code == 0);
    CHECK(runKiosk(db + " --json stats").out.find("\"present\":1,\"inside\":1,\"expected\":4") != std::string::npos);
    CHECK(runKiosk(db + " backup " + dir.file("copy.db")).code == 0);
    const auto copy = runKiosk("--db " + dir.file("copy.db") + " --json stats");
    CHECK(copy.out.find("\"present\":1") != std::string::npos);
}

TEST_CASE("CLI: decode reads a sample frame with the camera's pipeline and reports files it cannot read") {
    const std::string sample = std::string(KIOSK_SAMPLES_DIR) + "/decode/blur-g2-m3";
    std::string expected;
    {
        std::FILE* f = std::fopen((sample + ".txt").c_str(), "r");
        REQUIRE(f);
        char buf[256] = {};
        expected = std::fgets(buf, sizeof buf, f) ? buf : "";
        std::fclose(f);
    }
    expected = trimmed(expected);
    REQUIRE_FALSE(expected.empty());
    const auto ok = runKiosk("--json decode " + sample + ".png");
    CHECK(ok.code == 0);
    CHECK(ok.out.find("\"text\":\"" + expected + "\"") != std::string::npos);
    const auto missing = runKiosk("--json decode /nonexistent.png");
    CHECK(missing.code == 1);
    CHECK(missing.out.find("\"error\":") != std::string::npos);
}
