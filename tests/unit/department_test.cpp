// The department's consolidation without a hub: the pure model, the units list from CSV, a
// unit's own report (plan, number, date, deadline), a unit's summary against its database, and
// the consolidated PDF/XLSX/JSON read back with the tools a person would use.
#include <catch2/catch.hpp>

#include "kiosk/core/consolidation.hpp"
#include "kiosk/services/department_report.hpp"
#include "kiosk/services/department_unit.hpp"
#include "kiosk/services/department_units.hpp"
#include "kiosk/services/report_builder.hpp"
#include "kiosk/store/export_repo.hpp"
#include "tests/unit/paper_support.hpp"

using namespace kiosk;

namespace {

core::UnitEventSummary event(const std::string& code, const std::string& name,
                             const std::string& date, std::optional<std::string> received,
                             std::int64_t expected, std::int64_t present) {
    core::UnitEventSummary e;
    e.eventId = "ev-" + code;
    e.unitCode = code;
    e.unitName = name;
    e.date = date;
    e.place = "Hội trường " + name;
    e.groups = {{"Lãnh đạo Sở Y tế", 1, 1},
                {"Cán bộ, viên chức, người lao động", expected - 1, present - 1}};
    e.ceremonyItems = 10;
    e.ceremonyDone = 10;
    e.awards = 2;
    e.awardsHanded = 2;
    if (received) {
        e.reportNumber = "12/BC-" + code;
        e.reportDate = *received;
        e.reportReceived = *core::parseIso8601(*received + "T09:00:00+07:00", 420);
    }
    return e;
}

std::vector<core::DeptUnit> fourUnits() {
    return {{"BVDK", "Bệnh viện Đa khoa tỉnh", "TP. Bắc Giang", "Chị Lan - 0204 3854 xxx"},
            {"CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", "TP. Bắc Giang", ""},
            {"TTYT-YD", "Trung tâm Y tế huyện Yên Dũng", "Yên Dũng", ""},
            {"TTYT-LN", "Trung tâm Y tế huyện Lục Nam", "Lục Nam", "Anh Hùng"}};
}

} // namespace

TEST_CASE("consolidation: rows earliest first, totals, missing, late and unlisted units") {
    std::vector<core::UnitEventSummary> events = {
        event("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", "2023-07-28", "2023-08-02", 60, 51),
        event("BVDK", "Bệnh viện Đa khoa tỉnh", "2023-08-04", "2023-08-12", 120, 100), // late
        event("TTYT-YD", "Trung tâm y tế huyện  YÊN DŨNG", "2023-07-20", std::nullopt, 40,
              38), // matched by name
        event("", "Bệnh viện Sản Nhi", "2023-06-20", "2023-06-25", 30,
              30), // unlisted, before the window
    };
    events[2].unitCode.clear();
    events[1].skippedItems = {"Ra mắt mô hình"};
    events[1].ceremonyDone = 9;
    const auto c = core::consolidate(fourUnits(), events, {});
    REQUIRE(c.held.size() == 4);
    CHECK(c.held[0].unit.name == "Bệnh viện Sản Nhi");
    CHECK_FALSE(c.held[0].listed);
    CHECK(c.held[1].unit.code == "TTYT-YD");
    CHECK(c.held[2].unit.code == "CDC");
    CHECK(c.held[3].unit.code == "BVDK");
    REQUIRE(c.notHeld.size() == 1);
    CHECK(c.notHeld[0].code == "TTYT-LN");
    REQUIRE(c.late.size() == 1);
    CHECK(c.late[0].unit.code == "BVDK");
    CHECK(c.late[0].receivedDate == "2023-08-12");
    REQUIRE(c.notReported.size() == 1);
    CHECK(c.notReported[0].unit.code == "TTYT-YD");
    REQUIRE(c.outOfWindow.size() == 1);
    CHECK(c.outOfWindow[0].unit.name == "Bệnh viện Sản Nhi");
    // The earliest inside the window only.
    REQUIRE(c.earliest.size() == 3);
    CHECK(c.earliest[0].unit.code == "TTYT-YD");
    CHECK(c.expected == 250);
    CHECK(c.present == 219);
    REQUIRE(c.totals.size() == 2);
    CHECK(c.totals[0].expected == 4);
    CHECK(c.ceremoniesInFull == 3);
    CHECK(c.awards == 8);
}

