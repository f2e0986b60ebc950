#include <catch2/catch.hpp>

#include "kiosk/core/buzzer.hpp"

using namespace kiosk::core;

namespace {
const std::vector<std::string> kTeams{"bvdk", "ttyt-yd", "cdc"};
}

TEST_CASE("buzzer: the first press wins and every press keeps its order and millisecond") {
    BuzzerArbiter a(FalseStartRule{}, kTeams);
    REQUIRE(a.open(1'000'000));
    auto p1 = a.press("cdc", 1'000'412);
    auto p2 = a.press("bvdk", 1'000'413);
    CHECK(p1.kind == PressKind::Accepted);
    CHECK(p1.order == 1);
    CHECK(p1.sinceOpen == 412);
    CHECK(p2.order == 2);
    CHECK(p2.sinceOpen == 413);
    CHECK(a.turn() == "cdc");
    CHECK(a.queue().size() == 2);
}

TEST_CASE("buzzer: a press before the question opens is a false start that locks the team out") {
    BuzzerArbiter a(FalseStartRule{5, true}, kTeams);
    auto p = a.press("bvdk", 999'800);
    CHECK(p.kind == PressKind::FalseStart);
    CHECK(p.order == 0);
    a.open(1'000'000);
    // Its press after opening no longer counts.
    CHECK(a.press("bvdk", 1'000'100).kind == PressKind::LockedOut);
    CHECK(a.press("cdc", 1'000'200).order == 1);
    CHECK(a.turn() == "cdc");
    CHECK(a.lockedOut() == std::vector<std::string>{"bvdk"});
    CHECK(pressKindCode(PressKind::FalseStart) == std::string("false_start"));
}

TEST_CASE("buzzer: a false start without lock-out still may answer after opening") {
    BuzzerArbiter a(FalseStartRule{2, false}, kTeams);
    CHECK(a.press("bvdk", 10).kind == PressKind::FalseStart);
    a.open(100);
    CHECK(a.press("bvdk", 150).kind == PressKind::Accepted);
    CHECK(a.turn() == "bvdk");
}

TEST_CASE("buzzer: a wrong answer locks the team out and the next in order gets the turn") {
    BuzzerArbiter a(FalseStartRule{}, kTeams);
    a.open(0);
    a.press("ttyt-yd", 120);
    a.press("cdc", 180);
    CHECK(a.markWrong() == "ttyt-yd");
    CHECK(a.turn() == "cdc");
    // The locked team pressing again is refused.
    CHECK(a.press("ttyt-yd", 400).kind == PressKind::LockedOut);
    CHECK(a.markWrong() == "cdc");
    // Nobody queued: no turn until someone presses.
    CHECK_FALSE(a.turn());
    CHECK(a.press("bvdk", 900).order == 3);
    CHECK(a.turn() == "bvdk");
    CHECK(a.markRight() == "bvdk");
    CHECK(a.phase() == BuzzPhase::Closed);
    CHECK(a.press("cdc", 950).kind == PressKind::Late);
}

TEST_CASE("buzzer: duplicates and unknown keys do not change the order") {
    BuzzerArbiter a(FalseStartRule{}, kTeams);
    a.open(0);
    a.press("cdc", 10);
    CHECK(a.press("cdc", 11).kind == PressKind::Duplicate);
    CHECK(a.press("nobody", 12).kind == PressKind::UnknownTeam);
    CHECK(a.press("bvdk", 13).order == 2);
    CHECK(a.presses().size() == 4);
    CHECK(a.queue().size() == 2);
}

TEST_CASE("buzzer: marking with no turn does nothing, opening twice is refused") {
    BuzzerArbiter a(FalseStartRule{}, kTeams);
    CHECK_FALSE(a.markRight());
    CHECK_FALSE(a.markWrong());
    CHECK(a.open(5));
    CHECK_FALSE(a.open(6));
    CHECK(a.openedAt() == 5);
    a.close();
    CHECK(a.phase() == BuzzPhase::Closed);
    CHECK_FALSE(a.turn());
}

TEST_CASE("buzzer: replaying the same calls rebuilds the same state") {
    auto play = [](BuzzerArbiter& a) {
        a.press("cdc", 5);
        a.open(100);
        a.press("bvdk", 140);
        a.press("ttyt-yd", 141);
        a.markWrong();
    };
    BuzzerArbiter x(FalseStartRule{}, kTeams), y(FalseStartRule{}, kTeams);
    play(x);
    play(y);
    CHECK(x.turn() == y.turn());
    CHECK(x.turn() == "ttyt-yd");
    REQUIRE(x.presses().size() == y.presses().size());
    for (std::size_t i = 0; i < x.presses().size(); ++i) {
        CHECK(x.presses()[i].kind == y.presses()[i].kind);
        CHECK(x.presses()[i].order == y.presses()[i].order);
    }
}

TEST_CASE("buzzer: a verdict taken back restores the turn") {
    BuzzerArbiter a(FalseStartRule{}, kTeams);
    a.open(0);
    a.press("cdc", 10);
    a.press("bvdk", 20);
    CHECK(a.markWrong() == "cdc");
    CHECK(a.turn() == "bvdk");
    CHECK(a.undoVerdict());
    CHECK(a.turn() == "cdc");
    CHECK(a.lockedOut().empty());
    CHECK(a.markRight() == "cdc");
    CHECK(a.phase() == BuzzPhase::Closed);
    CHECK(a.undoVerdict());
    CHECK(a.phase() == BuzzPhase::Open);
    CHECK(a.turn() == "cdc");
    CHECK_FALSE(a.undoVerdict());
}

TEST_CASE(
    "buzzer: presses after the question's time are late, however long the host waits to close") {
    BuzzerArbiter a(FalseStartRule{}, kTeams, 15'000); // c24: 15 s
    REQUIRE(a.open(1'000'000));
    CHECK(a.press("cdc", 1'014'999).kind == PressKind::Accepted);
    CHECK(a.press("bvdk", 1'015'000).kind ==
          PressKind::Accepted); // the last millisecond still counts
    const auto late = a.press("ttyt-yd", 1'018'000);
    CHECK(late.kind == PressKind::Late);
    CHECK(late.order == 0);
    CHECK(a.queue().size() == 2);
    // Without a limit (an untimed question) the queue stays open until the host closes it.
    BuzzerArbiter untimed(FalseStartRule{}, kTeams);
    REQUIRE(untimed.open(0));
    CHECK(untimed.press("cdc", 600'000).kind == PressKind::Accepted);
}
