// The other roles through the hub: the MC's program steps reach the stage machine.
#include <catch2/catch.hpp>

#include "hub_support.hpp"
#include "kiosk/services/fleet_sync.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("a program step on the MC machine is shown on the stage machine within 1 s") {
    Fleet f(2); // gate1 is the MC's laptop, gate2 the projector PC
    const auto& mc = f.gates[0];
    const auto& stage = f.gates[1];
    // Both run the GUI's background sync.
    services::FleetSyncThread mcSync(mc, 100), stageSync(stage, 100);
    REQUIRE(runKiosk("--db " + q(mc) + " program start --kiosk mc").code == 0);
    REQUIRE(runKiosk("--db " + q(mc) + " program next --kiosk mc").code == 0);
    mcSync.poke();
    const auto shown = [&] {
        return runKiosk("--db " + q(stage) + " program show --json")
                   .out.find("\"current\":{\"id\":\"ly-do\"") != std::string::npos;
    };
    CHECK(waitFor(shown, std::chrono::seconds(1)));
    CHECK(count(stage, "SELECT count(*) FROM show_actions WHERE kiosk = 'mc'") == 2);
    // Pulled actions are never pushed back, nor pulled twice.
    stageSync.poke();
    CHECK(
        waitFor([&] { return stageSync.status().lastPull > 0 && stageSync.status().backlog == 0; },
                std::chrono::seconds(2)));
    CHECK(std::stoll(
              f.pg.psql("SELECT count(*) FROM kiosk_hub.records WHERE kind = 'show_action'")) == 2);
    CHECK(count(stage, "SELECT count(*) FROM show_actions") == 2);
}