TEST_CASE("consolidation: the deadline is a date before which reports arrive") {
    auto on = event("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", "2023-08-01", "2023-08-09", 10, 9);
    auto at = event("BVDK", "Bệnh viện Đa khoa tỉnh", "2023-08-01", "2023-08-10", 10, 9);
    const auto c = core::consolidate(fourUnits(), {on, at}, {});
    REQUIRE(c.late.size() == 1);
    CHECK(c.late[0].unit.code == "BVDK");
    core::ConsolidationRequest later;
    later.deadline = "2023-08-11";
    CHECK(core::consolidate(fourUnits(), {on, at}, later).late.empty());
}

TEST_CASE("units CSV: Vietnamese headers, semicolons, and all-or-nothing refusal") {
    const std::string good =
        "\xEF\xBB\xBFSTT;Mã đơn vị;Tên đơn vị;Huyện/TP;Người liên hệ;Điện thoại\r\n"
        "1;bvdk;Bệnh viện Đa khoa tỉnh;TP. Bắc Giang;Chị Lan;0204 3854 111\r\n"
        "2;CDC;\"Trung tâm Kiểm soát bệnh tật tỉnh; CDC\";TP. Bắc Giang;;\r\n";
    const auto ok = services::parseUnitsCsv(good);
    REQUIRE(ok.ok);
    REQUIRE(ok.units.size() == 2);
    CHECK(ok.units[0].code == "BVDK");
    CHECK(ok.units[0].contact == "Chị Lan - 0204 3854 111");
    CHECK(ok.units[1].name == "Trung tâm Kiểm soát bệnh tật tỉnh; CDC");

    const std::string bad = "Mã đơn vị,Tên đơn vị\n"
                            "BVDK,Bệnh viện Đa khoa tỉnh\n"
                            "BVDK,Trùng mã\n"
                            "X Y,Mã có dấu cách\n"
                            "'; DROP TABLE x;--,\n" +
                            std::string("ZZ,") + std::string(20000, 'A') + "\n";
    const auto refused = services::parseUnitsCsv(bad);
    CHECK_FALSE(refused.ok);
    CHECK(refused.units.empty());
    std::vector<std::string> codes;
    for (const auto& p : refused.problems)
        codes.push_back(p.code + "@" + std::to_string(p.line));
    CHECK(codes == std::vector<std::string>{"duplicate_code@3", "bad_code@4", "bad_code@5",
                                            "missing_name@5", "too_long@6"});
    CHECK(refused.problems[0].message.find("trùng với dòng 2") != std::string::npos);

    const auto noName = services::parseUnitsCsv("Mã đơn vị,Huyện\nA,B\n");
    REQUIRE(noName.problems.size() == 1);
    CHECK(noName.problems[0].code == "missing_column");
    CHECK(services::parseUnitsCsv("Mã đơn vị,Tên đơn vị\nA,\xC3\x28\n").problems.at(0).code ==
          "bad_encoding");
}

TEST_CASE("unit report: the plan it implements, the /BC- number, the administrative date and the "
          "deadline") {
    test::TempDir dir;
    const std::string db = dir.file("e.db");
    test::makeEventDb(db);
    auto session = services::Session::open(db);
    const auto data = services::buildReport(*session, {}, test::at("17:00:00"));
    CHECK(data.header.number == "....../BC-SYT");
    REQUIRE_FALSE(data.intro.empty());
    CHECK(data.intro[0].rfind("Thực hiện Kế hoạch số 83/KH-SYT ngày 22/5/2023 của Sở Y tế, ngày 04 "
                              "tháng 8 năm 2023 tại",
                              0) == 0);
    services::ReportOptions numbered;
    numbered.number = "125";
    CHECK(services::buildReport(*session, numbered, test::at("17:00:00")).header.number ==
          "125/BC-SYT");
    CHECK(services::adminDate("2023-08-08") == "08 tháng 8 năm 2023");
    CHECK_FALSE(services::checkDeadline("2023-08-09", "2023-08-10").late);
    CHECK(services::checkDeadline("2023-08-10", "2023-08-10").late);
    CHECK_FALSE(services::checkDeadline("", "2023-08-10").known);
}

TEST_CASE("CLI report: records the issued report and warns when it is past the deadline") {
    test::TempDir dir;
    const std::string db = dir.file("e.db");
    test::makeEventDb(db);
    const std::string base = std::string(KIOSK_BIN) + " --db " + test::shellQuote(db) +
                             " report --out " + dir.file("r.pdf");
    int rc = -1;
    const std::string onTime = test::run(base + " --number 12 --at 2023-08-08T10:00 2>&1", &rc);
    CHECK(rc == 0);
    CHECK(onTime.find("trong hạn") != std::string::npos);
    CHECK(test::pdfText(dir.file("r.pdf")).find("Số: 12/BC-SYT") != std::string::npos);
    {
        auto s = services::Session::open(db);
        CHECK(services::issuedReport(*s).number == "12/BC-SYT");
        CHECK(services::issuedReport(*s).date == "2023-08-08");
    }
    const std::string late = test::run(base + " --number 13 --at 2023-08-18T10:00 2>&1", &rc);
    CHECK(rc == 0);
    CHECK(late.find("đã quá hạn gửi Sở Y tế (trước ngày 10 tháng 8 năm 2023)") !=
          std::string::npos);
}

