// The service behind "are the leaders here yet?" (issue 12, item 27): who the ceremony waits for,
// in protocol order, and the desk's append-only "đã báo vắng" marks.
#include <catch2/catch.hpp>

#include "kiosk/services/awaited.hpp"
#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/session.hpp"
#include "test_support.hpp"

using namespace kiosk;

namespace {
std::vector<std::string> codes(const services::AwaitedList& l) {
    std::vector<std::string> out;
    for (const auto& a : l.missing) out.push_back(a.delegate.code + (a.apologised ? "!" : ""));
    return out;
}
} // namespace

TEST_CASE("awaited: delegates to introduce who never entered, protocol order, apologies marked and audited") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto session = services::Session::open(dir.file("e.db"));
    auto& db = session->db();
    const auto first = services::awaitedDelegates(db);
    REQUIRE(first.missing.size() >= 4);
    CHECK(first.expected == static_cast<int>(first.missing.size()));
    // Category rank first, then the delegate's rank: the Giám đốc (rank 90) before the deputies.
    const auto firstCodes = codes(first);
    CHECK(std::vector<std::string>(firstCodes.begin(), firstCodes.begin() + 4) ==
          std::vector<std::string>{"D0002", "D0001", "D0003", "D0004"});
    CHECK(first.plannedStart == test::at("08:00:00"));

    services::CheckinDesk desk(*session);
    services::ScanRequest r;
    r.at = test::at("07:40:00");
    REQUIRE(desk.admitByCode("D0002", r).decision.status == core::Status::Accepted);
    r.direction = core::Direction::Exit; // left again: still arrived, not awaited
    r.at = test::at("07:41:00");
    desk.admitByCode("D0002", r);
    CHECK(services::apologise(db, "d0003", "Đi công tác", "desk-1", test::at("07:45:00")) == services::ApologyError::None);
    CHECK(services::apologise(db, "D0004", "  ", "desk-1", 0) == services::ApologyError::MissingReason);
    CHECK(services::apologise(db, "NOPE", "x", "desk-1", 0) == services::ApologyError::NotFound);

    const auto now = services::awaitedDelegates(db);
    CHECK(now.arrived == 1);
    CHECK(now.apologised == 1);
    const auto nowCodes = codes(now);
    CHECK(std::vector<std::string>(nowCodes.begin(), nowCodes.begin() + 3) == std::vector<std::string>{"D0001", "D0003!", "D0004"});
    CHECK(now.missing[1].apologyReason == "Đi công tác");
    CHECK(now.missing[1].apologyKiosk == "desk-1");
    CHECK(now.missing[1].delegate.unit == "Sở Y tế Bắc Giang");

    // Withdrawn: expected again; both records stay, and they cannot be edited away.
    CHECK(services::withdrawApology(db, "D0003", "desk-2", test::at("07:50:00")) == services::ApologyError::None);
    CHECK(services::awaitedDelegates(db).apologised == 0);
    CHECK(services::activeApologies(db).empty());
    auto count = db.prepare("SELECT count(*) FROM apologies");
    REQUIRE(count.step());
    CHECK(count.getInt(0) == 2);
    CHECK_THROWS(db.exec("DELETE FROM apologies"));
    CHECK_THROWS(db.exec("UPDATE apologies SET reason = 'x'"));
}
