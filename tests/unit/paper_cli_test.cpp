// The paper commands of docs/CLI.md, run against the real binary: export, report, certificates,
// badges, badge --png.
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>
#include <catch2/catch.hpp>
#include <filesystem>

#include "kiosk/paper/csv_reader.hpp"
#include "tests/unit/paper_support.hpp"

using namespace kiosk;

namespace {

struct Cli {
    test::TempDir dir;
    std::string db;
    Cli() : db(dir.file("e.db")) {
        REQUIRE(kiosk("init").code == 0);
        const std::string leader = trimmed(kiosk("badge D0001").out);
        REQUIRE(kiosk("checkin " + leader + " --list le --at 2023-08-04T07:10").code == 0);
        REQUIRE(kiosk("checkin " + trimmed(kiosk("badge D0043").out) + " --list hoi --at 2023-08-04T09:45").code == 0);
        REQUIRE(kiosk("checkin BOGUS --list le --at 2023-08-04T07:12").code == 1);
    }
    struct Result {
        int code = -1;
        std::string out;
    };
    Result kiosk(const std::string& args) {
        Result r;
        r.out = test::run(std::string(KIOSK_BIN) + " --db " + test::shellQuote(db) + " " + args + " 2>&1", &r.code);
        return r;
    }
    static std::string trimmed(std::string s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
        return s;
    }
};

} // namespace

TEST_CASE("CLI: export attendance as CSV and XLSX, with filters, JSON and usage errors") {
    Cli cli;
    const std::string csv = cli.dir.file("a.csv");
    auto r = cli.kiosk("export attendance --format csv --out " + csv + " --list le");
    REQUIRE(r.code == 0);
    const auto doc = paper::readCsvFile(csv);
    REQUIRE(doc.ok());
    bool found = false;
    for (const auto& row : doc.rows)
        if (row.fields[1] == "D0001") found = row.fields[8] == "2023-08-04 07:10:00" && row.fields[11] == "Có mặt";
    CHECK(found);

    r = cli.kiosk("--json export attendance --format xlsx --out " + cli.dir.file("a.xlsx"));
    REQUIRE(r.code == 0);
    CHECK(r.out.find("\"pages\":3") != std::string::npos);
    CHECK(test::unzipEntry(cli.dir.file("a.xlsx"), "xl/workbook.xml").find("Nhật ký quét") != std::string::npos);

    r = cli.kiosk("export attendance --format csv --sheet scans --delimiter ';' --out " + cli.dir.file("s.csv"));
    REQUIRE(r.code == 0);
    const auto scans = paper::readCsvFile(cli.dir.file("s.csv"));
    CHECK(scans.delimiter == ';');
    CHECK(scans.rows.size() == 1 + 3);

    // A refused export leaves no file behind, not even an empty one.
    CHECK(cli.kiosk("export attendance --format csv --out " + cli.dir.file("x.csv") + " --list nope").code == 2);
    CHECK(cli.kiosk("export attendance --format pdf --out " + cli.dir.file("x.pdf")).code == 2);
    CHECK(cli.kiosk("export attendance --format csv --out " + cli.dir.file("x.csv") + " --from yesterday").code == 2);
    CHECK_FALSE(std::filesystem::exists(cli.dir.file("x.csv")));
    CHECK_FALSE(std::filesystem::exists(cli.dir.file("x.pdf")));
    CHECK(cli.kiosk("export attendance --format csv --out " + cli.dir.file("no/dir/x.csv")).code == 2);
}

TEST_CASE("CLI: export results writes the ceremony sheets") {
    Cli cli;
    const std::string path = cli.dir.file("r.xlsx");
    REQUIRE(cli.kiosk("export results --format xlsx --out " + path).code == 0);
    const std::string book = test::unzipEntry(path, "xl/workbook.xml");
    CHECK(book.find("Diễn biến phần lễ") != std::string::npos);
    CHECK(book.find("Khen thưởng") != std::string::npos);
}

TEST_CASE("CLI: report with notes, number and chart") {
    Cli cli;
    {
        std::ofstream notes(cli.dir.file("notes.txt"), std::ios::binary);
        notes << "\xEF\xBB\xBF" << "Buổi lễ diễn ra trang trọng.\n\nĐề nghị khen thưởng đội văn nghệ.";
    }
    const std::string pdf = cli.dir.file("r.pdf"), png = cli.dir.file("c.png");
    const auto r = cli.kiosk("report --out " + pdf + " --notes " + cli.dir.file("notes.txt") +
                             " --number 125/BC-SYT --chart " + png + " --at 2023-08-04T17:00");
    REQUIRE(r.code == 0);
    const std::string text = test::pdfText(pdf);
    CHECK(text.find("Buổi lễ diễn ra trang trọng.") != std::string::npos);
    CHECK(text.find("Đề nghị khen thưởng đội văn nghệ.") != std::string::npos);
    CHECK(text.find("Số: 125/BC-SYT") != std::string::npos);
    CHECK(text.find("Bắc Giang, ngày 04 tháng 8 năm 2023") != std::string::npos);
    CHECK(test::loadPngGray(png).ink() > 0.02);
    CHECK(cli.kiosk("report --out " + pdf + " --notes " + cli.dir.file("missing.txt")).code == 2);
}

