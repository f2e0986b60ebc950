// The organizer's outputs from a real event database: attendance and results exports read
// back (CSV through our reader, XLSX through unzip), the report's data, badges, certificates.
#include <catch2/catch.hpp>

#include <map>

#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/paper/pdf_report.hpp"
#include "kiosk/services/attendance_export.hpp"
#include "kiosk/services/badge_printing.hpp"
#include "kiosk/services/certificate_printing.hpp"
#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/services/paper_pack.hpp"
#include "kiosk/services/report_builder.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "tests/unit/paper_support.hpp"

using namespace kiosk;

namespace {

struct Day {
    test::TempDir dir;
    std::unique_ptr<services::Session> session;
    Day() {
        test::makeEventDb(dir.file("e.db"));
        session = services::Session::open(dir.file("e.db"));
        // D0001 leader: in at 07:10, out at 09:00; D0006 police (ceremony only) in at 07:20;
        // D0043 staff: ceremony 07:25, festival 09:40; an unknown code refused; D0037 guest
        // forced into a list at 06:00 (before the window).
        scan(badge("D0001"), "07:10:00");
        scan(badge("D0001"), "09:00:00", "le", true);
        scan(badge("D0006"), "07:20:00");
        scan(badge("D0043"), "07:25:00");
        scan(badge("D0043"), "09:40:00", "hoi");
        scan("ANTQ23-NOPE", "07:30:00");
        services::ScanRequest r;
        r.text = badge("D0037");
        r.listId = "le";
        r.at = test::at("06:00:00");
        r.force = true;
        r.forceReason = "Khách mời đến sớm, trưởng ban cho vào";
        services::CheckinDesk(*session).scan(r);
    }
    std::string badge(const std::string& code) {
        return services::DelegateDirectory(*session).badgeText(*store::findDelegateByCode(session->db(), code));
    }
    void scan(const std::string& text, const std::string& time, const std::string& list = "le", bool exit = false) {
        services::ScanRequest r;
        r.text = text;
        r.listId = list;
        r.kiosk = "Cổng 1";
        r.at = test::at(time);
        r.direction = exit ? core::Direction::Exit : core::Direction::Entry;
        services::CheckinDesk(*session).scan(r);
    }
    paper::PaperStatus exportTo(const std::string& format, const std::string& path,
                                const services::AttendanceExportOptions& o = {}) {
        paper::CsvOptions csv;
        auto sink = services::openTableSink(format, path, csv);
        REQUIRE(sink);
        return services::exportAttendance(*session, *sink, o);
    }
};

// Rows of a CSV keyed by their second field (the delegate code).
std::map<std::string, std::vector<std::string>> byCode(const paper::CsvDocument& doc) {
    std::map<std::string, std::vector<std::string>> out;
    for (size_t i = 1; i < doc.rows.size(); ++i) out[doc.rows[i].fields.at(1)] = doc.rows[i].fields;
    return out;
}

} // namespace

TEST_CASE("attendance CSV parses back: first entry, last exit, entries and status per list") {
    Day day;
    const std::string path = day.dir.file("a.csv");
    const auto st = day.exportTo("csv", path);
    REQUIRE(st.ok());
    CHECK(st.rows == store::countDelegates(day.session->db()));

    const auto doc = paper::readCsvFile(path);
    REQUIRE(doc.ok());
    REQUIRE(test::readFile(path).rfind("\xEF\xBB\xBF", 0) == 0);
    const auto& header = doc.rows.front().fields;
    REQUIRE(header.size() == 8 + 2 * 5 + 1); // + "Đã báo vắng", last
    CHECK(header[2] == "Họ và tên");
    CHECK(header.back() == "Đã báo vắng (lý do)");
    CHECK(header[8] == "Phần lễ: vào lần đầu");
    CHECK(header[13] == "Phần hội: vào lần đầu");

    const auto rows = byCode(doc);
    CHECK(rows.size() == static_cast<size_t>(st.rows));
    const auto& leader = rows.at("D0001");
    CHECK(leader[2] == "Nguyễn Văn Bình");
    CHECK(leader[8] == "2023-08-04 07:10:00");
    CHECK(leader[9] == "2023-08-04 09:00:00");
    CHECK(leader[10] == "1");
    CHECK(leader[11] == "Đã ra về");
    CHECK(leader[16] == "Vắng"); // invited to the festival, not there
    const auto& police = rows.at("D0006");
    CHECK(police[11] == "Có mặt");
    CHECK(police[16] == "Không mời"); // the festival does not admit this category
    const auto& staff = rows.at("D0043");
    CHECK(staff[13] == "2023-08-04 09:40:00");
    CHECK(staff[16] == "Có mặt");
    const auto& guest = rows.at("D0037");
    CHECK(guest[8] == "2023-08-04 06:00:00");
    CHECK(guest[12] == "Có");
    // Numbering follows the rows.
    CHECK(doc.rows[1].fields[0] == "1");
    CHECK(doc.rows.back().fields[0] == std::to_string(st.rows));
}

