// The festival's screens headless (ImGui null setup) over a real event database loaded from the
// default pack: the quiz host through a buzzer question, a judge through sign-in and a sheet,
// the stage through question, leaderboard and results.
#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "harness.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/services/festival_feed.hpp"
#include "kiosk/services/festival_pack.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/store/festival_repo.hpp"
#include "kiosk/store/schema.hpp"
#include "kiosk/ui/festival_views.hpp"

using namespace kiosk;

namespace {

/// One view drawn straight (no shell), over a database loaded with the default pack's festival.
struct FestivalScreen {
    std::string path;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<services::FestivalFeed> feed; ///< the views' services, on the test's connection
    test::MemoryBackend backend{5, 0};
    ui::Snapshot snap;
    ui::Settings settings;
    std::map<std::string, ui::Hotspot> hotspots;
    std::unique_ptr<ui::View> view;
    core::Millis now = 1692320400000;

    explicit FestivalScreen(std::unique_ptr<ui::View> (*make)(services::FestivalFeed*)) {
        path = (std::filesystem::temp_directory_path() / ("festival_ui_" + std::to_string(::getpid()) + ".db")).string();
        for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
        db = store::Database::open(path, true);
        store::migrate(*db);
        std::vector<std::string> problems;
        services::loadFestivalPack(*db, core::dataDir() + "/ngay-hoi-antq-2023", problems);
        REQUIRE(problems.empty());
        test::nullFonts(); // creates the ImGui context
        snap.dbPath = path;
        snap.event.name = "Ngày hội";
        feed = std::make_unique<services::FestivalFeed>(*db);
        view = make(feed.get());
    }
    ~FestivalScreen() {
        view.reset();
        feed.reset();
        db.reset();
        for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
    }

    void frame(core::Millis advance = 16) {
        now += advance;
        hotspots.clear(); // as the shell does: only what this frame drew can be clicked
        ImGui::GetIO().DeltaTime = float(std::max<core::Millis>(advance, 1)) / 1000.0f;
        ImGui::NewFrame();
        ui::ViewContext ctx(snap, backend, test::nullFonts(), settings, now, 1.0f);
        ctx.hotspots = &hotspots;
        ctx.typed = std::move(typed);
        typed.clear();
        view->draw(ctx);
        ImGui::Render();
    }
    bool click(const std::string& name) {
        frame();
        frame();
        auto it = hotspots.find(name);
        if (it == hotspots.end()) return false;
        test::clickHotspot(it->second, [this] { frame(); });
        return true;
    }
    /// Another process committed: the shell's poll bumps the snapshot's version.
    void externalChange() { ++snap.version; }
    /// Types text as the shell hands it over: as characters to ImGui and, stamped, to the view.
    void type(const std::string& text, core::Millis msBeforeFrame = 0) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        typed.push_back({text, now + 16 - msBeforeFrame});
        frame();
        frame();
    }
    std::vector<ui::Typed> typed;
    void key(ImGuiKey k) {
        ImGuiIO& io = ImGui::GetIO();
        // The null setup maps no keys; any free slot will do.
        if (io.KeyMap[k] < 0) io.KeyMap[k] = 400 + k;
        io.KeysDown[io.KeyMap[k]] = true;
        frame();
        io.KeysDown[io.KeyMap[k]] = false;
        frame();
    }
    std::string state() const {
        core::JsonWriter w;
        w.beginObject();
        view->dumpState(w);
        w.endObject();
        return w.str();
    }
    bool has(const std::string& s) const { return state().find(s) != std::string::npos; }
};

} // namespace

TEST_CASE("quiz screen: show a buzzer question, presses from the keyboard, mark, scores", "[ui][festival]") {
    FestivalScreen s(ui::makeQuizView);
    s.frame();
    CHECK(s.has("\"screen\":\"quiz\""));
    // The first question of the buzzer round, put on stage from another process (the CLI).
    services::QuizHost other(*s.db, "tim-hieu", "cli");
    REQUIRE(other.show("c23", s.now).ok);
    s.externalChange();
    s.frame();
    CHECK(s.has("\"question\":\"c23\""));
    CHECK(s.has("\"phase\":\"shown\""));
    s.type("1"); // team bvdk presses before the question opens: false start, -5
    CHECK(s.has("\"bvdk\":-5"));
    REQUIRE(s.click("quiz_start"));
    s.type("3");
    s.type("2");
    CHECK(s.has("\"turn\":\"cdc\""));
    CHECK(s.has("\"presses\":3"));
    REQUIRE(s.click("quiz_turn_wrong"));
    CHECK(s.has("\"turn\":\"bvsn\""));
    CHECK(s.has("\"cdc\":-10"));
    REQUIRE(s.click("quiz_turn_right"));
    CHECK(s.has("\"bvsn\":20"));
    REQUIRE(s.click("quiz_undo"));
    CHECK(s.has("\"bvsn\":0"));
    CHECK(s.has("\"turn\":\"bvsn\""));
    REQUIRE(s.click("quiz_reveal"));
    CHECK(s.has("\"phase\":\"revealed\""));
}

