#include <catch2/catch.hpp>

#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "test_support.hpp"

using namespace kiosk;
using core::Reason;
using core::Status;

namespace {

struct Desk {
    test::TempDir dir;
    std::unique_ptr<services::Session> session;
    Desk() {
        test::makeEventDb(dir.file("e.db"));
        session = services::Session::open(dir.file("e.db"));
    }
    std::string badge(const std::string& code) {
        services::DelegateDirectory d(*session);
        return d.badgeText(*store::findDelegateByCode(session->db(), code));
    }
    services::ScanOutcome scan(const std::string& text, const std::string& time, const std::string& list = "le",
                               const std::string& kiosk = "Cổng 1", bool exit = false) {
        services::ScanRequest r;
        r.text = text;
        r.listId = list;
        r.kiosk = kiosk;
        r.at = test::at(time);
        r.direction = exit ? core::Direction::Exit : core::Direction::Entry;
        services::CheckinDesk desk(*session);
        return desk.scan(r);
    }
    std::int64_t count(const char* table) {
        auto st = session->db().prepare(std::string("SELECT count(*) FROM ") + table);
        st.step();
        return st.getInt(0);
    }
};

} // namespace

TEST_CASE("a delegate is welcomed by name, and a second scan says when and where") {
    Desk d;
    const auto first = d.scan(d.badge("D0001") + "\r\n", "07:42:00");
    CHECK(first.decision.status == Status::Accepted);
    CHECK(first.message == "Chào mừng Nguyễn Văn Bình!");
    REQUIRE(first.delegate);
    CHECK(first.delegate->seat == "A1");
    CHECK_FALSE(first.checkinUuid.empty());

    const auto again = d.scan(d.badge("D0001"), "07:50:00", "le", "Cổng 2");
    CHECK(again.decision.reason == Reason::AlreadyCheckedIn);
    CHECK(again.message == "Nguyễn Văn Bình đã điểm danh lúc 07:42 tại Cổng 1.");
    CHECK(d.count("checkins") == 1);
    CHECK(d.count("scans") == 2);
}

TEST_CASE("a repeat within 3 s at the same kiosk is ignored and not journaled") {
    Desk d;
    d.scan(d.badge("D0002"), "07:42:00");
    const auto repeat = d.scan(d.badge("D0002"), "07:42:02");
    CHECK(repeat.decision.status == Status::Ignored);
    CHECK(d.count("scans") == 1);
    // Another kiosk within the same seconds is not a repeat.
    const auto other = d.scan(d.badge("D0002"), "07:42:02", "le", "Cổng 2");
    CHECK(other.decision.reason == Reason::AlreadyCheckedIn);
}

TEST_CASE("forged, other-event, unknown and malformed codes are refused and journaled") {
    Desk d;
    std::string forged = d.badge("D0003");
    forged.replace(forged.find("D0003"), 5, "D0004");
    CHECK(d.scan(forged, "07:40:00").decision.reason == Reason::BadSignature);

    const auto otherKey = core::generateBadgeKey();
    CHECK(d.scan(core::makeBadgeText(otherKey, "HOINGHI24", "D0003", 1), "07:40:01").decision.reason == Reason::WrongEvent);
    // Our prefix, signed with another key (a stolen-format forgery).
    CHECK(d.scan(core::makeBadgeText(otherKey, "ANTQ23", "D0003", 1), "07:40:02").decision.reason == Reason::BadSignature);
    // Signed correctly, but for a code nobody has.
    CHECK(d.scan(core::makeBadgeText(d.session->badgeKey(), "ANTQ23", "Z9999", 1), "07:40:03").decision.reason == Reason::Unknown);
    CHECK(d.scan("\x01\x02", "07:40:04").decision.reason == Reason::Malformed);
    CHECK(d.scan("https://example.org/not-ours", "07:40:05").decision.reason == Reason::Unknown);
    CHECK(d.count("scans") == 6);
    CHECK(d.count("checkins") == 0);
}

TEST_CASE("plain codes imported from another system are accepted when the pack allows") {
    Desk d;
    const auto guest = store::findDelegateByCode(d.session->db(), "D0041");
    REQUIRE(guest);
    REQUIRE_FALSE(guest->externalCode.empty());
    const auto o = d.scan("]Q1" + guest->externalCode + "\n", "07:45:00");
    CHECK(o.decision.reason == Reason::Ok);
    CHECK(o.delegate->code == "D0041");
}

TEST_CASE("revoked and reissued badges") {
    Desk d;
    services::DelegateDirectory dir(*d.session);
    const std::string old = d.badge("D0005");
    REQUIRE(dir.revoke("D0005") == services::DirectoryError::None);
    CHECK(d.scan(old, "07:30:00").decision.reason == Reason::Revoked);
    services::DirectoryError err{};
    const auto fresh = dir.reissue("D0005", err);
    REQUIRE(fresh);
    CHECK(*fresh != old);
    CHECK(d.scan(old, "07:31:00").decision.reason == Reason::Revoked);
    CHECK(d.scan(*fresh, "07:31:00").decision.reason == Reason::Ok);
}