TEST_CASE("the export's summary agrees with the store's attendance counts") {
    Day day;
    const auto summary = services::attendanceSummary(*day.session, {});
    const auto counts = store::attendanceCounts(day.session->db());
    std::map<std::pair<std::string, std::string>, services::SummaryRow> mine;
    for (const auto& r : summary) mine[{r.listId, r.categoryId}] = r;
    REQUIRE_FALSE(counts.empty());
    for (const auto& c : counts) {
        INFO(c.listId << " " << c.categoryId);
        const auto it = mine.find({c.listId, c.categoryId});
        REQUIRE(it != mine.end());
        CHECK(it->second.present == c.present);
        CHECK(it->second.inside == c.inside);
        CHECK(it->second.expected == c.expected);
    }
    CHECK(mine.at({"le", "khach-moi"}).forced == 1);
}

TEST_CASE("filters: one list, one category, a time window") {
    Day day;
    services::AttendanceExportOptions o;
    o.filter.listId = "hoi";
    REQUIRE(day.exportTo("csv", day.dir.file("hoi.csv"), o).ok());
    auto doc = paper::readCsvFile(day.dir.file("hoi.csv"));
    REQUIRE(doc.ok());
    CHECK(doc.rows.front().fields.size() == 8 + 5 + 1);
    auto rows = byCode(doc);
    CHECK(rows.count("D0006") == 0); // police are not on the festival list
    CHECK(rows.count("D0043") == 1);

    o = {};
    o.filter.categoryId = "lanh-dao-so";
    REQUIRE(day.exportTo("csv", day.dir.file("lead.csv"), o).ok());
    doc = paper::readCsvFile(day.dir.file("lead.csv"));
    CHECK(doc.rows.size() == 1 + 4);

    o = {};
    o.filter.from = test::at("07:15:00");
    o.filter.to = test::at("09:30:00");
    REQUIRE(day.exportTo("csv", day.dir.file("window.csv"), o).ok());
    rows = byCode(paper::readCsvFile(day.dir.file("window.csv")));
    CHECK(rows.at("D0001")[8].empty());             // entered before the window
    CHECK(rows.at("D0001")[9] == "2023-08-04 09:00:00"); // left inside it
    CHECK(rows.at("D0006")[8] == "2023-08-04 07:20:00");
    CHECK(rows.at("D0043")[13].empty());            // festival entry after the window

    o = {};
    o.filter.listId = "nope";
    CHECK_FALSE(day.exportTo("csv", day.dir.file("x.csv"), o).ok());
}

TEST_CASE("attendance XLSX holds the three sheets with refusals and forced admissions") {
    Day day;
    const std::string path = day.dir.file("a.xlsx");
    const auto st = day.exportTo("xlsx", path);
    REQUIRE(st.ok());
    CHECK(st.pages == 3);
    const std::string book = test::unzipEntry(path, "xl/workbook.xml");
    CHECK(book.find("name=\"Điểm danh\"") != std::string::npos);
    CHECK(book.find("name=\"Tổng hợp\"") != std::string::npos);
    CHECK(book.find("name=\"Nhật ký quét\"") != std::string::npos);
    const std::string strings = test::unzipEntry(path, "xl/sharedStrings.xml");
    for (const char* s : {"Nguyễn Văn Bình", "Lãnh đạo Sở Y tế", "mã lạ", "ANTQ23-NOPE", "Từ chối",
                          "Khách mời đến sớm, trưởng ban cho vào", "Cổng 1"}) {
        INFO(s);
        CHECK(strings.find(s) != std::string::npos);
    }
    const std::string scans = test::unzipEntry(path, "xl/worksheets/sheet3.xml");
    CHECK(test::countOf(scans, "<row ") == 1 + 7); // header + every scan, refused and forced included
}

TEST_CASE("a single-sheet CSV export can pick the scan log") {
    Day day;
    services::AttendanceExportOptions o;
    o.sheets = {services::AttendanceSheet::Scans};
    REQUIRE(day.exportTo("csv", day.dir.file("scans.csv"), o).ok());
    const auto doc = paper::readCsvFile(day.dir.file("scans.csv"));
    REQUIRE(doc.ok());
    REQUIRE(doc.rows.size() == 1 + 7);
    // Time order: the forced admission at 06:00 comes first.
    CHECK(doc.rows[1].fields[0] == "2023-08-04 06:00:00");
    CHECK(doc.rows[1].fields[10] == "Có");
    bool refused = false;
    for (const auto& r : doc.rows) refused = refused || (r.fields[9] == "ANTQ23-NOPE" && r.fields[4] == "Từ chối");
    CHECK(refused);
}

