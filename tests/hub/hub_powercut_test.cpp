// The fleet's backlog under power cuts (tests/powercut/hub_powercut.hpp): a cut anywhere in a push
// or pull round loses no acknowledged record and doubles none, in the hub or on a kiosk that pulls.
#include <catch2/catch.hpp>

#include "tests/powercut/hub_powercut.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("power cuts during push and pull rounds: the hub holds every acknowledged record once") {
    Fleet f(2);
    const auto r = powercut::runHubCuts(f, 30, 13);
    for (const auto& p : r.problems)
        UNSCOPED_INFO(p);
    CHECK(r.problems.empty());
    CHECK(r.rounds == 30);
    // Most cuts land inside the round (the span is drawn a little beyond a round's I/O calls).
    CHECK(r.cutsMidRound >= 15);
    CHECK(r.acknowledged == 31 * 3);
    CHECK(r.lost == 0);
    CHECK(r.doubled == 0);
    CHECK(r.pulledAcknowledged == 31 * 2);
    CHECK(r.pulledLost == 0);
    CHECK(r.pulledDoubled == 0);
    CHECK(r.secondKioskMissing == 0);
    CHECK(r.secondKioskDoubled == 0);
}
