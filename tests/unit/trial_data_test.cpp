// Data the field trial lost or spoiled (issue 12, items 2, 3, 4, 17): a gate whose database file
// was replaced, formulas and bad bytes from scanners reaching the exports, lower-case plain codes.
#include <catch2/catch.hpp>

#include <filesystem>

#include "kiosk/core/badge.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/services/attendance_export.hpp"
#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/services/report_builder.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "tests/unit/paper_support.hpp"

using namespace kiosk;

namespace {

services::ScanOutcome scan(services::Session& s, const std::string& text, const std::string& time) {
    services::ScanRequest r;
    r.text = text;
    r.at = test::at(time);
    r.kiosk = "Cổng 1";
    return services::CheckinDesk(s).scan(r);
}

std::string badge(services::Session& s, const std::string& code) {
    return services::DelegateDirectory(s).badgeText(*store::findDelegateByCode(s.db(), code));
}

} // namespace

TEST_CASE("a gate whose database file is deleted or replaced records nothing and says so") {
    test::TempDir dir;
    const std::string path = dir.file("e.db");
    test::makeEventDb(path);
    auto session = services::Session::open(path);
    CHECK(scan(*session, badge(*session, "D0001"), "07:40:00").decision.status == core::Status::Accepted);

    SECTION("replaced by another file") {
        test::makeEventDb(dir.file("other.db"));
        std::filesystem::rename(dir.file("other.db"), path);
    }
    SECTION("deleted") {
        std::filesystem::remove(path);
    }
    CHECK_FALSE(session->db().sameFileAtPath());
    try {
        scan(*session, badge(*session, "D0002"), "07:41:00");
        FAIL("a check-in into a file nobody will read was reported as done");
    } catch (const store::DbError& e) {
        CHECK(e.cannotOpen()); // the gate's grey "not recorded" card, as for any write error
    }
}

TEST_CASE("exports neutralise formulas and keep bad bytes out: CSV and XLSX") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto session = services::Session::open(dir.file("e.db"));
    services::DelegateDirectory directory(*session);
    services::WalkIn w;
    w.name = "=1+2";
    w.unit = "@SUM(A1)";
    w.categoryId = "khach-moi";
    services::DirectoryError error{};
    REQUIRE(directory.addWalkIn(w, error));
    scan(*session, "=HYPERLINK(\"http://x\",\"y\")", "07:40:00");
    scan(*session, std::string("NV\xff\xfe" "12\x01", 7), "07:41:00"); // a serial scanner in the wrong code page

    paper::CsvOptions csv;
    auto sink = services::openTableSink("csv", dir.file("scans.csv"), csv);
    services::AttendanceExportOptions o;
    o.sheets = {services::AttendanceSheet::Scans};
    REQUIRE(services::exportAttendance(*session, *sink, o).ok());
    const auto doc = paper::readCsvFile(dir.file("scans.csv"));
    REQUIRE(doc.ok()); // our reader refuses invalid UTF-8: the file is clean
    bool formula = false, neutralised = false, replaced = false;
    for (const auto& row : doc.rows)
        for (const auto& f : row.fields) {
            if (!f.empty() && std::string_view("=+-@").find(f.front()) != std::string_view::npos) formula = true;
            neutralised = neutralised || f == "'=HYPERLINK(\"HTTP://X\",\"Y\")"; // scans are upper-cased
            replaced = replaced || f.find("NV\xEF\xBF\xBD\xEF\xBF\xBD" "12\xEF\xBF\xBD") != std::string::npos;
        }
    CHECK_FALSE(formula);
    CHECK(neutralised);
    CHECK(replaced);

    auto dsink = services::openTableSink("csv", dir.file("att.csv"), csv);
    services::AttendanceExportOptions d;
    d.sheets = {services::AttendanceSheet::Attendance};
    REQUIRE(services::exportAttendance(*session, *dsink, d).ok());
    const auto att = paper::readCsvFile(dir.file("att.csv"));
    bool walkIn = false;
    for (const auto& row : att.rows)
        for (const auto& f : row.fields) walkIn = walkIn || f == "'=1+2";
    CHECK(walkIn);

    const std::string xlsx = dir.file("a.xlsx");
    auto xsink = services::openTableSink("xlsx", xlsx, csv);
    REQUIRE(services::exportAttendance(*session, *xsink, {}).ok());
    const std::string strings = test::unzipEntry(xlsx, "xl/sharedStrings.xml");
    CHECK(core::isValidUtf8(strings));
    CHECK(strings.find("=1+2") != std::string::npos); // a string cell, as typed
    for (int sheet = 1; sheet <= 3; ++sheet)
        CHECK(test::unzipEntry(xlsx, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml").find("<f>") == std::string::npos);
}

TEST_CASE("sanitizeText: valid text unchanged, each bad byte and control character becomes U+FFFD") {
    CHECK(core::sanitizeText("Nguyễn Văn Bình\tA\r\n") == "Nguyễn Văn Bình\tA\r\n");
    CHECK(core::sanitizeText(std::string("a\xff" "b", 3)) == "a\xEF\xBF\xBD" "b");
    CHECK(core::sanitizeText(std::string("\xE1\xBB", 2)) == "\xEF\xBF\xBD\xEF\xBF\xBD"); // a cut character
    CHECK(core::sanitizeText(std::string("x\x00y\x1b", 4)) == "x\xEF\xBF\xBDy\xEF\xBF\xBD");
    CHECK(core::isValidUtf8(core::cleanScan(std::string("\xc3\x28", 2))));
}

TEST_CASE("lower-case plain codes are upper-cased like badges (BADGES.md)") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto session = services::Session::open(dir.file("e.db"));
    REQUIRE(session->event().acceptPlainCodes);
    const auto lower = scan(*session, "nv100200", "07:40:00");
    CHECK(lower.decision.status == core::Status::Accepted);
    REQUIRE(lower.delegate);
    CHECK(lower.delegate->code == "D0043");
    CHECK(core::parseBadge("nv100200").text == "NV100200");
}

TEST_CASE("a forced admission of someone the list does not expect counts the same in the report, the chart and the XLSX") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto session = services::Session::open(dir.file("e.db"));
    // D0006 (Công an huyện) is not on the festival's list; an organizer lets them in anyway.
    services::ScanRequest r;
    r.text = badge(*session, "D0006");
    r.listId = "hoi";
    r.at = test::at("10:00:00");
    r.force = true;
    r.forceReason = "Trưởng ban cho vào";
    REQUIRE(services::CheckinDesk(*session).scan(r).decision.status == core::Status::Accepted);
    scan(*session, badge(*session, "D0043"), "07:40:00"); // and one expected arrival on the ceremony

    const auto report = services::buildReport(*session, {}, test::at("17:00:00"));
    std::int64_t table = 0;
    for (const auto& f : report.attendance) table += f.present;
    double chart = 0;
    for (const auto& s : report.arrivals.series)
        for (double v : s.values) chart += v;
    std::int64_t xlsx = 0;
    for (const auto& row : services::attendanceSummary(*session, {})) xlsx += row.present;
    CHECK(table == 2);
    CHECK(chart == 2);
    CHECK(xlsx == 2);
    bool forcedRow = false;
    for (const auto& f : report.attendance) forcedRow = forcedRow || (f.list == "Phần hội" && f.present == 1 && f.expected == 0);
    CHECK(forcedRow);
}
