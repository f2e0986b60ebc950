// The hub's background sync under ThreadSanitizer (tag [threads], scripts/sanitize tsan): the
// GUI's FleetSyncThread pushes and pulls on its own connection while the desk checks people in
// on another and a screen reads the status, as on a real gate.
#include <catch2/catch.hpp>

#include "hub_support.hpp"
#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/fleet_sync.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("the background sync pushes while the desk admits and a screen reads the status",
          "[threads]") {
    Fleet f(2);
    constexpr int kBadges = 40;
    services::FleetSyncThread gate1(f.gates[0], 20), gate2(f.gates[1], 20);
    {
        auto session = services::Session::open(f.gates[0]);
        services::CheckinDesk desk(*session);
        for (int i = 0; i < kBadges; ++i) {
            services::ScanRequest r;
            r.text = f.badges[static_cast<size_t>(i)];
            r.kiosk = "gate1";
            r.at = at("08:00:00");
            const auto out = desk.scan(r);
            REQUIRE(out.decision.status == core::Status::Accepted);
            // What the screen does each frame, from the GUI thread.
            (void)gate1.status();
            if (i % 8 == 0) gate1.poke();
        }
    }
    const auto hubAdmissions = [&] {
        return std::stoll(
            f.pg.psql("SELECT count(*) FROM kiosk_hub.records WHERE kind = 'checkin'"));
    };
    // Generous deadlines: ThreadSanitizer makes everything several times slower.
    CHECK(waitFor([&] { return gate1.status().backlog == 0 && hubAdmissions() == kBadges; },
                  std::chrono::seconds(60)));
    gate2.poke();
    CHECK(waitFor(
        [&] {
            return count(f.gates[1], "SELECT count(*) FROM presence WHERE list_id = 'le'") ==
                   kBadges;
        },
        std::chrono::seconds(60)));
    CHECK(gate2.status().connected);
}
