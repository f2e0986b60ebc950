// Every screen, headless, through the states a day at the door goes through.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "harness.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/platform/fonts.hpp"
#include "kiosk/ui/view.hpp"

using kiosk::test::Harness;
using kiosk::ui::ShellKey;

TEST_CASE("every role in the registry draws, and unfinished ones say they are not installed", "[ui]") {
    const auto& roles = kiosk::ui::RoleRegistry::builtin().roles();
    REQUIRE(roles.size() == 6);
    for (const auto& role : roles) {
        Harness h(role.id);
        for (int i = 0; i < 5; ++i) h.frame();
        CHECK(h.shell.role() == role.id);
        if (!role.installed) CHECK(h.has("\"screen\":\"placeholder\""));
    }
}

TEST_CASE("gate: idle, welcome, already checked in, refused, back to idle", "[ui][gate]") {
    Harness h("checkin");
    h.settle();
    CHECK(h.has("\"screen\":\"idle\""));

    h.shell.scan("D00001", "camera");
    auto r = h.frame();
    CHECK(h.has("\"card\":\"welcome\""));
    CHECK(h.has("\"name\":\"Nguyễn Văn Bình\""));
    REQUIRE(r.cue);
    CHECK(*r.cue == kiosk::platform::Cue::Accept);
    CHECK(h.backend.firstEntry.count("D00001") == 1);

    // The same badge again at once: ignored quietly, the welcome stays.
    h.shell.scan("D00001", "camera");
    r = h.frame();
    CHECK_FALSE(r.cue);
    CHECK(h.has("\"card\":\"welcome\""));

    // Later: amber, with when and where.
    h.frame(5000);
    h.shell.scan("D00001", "camera");
    r = h.frame();
    CHECK(h.has("\"card\":\"warn\""));
    CHECK(h.has("\"reason\":\"already_checked_in\""));
    CHECK(*r.cue == kiosk::platform::Cue::Warn);

    // A code that is not ours replaces the card at once.
    h.shell.scan("XYZ-NOT-OURS", "keyboard");
    r = h.frame();
    CHECK(h.has("\"card\":\"refuse\""));
    CHECK(h.has("\"reason\":\"unknown\""));
    CHECK(*r.cue == kiosk::platform::Cue::Refuse);
    CHECK(r.wakeAt > h.now);

    // Back to idle by itself after a few seconds.
    h.frame(9000);
    h.frame();
    CHECK(h.has("\"screen\":\"idle\""));
}

TEST_CASE("gate: a database that cannot commit shows 'not recorded', never a welcome", "[ui][gate]") {
    Harness h("checkin");
    h.shell.scan("FAIL-D00002", "camera");
    h.frame();
    CHECK(h.has("\"card\":\"error\""));
    CHECK(h.has("\"committed\":false"));
    CHECK(h.backend.firstEntry.empty());
    // The kiosk keeps running: the next scan works.
    h.shell.scan("D00002", "camera");
    h.frame();
    CHECK(h.has("\"card\":\"welcome\""));
}

TEST_CASE("gate: a scanner's keystroke burst is a scan, slow typing is not", "[ui][gate]") {
    Harness h("checkin");
    h.wedge("D00003");
    CHECK(h.has("\"card\":\"welcome\""));
    CHECK(h.backend.scans == 1);

    for (char c : std::string("D00004")) {
        h.ticks += 300; // a person typing
        h.shell.text(std::string(1, c), h.ticks);
    }
    h.ticks += 300;
    h.shell.key(ShellKey::Enter, 0, h.ticks);
    h.frame();
    CHECK(h.backend.scans == 1);
}

TEST_CASE("gate shows the list and mode chosen in the console", "[ui][gate]") {
    Harness h("checkin");
    h.shell.settings().listId = "hoi";
    h.shell.settings().direction = kiosk::core::Direction::Exit;
    h.settle();
    CHECK(h.has("\"list\":\"hoi\""));
    CHECK(h.has("\"direction\":\"exit\""));
}

TEST_CASE("PIN: Escape asks for it, five wrong lock the prompt for a minute, the right one opens the console", "[ui][pin]") {
    Harness h("checkin");
    h.shell.key(ShellKey::Escape, 0, h.ticks);
    h.frame();
    CHECK(h.shell.pinOpen());
    for (int i = 0; i < 5; ++i) {
        for (char c : std::string("1111")) h.shell.key(ShellKey::Digit, c, h.ticks);
        h.shell.key(ShellKey::Enter, 0, h.ticks);
        h.frame();
    }
    CHECK(h.shell.pinOpen());
    CHECK_FALSE(h.shell.consoleOpen());
    // Locked: even the right PIN does nothing now.
    for (char c : std::string("2468")) h.shell.key(ShellKey::Digit, c, h.ticks);
    h.shell.key(ShellKey::Enter, 0, h.ticks);
    h.frame();
    CHECK_FALSE(h.shell.consoleOpen());
    // A minute later the on-screen keypad works.
    h.frame(61000);
    for (const char* k : {"pin_2", "pin_4", "pin_6", "pin_8", "pin_OK"}) REQUIRE(h.click(k));
    INFO(h.state());
    CHECK(h.shell.consoleOpen());
    CHECK_FALSE(h.shell.pinOpen());
    h.settle();
    CHECK(h.has("\"screen\":\"console\""));
    // Back to the gate without quitting.
    REQUIRE(h.click("console_back"));
    CHECK_FALSE(h.shell.consoleOpen());
}

