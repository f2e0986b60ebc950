// The hub's promises under trouble: a kiosk killed mid-push, one gate cut off alone, a revoke
// reaching the gates, kiosk clocks that disagree.
#include <catch2/catch.hpp>
#include <signal.h>

#include "hub_support.hpp"
#include "kiosk/core/uuid.hpp"
#include "kiosk/services/fleet_sync.hpp"
#include "kiosk/store/fleet_repo.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::int64_t hubCount(const PgCluster& pg, const std::string& where) {
    return std::stoll(pg.psql("SELECT count(*) FROM kiosk_hub.records WHERE " + where));
}

std::string checkin(const std::string& db, const std::string& badge, const std::string& kiosk) {
    return runKiosk("--db " + q(db) + " --json checkin " + q(badge) + " --kiosk " + kiosk +
                    " --at 2023-08-04T08:00:00+07:00")
        .out;
}

} // namespace

TEST_CASE("a kiosk killed with SIGKILL in the middle of a push loses and doubles nothing") {
    Fleet f(1);
    constexpr int kRows = 30000;
    {
        // A long offline stretch: scans the hub has never seen.
        auto db = store::Database::open(f.gates[0]);
        store::Transaction tx(*db);
        for (int i = 0; i < kRows; ++i) {
            store::ScanRecord s;
            s.uuid = core::newUuid();
            s.at = 1692320400000 + i;
            s.kiosk = "gate1";
            s.listId = "le";
            s.direction = "entry";
            s.text = "UNKNOWN-" + std::to_string(i);
            s.status = "refused";
            s.reason = "unknown_code";
            store::insertScan(*db, s);
            store::markOffline(*db, s.uuid, s.at);
        }
        tx.commit();
    }
    const bool started =
        syncKilledWhen(f.gates[0], [&] { return hubCount(f.pg, "kind = 'scan'") > 0; });
    REQUIRE(started);
    const auto atKill = hubCount(f.pg, "kind = 'scan'");
    CHECK(atKill < kRows); // really in the middle
    CHECK(runKiosk("--db " + q(f.gates[0]) + " hub sync").code == 0);
    CHECK(hubCount(f.pg, "kind = 'scan'") == kRows);
    CHECK(hubCount(f.pg, "kind = 'scan' AND origin = 'gate1'") == kRows);
    CHECK(runKiosk("--db " + q(f.gates[0]) + " hub status --json").out.find("\"backlog\":0") !=
          std::string::npos);
    CHECK(runKiosk("--db " + q(f.org) + " hub sync").code == 0);
    CHECK(count(f.org, "SELECT count(*) FROM scans WHERE kiosk = 'gate1'") == kRows);
}

TEST_CASE("one gate cut off alone behind a proxy while the others go on") {
    Fleet f(2, 2); // gate2 reaches the hub through the proxy
    f.proxy->stop();
    const auto cut = checkin(f.gates[1], f.badges[0], "gate2");
    CHECK(cut.find("\"status\":\"accepted\"") != std::string::npos);
    CHECK(cut.find("\"offline\":true") != std::string::npos);
    // gate1 goes on online, and (not knowing) admits the same delegate too.
    const auto other = checkin(f.gates[0], f.badges[1], "gate1");
    CHECK(other.find("\"offline\":false") != std::string::npos);
    const auto same = checkin(f.gates[0], f.badges[0], "gate1");
    CHECK(same.find("\"status\":\"accepted\"") != std::string::npos);
    CHECK(same.find("\"offline\":false") != std::string::npos);
    CHECK(runKiosk("--db " + q(f.gates[1]) + " hub sync").code == 2);
    CHECK(
        runKiosk("--db " + q(f.gates[1]) + " hub status --json").out.find("\"connected\":false") !=
        std::string::npos);

    f.proxy->start();
    CHECK(runKiosk("--db " + q(f.gates[1]) + " hub sync").code == 0);
    const auto status = runKiosk("--db " + q(f.gates[1]) + " hub status --json").out;
    CHECK(status.find("\"connected\":true") != std::string::npos);
    CHECK(status.find("\"conflicts\":1") != std::string::npos);
    const auto listed = runKiosk("--db " + q(f.gates[1]) + " hub conflicts").out;
    CHECK(listed.find("gate1") != std::string::npos);
    CHECK(listed.find("gate2") != std::string::npos);
    CHECK(count(f.gates[1], "SELECT count(*) FROM presence WHERE list_id = 'le'") == 2);
}

TEST_CASE("a revoke at the desk is refused at another gate within 2 s") {
    Fleet f(1);
    // The organizer's machine runs the GUI's background sync.
    services::FleetSyncThread desk(f.org, 200);
    auto session = services::Session::open(f.org);
    const auto code = store::allDelegates(session->db())[5].code;
    CHECK(runKiosk("--db " + q(f.org) + " delegates revoke " + code).code == 0);
    const bool published = waitFor(
        [&] {
            return f.pg.psql("SELECT revoked FROM kiosk_hub.reference WHERE key = '" + code +
                             "'") == "t";
        },
        std::chrono::seconds(2));
    CHECK(published);
    const auto refused = checkin(f.gates[0], f.badges[5], "gate1");
    CHECK(refused.find("\"reason\":\"revoked\"") != std::string::npos);
    CHECK(refused.find("\"offline\":false") != std::string::npos);
    CHECK(desk.status().connected);
}

TEST_CASE("kiosks with clocks 5 minutes apart are ordered by the hub") {
    Fleet f(2);
    ::setenv("KIOSK_CLOCK_OFFSET_MS", "0", 1);
    runKiosk("--db " + q(f.gates[1]) + " checkin " + q(f.badges[0]) + " --kiosk gate2");
    ::setenv("KIOSK_CLOCK_OFFSET_MS", "-300000", 1); // gate1's clock is 5 minutes slow
    runKiosk("--db " + q(f.gates[0]) + " checkin " + q(f.badges[1]) + " --kiosk gate1");
    CHECK(runKiosk("--db " + q(f.gates[0]) + " hub sync").code == 0);
    ::unsetenv("KIOSK_CLOCK_OFFSET_MS");
    CHECK(runKiosk("--db " + q(f.gates[1]) + " hub sync").code == 0);
    CHECK(runKiosk("--db " + q(f.org) + " hub sync").code == 0);
    // By the kiosks' clocks gate1 came first; by the hub, gate2 did, and so does every timeline.
    CHECK(f.pg.psql("SELECT string_agg(kiosk, ',' ORDER BY at) FROM kiosk_hub.records WHERE kind = "
                    "'scan'") == "gate1,gate2");
    CHECK(f.pg.psql("SELECT string_agg(kiosk, ',' ORDER BY seq) FROM kiosk_hub.records WHERE kind "
                    "= 'scan'") == "gate2,gate1");
    auto db = store::Database::open(f.org);
    auto st =
        db->prepare("SELECT group_concat(kiosk, ',') FROM (SELECT kiosk FROM scans ORDER BY id)");
    REQUIRE(st.step());
    CHECK(st.getText(0) == "gate2,gate1");
    CHECK(std::stoll(f.pg.psql(
              "SELECT clock_offset_ms FROM kiosk_hub.kiosks WHERE name = 'gate1'")) < -290000);
}
