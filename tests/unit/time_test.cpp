#include <catch2/catch.hpp>

#include "kiosk/core/time.hpp"

using namespace kiosk::core;

TEST_CASE("ISO 8601 round trips at the event's offset") {
    const auto t = parseIso8601("2023-08-18T07:42:05+07:00", 0);
    REQUIRE(t);
    CHECK(*t == 1692319325000LL);
    CHECK(formatIso(*t, 420) == "2023-08-18T07:42:05+07:00");
    CHECK(formatIso(*t, 0) == "2023-08-18T00:42:05+00:00");
    CHECK(parseIso8601("2023-08-18T07:42", 420) == parseIso8601("2023-08-18T00:42:00Z", 0));
    CHECK(parseIso8601("2023-08-18 07:42:05.250", 420) == *t + 250);
    CHECK(formatClock(*t, 420) == "07:42");
}

TEST_CASE("bad times are refused") {
    CHECK_FALSE(parseIso8601("2023-02-30T07:42", 420));
    CHECK_FALSE(parseIso8601("2023-08-18T25:00", 420));
    CHECK_FALSE(parseIso8601("yesterday", 420));
    CHECK_FALSE(parseIso8601("2023-08-18T07:42+7", 420));
    CHECK_FALSE(parseHourMinute("7h30"));
    CHECK(parseHourMinute("07:30") == 450);
}

TEST_CASE("durations format as minutes:seconds, hours when long, sign kept") {
    CHECK(formatDuration(65000) == "01:05");
    CHECK(formatDuration(-125000) == "-02:05");
    CHECK(formatDuration(3723000) == "1:02:03");
}

TEST_CASE("dates before 1970 and leap days") {
    CHECK(formatDate(*parseDate("1969-12-31")) == "1969-12-31");
    CHECK(parseDate("2024-02-29"));
    CHECK_FALSE(parseDate("2023-02-29"));
}
