// Every screen at projector and laptop sizes, drawn at the scale the GUI gives that size (fonts
// baked for it): no button or field runs past the right edge (a clipped "Thoát chương trình", a
// "Bảng điểm" cut in half) and no text is wider than the window or table cell that clips it.
#include <catch2/catch.hpp>

#include <imgui_internal.h>

#include "harness.hpp"
#include "kiosk/services/program_runner.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/store/db.hpp"
#include "kiosk/ui/shell.hpp"

using kiosk::test::Harness;
using kiosk::test::ScratchEvent;
using kiosk::ui::ShellKey;

namespace {

struct Size {
    float w, h;
};
constexpr Size kSizes[] = {{1024, 768}, {1280, 720}, {1280, 800}, {1920, 1080}};

// What ImGui clipped in the last frame: a window's items reaching past the rect it clips to (the
// window has no horizontal scrollbar to reach them), a table cell's content past the cell's
// clip rect, a window past the screen's edge.
std::vector<std::string> clipped(const Size& size) {
    std::vector<std::string> out;
    ImGuiContext& g = *GImGui;
    for (ImGuiWindow* w : g.Windows) {
        if (w->LastFrameActive != g.FrameCount) continue; // drawn in the last frame
        const std::string name = w->Name;
        if (name.rfind("Debug##", 0) == 0) continue;
        if (w->Pos.x < -0.5f || w->Pos.x + w->Size.x > size.w + 0.5f)
            out.push_back(name + ": the window runs past the screen's edge");
        // A multi-line text field scrolls sideways with its caret, like any editor (ImGui 1.86 does
        // not wrap it); the program tab shows the script wrapped under it.
        const bool editor = name.find("/##prog_script_") != std::string::npos;
        const bool scrolls =
            editor || (w->Flags & ImGuiWindowFlags_HorizontalScrollbar) != 0 || w->ScrollbarX;
        if (!scrolls && w->DC.CursorMaxPos.x > w->InnerClipRect.Max.x + 1.0f)
            out.push_back(name + ": items reach x=" + std::to_string(w->DC.CursorMaxPos.x) +
                          " past its clip edge " + std::to_string(w->InnerClipRect.Max.x));
    }
    for (int i = 0; i < g.Tables.GetMapSize(); ++i) {
        ImGuiTable* t = g.Tables.TryGetMapData(i);
        if (!t || t->LastFrameActive != g.FrameCount) continue;
        for (int c = 0; c < t->ColumnsCount; ++c) {
            const ImGuiTableColumn& col = t->Columns[c];
            if (!col.IsEnabled) continue;
            const float reach = std::max(
                {col.ContentMaxXUnfrozen, col.ContentMaxXFrozen, col.ContentMaxXHeadersUsed});
            if (reach > col.ClipRect.Max.x + 1.0f)
                out.push_back(std::string(t->OuterWindow ? t->OuterWindow->Name : "?") +
                              ": table column " + std::to_string(c) +
                              " content reaches x=" + std::to_string(reach) +
                              " past its cell's edge " + std::to_string(col.ClipRect.Max.x));
        }
    }
    return out;
}

// Hotspots are the clickable widgets recorded while drawing: each must be within the screen's
// width (lists scroll, so a row may lie below the bottom edge).
void checkInside(Harness& h, const Size& size, const std::string& what) {
    h.settle();
    for (const auto& [name, spot] : h.shell.hotspots()) {
        INFO(what << ": " << name << " at " << spot.x << "+" << spot.w << " on a " << size.w << "x"
                  << size.h << " screen");
        CHECK(spot.x >= 0);
        CHECK(spot.x + spot.w <= size.w + 0.5f);
    }
    for (const std::string& c : clipped(size)) {
        INFO(what << " at " << size.w << "x" << size.h << " (scale " << kiosk::test::testScale()
                  << ")");
        FAIL_CHECK(c);
    }
}

// The screen's size and the scale the GUI would draw it at.
struct DisplaySize : kiosk::test::ScreenSize {
    explicit DisplaySize(const Size& s) : ScreenSize(s.w, s.h) {}
};

} // namespace

TEST_CASE("layout: the console's tabs keep every button and text on screen at every size",
          "[ui][layout]") {
    ScratchEvent scratch;
    for (const Size& size : kSizes) {
        DisplaySize display(size);
        Harness h("organizer");
        h.unlock();
        for (const char* tab :
             {"dashboard", "manual", "walkin", "badges", "program", "devices", "setup"}) {
            REQUIRE(h.click(std::string("tab_") + tab));
            checkInside(h, size, std::string("console ") + tab);
        }
    }
}

TEST_CASE(
    "layout: the gate, MC, stage, quiz and judge screens keep everything on screen at every size",
    "[ui][layout]") {
    ScratchEvent scratch;
    auto db = kiosk::store::Database::open("var/event.db", false);
    {
        // The ceremony on its first item with a message for the hall: the MC's and the stage's
        // busiest screens.
        kiosk::services::ProgramRunner mc(*db, "mc");
        REQUIRE(mc.act(kiosk::core::ActionType::Start, 1692320400000));
        mc.message("Đề nghị các đại biểu ổn định chỗ ngồi, tắt chuông điện thoại", 1692320400000);
    }
    for (const Size& size : kSizes) {
        DisplaySize display(size);
        for (const char* role : {"checkin", "mc", "stage"}) {
            Harness h(role);
            checkInside(h, size, role);
        }
        Harness gate("checkin");
        gate.wedge("D00003");
        checkInside(gate, size, "gate welcome card");
    }
    // The quiz host on the long question (c27), as the trial saw it; the stage shows it too.
    kiosk::services::QuizHost host(*db, "tim-hieu", "test");
    REQUIRE(host.show("c27", 1692320400000).ok);
    for (const Size& size : kSizes) {
        DisplaySize display(size);
        for (const char* role : {"quiz", "stage", "judge"}) {
            Harness h(role);
            checkInside(h, size, role);
        }
        Harness judge("judge");
        REQUIRE(judge.click("judge_pick_gk2"));
        judge.type("2302");
        REQUIRE(judge.click("judge_sign_in"));
        REQUIRE(judge.has("\"judge\":\"gk2\""));
        checkInside(judge, size, "judge sheet");
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