TEST_CASE("Alt+F4 and window close need the PIN", "[ui][pin]") {
    Harness h("checkin");
    h.shell.key(ShellKey::AltF4, 0, h.ticks);
    h.frame();
    CHECK_FALSE(h.shell.wantsQuit());
    CHECK(h.shell.pinOpen());
    for (char c : std::string("2468")) h.shell.key(ShellKey::Digit, c, h.ticks);
    h.shell.key(ShellKey::Enter, 0, h.ticks);
    h.frame();
    CHECK(h.shell.wantsQuit());
}

TEST_CASE("organizer role starts locked and opens with the PIN", "[ui][console]") {
    Harness h("organizer");
    h.settle();
    CHECK_FALSE(h.has("\"organizer_unlocked\":true"));
    REQUIRE(h.click("unlock"));
    for (const char* k : {"pin_2", "pin_4", "pin_6", "pin_8", "pin_OK"}) REQUIRE(h.click(k));
    h.settle();
    CHECK(h.has("\"organizer_unlocked\":true"));
    CHECK(h.has("\"screen\":\"console\""));
}

namespace {
void unlockOrganizer(Harness& h) {
    h.shell.key(ShellKey::Escape, 0, h.ticks);
    for (char c : std::string("2468")) h.shell.key(ShellKey::Digit, c, h.ticks);
    h.shell.key(ShellKey::Enter, 0, h.ticks);
    h.settle();
}
} // namespace

TEST_CASE("console: every tab draws", "[ui][console]") {
    Harness h("organizer", 200, 200);
    unlockOrganizer(h);
    for (const char* tab : {"dashboard", "manual", "walkin", "badges", "program", "devices", "setup"}) {
        REQUIRE(h.click(std::string("tab_") + tab));
        h.settle();
        CHECK(h.has(std::string("\"tab\":\"") + tab + "\""));
    }
}

TEST_CASE("console: manual check-in by a few letters without diacritics, and force needs a reason", "[ui][console]") {
    Harness h("organizer");
    unlockOrganizer(h);
    REQUIRE(h.click("tab_manual"));
    REQUIRE(h.click("search"));
    h.type("tran van");
    CHECK(h.has("\"query\":\"tran van\""));
    CHECK_FALSE(h.has("\"hits\":0"));
    REQUIRE(h.click("admit"));
    CHECK(h.has("\"last_checkin_committed\":true"));
    CHECK(h.has("\"last_checkin_reason\":\"ok\""));
    CHECK(h.backend.firstEntry.size() == 1);

    // Force: the admit button is disabled until a reason is typed.
    REQUIRE(h.click("force"));
    const int before = h.backend.scans;
    REQUIRE(h.click("admit"));
    CHECK(h.backend.scans == before);
    REQUIRE(h.click("force_reason"));
    h.type("Lanh dao So dong y");
    REQUIRE(h.click("admit"));
    CHECK(h.backend.scans == before + 1);
}

TEST_CASE("console: walk-in registers, prints and checks in", "[ui][console]") {
    Harness h("organizer");
    unlockOrganizer(h);
    REQUIRE(h.click("tab_walkin"));
    REQUIRE(h.click("walkin_name"));
    h.type("Đỗ Thị Hạnh");
    REQUIRE(h.click("walkin_register"));
    CHECK(h.backend.delegates.back().name == "Đỗ Thị Hạnh");
    CHECK(h.backend.firstEntry.count(h.backend.delegates.back().code) == 1);
    CHECK(h.has("\"last_action_ok\":true"));
}

TEST_CASE("console: revoke and reissue a badge", "[ui][console]") {
    Harness h("organizer");
    unlockOrganizer(h);
    REQUIRE(h.click("tab_badges"));
    REQUIRE(h.click("search"));
    h.type("D00005");
    REQUIRE(h.click("badge_revoke"));
    CHECK(h.backend.delegates[4].revoked);
    REQUIRE(h.click("badge_reissue"));
    CHECK(h.backend.delegates[4].badgeSerial == 2);
}

TEST_CASE("console: setup switches list, mode and role", "[ui][console]") {
    Harness h("checkin");
    unlockOrganizer(h);
    REQUIRE(h.shell.consoleOpen());
    REQUIRE(h.click("tab_setup"));
    REQUIRE(h.click("list_hoi"));
    REQUIRE(h.click("mode_exit"));
    CHECK(h.shell.settings().listId == "hoi");
    CHECK(h.shell.settings().direction == kiosk::core::Direction::Exit);
    REQUIRE(h.click("role_stage"));
    CHECK(h.shell.role() == "stage");
    CHECK_FALSE(h.shell.consoleOpen());
}

