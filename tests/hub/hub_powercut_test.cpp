// The fleet's backlog under power cuts (tests/powercut/hub_powercut.hpp): a cut anywhere in a push
// or pull round loses no acknowledged record and doubles none, in the hub or on a kiosk that pulls.
#include <catch2/catch.hpp>

#include "tests/powercut/hub_powercut.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("power cuts during push and pull rounds: the hub holds every acknowledged record once") {
    constexpr int kCuts = 50;
    Fleet f(2);
    const auto r = powercut::runHubCuts(f, kCuts, 13);
    for (const auto& p : r.problems)
        UNSCOPED_INFO(p);
    CHECK(r.problems.empty());
    CHECK(r.rounds == kCuts);
    // Most cuts land inside the round (the span is drawn a little beyond a round's I/O calls).
    CHECK(r.cutsMidRound >= kCuts / 2);
    CHECK(r.cutsAfterCall > 0);
    CHECK(r.acknowledged == (kCuts + 1) * 3);
    CHECK(r.lost == 0);
    CHECK(r.doubled == 0);
    CHECK(r.pulledAcknowledged == (kCuts + 1) * 2);
    CHECK(r.pulledLost == 0);
    CHECK(r.pulledDoubled == 0);
    CHECK(r.secondKioskMissing == 0);
    CHECK(r.secondKioskDoubled == 0);
}
