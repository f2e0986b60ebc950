#include <catch2/catch.hpp>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/run_of_show.hpp"

using namespace kiosk::core;

namespace {

constexpr Millis kMin = 60'000;
constexpr Millis kSec = 1'000;
// 2023-08-19 08:00 at +07:00.
const Millis kT0 = localToMillis(*parseDate("2023-08-19"), 8 * 60, 420);

std::vector<ProgramItem> program() {
    return {
        {"a", 1, "Lễ chào cờ", 5, false, 60, 15, "", "", ""},
        {"b", 2, "Tuyên bố lý do", 10, false, 60, 15, "", "intro", ""},
        {"c", 3, "Sơ kết mô hình (nếu có)", 3, true, 60, 15, "", "", ""},
        {"d", 4, "Tuyên bố kết thúc", 2, false, 30, 10, "", "", ""},
    };
}

// The engine plus the log a service would commit: every action is resolved, applied and logged.
struct Show {
    RunOfShow engine{program(), kT0};
    std::vector<ShowAction> log;

    bool act(ActionType type, Millis at, std::string_view item = {}, std::int64_t value = 0) {
        auto a = engine.resolve(type, at, item, value);
        if (!a) return false;
        a->seq = static_cast<std::int64_t>(log.size()) + 1;
        REQUIRE(engine.apply(*a));
        log.push_back(*a);
        return true;
    }
    ShowSnapshot at(Millis now) const { return engine.snapshot(now); }
    std::string currentId(Millis now) const {
        const auto s = at(now);
        return s.current < 0 ? "" : engine.items()[static_cast<std::size_t>(s.current)].id;
    }
};

} // namespace

TEST_CASE("run of show: before the start the plan is the whole program and nothing runs") {
    Show show;
    auto s = show.at(kT0 - 10 * kMin);
    CHECK(s.state == ShowState::NotStarted);
    CHECK(s.current == -1);
    CHECK(s.next == 0);
    CHECK(s.plannedEnd == kT0 + 20 * kMin);
    CHECK(s.projectedEnd == kT0 + 20 * kMin);
    CHECK(s.drift == 0);
    CHECK_FALSE(show.act(ActionType::Next, kT0));
    CHECK_FALSE(show.act(ActionType::Pause, kT0));
    CHECK_FALSE(show.act(ActionType::Undo, kT0));
}

TEST_CASE("run of show: an item started late shows the delay as drift before and after the start") {
    Show show;
    // Not started at 08:04: already 4 minutes behind.
    CHECK(show.at(kT0 + 4 * kMin).drift == 4 * kMin);
    CHECK(formatDrift(show.at(kT0 + 4 * kMin).drift) == "chậm 4 phút");
    REQUIRE(show.act(ActionType::Start, kT0 + 4 * kMin));
    auto s = show.at(kT0 + 6 * kMin);
    CHECK(s.state == ShowState::Running);
    CHECK(show.currentId(kT0 + 6 * kMin) == "a");
    CHECK(s.elapsed == 2 * kMin);
    CHECK(s.remaining == 3 * kMin);
    CHECK(s.drift == 4 * kMin);
    CHECK(s.projectedEnd == kT0 + 24 * kMin);
    CHECK(s.timeline[0].actualStart == kT0 + 4 * kMin);
    CHECK(s.timeline[0].plannedStart == kT0);
}

TEST_CASE("run of show: drift follows items that run long or short") {
    Show show;
    show.act(ActionType::Start, kT0);
    // a runs 7 minutes of its 5: 2 behind.
    show.act(ActionType::Next, kT0 + 7 * kMin);
    CHECK(show.at(kT0 + 7 * kMin).drift == 2 * kMin);
    // b runs 6 of its 10: 4 saved, 2 ahead overall once it ends.
    show.act(ActionType::Next, kT0 + 13 * kMin);
    auto s = show.at(kT0 + 13 * kMin);
    CHECK(s.drift == -2 * kMin);
    CHECK(formatDrift(s.drift) == "sớm 2 phút");
    CHECK(s.timeline[1].elapsed == 6 * kMin);
    CHECK(s.timeline[1].actualEnd == kT0 + 13 * kMin);
    // While the current item is within its time the projection does not move.
    CHECK(show.at(kT0 + 14 * kMin).drift == -2 * kMin);
    CHECK(formatDrift(29 * kSec) == "đúng giờ");
}