TEST_CASE("lists admit their categories within their window") {
    Desk d;
    // D0005 is a district delegate (huyen-uy): on the ceremony list, not on the festival list.
    CHECK(d.scan(d.badge("D0005"), "10:00:00", "hoi").decision.reason == Reason::NotOnList);
    const auto early = d.scan(d.badge("D0060"), "06:20:00");
    CHECK(early.decision.reason == Reason::OutsideWindow);
    CHECK(early.message == "Chưa đến giờ điểm danh: mở lúc 06:30.");
    const auto late = d.scan(d.badge("D0060"), "10:01:00");
    CHECK(late.decision.reason == Reason::OutsideWindow);
    CHECK(late.message == "Đã hết giờ điểm danh (đóng lúc 10:00).");
    CHECK(d.scan(d.badge("D0060"), "06:30:00").decision.reason == Reason::Ok);
    // A badge is valid once per list: the festival is a separate list.
    CHECK(d.scan(d.badge("D0060"), "09:45:00", "hoi").decision.reason == Reason::Ok);
}

TEST_CASE("exit and re-entry, and a forced admission is recorded and flagged") {
    Desk d;
    const std::string b = d.badge("D0070");
    CHECK(d.scan(b, "07:00:00", "le", "Cổng 1", true).decision.reason == Reason::NotCheckedIn);
    CHECK(d.scan(b, "07:10:00").decision.reason == Reason::Ok);
    CHECK(d.scan(b, "08:00:00", "le", "Cổng 1", true).decision.reason == Reason::ExitOk);
    CHECK(d.scan(b, "08:20:00").decision.reason == Reason::Ok); // re-entry allowed on "le"

    services::ScanRequest r;
    r.text = d.badge("D0005");
    r.listId = "hoi";
    r.at = test::at("10:00:00");
    r.force = true;
    r.forceReason = "Lãnh đạo mời dự phần hội";
    services::CheckinDesk desk(*d.session);
    const auto forced = desk.scan(r);
    CHECK(forced.decision.status == Status::Accepted);
    CHECK(forced.decision.forced);
    auto st = d.session->db().prepare("SELECT forced, overridden, force_reason FROM checkins WHERE list_id = 'hoi'");
    REQUIRE(st.step());
    CHECK(st.getInt(0) == 1);
    CHECK(st.getText(1) == "not_on_list");
    CHECK(st.getText(2) == "Lãnh đạo mời dự phần hội");
}

TEST_CASE("manual admission at the desk by code") {
    Desk d;
    services::ScanRequest r;
    r.listId = "le";
    r.at = test::at("07:20:00");
    services::CheckinDesk desk(*d.session);
    const auto o = desk.admitByCode("D0010", r);
    CHECK(o.decision.reason == Reason::Ok);
    CHECK(desk.admitByCode("NOPE", r).decision.reason == Reason::Unknown);
    auto st = d.session->db().prepare("SELECT source FROM scans ORDER BY id LIMIT 1");
    REQUIRE(st.step());
    CHECK(st.getText(0) == "manual");
}

TEST_CASE("the journal is append-only") {
    Desk d;
    d.scan(d.badge("D0001"), "07:42:00");
    CHECK_THROWS_AS(d.session->db().exec("DELETE FROM scans"), store::DbError);
    CHECK_THROWS_AS(d.session->db().exec("UPDATE checkins SET kiosk = 'x'"), store::DbError);
}

TEST_CASE("a second connection sees the first one's check-ins (data_version)") {
    Desk d;
    auto other = services::Session::open(d.dir.file("e.db"));
    other->refresh();
    CHECK_FALSE(other->refresh());
    d.scan(d.badge("D0001"), "07:42:00");
    CHECK(other->refresh());
    CHECK(store::listState(other->db(), store::findDelegateByCode(other->db(), "D0001")->id, "le").inside);
}

TEST_CASE("walk-ins get a new code and can check in") {
    Desk d;
    services::DelegateDirectory dir(*d.session);
    services::DirectoryError err{};
    const auto w = dir.addWalkIn({"Lương Thị Thảo", "Phóng viên", "Báo Nhân dân", "khach-moi", "", ""}, err);
    REQUIRE(w);
    CHECK(w->code == "W0001");
    CHECK(w->walkIn);
    CHECK(d.scan(dir.badgeText(*w), "07:50:00").decision.reason == Reason::Ok);
    CHECK_FALSE(dir.addWalkIn({"", "", "", "khach-moi", "", ""}, err));
    CHECK(err == services::DirectoryError::MissingName);
    CHECK_FALSE(dir.addWalkIn({"A", "", "", "nope", "", ""}, err));
    CHECK(err == services::DirectoryError::UnknownCategory);
    // The search index sees the walk-in at once.
    CHECK(dir.search("luong thao", 5).front().code == "W0001");
}

TEST_CASE("an event moved to another date carries the date in its banner") {
    test::TempDir dir;
    services::InitOptions o;
    o.packDir = test::defaultPack();
    o.dbPath = dir.file("e.db");
    o.date = "2026-11-29";
    REQUIRE(services::initEvent(o).ok);
    auto s = services::Session::open(o.dbPath);
    CHECK(s->event().date == "2026-11-29");
    CHECK(s->event().bannerLines.back() == "Bắc Giang, ngày 29 tháng 11 năm 2026");
    o.date = "2026-02-30";
    o.force = true;
    const auto bad = services::initEvent(o);
    CHECK_FALSE(bad.ok);
    // A refused init leaves the existing database as it was.
    CHECK(services::Session::open(o.dbPath)->event().date == "2026-11-29");
}
