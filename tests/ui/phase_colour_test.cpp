// One phase, one colour: the stage's speaker countdown and the MC's timer are painted with the same
// colour for the same phase (read back from what ImGui was asked to draw).
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "kiosk/ui/widgets.hpp"

using kiosk::test::Harness;
using kiosk::test::ScratchEvent;

namespace {

bool drawsColour(ImU32 colour) {
    const ImDrawData* d = ImGui::GetDrawData();
    for (int i = 0; d && i < d->CmdListsCount; ++i)
        for (const ImDrawVert& v : d->CmdLists[i]->VtxBuffer)
            if (v.col == colour) return true;
    return false;
}

// The first item of the seed's program is 3 minutes, amber in its last 30 s, red in its last 10 s.
constexpr kiosk::core::Millis kIntoDanger = 2 * 60'000 + 55'000;

} // namespace

TEST_CASE("phase colours: the stage countdown and the MC timer agree in every phase",
          "[ui][ceremony][colour]") {
    ScratchEvent scratch;
    using kiosk::core::Phase;
    {
        Harness mc("mc");
        mc.settle();
        REQUIRE(mc.click("mc_next"));
        REQUIRE(mc.click("mc_countdown"));
        mc.frame();
        CHECK(drawsColour(kiosk::ui::phaseColour(Phase::Normal)));
        mc.frame(kIntoDanger);
        mc.frame();
        REQUIRE(mc.has("\"phase\":\"danger\""));
        CHECK(drawsColour(kiosk::ui::phaseColour(Phase::Danger)));
    }
    Harness stage("stage");
    stage.settle();
    REQUIRE(stage.has("\"countdown\":true"));
    CHECK(drawsColour(kiosk::ui::phaseColour(Phase::Normal)));
    CHECK_FALSE(drawsColour(kiosk::ui::phaseColour(Phase::Danger)));
    stage.frame(kIntoDanger);
    stage.frame();
    INFO(stage.state());
    CHECK(drawsColour(kiosk::ui::phaseColour(Phase::Danger)));
    CHECK_FALSE(drawsColour(kiosk::ui::phaseColour(Phase::Warning)));
}