TEST_CASE("run of show: phases by remaining time, then overtime pushes the projected end") {
    Show show;
    show.act(ActionType::Start, kT0);
    CHECK(show.at(kT0 + 3 * kMin).phase == Phase::Normal);
    CHECK(show.at(kT0 + 4 * kMin + 30 * kSec).phase == Phase::Warning);
    CHECK(show.at(kT0 + 4 * kMin + 50 * kSec).phase == Phase::Danger);
    auto s = show.at(kT0 + 6 * kMin);
    CHECK(s.phase == Phase::Overtime);
    CHECK(s.remaining == -1 * kMin);
    CHECK(s.drift == 1 * kMin);
    CHECK(show.at(kT0 + 9 * kMin).drift == 4 * kMin);
}

TEST_CASE("run of show: pause stops the item's timer but not the ceremony's clock") {
    Show show;
    show.act(ActionType::Start, kT0);
    REQUIRE(show.act(ActionType::Pause, kT0 + 2 * kMin));
    CHECK_FALSE(show.act(ActionType::Pause, kT0 + 3 * kMin));
    auto s = show.at(kT0 + 5 * kMin);
    CHECK(s.state == ShowState::Paused);
    CHECK(s.elapsed == 2 * kMin);
    CHECK(s.remaining == 3 * kMin);
    CHECK(s.drift == 3 * kMin); // three minutes stood still
    REQUIRE(show.act(ActionType::Resume, kT0 + 5 * kMin));
    CHECK(show.at(kT0 + 6 * kMin).elapsed == 3 * kMin);
    // Next while paused ends the item with the time it actually ran.
    show.act(ActionType::Pause, kT0 + 6 * kMin);
    show.act(ActionType::Next, kT0 + 8 * kMin);
    auto t = show.at(kT0 + 8 * kMin);
    CHECK(t.timeline[0].elapsed == 3 * kMin);
    CHECK(t.state == ShowState::Running);
    CHECK(t.elapsed == 0);
}

TEST_CASE("run of show: skipping the current item or one ahead saves its time") {
    Show show;
    show.act(ActionType::Start, kT0);
    show.act(ActionType::Next, kT0 + 5 * kMin);
    // The optional item will not happen: skipped ahead of time.
    REQUIRE(show.act(ActionType::Skip, kT0 + 6 * kMin, "c"));
    auto s = show.at(kT0 + 6 * kMin);
    CHECK(s.drift == -3 * kMin);
    CHECK(show.engine.items()[static_cast<std::size_t>(s.next)].id == "d");
    CHECK(s.timeline[2].status == ItemStatus::Skipped);
    CHECK(s.timeline[2].inPlan); // it was in the plan when the show started
    // Skipping the current item moves on at once.
    REQUIRE(show.act(ActionType::Skip, kT0 + 7 * kMin));
    CHECK(show.currentId(kT0 + 7 * kMin) == "d");
    auto t = show.at(kT0 + 7 * kMin);
    CHECK(t.timeline[1].status == ItemStatus::Skipped);
    CHECK(t.timeline[1].elapsed == 2 * kMin);
    CHECK(t.drift == -(3 + 8) * kMin);
    // Nothing to skip twice.
    CHECK_FALSE(show.act(ActionType::Skip, kT0 + 7 * kMin, "c"));
}

TEST_CASE("run of show: an item skipped before the start leaves the plan") {
    Show show;
    show.act(ActionType::Skip, kT0 - 30 * kMin, "c");
    auto s = show.at(kT0 - 30 * kMin);
    CHECK(s.plannedEnd == kT0 + 17 * kMin);
    CHECK(s.drift == 0);
    show.act(ActionType::Start, kT0);
    auto t = show.at(kT0 + kMin);
    CHECK_FALSE(t.timeline[2].inPlan);
    CHECK(t.drift == 0);
    // Restored during the show, it comes back as extra time.
    REQUIRE(show.act(ActionType::Restore, kT0 + kMin, "c"));
    CHECK(show.at(kT0 + kMin).drift == 3 * kMin);
}

