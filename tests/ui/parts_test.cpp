// The shell's pure parts: replay parsing, the PIN lockout, tones, PNG.
#include <catch2/catch.hpp>

#include <filesystem>

#include "kiosk/platform/audio.hpp"
#include "kiosk/platform/png.hpp"
#include "kiosk/ui/app.hpp"
#include "kiosk/ui/pin_lock.hpp"
#include "kiosk/ui/replay.hpp"

using namespace kiosk;

TEST_CASE("replay scripts parse, with comments, and bad lines are refused with their number", "[ui][replay]") {
    std::string error;
    auto steps = ui::parseReplay("# demo\nat 0 shot idle\nat 100 scan ANTQ23-D1#X  # a code with '#'\n\nat 200 click 10 20\nat 300 quit\n", error);
    REQUIRE(steps);
    REQUIRE(steps->size() == 4);
    CHECK((*steps)[1].verb == "scan");
    CHECK((*steps)[1].arg == "ANTQ23-D1#X");
    float x = 0, y = 0;
    CHECK(ui::clickCoordinates((*steps)[2].arg, x, y));
    CHECK(x == 10);
    CHECK_FALSE(ui::clickCoordinates("admit", x, y));
    CHECK_FALSE(ui::parseReplay("at 0 dance\n", error));
    CHECK(error.find("line 1") != std::string::npos);
    CHECK_FALSE(ui::parseReplay("at 100 shot a\nat 50 shot b\n", error));
    CHECK(error.find("line 2") != std::string::npos);
    CHECK_FALSE(ui::parseReplay("at 0 scan\n", error));
}

TEST_CASE("replay steps without times run in order, wait and mark are checked when read", "[ui][replay]") {
    std::string error;
    auto steps = ui::parseReplay("scan ANTQ23-D1\nwait card welcome\nwait peer Cổng 2 seen_d1\nmark ready\nquit\n", error);
    REQUIRE(steps);
    REQUIRE(steps->size() == 5);
    CHECK((*steps)[0].at == 0);
    CHECK((*steps)[1].verb == "wait");
    // A step without a time after a timed one keeps the timeline in order (found by fuzz_replay).
    const auto mixed = ui::parseReplay("at 500 shot a\nshot b\n", error);
    REQUIRE(mixed);
    CHECK((*mixed)[1].at == 500);
    CHECK_FALSE(ui::parseReplay("wait card\n", error));
    CHECK(error.find("line 1") != std::string::npos);
    CHECK_FALSE(ui::parseReplay("wait peer Cổng\n", error));
    CHECK_FALSE(ui::parseReplay("mark\n", error));

    auto peer = ui::parseWait("peer Cổng 2 seen_d1");
    REQUIRE(peer);
    CHECK(peer->peer == "Cổng 2");
    CHECK(peer->value == "seen_d1");
    CHECK(ui::infoHasMark(ui::markedInfo("le", "seen_d1"), "seen_d1"));
    CHECK_FALSE(ui::infoHasMark(ui::markedInfo("le", "seen_d10"), "seen_d1"));
    CHECK_FALSE(ui::infoHasMark("le", "seen_d1"));
}

TEST_CASE("a wait condition matches a whole key and a whole value of the state, at any depth", "[ui][replay]") {
    const std::string state = R"({"role":"checkin","view":{"screen":"card","card":"welcome","scans":12},)"
                              R"("present":{"le":3,"hoi":30},"pin_open":false,"title":"Chào cờ"})";
    auto holds = [&](const char* arg) { return ui::stateMatches(state, *ui::parseWait(arg)); };
    CHECK(holds("card welcome"));
    CHECK(holds("le 3"));
    CHECK(holds("hoi 30"));
    CHECK(holds("pin_open false"));
    CHECK(holds("title Chào cờ"));
    CHECK_FALSE(holds("title \"\""));
    CHECK(ui::stateMatches(R"({"title":""})", *ui::parseWait("title \"\"")));
    CHECK_FALSE(holds("le 30"));   // the value is whole
    CHECK_FALSE(holds("hoi 3"));
    CHECK_FALSE(holds("oi 30"));   // the key is whole
    CHECK_FALSE(holds("card refused"));
    CHECK_FALSE(holds("scans 1"));
}

TEST_CASE("PIN lockout: the fifth wrong PIN locks for 60 s", "[ui][pin]") {
    ui::PinLockout l;
    for (int i = 0; i < 4; ++i) l.wrong(1000);
    CHECK_FALSE(l.locked(1000));
    l.wrong(1000);
    CHECK(l.locked(1000));
    CHECK(l.locked(60999));
    CHECK_FALSE(l.locked(61000));
}

TEST_CASE("tones: three distinct cues, bounded and click-free at the ends", "[ui][audio]") {
    const auto a = platform::synthesize(platform::Cue::Accept, 48000);
    const auto w = platform::synthesize(platform::Cue::Warn, 48000);
    const auto r = platform::synthesize(platform::Cue::Refuse, 48000);
    CHECK(a.size() != w.size());
    CHECK(r.size() == 48000 * 450 / 1000);
    for (const auto* s : {&a, &w, &r}) {
        for (float v : *s) REQUIRE(std::abs(v) <= 1.0f);
        CHECK(std::abs(s->front()) < 0.01f);
        CHECK(std::abs(s->back()) < 0.01f);
    }
}

TEST_CASE("screenshots: PNG written, a blank image is told apart", "[ui][png]") {
    platform::RgbaImage img{4, 2, std::vector<std::uint8_t>(4 * 2 * 4, 0)};
    CHECK(platform::isUniform(img));
    img.pixels[5 * 4] = 255;
    CHECK_FALSE(platform::isUniform(img));
    const auto path = std::filesystem::temp_directory_path() / "kiosk_ui_test.png";
    std::string error;
    REQUIRE(platform::writePng(path.string(), img, error));
    CHECK(std::filesystem::file_size(path) > 20);
    std::filesystem::remove(path);
    platform::RgbaImage bad{3, 3, {}};
    CHECK_FALSE(platform::writePng(path.string(), bad, error));
}

TEST_CASE("window size and UI scale", "[ui]") {
    int w = 0, h = 0;
    CHECK(ui::parseSize("1280x720", w, h));
    CHECK(w == 1280);
    CHECK_FALSE(ui::parseSize("1280", w, h));
    CHECK_FALSE(ui::parseSize("10x10", w, h));
    CHECK(ui::uiScale(1920, 1080, 1.0f) > ui::uiScale(1280, 720, 1.0f));
    CHECK(ui::uiScale(1080, 1920, 1.0f) < ui::uiScale(1920, 1080, 1.0f)); // portrait: narrower text
}

TEST_CASE("fontconfig finds a font with Vietnamese glyphs", "[ui][fonts]") {
    const std::string file = platform::findFontFile("Noto Sans");
    const std::string fallback = platform::findFontFile("DejaVu Sans");
    CHECK((!file.empty() || !fallback.empty()));
    // fontconfig substitutes for anything; only the two wanted families are ever accepted.
    const std::string other = platform::findFontFile("No Such Family Anywhere");
    CHECK((other.empty() || other.find("Noto") != std::string::npos || other.find("DejaVu") != std::string::npos));
}
