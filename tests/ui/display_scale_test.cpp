// The pack's [display] text_scale (issue 12, item 12) on the screens read from afar: the gate's
// card and the stage draw larger with it than without, at the same window size, and still fit.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "kiosk/services/program_runner.hpp"
#include "kiosk/store/db.hpp"

using kiosk::test::Harness;
using kiosk::test::ScratchEvent;
using kiosk::test::ScreenSize;

namespace {

int field(const std::string& state, const std::string& name) {
    const auto at = state.find("\"" + name + "\":");
    if (at == std::string::npos) return -1;
    return std::stoi(state.substr(at + name.size() + 3));
}

// The welcome card for D00003 at the pack's scale: (the name's pixel size, % of the height used).
std::pair<int, int> gateCard(float packScale) {
    Harness h("checkin");
    h.backend.setTextScale(packScale);
    h.wedge("D00003");
    const std::string st = h.state();
    INFO(st);
    REQUIRE(h.has("\"card\":\"welcome\""));
    return {field(st, "name_px"), field(st, "card_fill_percent")};
}

} // namespace

TEST_CASE("display scale: the gate's name is drawn larger with the pack's text_scale",
          "[ui][display][gate]") {
    {
        // A big screen has room for it: the name grows by the pack's scale.
        ScreenSize screen(1920, 1080);
        const auto plain = gateCard(1.0f);
        const auto scaled = gateCard(1.3f);
        INFO("1920x1080: " << plain.first << " px, " << plain.second << "% without; "
                           << scaled.first << " px, " << scaled.second << "% with 1.3");
        CHECK(scaled.first > plain.first);
        CHECK(scaled.second <= 85); // still fits, with the list line under it
    }
    for (const auto [w, h] : {std::pair{1280.f, 720.f}, std::pair{1920.f, 1080.f}}) {
        // Where the card already fills the screen, fitting wins; a smaller scale always shrinks it.
        ScreenSize screen(w, h);
        const auto plain = gateCard(1.0f);
        const auto scaled = gateCard(1.3f);
        const auto smaller = gateCard(0.7f);
        INFO(w << "x" << h << ": " << plain.first << " px without, " << scaled.first
               << " px with 1.3, " << smaller.first << " px with 0.7");
        CHECK(scaled.first >= plain.first - 1);
        CHECK(scaled.second <= 85);
        CHECK(smaller.first < plain.first);
    }
}

TEST_CASE("display scale: at 1024x768 the largest text_scale still fits the gate's card",
          "[ui][display][gate][layout]") {
    ScreenSize screen(1024, 768);
    const auto plain = gateCard(1.0f);
    const auto largest = gateCard(2.0f);
    INFO(plain.first << " px " << plain.second << "%; at 2.0: " << largest.first << " px "
                     << largest.second << "%");
    CHECK(largest.first >= plain.first);
    CHECK(largest.second <= 85);
}

TEST_CASE("display scale: the stage's item title is drawn larger with the pack's text_scale",
          "[ui][display][stage]") {
    ScratchEvent scratch;
    auto db = kiosk::store::Database::open("var/event.db", false);
    {
        kiosk::services::ProgramRunner mc(*db, "mc");
        REQUIRE(mc.act(kiosk::core::ActionType::Start, 1692320400000));
    }
    auto titlePx = [&](double packScale) {
        db->prepare("UPDATE event SET text_scale = ?").bind(1, packScale).run();
        Harness stage("stage");
        stage.settle();
        const std::string st = stage.state();
        INFO(st);
        REQUIRE(stage.has("\"blackout\":false"));
        return field(st, "title_px");
    };
    for (const auto [w, h] : {std::pair{1024.f, 768.f}, std::pair{1920.f, 1080.f}}) {
        ScreenSize screen(w, h);
        const int plain = titlePx(1.0), scaled = titlePx(1.3);
        INFO(w << "x" << h << ": " << plain << " px without, " << scaled << " px with 1.3");
        CHECK(plain > 0);
        CHECK(scaled > plain);
    }
}