TEST_CASE("run of show: undo takes back the last step as if it never happened") {
    Show show;
    show.act(ActionType::Start, kT0);
    show.act(ActionType::Next, kT0 + 2 * kMin); // pressed by mistake
    CHECK(show.currentId(kT0 + 2 * kMin) == "b");
    REQUIRE(show.act(ActionType::Undo, kT0 + 3 * kMin));
    auto s = show.at(kT0 + 3 * kMin);
    CHECK(show.currentId(kT0 + 3 * kMin) == "a");
    CHECK(s.elapsed == 3 * kMin);
    CHECK_FALSE(s.timeline[1].actualStart.has_value());
    // Undo again takes back the start; a third has nothing left.
    REQUIRE(show.act(ActionType::Undo, kT0 + 4 * kMin));
    CHECK(show.at(kT0 + 4 * kMin).state == ShowState::NotStarted);
    CHECK_FALSE(show.act(ActionType::Undo, kT0 + 4 * kMin));
    // Undoing a skip restores the item.
    show.act(ActionType::Skip, kT0 + 5 * kMin, "c");
    show.act(ActionType::Undo, kT0 + 5 * kMin);
    CHECK(show.at(kT0 + 5 * kMin).timeline[2].status == ItemStatus::Pending);
}

TEST_CASE("run of show: previous returns to the last finished item and its time continues") {
    Show show;
    show.act(ActionType::Start, kT0);
    show.act(ActionType::Next, kT0 + 4 * kMin);
    REQUIRE(show.act(ActionType::Previous, kT0 + 5 * kMin));
    auto s = show.at(kT0 + 6 * kMin);
    CHECK(show.currentId(kT0 + 6 * kMin) == "a");
    CHECK(s.elapsed == 5 * kMin); // 0..4 and 5..6; b had the minute between
    CHECK(s.timeline[1].status == ItemStatus::Pending);
    CHECK(show.engine.items()[static_cast<std::size_t>(s.next)].id == "b");
    CHECK_FALSE(show.act(ActionType::Previous, kT0 + 6 * kMin)); // nothing before the first
    // b keeps the minute it already ran.
    show.act(ActionType::Next, kT0 + 6 * kMin);
    CHECK(show.at(kT0 + 7 * kMin).elapsed == 2 * kMin);
}

TEST_CASE("run of show: the show finishes after the last item and can be reopened") {
    Show show;
    show.act(ActionType::Start, kT0);
    for (int i = 1; i <= 4; ++i) show.act(ActionType::Next, kT0 + i * 5 * kMin);
    auto s = show.at(kT0 + 30 * kMin);
    CHECK(s.state == ShowState::Finished);
    CHECK(s.finishedAt == kT0 + 20 * kMin);
    CHECK(s.projectedEnd == kT0 + 20 * kMin);
    CHECK(s.drift == 0);
    CHECK(s.next == -1);
    CHECK_FALSE(show.act(ActionType::Next, kT0 + 30 * kMin));
    REQUIRE(show.act(ActionType::Previous, kT0 + 30 * kMin));
    CHECK(show.currentId(kT0 + 30 * kMin) == "d");
}

