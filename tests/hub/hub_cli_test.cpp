// The hub through the command line, against a real PostgreSQL 15: setup, join, sync, status,
// check-in online and offline, the password rule.
#include <catch2/catch.hpp>

#include "hub_support.hpp"
#include "kiosk/store/fleet_repo.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("hub setup, join, sync and status through the CLI") {
    Fleet f(2);
    const auto& g1 = f.gates[0];
    const auto& g2 = f.gates[1];

    SECTION("setup is idempotent and a password never goes on the command line") {
        ::setenv("KIOSK_HUB_URL", f.pg.url().c_str(), 1);
        const auto again = runKiosk("--db " + q(f.org) + " hub setup --json");
        ::unsetenv("KIOSK_HUB_URL");
        CHECK(again.code == 0);
        CHECK(again.out.find("\"migrations\":0") != std::string::npos);
        CHECK(again.out.find(PgCluster::kPassword) == std::string::npos);
        const auto refused = runKiosk("--db " + q(f.org) + " hub setup " + q(f.pg.url()));
        CHECK(refused.code == 2);
        CHECK(refused.out.find("KIOSK_HUB_URL") != std::string::npos);
        // Without a password in the URL, libpq takes it from $PGPASSWORD.
        ::setenv("PGPASSWORD", PgCluster::kPassword, 1);
        const auto plain = runKiosk("--db " + q(f.org) + " hub setup " + q(f.pg.url(false)));
        ::unsetenv("PGPASSWORD");
        CHECK(plain.code == 0);
        CHECK(f.pg.psql("SELECT count(*) FROM kiosk_hub.events") == "1");
    }

    SECTION("joined databases are private files and a name is taken once") {
        struct stat st {};
        REQUIRE(::stat(g1.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(count(g1, "SELECT count(*) FROM delegates") ==
              count(f.org, "SELECT count(*) FROM delegates"));
        ::setenv("KIOSK_HUB_URL", f.pg.url().c_str(), 1);
        const auto twice =
            runKiosk("--db " + q(f.dir.file("other.db")) + " hub join --kiosk gate1");
        const auto again = runKiosk("--db " + q(g1) + " hub join --kiosk gate1");
        ::unsetenv("KIOSK_HUB_URL");
        CHECK(twice.code == 2);
        CHECK(twice.out.find("gate1") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(f.dir.file("other.db")));
        CHECK(again.code == 2);
        CHECK(f.pg.psql(
                  "SELECT string_agg(name || ':' || no, ',' ORDER BY no) FROM kiosk_hub.kiosks") ==
              "organizer:1,gate1:2,gate2:3");
    }

    SECTION("a check-in at one gate is refused at the other, and arrives everywhere after a sync") {
        const auto first = runKiosk("--db " + q(g1) + " --json checkin " + q(f.badges[0]) +
                                    " --kiosk gate1 --at 2023-08-04T08:00:00+07:00");
        CHECK(first.code == 0);
        CHECK(first.out.find("\"offline\":false") != std::string::npos);
        // gate2 has not pulled anything: the hub decides.
        const auto second = runKiosk("--db " + q(g2) + " --json checkin " + q(f.badges[0]) +
                                     " --kiosk gate2 --at 2023-08-04T08:00:05+07:00");
        CHECK(second.code == 1);
        CHECK(second.out.find("already_checked_in") != std::string::npos);
        CHECK(second.out.find("\"kiosk\":\"gate1\"") != std::string::npos);
        CHECK(runKiosk("--db " + q(g2) + " hub sync").code == 0);
        CHECK(runKiosk("--db " + q(f.org) + " hub sync").code == 0);
        CHECK(count(g2, "SELECT count(*) FROM presence WHERE list_id = 'le'") == 1);
        CHECK(count(f.org, "SELECT count(*) FROM checkins WHERE kiosk = 'gate1'") == 1);
        const auto status = runKiosk("--db " + q(g2) + " hub status --json");
        CHECK(status.code == 0);
        CHECK(status.out.find("\"connected\":true") != std::string::npos);
        CHECK(status.out.find("\"kiosk\":\"gate2\"") != std::string::npos);
        CHECK(status.out.find("\"backlog\":0") != std::string::npos);
        CHECK(status.out.find(PgCluster::kPassword) == std::string::npos);
    }

    SECTION("without the hub a gate admits offline, and its backlog goes up by itself later") {
        f.pg.stopImmediate();
        const auto off = runKiosk("--db " + q(g1) + " --json checkin " + q(f.badges[1]) +
                                  " --kiosk gate1 --at 2023-08-04T08:01:00+07:00");
        CHECK(off.code == 0);
        CHECK(off.out.find("\"status\":\"accepted\"") != std::string::npos);
        CHECK(off.out.find("\"offline\":true") != std::string::npos);
        CHECK(runKiosk("--db " + q(g1) + " hub sync").code == 2);
        const auto status = runKiosk("--db " + q(g1) + " hub status --json");
        CHECK(status.out.find("\"connected\":false") != std::string::npos);
        CHECK(status.out.find("\"backlog\":2") != std::string::npos); // the scan and the check-in
        f.pg.start();
        CHECK(runKiosk("--db " + q(g1) + " hub sync").code == 0);
        CHECK(runKiosk("--db " + q(g1) + " hub status --json").out.find("\"backlog\":0") !=
              std::string::npos);
        CHECK(f.pg.psql(
                  "SELECT count(*) FROM kiosk_hub.records WHERE kind = 'checkin' AND offline") ==
              "1");
        // Pushed again (a push interrupted after the hub's commit): nothing doubles.
        {
            auto db = store::Database::open(g1);
            store::setFleetCursor(*db, "push:checkins", 0);
            store::setFleetCursor(*db, "push:scans", 0);
        }
        CHECK(runKiosk("--db " + q(g1) + " hub sync").code == 0);
        CHECK(f.pg.psql("SELECT count(*) FROM kiosk_hub.records WHERE kind = 'checkin'") == "1");
    }
}
