// `kiosk check` warns when other users of the computer can read the event database (it holds the
// badge key and the PIN hash).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "test_support.hpp"

using kiosk::test::runKiosk;

TEST_CASE("CLI: check warns about a database other users can read") {
    kiosk::test::TempDir dir;
    const std::string file = dir.file("e.db");
    const std::string db = "--db " + file + " --lang en";
    REQUIRE(runKiosk(db + " init").code == 0);
    REQUIRE(::chmod(file.c_str(), 0644) == 0);
    auto open = runKiosk(db + " check");
    CHECK(open.code == 0); // a warning, not a failed check
    CHECK(open.out.find("can be read by other users") != std::string::npos);
    CHECK(open.out.find("chmod 600") != std::string::npos);
    CHECK(runKiosk(db + " --json check").out.find("\"readable_by_others\":true") !=
          std::string::npos);

    REQUIRE(::chmod(file.c_str(), 0600) == 0);
    auto closed = runKiosk(db + " check");
    CHECK(closed.code == 0);
    CHECK(closed.out.find("other users") == std::string::npos);
    CHECK(runKiosk(db + " --json check").out.find("\"readable_by_others\":false") !=
          std::string::npos);
}

TEST_CASE("CLI: key rotate refuses every badge printed before and keeps the check-ins") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db") + " --lang en";
    REQUIRE(runKiosk(db + " init").code == 0);
    auto line = [](std::string s) { return s.substr(0, s.find('\n')); };
    const std::string before1 = line(runKiosk(db + " badge D0001").out);
    const std::string before2 = line(runKiosk(db + " badge D0002").out);
    REQUIRE(runKiosk(db + " checkin " + before1 + " --at 2023-08-04T07:40:00+07:00").code == 0);

    auto rotated = runKiosk(db + " key rotate");
    CHECK(rotated.code == 0);
    CHECK(rotated.out.find("New badge key") != std::string::npos);
    auto old = runKiosk(db + " --json checkin " + before2 + " --at 2023-08-04T07:41:00+07:00");
    CHECK(old.code == 1);
    CHECK(old.out.find("\"reason\":\"bad_signature\"") != std::string::npos);
    const std::string after2 = line(runKiosk(db + " badge D0002").out);
    CHECK(after2 != before2);
    CHECK(runKiosk(db + " checkin " + after2 + " --at 2023-08-04T07:42:00+07:00").code == 0);
    // D0001's check-in from before the rotation is still counted.
    CHECK(runKiosk(db + " --json stats").out.find("\"present\":2") != std::string::npos);
}
