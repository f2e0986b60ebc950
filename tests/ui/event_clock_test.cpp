// Keys pressed 16-17 ms apart but pumped together (a frame was being drawn) keep their own
// milliseconds: the X server's key time is mapped onto SDL's ticks.
#include <catch2/catch.hpp>

#include "kiosk/platform/event_clock.hpp"

using kiosk::platform::EventClock;

TEST_CASE("event clock: presses pumped in one batch keep the gaps they were pressed with",
          "[ui][buzzer]") {
    EventClock clock;
    // The server's clock runs 5,000,000 ms ahead of SDL's ticks; a first key seen at once sets it.
    CHECK(clock.toTicks(5'001'000, 1'000) == 1'000);
    // Four buzzers 16-17 ms apart, all pumped at tick 1'990 after a slow frame (what SDL stamped).
    const std::uint32_t pumped = 1'990;
    CHECK(clock.toTicks(5'001'927, pumped) == 1'927);
    CHECK(clock.toTicks(5'001'944, pumped) == 1'944);
    CHECK(clock.toTicks(5'001'960, pumped) == 1'960);
    CHECK(clock.toTicks(5'001'977, pumped) == 1'977);
}

TEST_CASE("event clock: a less delayed event sharpens the estimate, a stale one is replaced",
          "[ui][buzzer]") {
    EventClock clock;
    CHECK(clock.toTicks(100, 50'030) == 50'030); // first seen: taken as on time
    CHECK(clock.toTicks(200, 50'101) == 50'101); // this one arrived sooner: the offset moves
    CHECK(clock.toTicks(300, 50'240) == 50'201); // a later, slower arrival keeps its own time
    // The server restarted (its clock went back): the old offset would put the key in the future
    // or seconds in the past; the estimate starts again from this event.
    CHECK(clock.toTicks(10, 60'000) == 60'000);
    // Both clocks wrap at 2^32 ms (49 days) without breaking the mapping.
    EventClock wrap;
    CHECK(wrap.toTicks(0xFFFFFFF0u, 20) == 20);
    CHECK(wrap.toTicks(0x00000010u, 60) == 52);
}
