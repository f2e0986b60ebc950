// The MC and stage screens, headless, on a real event database made from the seed's pack.
#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

#include "harness.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/program_runner.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"

using kiosk::test::Harness;
namespace fs = std::filesystem;

namespace {

// The views open var/event.db (the backend's path) relative to the working folder: run in a
// scratch folder holding the pack's database for the harness's day (2023-08-18).
struct ScratchEvent {
    fs::path old = fs::current_path();
    fs::path dir = fs::temp_directory_path() / ("kiosk-ceremony-ui-" + std::to_string(::getpid()));
    ScratchEvent() {
        fs::remove_all(dir);
        fs::create_directories(dir / "var");
        kiosk::services::InitOptions o;
        o.packDir = std::string(KIOSK_SOURCE_DIR) + "/data/ngay-hoi-antq-2023";
        o.dbPath = (dir / "var/event.db").string();
        o.date = "2023-08-18";
        REQUIRE(kiosk::services::initEvent(o).ok);
        fs::current_path(dir);
    }
    ~ScratchEvent() {
        fs::current_path(old);
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

void pressKey(Harness& h, ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    const int index = 400 + key; // the null setup has no key map: give the key a slot of its own
    io.KeyMap[key] = index;
    io.KeysDown[index] = true;
    h.frame();
    io.KeysDown[index] = false;
    h.frame();
}

} // namespace

TEST_CASE("mc: start, timer phases, introduction with a late arrival, presenter keys, blackout", "[ui][ceremony]") {
    ScratchEvent scratch;
    Harness h("mc");
    h.settle();
    CHECK(h.has("\"screen\":\"mc\""));
    CHECK(h.has("\"show\":\"not_started\""));
    CHECK(h.has("\"error\":\"\""));

    REQUIRE(h.click("mc_next"));
    CHECK(h.has("\"show\":\"running\""));
    h.frame(2 * 60'000 + 50'000); // 2:50 into a 3-minute item
    h.frame();
    CHECK(h.has("\"phase\":\"danger\""));
    h.frame(60'000);
    CHECK(h.has("\"phase\":\"overtime\""));

    // The clicker moves to the introduction; a delegate arrives while it runs.
    pressKey(h, ImGuiKey_PageDown);
    CHECK(h.has("\"item_kind\":\"intro\""));
    CHECK(h.has("\"intro\":0"));
    {
        auto db = kiosk::store::Database::open("var/event.db");
        kiosk::store::CheckinRecord r;
        r.uuid = "late-arrival";
        r.delegateId = kiosk::store::findDelegateByCode(*db, "D0002")->id;
        r.listId = "le";
        r.direction = "entry";
        r.at = h.now + 1000;
        r.kiosk = "Cổng 1";
        kiosk::store::insertCheckin(*db, r);
    }
    h.frame(1000);
    h.frame();
    CHECK(h.has("\"intro\":1"));
    CHECK(h.has("\"intro_new\":1"));
    REQUIRE(h.click("mc_intro_seen"));
    CHECK(h.has("\"intro_new\":0"));

    pressKey(h, ImGuiKey_PageUp);
    CHECK(h.has("\"current\":0"));
    REQUIRE(h.click("mc_undo"));
    CHECK(h.has("\"current\":1"));

    REQUIRE(h.click("mc_blackout"));
    REQUIRE(h.click("mc_countdown"));
    REQUIRE(h.click("mc_msg_1min"));
    auto db = kiosk::store::Database::open("var/event.db");
    const auto stage = kiosk::store::loadStageState(*db);
    CHECK(stage.blackout);
    CHECK(stage.countdown);
    CHECK(stage.message == "Còn 1 phút");
    CHECK(kiosk::store::loadShowActions(*db).size() == 4); // start, next, previous, undo

    // The stage draws the same database: black while blacked out, then the item with the message.
    Harness stageScreen("stage");
    stageScreen.settle();
    CHECK(stageScreen.has("\"blackout\":true"));
    kiosk::store::setBlackout(*db, false, h.now);
    stageScreen.frame(1000);
    stageScreen.frame();
    CHECK(stageScreen.has("\"blackout\":false"));
    CHECK(stageScreen.has("\"title\":\"Tuyên bố lý do, giới thiệu đại biểu\""));
    CHECK(stageScreen.has("\"message\":\"Còn 1 phút\""));
}

TEST_CASE("mc: the awards item lists the awards and ticks them off", "[ui][ceremony]") {
    ScratchEvent scratch;
    {
        auto db = kiosk::store::Database::open("var/event.db");
        kiosk::services::ProgramRunner r(*db, "test");
        const kiosk::core::Millis t = 1692320400000;
        r.act(kiosk::core::ActionType::Start, t, "");
        // Straight to the awards item: skip what comes before it.
        for (const char* id : {"ly-do", "dien-van", "so-ket", "thao-luan"}) r.act(kiosk::core::ActionType::Skip, t, id);
        r.act(kiosk::core::ActionType::Next, t);
    }
    Harness h("mc");
    h.settle();
    CHECK(h.has("\"item_kind\":\"awards\""));
    REQUIRE(h.click("mc_award_tt-01"));
    auto db = kiosk::store::Database::open("var/event.db");
    CHECK(kiosk::store::loadAwards(*db)[0].handedAt.has_value());
    REQUIRE(h.click("mc_award_tt-01"));
    CHECK_FALSE(kiosk::store::loadAwards(*db)[0].handedAt.has_value());
}
