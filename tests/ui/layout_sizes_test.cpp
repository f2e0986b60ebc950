// Every screen at projector and laptop sizes: no button or field runs past the right edge (a
// clipped "Thoát chương trình", a "Bảng điểm" cut in half), whatever the role.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "kiosk/ui/shell.hpp"

using kiosk::test::Harness;
using kiosk::test::ScratchEvent;
using kiosk::ui::ShellKey;

namespace {

struct Size {
    float w, h;
};
constexpr Size kSizes[] = {{1024, 768}, {1280, 720}, {1280, 800}, {1920, 1080}};

// Hotspots are the clickable widgets recorded while drawing: each must be within the screen's
// width.
void checkInside(Harness& h, const Size& size) {
    h.settle();
    REQUIRE_FALSE(h.shell.hotspots().empty());
    for (const auto& [name, spot] : h.shell.hotspots()) {
        INFO(name << " at " << spot.x << "+" << spot.w << " on a " << size.w << "x" << size.h
                  << " screen");
        CHECK(spot.x >= 0);
        CHECK(spot.x + spot.w <= size.w + 0.5f);
    }
}

struct DisplaySize {
    explicit DisplaySize(const Size& s) {
        kiosk::test::nullFonts(); // the ImGui context, when this test runs alone in its process
        ImGui::GetIO().DisplaySize = ImVec2(s.w, s.h);
    }
    ~DisplaySize() { ImGui::GetIO().DisplaySize = ImVec2(1280, 720); }
};

} // namespace

TEST_CASE("layout: the console's tabs keep every button on screen at every size", "[ui][layout]") {
    ScratchEvent scratch;
    for (const Size& size : kSizes) {
        DisplaySize display(size);
        Harness h("organizer");
        h.unlock();
        for (const char* tab :
             {"dashboard", "manual", "walkin", "badges", "program", "devices", "setup"}) {
            REQUIRE(h.click(std::string("tab_") + tab));
            checkInside(h, size);
        }
    }
}

TEST_CASE("layout: the MC, stage, quiz and judge screens keep every button on screen at every size",
          "[ui][layout]") {
    ScratchEvent scratch;
    for (const Size& size : kSizes) {
        DisplaySize display(size);
        for (const char* role :
             {"mc", "quiz", "judge"}) { // the gate and the stage have nothing to click
            Harness h(role);
            checkInside(h, size);
        }
    }
}

TEST_CASE("layout: the gate's welcome card grows with the screen to be read from two metres",
          "[ui][layout][gate]") {
    for (const Size& size : kSizes) {
        DisplaySize display(size);
        Harness h("checkin");
        h.wedge("D00003");
        const std::string st = h.state();
        INFO(size.w << "x" << size.h << " " << st);
        const auto at = st.find("\"card_fill_percent\":");
        REQUIRE(at != std::string::npos);
        const int fill = std::stoi(st.substr(at + 20));
        CHECK(fill >= 40); // a third of the screen before
        CHECK(fill <= 85);
    }
}