TEST_CASE("the GUI's strings exist in Vietnamese and English with the same keys", "[ui][i18n]") {
    const auto vi = kiosk::core::StringTable::load("vi");
    const auto en = kiosk::core::StringTable::load("en");
    for (const auto& k : vi.keys())
        if (k.rfind("gui.", 0) == 0) CHECK(en.has(k));
    for (const auto& k : en.keys())
        if (k.rfind("gui.", 0) == 0) CHECK(vi.has(k));
    CHECK(vi.get("gui.gate.prompt").find("đại biểu") != std::string::npos);
}

TEST_CASE(
    "every string, every text of the packs and every text drawn inline has its glyph in the atlas",
    "[ui][i18n]") {
    // A character outside the atlas draws as "?" on screen (U+2212 MINUS SIGN once did; ✓ and ★
    // were in the ranges but not in Noto Sans): each must be a glyph of the faces the views use.
    const auto& fonts = kiosk::test::nullFonts();
    auto drawable = [&](char32_t c) {
        if (c == '\n' || c == '\r' || c == '\t') return true;
        for (ImFont* f : {fonts.body, fonts.bold, fonts.title})
            if (!f->FindGlyphNoFallback(static_cast<ImWchar>(c)) || c > 0xFFFF) return false;
        return true;
    };
    auto undrawable = [&](const std::string& text) {
        std::string out;
        for (const std::string& ch : kiosk::core::utf8Chars(text)) {
            char32_t c = static_cast<unsigned char>(ch[0]);
            if (ch.size() > 1) {
                c &= 0x3Fu >> (ch.size() - 1);
                for (std::size_t i = 1; i < ch.size(); ++i) c = (c << 6) | (static_cast<unsigned char>(ch[i]) & 0x3F);
            }
            if (!drawable(c)) out += ch;
        }
        return out;
    };
    for (const char* lang : {"vi", "en"}) {
        const auto table = kiosk::core::StringTable::load(lang);
        for (const auto& k : table.keys()) {
            INFO(lang << " " << k);
            CHECK(undrawable(table.get(k)).empty());
        }
    }
    auto fileText = [](const std::filesystem::path& p) {
        std::ifstream f(p);
        std::stringstream text;
        text << f.rdbuf();
        return text.str();
    };
    for (const auto& e :
         std::filesystem::recursive_directory_iterator(std::string(KIOSK_SOURCE_DIR) + "/data")) {
        if (!e.is_regular_file()) continue;
        INFO(e.path().string());
        CHECK(undrawable(fileText(e.path())).empty());
    }
    // Marks and separators written into the views' code ("✓ ", " ★", " · ").
    const std::regex literal(R"re("((?:[^"\\\n]|\\.)*)")re");
    int inlineTexts = 0;
    for (const auto& e :
         std::filesystem::directory_iterator(std::string(KIOSK_SOURCE_DIR) + "/kiosk/ui")) {
        const std::string code = fileText(e.path());
        for (auto it = std::sregex_iterator(code.begin(), code.end(), literal);
             it != std::sregex_iterator(); ++it) {
            const std::string text = (*it)[1].str();
            if (std::all_of(text.begin(), text.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
                continue;
            ++inlineTexts;
            INFO(e.path().filename().string() << ": \"" << text << "\"");
            CHECK(undrawable(text).empty());
        }
    }
    CHECK(inlineTexts > 3);
}

TEST_CASE("console: locks itself after 5 minutes without input, and input keeps it open", "[ui][pin]") {
    Harness h("checkin");
    h.shell.key(ShellKey::Escape, 0, h.ticks);
    h.frame();
    for (char c : std::string("2468")) h.shell.key(ShellKey::Digit, c, h.ticks);
    h.shell.key(ShellKey::Enter, 0, h.ticks);
    h.frame();
    REQUIRE(h.shell.consoleOpen());
    const kiosk::ui::FrameResult r = h.frame(1000);
    CHECK(r.wakeAt > h.now); // the loop wakes to relock even when nothing else happens
    CHECK(r.wakeAt <= h.now + kiosk::ui::Shell::kRelockMs);
    h.frame(4 * 60 * 1000);
    CHECK(h.shell.consoleOpen());
    h.type("x"); // the organizer is still at it: the clock starts again
    h.frame();
    h.frame(4 * 60 * 1000);
    CHECK(h.shell.consoleOpen());
    h.frame(61 * 1000);
    CHECK_FALSE(h.shell.consoleOpen());
    CHECK_FALSE(h.shell.pinOpen());
    // Back in, the PIN is asked again.
    h.shell.key(ShellKey::Escape, 0, h.ticks);
    h.frame();
    CHECK(h.shell.pinOpen());
}