TEST_CASE("unit summary: groups of part 2.4 add up to the unit's own figures") {
    test::TempDir dir;
    const std::string db = dir.file("e.db");
    test::makeEventDb(db, true);
    auto session = services::Session::open(db);
    const auto s = services::unitSummary(*session, test::at("17:00:00"));
    CHECK(s.unitCode == "SYT");
    CHECK(s.date == "2023-08-04");
    REQUIRE(s.groups.size() == 4);
    CHECK(s.groups[1].group == "Đại biểu địa phương");
    std::int64_t expected = 0;
    for (const auto& g : s.groups)
        expected += g.expected;
    CHECK(expected == store::eventFigures(session->db()).invited);
    CHECK(s.ceremonyItems > 0);
    CHECK(s.skippedItems.size() == static_cast<size_t>(s.ceremonyItems)); // nothing ran yet
    CHECK(s.reportNumber.empty());
}

TEST_CASE("consolidated report: PDF, XLSX and JSON say the same") {
    test::TempDir dir;
    std::vector<core::UnitEventSummary> events = {
        event("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", "2023-07-28", "2023-08-02", 60, 51),
        event("BVDK", "Bệnh viện Đa khoa tỉnh", "2023-08-04", "2023-08-12", 120, 100)};
    events[0].contests = {{"Hội thi tiếp sức", {"Giải Nhất: Đội Khoa Dược (CDC)"}}};
    std::string error;
    const auto settings =
        services::loadDepartmentSettings(services::defaultDepartmentConfig(), &error);
    REQUIRE(settings);
    services::DepartmentReportOptions o;
    o.date = "2023-08-15";
    const auto data = services::buildDepartmentReport(fourUnits(), events, *settings, o);
    CHECK(data.header.number == "....../BC-SYT");

    const std::string pdf = dir.file("d.pdf");
    REQUIRE(paper::writeDepartmentPdf(data, pdf).ok());
    const std::string text = test::pdfText(pdf);
    CHECK(text.find("SỞ Y TẾ BẮC GIANG") != std::string::npos);
    CHECK(text.find("Số: ....../BC-SYT") != std::string::npos);
    CHECK(text.find("Bắc Giang, ngày 15 tháng 8 năm 2023") != std::string::npos);
    CHECK(
        text.find("Tổng hợp kết quả tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” năm 2023") !=
        std::string::npos);
    CHECK(text.find("Thực hiện Kế hoạch số 83/KH-SYT ngày 22/5/2023 của Sở Y tế") !=
          std::string::npos);
    CHECK(text.find("2/4 đơn vị đã tổ chức") != std::string::npos);
    CHECK(text.find("Trung tâm Y tế huyện Lục Nam, Lục Nam (Anh Hùng)") != std::string::npos);
    CHECK(text.find("Bệnh viện Đa khoa tỉnh: nhận ngày 12/8/2023") != std::string::npos);
    CHECK(text.find("Giải Nhất: Đội Khoa Dược (CDC)") != std::string::npos);
    CHECK(text.find("Nơi nhận:") != std::string::npos);
    CHECK(text.find("Nguyễn Văn Bình") != std::string::npos);

    const std::string xlsx = dir.file("d.xlsx");
    REQUIRE(services::writeDepartmentXlsx(data, xlsx).ok());
    const std::string book = test::unzipEntry(xlsx, "xl/workbook.xml");
    for (const char* sheet :
         {"Tổng hợp", "Các đơn vị", "Thành phần tham dự", "Hội thi", "Tổ chức sớm", "Chưa tổ chức"})
        CHECK(book.find(sheet) != std::string::npos);
    const std::string units = test::unzipEntry(xlsx, "xl/worksheets/sheet2.xml");
    // 2023-07-28 as an Excel serial day, and CDC's 51 present as a number.
    CHECK(units.find("<v>45135</v>") != std::string::npos);
    CHECK(units.find("<v>51</v>") != std::string::npos);

    const std::string json = services::departmentJson(data);
    CHECK(json.find("\"not_held\":[{\"code\":\"TTYT-LN\"") != std::string::npos);
    CHECK(json.find("\"late\":[\"BVDK\"]") != std::string::npos);
    CHECK(json.find("\"present\":151") != std::string::npos);
}