TEST_CASE("the report's data comes from the day: figures, arrivals, settings from report.toml") {
    Day day;
    services::ReportOptions o;
    o.notes = "Ghi chú của ban tổ chức.";
    const auto data = services::buildReport(*day.session, o, test::at("17:00:00"));
    CHECK(data.header.unit == "SỞ Y TẾ BẮC GIANG");
    CHECK(data.header.date == "2023-08-04");
    CHECK(data.signerName == "Nguyễn Văn Bình");
    CHECK(data.signerLines == std::vector<std::string>{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"});
    CHECK_FALSE(data.recipients.empty());
    std::int64_t presentLe = 0;
    for (const auto& f : data.attendance)
        if (f.list == "Phần lễ") presentLe += f.present;
    CHECK(presentLe == 4);
    // Every first entry is in one bar of its list's series.
    double bars = 0;
    for (const auto& s : data.arrivals.series)
        for (double v : s.values) bars += v;
    CHECK(bars == 5);
    CHECK(data.arrivals.labels.front() == "06:00");
    REQUIRE(data.intro.size() == 2);
    CHECK(data.intro[1].find("1 lượt quét bị từ chối") != std::string::npos);
    CHECK(data.intro[1].find("1 lượt cho vào") != std::string::npos);

    const std::string pdf = day.dir.file("r.pdf");
    REQUIRE(paper::writeReportPdf(data, pdf).ok());
    const std::string text = test::pdfText(pdf);
    CHECK(text.find("Ghi chú của ban tổ chức.") != std::string::npos);
    CHECK(text.find("Thường trực Huyện ủy / Thành ủy") != std::string::npos);
}

TEST_CASE("badge sheets: everyone, some codes in order, a category, revoked and unknown refused") {
    Day day;
    std::string error;
    auto all = services::buildBadgeSheet(*day.session, {}, error);
    REQUIRE(all);
    CHECK(static_cast<std::int64_t>(all->badges.size()) == store::countDelegates(day.session->db()));
    CHECK(all->eventLines == std::vector<std::string>{"SỞ Y TẾ BẮC GIANG", "NGÀY HỘI TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023"});

    auto some = services::buildBadgeSheet(*day.session, {{"d0043", "D0001"}, ""}, error);
    REQUIRE(some);
    REQUIRE(some->badges.size() == 2);
    CHECK(some->badges[0].code == day.badge("D0043"));
    CHECK(some->badges[1].name == "Nguyễn Văn Bình");
    CHECK(some->badges[1].categoryColor.size() == 7);

    auto leaders = services::buildBadgeSheet(*day.session, {{}, "lanh-dao-so"}, error);
    REQUIRE(leaders);
    CHECK(leaders->badges.size() == 4);

    CHECK_FALSE(services::buildBadgeSheet(*day.session, {{"D9999"}, ""}, error));
    CHECK(error.find("D9999") != std::string::npos);
    CHECK_FALSE(services::buildBadgeSheet(*day.session, {{}, "nope"}, error));
    services::DelegateDirectory(*day.session).revoke("D0002");
    CHECK_FALSE(services::buildBadgeSheet(*day.session, {{"D0002"}, ""}, error));
    all = services::buildBadgeSheet(*day.session, {}, error);
    REQUIRE(all);
    CHECK(static_cast<std::int64_t>(all->badges.size()) == store::countDelegates(day.session->db()) - 1);
}

TEST_CASE("certificates from a recipients CSV with Vietnamese headers, with the pack's template") {
    Day day;
    std::string error;
    REQUIRE(services::certificateTemplate(*day.session, "", &error)); // kept in the database at init
    {
        std::ofstream csv(day.dir.file("r.csv"), std::ios::binary);
        csv << "\xEF\xBB\xBF" << "Họ và tên;Đơn vị;Thành tích;Quyết định\r\n"
            << "Ông Lê Văn Tám;Trung tâm Y tế huyện Tân Yên;\"Đã có thành tích xuất sắc; tiêu biểu\";Quyết định số 1125/QĐ-SYT\r\n"
            << "Bà Ngô Thị Mai;Bệnh viện Phổi;Đạt Giải Ba;Quyết định số 1130/QĐ-SYT\r\n";
    }
    services::CertificateOptions o;
    o.recipientsCsv = day.dir.file("r.csv");
    const auto people = services::certificateRecipients(*day.session, o, error);
    REQUIRE(people);
    REQUIRE(people->size() == 2);
    CHECK((*people)[0].achievement == "Đã có thành tích xuất sắc; tiêu biểu");
    const std::string pdf = day.dir.file("c.pdf");
    const auto st = services::printCertificates(*day.session, o, pdf);
    REQUIRE(st.ok());
    CHECK(st.pages == 2);
    const std::string text = test::pdfText(pdf);
    CHECK(text.find("Ông Lê Văn Tám") != std::string::npos);
    CHECK(text.find("Số: 1130/QĐ-SYT") != std::string::npos);
    CHECK(text.find("Bắc Giang, ngày 04 tháng 8 năm 2023") != std::string::npos);

    std::ofstream(day.dir.file("bad.csv")) << "unit\nX\n";
    o.recipientsCsv = day.dir.file("bad.csv");
    CHECK_FALSE(services::certificateRecipients(*day.session, o, error));
}
