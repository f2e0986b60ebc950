// "Are the leaders here yet?": the MC sees who the ceremony waits for before the first item, live;
// the console's dashboard shows the same list and the desk marks "đã báo vắng" with a reason.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "kiosk/services/awaited.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"

using kiosk::test::Harness;
using kiosk::test::ScratchEvent;

namespace {

int field(const std::string& state, const std::string& name) {
    const auto at = state.find("\"" + name + "\":");
    REQUIRE(at != std::string::npos);
    return std::stoi(state.substr(at + name.size() + 3));
}

} // namespace

TEST_CASE("MC before the start: the delegates awaited, fewer when one arrives, apologies counted", "[ui][ceremony][awaited]") {
    ScratchEvent scratch;
    Harness h("mc");
    h.settle();
    const int before = field(h.state(), "awaited");
    REQUIRE(before > 1);
    auto db = kiosk::store::Database::open("var/event.db");
    const auto awaited = kiosk::services::awaitedDelegates(*db);
    REQUIRE(awaited.missing.size() == static_cast<std::size_t>(before));
    // The first awaited arrives at a gate; the second sends apologies through the desk.
    kiosk::store::CheckinRecord r;
    r.uuid = "awaited-arrival";
    r.delegateId = awaited.missing[0].delegate.id;
    r.listId = awaited.listId;
    r.direction = "entry";
    r.at = h.now;
    r.kiosk = "Cổng 2";
    kiosk::store::insertCheckin(*db, r);
    REQUIRE(kiosk::services::apologise(*db, awaited.missing[1].delegate.code, "Đi công tác", "Bàn BTC", h.now) ==
            kiosk::services::ApologyError::None);
    h.frame(1000);
    h.frame();
    INFO(h.state());
    CHECK(field(h.state(), "awaited") == before - 1);
    CHECK(field(h.state(), "awaited_apologised") == 1);
}

TEST_CASE("console dashboard: the desk marks an awaited delegate 'đã báo vắng' with a reason", "[ui][console][awaited]") {
    Harness h("organizer");
    kiosk::services::AwaitedList list;
    list.expected = 3;
    list.arrived = 1;
    kiosk::services::AwaitedDelegate a;
    a.delegate.code = "D00002";
    a.delegate.name = "Trần Thị Lan";
    a.delegate.unit = "Sở Y tế";
    a.delegate.phone = "0912 345 678";
    a.categoryName = "Lãnh đạo Sở";
    list.missing.push_back(a);
    h.backend.setAwaited(list);
    h.unlock();
    REQUIRE(h.click("tab_dashboard"));
    REQUIRE(h.click("awaited_mark_D00002"));
    // No reason, no mark.
    REQUIRE(h.click("awaited_save_D00002"));
    CHECK(h.backend.apologies.empty());
    REQUIRE(h.click("awaited_reason_D00002"));
    h.type("Ốm, có giấy xin phép");
    REQUIRE(h.click("awaited_save_D00002"));
    REQUIRE(h.backend.apologies.size() == 1);
    CHECK(h.backend.apologies[0] == std::make_pair(std::string("D00002"), std::string("Ốm, có giấy xin phép")));
}
