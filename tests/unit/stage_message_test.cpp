// The MC's stage message belongs to the item it was sent during: it leaves the stage when the item
// changes (and at the closing), unless the MC pins it; a second screen on the same file agrees.
#include <catch2/catch.hpp>

#include "kiosk/services/program_runner.hpp"
#include "kiosk/store/db.hpp"
#include "test_support.hpp"

using namespace kiosk;
using core::ActionType;
using core::Millis;

namespace {

// The pack's date is 2023-08-18; the show's clock is what the test passes.
const Millis kT0 = core::localToMillis(*core::parseDate("2023-08-18"), 8 * 60, 420);
constexpr Millis kMin = 60'000;

} // namespace

TEST_CASE("stage message: gone when the item changes, kept when pinned, on every screen",
          "[ceremony][stage]") {
    test::TempDir dir;
    test::makeEventDb(dir.file("event.db"));
    auto mcDb = store::Database::open(dir.file("event.db"));
    auto stageDb = store::Database::open(dir.file("event.db"));
    services::ProgramRunner mc(*mcDb, "mc");
    services::ProgramRunner stage(*stageDb, "stage");

    REQUIRE(mc.act(ActionType::Start, kT0));
    mc.message("Mời đại biểu ổn định chỗ ngồi", kT0 + kMin);
    stage.refresh();
    CHECK(stage.model(kT0 + 2 * kMin).stage.message == "Mời đại biểu ổn định chỗ ngồi");
    // Pause and resume keep the item, and the message with it.
    REQUIRE(mc.act(ActionType::Pause, kT0 + 2 * kMin));
    REQUIRE(mc.act(ActionType::Resume, kT0 + 3 * kMin));
    stage.refresh();
    CHECK_FALSE(stage.model(kT0 + 3 * kMin).stage.message.empty());

    REQUIRE(mc.act(ActionType::Next, kT0 + 4 * kMin));
    stage.refresh();
    CHECK(stage.model(kT0 + 5 * kMin).stage.message.empty());
    CHECK(mc.model(kT0 + 5 * kMin).stage.message.empty());

    // Pinned, it stays through the next items.
    mc.message("Xin giữ trật tự", kT0 + 6 * kMin);
    mc.pinMessage(true, kT0 + 6 * kMin);
    REQUIRE(mc.act(ActionType::Next, kT0 + 7 * kMin));
    stage.refresh();
    CHECK(stage.model(kT0 + 8 * kMin).stage.message == "Xin giữ trật tự");
    CHECK(stage.model(kT0 + 8 * kMin).stage.pinned);
    // A new message is not pinned by the old pin.
    mc.message("Chuẩn bị trao thưởng", kT0 + 9 * kMin);
    CHECK_FALSE(mc.model(kT0 + 9 * kMin).stage.pinned);
    REQUIRE(mc.act(ActionType::Next, kT0 + 10 * kMin));
    CHECK(mc.model(kT0 + 10 * kMin).stage.message.empty());
}

TEST_CASE("stage message: the closing clears it too", "[ceremony][stage]") {
    core::ShowSnapshot show;
    show.current = -1;
    show.finishedAt = kT0 + 30 * kMin;
    store::StageState st;
    st.message = "Cảm ơn";
    st.messageAt = kT0 + 20 * kMin;
    CHECK(services::stageMessageShown(show, st).empty());
    st.pinned = true;
    CHECK(services::stageMessageShown(show, st) == "Cảm ơn");
    st.pinned = false;
    st.messageAt = kT0 + 31 * kMin; // sent after the closing: about the closing
    CHECK(services::stageMessageShown(show, st) == "Cảm ơn");
}
