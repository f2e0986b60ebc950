// Times a timeline must never show: an item skipped before the start has no start time; after
// "Quay lại" no item starts before the one it follows ended; a clock on another day gives no drift.
#include <catch2/catch.hpp>

#include "kiosk/core/run_of_show.hpp"

using namespace kiosk::core;

namespace {

constexpr Millis kMin = 60'000;
const Millis kT0 = localToMillis(*parseDate("2023-08-19"), 8 * 60, 420);

RunOfShow show() {
    return RunOfShow({{"a", 1, "Chào cờ", 5, false, 60, 15, "", "", ""},
                      {"b", 2, "Lý do", 10, false, 60, 15, "", "", ""},
                      {"c", 3, "Sơ kết", 3, true, 60, 15, "", "", ""},
                      {"d", 4, "Bế mạc", 2, false, 30, 10, "", "", ""}},
                     kT0);
}

void act(RunOfShow& r, ActionType type, Millis at, std::string_view item = {}) {
    auto a = r.resolve(type, at, item);
    REQUIRE(a);
    REQUIRE(r.apply(*a));
}

} // namespace

TEST_CASE("timeline: an item skipped before the start shows no start time", "[ceremony][times]") {
    RunOfShow r = show();
    act(r, ActionType::Skip, kT0 - 10 * kMin, "c");
    for (Millis now : {kT0 - 5 * kMin, kT0 + 2 * kMin}) {
        if (now > kT0) act(r, ActionType::Start, kT0);
        const auto s = r.snapshot(now);
        CHECK_FALSE(shownStart(s.timeline[2]).has_value());
        // Every other item has a time, and none is the epoch.
        for (int i : {0, 1, 3}) {
            REQUIRE(shownStart(s.timeline[static_cast<std::size_t>(i)]));
            CHECK(*shownStart(s.timeline[static_cast<std::size_t>(i)]) >= kT0);
        }
    }
}

TEST_CASE("timeline: after going back (Quay lại) and on again, starts follow ends",
          "[ceremony][times]") {
    RunOfShow r = show();
    act(r, ActionType::Start, kT0);
    act(r, ActionType::Next, kT0 + 5 * kMin);      // a done, b current
    act(r, ActionType::Next, kT0 + 15 * kMin);     // b done, c current
    act(r, ActionType::Previous, kT0 + 16 * kMin); // back to b
    act(r, ActionType::Next, kT0 + 18 * kMin);     // b done again, c current again
    const auto s = r.snapshot(kT0 + 19 * kMin);
    Millis previousEnd = 0;
    for (std::size_t i = 0; i < s.timeline.size(); ++i) {
        const auto& t = s.timeline[i];
        const auto start = shownStart(t);
        REQUIRE(start);
        INFO("item " << t.itemId);
        CHECK(*start >= previousEnd);
        previousEnd = t.status == ItemStatus::Current || t.status == ItemStatus::Pending
                          ? t.projectedEnd
                          : t.actualEnd.value_or(0);
    }
    CHECK(*shownStart(s.timeline[2]) == kT0 + 18 * kMin);
}

TEST_CASE("timeline: before the start with the clock years past the event, no drift is claimed",
          "[ceremony][times]") {
    RunOfShow r = show();
    const Millis threeYearsLater = kT0 + 3LL * 365 * 24 * 60 * kMin;
    const auto s = r.snapshot(threeYearsLater);
    CHECK_FALSE(s.projectionPlausible);
    for (const auto& t : s.timeline)
        CHECK_FALSE(shownStart(t).has_value()); // no "starts at 00:44" today
    // On the day, a late start is still a drift worth saying.
    const auto late = r.snapshot(kT0 + 20 * kMin);
    CHECK(late.projectionPlausible);
    CHECK(late.drift == 20 * kMin);
}
