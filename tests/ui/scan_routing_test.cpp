// A keyboard-wedge scanner's burst never types into a field meant for a person (the PIN prompt,
// the console's search boxes): it goes to the check-in, or is refused aloud, whatever is on screen.
#include <catch2/catch.hpp>

#include "harness.hpp"

using kiosk::test::Harness;
using kiosk::ui::ShellKey;

namespace {
// A person at the PIN prompt: a digit key and its text, well apart.
void typePin(Harness& h, const std::string& digits) {
    for (char c : digits) {
        h.ticks += 180;
        h.shell.key(ShellKey::Digit, c, h.ticks);
        h.shell.text(std::string(1, c), h.ticks);
    }
    h.ticks += 180;
    h.shell.key(ShellKey::Enter, 0, h.ticks);
    h.frame();
}
} // namespace

TEST_CASE(
    "PIN prompt open: five badges scanned are checked in, the prompt neither sees them nor locks",
    "[ui][pin][scan]") {
    Harness h("checkin");
    h.shell.key(ShellKey::Escape, 0, h.ticks);
    h.frame();
    REQUIRE(h.shell.pinOpen());
    for (int i = 0; i < 5; ++i) {
        h.wedgeOver("D0000" + std::to_string(3 + i));
        h.frame(300);
    }
    INFO(h.state());
    CHECK(h.backend.scans == 5);
    CHECK(h.has("\"pin_locked_until\":0"));
    CHECK(h.shell.pinOpen());
    // Nothing of the badges was left in the prompt: the organizer's PIN opens it at once.
    typePin(h, "2468");
    h.frame();
    CHECK(h.shell.consoleOpen());
}

TEST_CASE("PIN prompt: a person's digits still arrive in order, Backspace included", "[ui][pin]") {
    Harness h("checkin");
    h.shell.key(ShellKey::Escape, 0, h.ticks);
    h.frame();
    for (char c : std::string("24")) {
        h.ticks += 150;
        h.shell.key(ShellKey::Digit, c, h.ticks);
        h.shell.text(std::string(1, c), h.ticks);
    }
    h.ticks += 150;
    h.shell.key(ShellKey::Backspace, 0, h.ticks);
    typePin(h, "468"); // "2" then "468": right only if the Backspace came after "4"
    h.frame();
    CHECK(h.shell.consoleOpen());
}

TEST_CASE("console search box: a scan does not type into it, it goes to the gate and says so",
          "[ui][console][scan]") {
    Harness h("checkin");
    h.unlock();
    REQUIRE(h.shell.consoleOpen());
    REQUIRE(h.click("tab_manual"));
    REQUIRE(h.click("search"));
    h.wedge("D00003");
    h.frame(100);
    h.frame();
    INFO(h.state());
    CHECK(h.has("\"query\":\"\""));
    CHECK(h.backend.scans == 1);
    // A person typing into the same box still gets there.
    h.type("tran");
    CHECK(h.has("\"query\":\"tran\""));
}

TEST_CASE("a screen that does not check people in refuses a scan aloud instead of typing it",
          "[ui][scan]") {
    Harness h("organizer");
    h.unlock();
    REQUIRE(h.click("tab_manual"));
    REQUIRE(h.click("search"));
    h.wedge("D00003");
    h.frame(100);
    INFO(h.state());
    CHECK(h.has("\"query\":\"\""));
    CHECK(h.has("\"scan_notice\":\"refused\""));
    CHECK(h.backend.scans == 0);
}
