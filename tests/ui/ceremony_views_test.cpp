// The MC and stage screens, headless, on a real event database made from the seed's pack.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "harness.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/program_runner.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"

using kiosk::test::Harness;
namespace fs = std::filesystem;

namespace {

using kiosk::test::ScratchEvent;

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
    // The MC pressed Start a minute late: the item's clock is put right, then back.
    const auto elapsedS = [&] {
        const std::string st = h.state();
        return std::stoi(st.substr(st.find("\"elapsed_s\":") + 12));
    };
    const int before = elapsedS();
    REQUIRE(h.click("mc_adjust_plus"));
    CHECK(elapsedS() - before >= 60);
    REQUIRE(h.click("mc_adjust_minus"));
    CHECK(elapsedS() - before < 60);
    REQUIRE(h.click("mc_undo"));
    REQUIRE(h.click("mc_undo"));
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

    // The organizers change the program from the console meanwhile: the MC is told, for a minute.
    CHECK(h.has("\"program_edited\":false"));
    {
        auto db = kiosk::store::Database::open("var/event.db");
        kiosk::services::ProgramRunner organizer(*db, "organizer");
        organizer.refresh();
        REQUIRE(organizer.moveItem("ket-thuc", -1, h.now));
    }
    h.frame(1000);
    h.frame();
    CHECK(h.has("\"program_edited\":true"));
    h.frame(61'000);
    CHECK(h.has("\"program_edited\":false"));

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
    CHECK(kiosk::store::loadShowActions(*db).size() == 8); // start, two clock corrections and their undos, next, previous, undo

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

namespace {

void openProgramTab(Harness& h) {
    h.shell.key(kiosk::ui::ShellKey::Escape, 0, h.ticks);
    for (char c : std::string("2468")) h.shell.key(kiosk::ui::ShellKey::Digit, c, h.ticks);
    h.shell.key(kiosk::ui::ShellKey::Enter, 0, h.ticks);
    h.settle();
    REQUIRE(h.click("tab_program"));
    h.settle();
}

// Ctrl+A in the focused text field, so what is typed next replaces it.
void selectAll(Harness& h) {
    ImGui::GetIO().KeyCtrl = true;
    pressKey(h, ImGuiKey_A);
    ImGui::GetIO().KeyCtrl = false;
}

void replaceField(Harness& h, const std::string& field, const std::string& text) {
    REQUIRE(h.click(field));
    selectAll(h);
    h.type(text);
    h.frame();
}

std::vector<kiosk::core::ProgramItem> storedProgram() {
    auto db = kiosk::store::Database::open("var/event.db");
    return kiosk::store::loadProgram(*db);
}

kiosk::core::ProgramItem storedItem(const std::string& id) {
    for (auto& i : storedProgram())
        if (i.id == id) return i;
    FAIL("no item " << id);
    return {};
}

std::vector<std::string> storedOrder() {
    std::vector<std::string> ids;
    for (auto& i : storedProgram()) ids.push_back(i.id);
    return ids;
}

} // namespace

TEST_CASE("console program tab: reorder, edit with live checks, skip and restore, planned start", "[ui][ceremony][console]") {
    ScratchEvent scratch;
    Harness h("organizer");
    openProgramTab(h);
    CHECK(h.has("\"tab\":\"program\""));
    CHECK(h.has("\"program_items\":10"));
    CHECK(h.has("\"program_selected\":\"chao-co\""));
    CHECK(h.has("\"program_error\":\"\""));

    // Reorder: the closing goes up above the launch of a model.
    REQUIRE(h.click("prog_up_ket-thuc"));
    auto order = storedOrder();
    CHECK(order[8] == "ket-thuc");
    CHECK(order[9] == "ra-mat");
    CHECK(h.has("\"program_result_ok\":true"));

    // A red threshold above the amber one is refused live: Save is disabled, nothing is written.
    const auto original = storedItem("cap-tren");
    REQUIRE(h.click("prog_row_cap-tren"));
    CHECK(h.has("\"program_selected\":\"cap-tren\""));
    replaceField(h, "prog_danger", "90");
    CHECK(h.has("\"program_dirty\":true"));
    CHECK_FALSE(h.has("\"program_problems\":\"\""));
    REQUIRE(h.click("prog_save"));
    CHECK(storedItem("cap-tren") == original);

    // Fixed, with a new duration and a line added to the script: saved as one item.
    replaceField(h, "prog_danger", "10");
    CHECK(h.has("\"program_problems\":\"\""));
    replaceField(h, "prog_minutes", "12");
    REQUIRE(h.click("prog_script"));
    h.type(" Xin cảm ơn đồng chí.");
    h.frame();
    REQUIRE(h.click("prog_save"));
    const auto saved = storedItem("cap-tren");
    CHECK(saved.dangerSec == 10);
    CHECK(saved.plannedMin == 12);
    CHECK(saved.script.find("Xin cảm ơn đồng chí.") != std::string::npos);
    CHECK(saved.order == 7); // the edit does not move it
    CHECK(h.has("\"program_dirty\":false"));

    // Skip an item still to come, then bring it back: both are steps in the show's log.
    REQUIRE(h.click("prog_skip_so-ket"));
    {
        auto db = kiosk::store::Database::open("var/event.db");
        kiosk::services::ProgramRunner r(*db, "check");
        r.refresh();
        const auto& m = r.model(h.now);
        CHECK(m.show.timeline[3].status == kiosk::core::ItemStatus::Skipped);
    }
    h.settle();
    REQUIRE(h.click("prog_skip_so-ket")); // now "Khôi phục"
    {
        auto db = kiosk::store::Database::open("var/event.db");
        const auto log = kiosk::store::loadShowActions(*db);
        REQUIRE(log.size() == 2);
        CHECK(log[0].type == kiosk::core::ActionType::Skip);
        CHECK(log[1].type == kiosk::core::ActionType::Restore);
        CHECK(log[1].item == "so-ket");
    }

    // The planned start: a bad time is refused with the reason, a good one is kept.
    replaceField(h, "prog_start", "8h30");
    REQUIRE(h.click("prog_start_save"));
    CHECK(h.has("\"program_result_ok\":false"));
    replaceField(h, "prog_start", "08:30");
    REQUIRE(h.click("prog_start_save"));
    CHECK(h.has("\"program_result_ok\":true"));
    auto db = kiosk::store::Database::open("var/event.db");
    CHECK(kiosk::store::getSetting(*db, kiosk::services::kSettingStart) == "08:30");

    // A new item goes right after the selected one and opens in the form.
    REQUIRE(h.click("prog_row_dap-tu"));
    REQUIRE(h.click("prog_add"));
    CHECK(h.has("\"program_items\":11"));
    order = storedOrder();
    CHECK(order[8] == "muc-11");
    CHECK(h.has("\"program_selected\":\"muc-11\""));
}

TEST_CASE("console program tab: another screen's edit is followed, or flagged while editing", "[ui][ceremony][console]") {
    ScratchEvent scratch;
    Harness h("organizer");
    openProgramTab(h);
    auto db = kiosk::store::Database::open("var/event.db");
    kiosk::services::ProgramRunner other(*db, "other");
    other.refresh();

    // Another organizer changes the duration; this screen polls past it.
    auto editElsewhere = [&](int minutes) {
        auto item = storedItem("chao-co");
        item.plannedMin = minutes;
        REQUIRE(other.updateItem(item, h.now).empty());
        h.frame(1000);
        h.frame();
    };

    // Not being edited here: the form follows, and so does the planned start.
    CHECK(h.has("\"program_start\":\"08:00\""));
    REQUIRE(other.setPlannedStart("07:15"));
    editElsewhere(4);
    CHECK(h.has("\"program_start\":\"07:15\""));
    CHECK(h.has("\"program_dirty\":false"));
    CHECK(h.has("\"program_conflict\":false"));

    // Being edited here: kept, and the conflict is said.
    REQUIRE(h.click("prog_title"));
    h.type(" (có Quốc ca)");
    h.frame();
    editElsewhere(5);
    CHECK(h.has("\"program_dirty\":true"));
    CHECK(h.has("\"program_conflict\":true"));
    REQUIRE(h.click("prog_revert")); // "Lấy bản mới"
    CHECK(h.has("\"program_dirty\":false"));
    CHECK(storedItem("chao-co").title == "Lễ chào cờ");
}

TEST_CASE("console program tab: export, then a refused import changes nothing and says why", "[ui][ceremony][console]") {
    ScratchEvent scratch;
    {
        auto db = kiosk::store::Database::open("var/event.db");
        kiosk::services::ProgramRunner r(*db, "mc");
        r.act(kiosk::core::ActionType::Start, 1692320400000);
    }
    Harness h("organizer");
    openProgramTab(h);
    REQUIRE(h.click("prog_export"));
    CHECK(h.has("\"program_result_ok\":true"));
    REQUIRE(fs::exists("var/program.csv"));

    // A file without the item that has already started is refused whole.
    const auto before = storedOrder();
    {
        std::ofstream f("var/short.csv");
        f << "id,title,minutes\nmoi,Mục mới,5\n";
    }
    replaceField(h, "prog_csv", "var/short.csv");
    REQUIRE(h.click("prog_import"));
    CHECK(h.has("\"program_result_ok\":false"));
    CHECK(storedOrder() == before);

    // The exported file goes back in as it is.
    replaceField(h, "prog_csv", "var/program.csv");
    REQUIRE(h.click("prog_import"));
    CHECK(h.has("\"program_result_ok\":true"));
    CHECK(storedOrder() == before);
}

TEST_CASE("console program tab: a save the database refuses says so and changes nothing", "[ui][ceremony][console]") {
    ScratchEvent scratch;
    Harness h("organizer");
    openProgramTab(h);
    const auto before = storedItem("chao-co");
    replaceField(h, "prog_minutes", "9");
    // Another kiosk holds the write lock past the busy timeout.
    auto other = kiosk::store::Database::open("var/event.db");
    other->exec("BEGIN IMMEDIATE");
    REQUIRE(h.click("prog_save"));
    CHECK(h.has("\"program_result_ok\":false"));
    CHECK(h.has(kiosk::core::tr("gui.gate.db_busy")));
    CHECK(h.has("\"program_dirty\":true")); // what was typed is kept for another try
    other->exec("ROLLBACK");
    CHECK(storedItem("chao-co") == before);
    REQUIRE(h.click("prog_save"));
    CHECK(h.has("\"program_result_ok\":true"));
    CHECK(storedItem("chao-co").plannedMin == 9);
}

TEST_CASE("console program tab: no event database says so in words, and creates nothing", "[ui][ceremony][console]") {
    const fs::path old = fs::current_path();
    const fs::path empty = fs::temp_directory_path() / ("kiosk-no-db-" + std::to_string(::getpid()));
    fs::remove_all(empty);
    fs::create_directories(empty);
    fs::current_path(empty);
    {
        Harness h("organizer");
        openProgramTab(h);
        const std::string expected = kiosk::core::trf("gui.gate.db_missing", {{"detail", ""}});
        CHECK(h.has(expected.substr(0, expected.find('('))));
        CHECK_FALSE(fs::exists("var/event.db"));
    }
    fs::current_path(old);
    fs::remove_all(empty);
}