TEST_CASE("run of show: a restart replays the log and resumes on the same item") {
    Show show;
    show.act(ActionType::Start, kT0 + kMin);
    show.act(ActionType::Next, kT0 + 6 * kMin);
    show.act(ActionType::Pause, kT0 + 8 * kMin);
    show.act(ActionType::Resume, kT0 + 9 * kMin);
    show.act(ActionType::Skip, kT0 + 9 * kMin, "c");
    show.act(ActionType::Next, kT0 + 10 * kMin);
    show.act(ActionType::Undo, kT0 + 11 * kMin);

    RunOfShow restarted(program(), kT0);
    restarted.replay(show.log);
    const Millis now = kT0 + 12 * kMin;
    const auto a = show.at(now);
    const auto b = restarted.snapshot(now);
    CHECK(b.current == a.current);
    CHECK(restarted.items()[static_cast<std::size_t>(b.current)].id == "b");
    CHECK(b.elapsed == a.elapsed);
    CHECK(b.elapsed == 5 * kMin); // 6..12 minus the paused minute
    CHECK(b.drift == a.drift);
    CHECK(b.timeline[2].status == ItemStatus::Skipped);
    CHECK(b.canUndo == a.canUndo);
    // The program reordered afterwards does not change what the log says happened.
    auto items = program();
    std::swap(items[0].order, items[3].order);
    RunOfShow reordered(items, kT0);
    reordered.replay(show.log);
    const auto c = reordered.snapshot(now);
    CHECK(reordered.items()[static_cast<std::size_t>(c.current)].id == "b");
    CHECK(c.timeline[static_cast<std::size_t>(reordered.indexOf("a"))].status == ItemStatus::Done);
}

TEST_CASE("run of show: a clock stepped back never gives negative or shrinking elapsed") {
    Show show;
    show.act(ActionType::Start, kT0);
    CHECK(show.at(kT0 + 2 * kMin).elapsed == 2 * kMin);
    // The clock jumps back ten minutes before the next press: the press counts at the latest time seen.
    REQUIRE(show.act(ActionType::Next, kT0 - 8 * kMin));
    auto s = show.at(kT0 - 7 * kMin);
    CHECK(s.timeline[0].elapsed == 0); // the start itself is the latest time seen
    CHECK(s.elapsed == 0);
    CHECK(s.remaining == 10 * kMin);
    CHECK(s.timeline[1].actualStart >= s.timeline[0].actualEnd);
    // Queries far in the past clamp too.
    CHECK(show.at(kT0 - 60 * kMin).elapsed >= 0);
    // A forward jump is corrected with an adjustment (never below zero).
    show.act(ActionType::Adjust, kT0 + kMin, {}, -30 * kMin);
    CHECK(show.at(kT0 + kMin).elapsed == 0);
    show.act(ActionType::Adjust, kT0 + kMin, {}, 2 * kMin);
    CHECK(show.at(kT0 + 2 * kMin).elapsed == 3 * kMin);
}

TEST_CASE("run of show: action names round-trip") {
    for (auto t : {ActionType::Start, ActionType::Next, ActionType::Previous, ActionType::Pause, ActionType::Resume,
                   ActionType::Skip, ActionType::Restore, ActionType::Undo, ActionType::Adjust})
        CHECK(actionTypeFromName(actionTypeName(t)) == t);
    CHECK_FALSE(actionTypeFromName("jump").has_value());
}

TEST_CASE("run of show: the rules an item keeps before it is saved") {
    ProgramItem ok;
    ok.id = "chao-co";
    ok.title = "Lễ chào cờ";
    ok.plannedMin = 3;
    CHECK(checkProgramItem(ok).empty());
    ok.plannedMin = 0; // untimed is allowed
    ok.kind = "awards";
    CHECK(checkProgramItem(ok).empty());

    auto fields = [](const ProgramItem& i) {
        std::vector<std::string> out;
        for (const auto& p : checkProgramItem(i)) out.push_back(p.field);
        return out;
    };
    auto bad = ok;
    bad.id = "";
    bad.title = " ";
    CHECK(fields(bad) == std::vector<std::string>{"id", "title"});
    bad = ok;
    bad.plannedMin = -1;
    bad.warnSec = kMaxThresholdSec + 1;
    bad.kind = "party";
    CHECK(fields(bad) == std::vector<std::string>{"minutes", "warn_s", "kind"});
    bad = ok;
    bad.warnSec = 30;
    bad.dangerSec = 45;
    CHECK(fields(bad) == std::vector<std::string>{"danger_s"});
    CHECK_FALSE(checkProgramItem(bad).front().message.empty());
}
