#include <catch2/catch.hpp>

#include "kiosk/scan/wedge.hpp"

using namespace kiosk::scan;
using kiosk::core::Millis;

namespace {

// Types text one key every gapMs from start; returns the time of the last key.
Millis type(KeyboardWedge& w, std::string_view text, Millis start, Millis gapMs) {
    Millis t = start;
    for (size_t i = 0; i < text.size(); ++i, t += gapMs) w.text(text.substr(i, 1), t);
    return t - gapMs;
}

} // namespace

TEST_CASE("a fast burst ending in Enter or Tab is a scan") {
    KeyboardWedge w;
    const Millis last = type(w, "ANTQ23-D0042-1-ABCDEFGHIJKLMNOP", 1000, 8);
    const auto scan = w.terminator(last + 8);
    REQUIRE(scan.has_value());
    CHECK(*scan == "ANTQ23-D0042-1-ABCDEFGHIJKLMNOP");
    // Tab ends a scan the same way; the wedge starts afresh after each.
    const Millis last2 = type(w, "CODE1234", 5000, 15);
    CHECK(w.terminator(last2 + 5) == std::optional<std::string>("CODE1234"));
}

TEST_CASE("a person typing, even quickly, is not a scan") {
    KeyboardWedge w;
    const Millis last = type(w, "nguyen", 0, 120);
    CHECK_FALSE(w.terminator(last + 150).has_value());
    // Every gap under the 50 ms limit but the mean above 30 ms: a fast typist, not a scanner.
    const Millis last2 = type(w, "binhbinh", 10000, 45);
    CHECK_FALSE(w.terminator(last2 + 40).has_value());
}

TEST_CASE("short bursts, and a pause before Enter, are not scans") {
    KeyboardWedge w;
    const Millis last = type(w, "abc", 0, 5);
    CHECK_FALSE(w.terminator(last + 5).has_value()); // 3 keys: fewer than 4
    const Millis last2 = type(w, "ABCDEFGH", 1000, 5);
    CHECK_FALSE(w.terminator(last2 + 400).has_value()); // a person pressed Enter afterwards
}

TEST_CASE("a pause splits what a person typed from the scan that follows") {
    KeyboardWedge w;
    type(w, "xy", 0, 200);
    const Millis last = type(w, "SCANNED1", 2000, 10);
    CHECK(w.terminator(last + 10) == std::optional<std::string>("SCANNED1"));
}

TEST_CASE("inBurst follows a scan as it arrives and ends after a pause") {
    KeyboardWedge w;
    CHECK_FALSE(w.inBurst(0));
    w.text("A", 100);
    CHECK(w.inBurst(110));
    w.text("B", 110);
    CHECK(w.inBurst(120));
    CHECK_FALSE(w.inBurst(300));
    w.reset();
    CHECK_FALSE(w.inBurst(121));
}

TEST_CASE("without a required terminator a fast burst followed by silence is a scan") {
    WedgeOptions o;
    o.requireTerminator = false;
    KeyboardWedge w(o);
    const Millis last = type(w, "NOSUFFIX42", 0, 6);
    CHECK_FALSE(w.idle(last + 20).has_value()); // still arriving
    CHECK(w.idle(last + 60) == std::optional<std::string>("NOSUFFIX42"));
    CHECK_FALSE(w.idle(last + 120).has_value()); // reported once

    KeyboardWedge strict; // the default needs Enter or Tab
    const Millis l2 = type(strict, "NOSUFFIX42", 0, 6);
    CHECK_FALSE(strict.idle(l2 + 500).has_value());
}

TEST_CASE("a key with several UTF-8 bytes counts as one key") {
    KeyboardWedge w;
    w.text("Đ", 0);
    w.text("ư", 5);
    w.text("ờ", 10);
    CHECK_FALSE(w.terminator(15).has_value()); // three keys, although seven bytes
    w.text("Đ", 100);
    w.text("ư", 105);
    w.text("ờ", 110);
    w.text("n", 115);
    CHECK(w.terminator(120) == std::optional<std::string>("Đườn"));
}