TEST_CASE("CLI: badges for chosen codes, and one badge's QR as PNG") {
    Cli cli;
    const std::string pdf = cli.dir.file("b.pdf");
    REQUIRE(cli.kiosk("badges --out " + pdf + " --codes D0001,D0043").code == 0);
    CHECK(test::pdfPages(pdf) == 1);
    const std::string text = test::pdfText(pdf);
    CHECK(text.find("Nguyễn Văn Bình") != std::string::npos);
    CHECK(cli.kiosk("badges --out " + pdf + " --codes D9999").code == 2);

    const std::string png = cli.dir.file("q.png");
    const auto r = cli.kiosk("badge D0001 --png " + png);
    REQUIRE(r.code == 0);
    const auto img = test::loadPngGray(png);
    const auto decoded = ZXing::ReadBarcode(ZXing::ImageView(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum),
                                            ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    REQUIRE(decoded.isValid());
    CHECK(decoded.text() == Cli::trimmed(r.out));
}

TEST_CASE("CLI: certificates for a recipients file") {
    Cli cli;
    std::ofstream(cli.dir.file("r.csv")) << "name,unit,achievement,decision\n"
                                            "Bà Hà Thị Lan,Bệnh viện Y học cổ truyền,Đạt Giải Nhất,Quyết định số 1130/QĐ-SYT\n";
    const std::string pdf = cli.dir.file("c.pdf");
    REQUIRE(cli.kiosk("certificates --out " + pdf + " --recipients " + cli.dir.file("r.csv")).code == 0);
    CHECK(test::pdfPages(pdf) == 1);
    CHECK(test::pdfText(pdf).find("Bà Hà Thị Lan") != std::string::npos);
    CHECK(cli.kiosk("certificates --out " + pdf + " --template " + cli.dir.file("none.toml")).code == 2);
}

TEST_CASE("CLI: the ceremony and the festival reach the report, the results export and the certificates") {
    Cli cli;
    REQUIRE(cli.kiosk("program start --at 2023-08-04T08:02:00+07:00").code == 0);
    REQUIRE(cli.kiosk("program next --at 2023-08-04T08:05:30+07:00").code == 0);
    REQUIRE(cli.kiosk("program award tt-01 --at 2023-08-04T08:50:00+07:00").code == 0);
    for (const char* r : {"bvdk 58.31", "bvsn 57.90", "cdc 59.12", "vp-so 1:01.40"})
        REQUIRE(cli.kiosk(std::string("results --contest tiep-suc --at 2023-08-04T15:00 record ") + r).code == 0);

    const std::string pdf = cli.dir.file("r.pdf");
    REQUIRE(cli.kiosk("report --out " + pdf + " --at 2023-08-04T17:00").code == 0);
    const std::string text = test::pdfText(pdf);
    for (const char* s : {"Lễ chào cờ", "Bệnh viện Đa khoa tỉnh Bắc Giang", "Đã trao 1/8 phần thưởng",
                          "Chạy tiếp sức 4 × 100 m", "Giải Nhất Bệnh viện Sản Nhi", "57,90"}) {
        INFO(s);
        CHECK(text.find(s) != std::string::npos);
    }

    const std::string csv = cli.dir.file("awards.csv");
    REQUIRE(cli.kiosk("export results --format csv --sheet awards --out " + csv).code == 0);
    const auto awards = paper::readCsvFile(csv);
    REQUIRE(awards.ok());
    REQUIRE(awards.rows.size() == 1 + 8);
    CHECK(awards.rows[1].fields[2] == "Bệnh viện Đa khoa tỉnh Bắc Giang");
    CHECK(awards.rows[1].fields[8] == "2023-08-04 08:50:00");
    CHECK(awards.rows[2].fields[8].empty());

    const std::string book = cli.dir.file("results.xlsx");
    REQUIRE(cli.kiosk("export results --format xlsx --out " + book).code == 0);
    CHECK(test::unzipEntry(book, "xl/workbook.xml").find("Chạy tiếp sức 4 × 100 m") != std::string::npos);

    const std::string certs = cli.dir.file("c.pdf");
    REQUIRE(cli.kiosk("certificates --source winners --out " + certs).code == 0);
    CHECK(test::pdfPages(certs) == 3); // Nhất, Nhì, Ba
    CHECK(test::pdfText(certs).find("Đã đạt Giải Nhất Chạy tiếp sức 4 × 100 m") != std::string::npos);
    REQUIRE(cli.kiosk("certificates --out " + certs).code == 0);
    CHECK(test::pdfPages(certs) == 8 + 3);
}