TEST_CASE("quiz screen: two presses in one frame keep their order and their own milliseconds", "[ui][festival]") {
    FestivalScreen s(ui::makeQuizView);
    s.frame();
    services::QuizHost other(*s.db, "tim-hieu", "cli");
    REQUIRE(other.show("c23", s.now).ok);
    s.externalChange();
    s.frame();
    REQUIRE(s.click("quiz_start"));
    // Both keys arrive between two frames, 7 ms apart: the frame's clock would give them one time.
    const core::Millis first = s.now + 3, second = s.now + 10;
    ImGui::GetIO().AddInputCharactersUTF8("32");
    s.typed = {{"3", first}, {"2", second}};
    s.frame(16);
    services::QuizHost check(*s.db, "tim-hieu", "check");
    const auto& presses = check.snapshot().presses;
    REQUIRE(presses.size() == 2);
    CHECK(presses[0].teamId == "cdc");
    CHECK(presses[0].at == first);
    CHECK(presses[1].teamId == "bvsn");
    CHECK(presses[1].at == second);
    CHECK(presses[1].sinceOpen - presses[0].sinceOpen == 7);
}

TEST_CASE("quiz screen: an everyone round marks each team once", "[ui][festival]") {
    FestivalScreen s(ui::makeQuizView);
    REQUIRE(s.click("quiz_show")); // the next question: c01
    CHECK(s.has("\"question\":\"c01\""));
    REQUIRE(s.click("quiz_right_cdc"));
    CHECK(s.has("\"cdc\":10"));
    CHECK_FALSE(s.click("quiz_right_cdc")); // marked: the buttons give way to the mark
}

TEST_CASE("judge screen: sign in, refused value, scores, submit, head judge reopens", "[ui][festival]") {
    FestivalScreen s(ui::makeJudgeView);
    REQUIRE(s.click("judge_pick_gk2"));
    s.type("0000");
    REQUIRE(s.click("judge_sign_in"));
    CHECK(s.has("\"judge\":\"\""));
    CHECK(s.has("\"ok\":false"));
    REQUIRE(s.click("judge_pick_gk2"));
    s.type("2302");
    REQUIRE(s.click("judge_sign_in"));
    CHECK(s.has("\"judge\":\"gk2\""));
    CHECK(s.has("\"performance\":\"tm01\""));
    REQUIRE(s.click("judge_score_noi-dung"));
    s.type("12");
    s.key(ImGuiKey_Enter);
    CHECK(s.has("\"ok\":false")); // above the maximum of 10
    s.key(ImGuiKey_Backspace);
    s.key(ImGuiKey_Backspace);
    REQUIRE(s.click("judge_score_noi-dung"));
    s.type("8,5");
    s.key(ImGuiKey_Enter);
    REQUIRE(s.click("judge_score_bieu-dien"));
    s.type("9");
    REQUIRE(s.click("judge_score_trang-phuc"));
    s.type("7,75");
    REQUIRE(s.click("judge_submit"));
    CHECK(s.has("\"ok\":true"));
    CHECK(s.has("\"submitted\":1"));
    auto sheet = store::loadSheet(*s.db, "van-nghe", "tm01", "gk2");
    REQUIRE(sheet);
    CHECK(sheet->scores.at("trang-phuc") == Approx(7.75));
    CHECK(sheet->state == core::SheetState::Submitted);
}

TEST_CASE("stage: question with buzzer order, leaderboard, results with prizes", "[ui][festival]") {
    FestivalScreen s(ui::makeStageFestivalView);
    s.frame();
    CHECK(s.has("\"festival_mode\":\"none\""));
    services::QuizHost host(*s.db, "tim-hieu", "test");
    host.show("c23", s.now);
    host.start(s.now + 100);
    host.buzz("cdc", s.now + 412);
    s.externalChange();
    s.frame();
    CHECK(s.has("\"festival_mode\":\"question\""));
    CHECK(s.has("\"festival_presses\":1"));
    host.clear(s.now + 2000);
    s.externalChange();
    s.frame();
    CHECK(s.has("\"festival_mode\":\"leaderboard\""));
    services::saveStageFestival(*s.db, {services::StageFestivalMode::Results, "van-nghe"});
    s.externalChange();
    s.frame();
    CHECK(s.has("\"festival_mode\":\"results\""));
    CHECK(s.has("\"festival_lines\":6"));
}

TEST_CASE("stage: a long choice (c27 A) wraps inside its box at every screen size",
          "[ui][festival][layout]") {
    for (const ImVec2 size :
         {ImVec2(1024, 768), ImVec2(1280, 720), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
        kiosk::test::nullFonts(); // the ImGui context, when this test runs alone in its process
        ImGui::GetIO().DisplaySize = size;
        FestivalScreen s(ui::makeStageFestivalView);
        services::QuizHost host(*s.db, "tim-hieu", "test");
        REQUIRE(host.show("c27", s.now).ok);
        REQUIRE(host.start(s.now + 100).ok);
        s.externalChange();
        s.frame();
        s.frame();
        INFO(size.x << "x" << size.y << " " << s.state());
        CHECK(s.has("\"festival_choice_overflow\":0"));
        std::vector<ui::Hotspot> boxes;
        for (const char* c :
             {"stage_choice_A", "stage_choice_B", "stage_choice_C", "stage_choice_D"}) {
            REQUIRE(s.hotspots.count(c));
            boxes.push_back(s.hotspots[c]);
        }
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            CHECK(boxes[i].y + boxes[i].h <= size.y);
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                const bool apart = boxes[i].x + boxes[i].w <= boxes[j].x ||
                                   boxes[j].x + boxes[j].w <= boxes[i].x ||
                                   boxes[i].y + boxes[i].h <= boxes[j].y ||
                                   boxes[j].y + boxes[j].h <= boxes[i].y;
                CHECK(apart);
            }
        }
    }
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
}
