#include <catch2/catch.hpp>

#include "kiosk/core/time.hpp"
#include "kiosk/paper/chart.hpp"
#include "kiosk/paper/pdf_certificates.hpp"
#include "kiosk/paper/pdf_report.hpp"
#include "tests/unit/paper_support.hpp"

using namespace kiosk;
using namespace kiosk::paper;

namespace {

core::Millis at(const char* hhmm) { return *core::parseIso8601(std::string("2023-08-19T") + hhmm + "+07:00", 420); }

ReportData sampleReport(int awards) {
    ReportData d;
    d.header = {"UBND TỈNH BẮC GIANG", "SỞ Y TẾ BẮC GIANG", "125/BC-SYT", "Bắc Giang", "2023-08-05"};
    d.title = "BÁO CÁO";
    d.subtitle = "Kết quả tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” ngành Y tế năm 2023";
    d.intro = {"Thời gian: 07 giờ 30 phút, ngày 19/8/2023. Địa điểm: Hội trường Sở Y tế Bắc Giang."};
    d.attendance = {{"Phần lễ", "Lãnh đạo Sở", "#C00000", 4, 4},
                    {"Phần lễ", "Đại biểu huyện, thành phố", "#1F4E79", 30, 27},
                    {"Phần hội", "Cán bộ, viên chức", "#548235", 120, 97}};
    d.arrivals.title = "Đại biểu đến theo thời gian";
    d.arrivals.labels = {"07:00", "07:15", "07:30", "07:45", "08:00"};
    d.arrivals.series = {{"Phần lễ", "#1F4E79", {3, 12, 10, 4, 2}}, {"Phần hội", "#548235", {0, 5, 30, 40, 22}}};
    d.timeline = {{"Chào cờ", at("07:30"), 5, at("07:32"), 6, false},
                  {"Tuyên bố lý do, giới thiệu đại biểu", at("07:35"), 10, at("07:38"), 12, false},
                  {"Ra mắt mô hình (nếu có)", at("08:40"), 10, std::nullopt, std::nullopt, true}};
    for (int i = 0; i < awards; ++i)
        d.awards.push_back({"Khoa Khám bệnh số " + std::to_string(i + 1), "Bệnh viện Đa khoa tỉnh", "Giấy khen",
                            "12/QĐ-SYT", i % 2 == 0});
    d.awards.push_back({"Đồng chí Phạm Thị Lụa", "Trung tâm Y tế huyện Lục Nam", "Giấy khen", "12/QĐ-SYT", true});
    d.contests = {{"Hội thi tìm hiểu pháp luật về an ninh, trật tự",
                   {{"Giải Nhất", "Đội Bệnh viện Sản - Nhi", "Bệnh viện Sản - Nhi Bắc Giang", "95"},
                    {"Giải Nhì", "Đội Trung tâm Y tế Yên Dũng", "Trung tâm Y tế huyện Yên Dũng", "88,5"}}}};
    d.notes = "Công tác bảo đảm an ninh, trật tự được thực hiện tốt.\n\nĐề nghị các đơn vị gửi ảnh tư liệu trước ngày 10/8/2023.";
    d.recipients = {"Công an tỉnh;", "Lãnh đạo Sở;", "Lưu: VT, TCHC."};
    d.signerLines = {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"};
    d.signerName = "Nguyễn Văn Bình";
    return d;
}

} // namespace

TEST_CASE("dates in administrative form pad days under 10 and months 1 and 2") {
    CHECK(dateLine("Bắc Giang", "2023-08-05") == "Bắc Giang, ngày 05 tháng 8 năm 2023");
    CHECK(dateLine("Bắc Giang", "2023-02-19") == "Bắc Giang, ngày 19 tháng 02 năm 2023");
    CHECK(dateLine("Bắc Giang", "") == "Bắc Giang, ngày .... tháng .... năm ......");
}

TEST_CASE("the number is taken out of a decision's text") {
    CHECK(decisionNumber("Quyết định số 1125/QĐ-SYT ngày 14/8/2023 của Giám đốc Sở Y tế") == "1125/QĐ-SYT");
    CHECK(decisionNumber("Số: 12/QĐ-SYT") == "12/QĐ-SYT");
    CHECK(decisionNumber("12/QĐ-SYT") == "12/QĐ-SYT");
}

TEST_CASE("chart ticks are 1, 2 or 5 times a power of ten") {
    CHECK(niceStep(97, 5) == 20);
    CHECK(niceStep(10, 5) == 2);
    CHECK(niceStep(3, 5) == 1);
    CHECK(niceStep(1200, 5) == 500);
    CHECK(niceStep(0, 5) == 1);
}

TEST_CASE("the report PDF holds the header, figures, timeline, awards, results, notes and signature") {
    test::TempDir dir;
    const std::string pdf = dir.file("report.pdf");
    size_t steps = 0;
    const PaperStatus st = writeReportPdf(sampleReport(3), pdf, [&](size_t done, size_t total) { steps = done == total ? done : steps; });
    REQUIRE(st.ok());
    CHECK(steps > 0);
    const std::string text = test::pdfText(pdf);
    for (const char* s : {"UBND TỈNH BẮC GIANG", "SỞ Y TẾ BẮC GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "Độc lập - Tự do - Hạnh phúc", "Số: 125/BC-SYT", "Bắc Giang, ngày 05 tháng 8 năm 2023",
                          "BÁO CÁO", "TÌNH HÌNH THAM DỰ", "Đại biểu huyện, thành phố", "90,0%", "80,8%",
                          "Đại biểu đến theo thời gian", "Tuyên bố lý do, giới thiệu đại biểu", "Không thực hiện",
                          "Đồng chí Phạm Thị Lụa", "Đội Bệnh viện Sản - Nhi", "Giải Nhất",
                          "Đề nghị các đơn vị gửi ảnh tư liệu", "Nơi nhận:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                          "Nguyễn Văn Bình", "Đã trao 3/4 phần thưởng"}) {
        INFO(s);
        CHECK(text.find(s) != std::string::npos);
    }
    const auto pages = test::renderPages(pdf, dir.path(), 30);
    REQUIRE(pages.size() == static_cast<size_t>(st.pages));
    for (const auto& p : pages) CHECK(p.ink() > 0.005);
}

TEST_CASE("a long report breaks across pages and repeats table headers") {
    test::TempDir dir;
    const std::string pdf = dir.file("report.pdf");
    const PaperStatus st = writeReportPdf(sampleReport(120), pdf);
    REQUIRE(st.ok());
    CHECK(st.pages >= 3);
    CHECK(test::pdfPages(pdf) == st.pages);
    const std::string text = test::pdfText(pdf);
    CHECK(text.find("Khoa Khám bệnh số 120") != std::string::npos);
    // The awards table header shows on every page the table spans.
    CHECK(test::countOf(text, "Trao tại buổi lễ") >= 2);
    for (const auto& p : test::renderPages(pdf, dir.path(), 30)) CHECK(p.ink() > 0.005);
}

TEST_CASE("an empty report still says so in each section") {
    test::TempDir dir;
    const std::string pdf = dir.file("report.pdf");
    ReportData d;
    d.title = "BÁO CÁO";
    REQUIRE(writeReportPdf(d, pdf).ok());
    CHECK(test::countOf(test::pdfText(pdf), "Không có.") == 5);
}

TEST_CASE("the arrivals chart renders to a PNG with bars") {
    test::TempDir dir;
    const std::string png = dir.file("chart.png");
    const BarChart chart = sampleReport(0).arrivals;
    REQUIRE(writeChartPng(chart, png, 800, 360).ok());
    const test::Gray img = test::loadPngGray(png);
    CHECK(img.width == 800);
    CHECK(img.height == 360);
    CHECK(img.ink() > 0.05);
}

TEST_CASE("certificates: one landscape page per recipient, from the pack's template") {
    std::string why;
    const auto tmpl = loadCertificateTemplate(std::string(KIOSK_SOURCE_DIR) + "/data/ngay-hoi-antq-2023/certificate.toml", &why);
    REQUIRE(tmpl);
    CHECK(tmpl->title == "GIẤY KHEN");
    CHECK(tmpl->signerName == "Nguyễn Văn Bình");

    test::TempDir dir;
    const std::string pdf = dir.file("cert.pdf");
    const std::string decision = "Quyết định số 1125/QĐ-SYT ngày 14/8/2023 của Giám đốc Sở Y tế Bắc Giang";
    const std::vector<CertificateRecipient> people = {
        {"Bà Đặng Thị Ngọc Diệp", "Bệnh viện Đa khoa tỉnh Bắc Giang",
         "Đã có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023", decision},
        {"Đội Trung tâm Y tế huyện Yên Dũng", "Trung tâm Y tế huyện Yên Dũng",
         "Đạt Giải Nhì Hội thi tìm hiểu pháp luật về an ninh, trật tự", "Quyết định số 1130/QĐ-SYT"},
        {"Ông Hoàng Quốc Việt", "Trung tâm Kiểm soát bệnh tật tỉnh",
         "Đã có thành tích xuất sắc trong công tác bảo đảm an ninh, trật tự", decision}};
    const PaperStatus st = writeCertificatesPdf(*tmpl, people, {"Ngày hội", "Bắc Giang", "2023-08-19"}, pdf);
    REQUIRE(st.ok());
    CHECK(st.pages == 3);
    CHECK(test::pdfPages(pdf) == 3);
    CHECK(test::pdfPageSize(pdf).rfind("841.89 x 595.276", 0) == 0);
    const std::string text = test::pdfText(pdf);
    CHECK(test::countOf(text, "GIẤY KHEN") == 3);
    CHECK(test::countOf(text, "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC") == 3);
    CHECK(test::countOf(text, "Bắc Giang, ngày 19 tháng 8 năm 2023") == 3);
    for (const auto& p : people) {
        CHECK(text.find(p.name) != std::string::npos);
        CHECK(text.find(p.achievement) != std::string::npos);
    }
    CHECK(text.find("Số: 1130/QĐ-SYT") != std::string::npos);
    CHECK(test::countOf(text, "Số: 1125/QĐ-SYT") == 2);
    for (const auto& page : test::renderPages(pdf, dir.path(), 30)) CHECK(page.ink() > 0.01);
}

TEST_CASE("certificate templates and runs fail as values") {
    test::TempDir dir;
    std::string why;
    CHECK_FALSE(loadCertificateTemplate(dir.file("missing.toml"), &why));
    CHECK_FALSE(why.empty());
    {
        std::ofstream(dir.file("bad.toml")) << "title = \n";
        CHECK_FALSE(loadCertificateTemplate(dir.file("bad.toml"), &why));
        std::ofstream(dir.file("untitled.toml")) << "verb = \"TẶNG\"\n";
        CHECK_FALSE(loadCertificateTemplate(dir.file("untitled.toml"), &why));
    }
    CertificateTemplate t;
    CHECK_FALSE(writeCertificatesPdf(t, {}, {}, dir.file("none.pdf")).ok());
}
