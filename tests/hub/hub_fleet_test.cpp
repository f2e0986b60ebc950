// Several gates at once against a real hub: no double admission while connected, offline when
// the hub dies, backlogs exactly once after it returns, conflicts naming both gates.
#include <catch2/catch.hpp>

#include "hub_support.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

int accepted(const std::vector<std::string>& outs) {
    int n = 0;
    for (const auto& o : outs)
        n += occurrences(o, "\"status\":\"accepted\"");
    return n;
}

std::int64_t hubCount(const PgCluster& pg, const std::string& where) {
    return std::stoll(pg.psql("SELECT count(*) FROM kiosk_hub.records WHERE " + where));
}

} // namespace

TEST_CASE("four gates scan the same 150 badges at once: 150 admissions, 150 present everywhere") {
    Fleet f(4);
    std::vector<std::string> scripts;
    for (int g = 0; g < 4; ++g)
        scripts.push_back(f.gateScript(g, 100 + g, f.badges));
    const auto outs = runConcurrently(scripts);
    for (const auto& o : outs) {
        CHECK(occurrences(o, "\"status\"") == 150);
        CHECK(occurrences(o, "\"offline\":true") == 0);
    }
    CHECK(accepted(outs) == 150);
    CHECK(hubCount(f.pg, "kind = 'checkin'") == 150);
    for (const auto& db : f.gates)
        CHECK(runKiosk("--db " + q(db) + " hub sync").code == 0);
    CHECK(runKiosk("--db " + q(f.org) + " hub sync").code == 0);
    for (const auto& db : f.gates) {
        CHECK(count(db, "SELECT count(*) FROM presence WHERE list_id = 'le'") == 150);
        CHECK(count(db, "SELECT count(*) FROM checkins") == 150);
    }
    CHECK(count(f.org, "SELECT count(*) FROM presence WHERE list_id = 'le'") == 150);
    CHECK(runKiosk("--db " + q(f.gates[0]) + " hub conflicts --json").out.find("[]") !=
          std::string::npos);
}

TEST_CASE("the hub killed mid-run: gates go offline, keep admitting, backlogs arrive once, "
          "conflicts name both gates") {
    Fleet f(4);
    std::vector<std::string> scripts;
    for (int g = 0; g < 4; ++g)
        scripts.push_back(f.gateScript(g, 200 + g, f.badges));
    std::vector<std::string> outs(4);
    std::vector<std::thread> gates;
    for (int g = 0; g < 4; ++g)
        gates.emplace_back([&, g] { outs[g] = shellOut(scripts[g]); });
    // Kill the hub once the run is well under way (a state, not a time).
    const bool underway = waitFor([&] { return hubCount(f.pg, "kind = 'checkin'") >= 30; },
                                  std::chrono::seconds(120));
    f.pg.stopImmediate();
    for (auto& t : gates)
        t.join();
    REQUIRE(underway);

    int offline = 0;
    for (const auto& o : outs) {
        CHECK(occurrences(o, "\"status\"") == 150); // every scan answered, hub or not
        offline += occurrences(o, "\"offline\":true");
    }
    CHECK(offline > 0);
    const int admissions = accepted(outs);
    CHECK(admissions > 150); // offline, two gates admitted the same badges

    f.pg.start();
    std::int64_t local = 0;
    for (size_t g = 0; g < f.gates.size(); ++g) {
        CHECK(runKiosk("--db " + q(f.gates[g]) + " hub sync").code == 0);
        local +=
            count(f.gates[g], "SELECT count(*) FROM checkins c WHERE NOT EXISTS (SELECT 1 FROM "
                              "fleet_pulled p WHERE p.tbl = 'checkins' AND p.row = c.id)");
    }
    CHECK(local == admissions);
    CHECK(hubCount(f.pg, "kind = 'checkin'") == admissions); // exactly once each
    // A second round changes nothing.
    for (const auto& db : f.gates)
        CHECK(runKiosk("--db " + q(db) + " hub sync").code == 0);
    CHECK(hubCount(f.pg, "kind = 'checkin'") == admissions);
    for (const auto& db : f.gates) {
        CHECK(count(db, "SELECT count(*) FROM checkins") == admissions);
        CHECK(count(db, "SELECT count(*) FROM presence WHERE list_id = 'le'") == 150);
    }
    // Every admission beyond the first of a badge is a conflict naming two different gates.
    CHECK(std::stoll(f.pg.psql("SELECT count(*) FROM kiosk_hub.conflicts")) == admissions - 150);
    CHECK(f.pg.psql("SELECT count(*) FROM kiosk_hub.conflicts WHERE first_kiosk = second_kiosk OR "
                    "first_kiosk NOT LIKE 'gate%' "
                    "OR second_kiosk NOT LIKE 'gate%'") == "0");
    const auto listed = runKiosk("--db " + q(f.gates[0]) + " hub conflicts --json");
    CHECK(occurrences(listed.out, "\"first_kiosk\":\"gate") == admissions - 150);
    CHECK(runKiosk("--db " + q(f.gates[1]) + " hub status --json")
              .out.find("\"conflicts\":" + std::to_string(admissions - 150)) != std::string::npos);
}
