#include <catch2/catch.hpp>

#include "kiosk/core/time.hpp"
#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/paper/xlsx.hpp"
#include "tests/unit/paper_support.hpp"

using namespace kiosk;
using namespace kiosk::paper;

namespace {

// 2023-08-19 07:42:05 at +07:00.
const core::Millis kAt = *core::parseIso8601("2023-08-19T07:42:05+07:00", 420);

const std::vector<Column> kColumns = {{"Mã", 10}, {"Họ và tên", 28}, {"Số lần", 8}, {"Giờ vào", 20}, {"Ghi chú", 30}};

void writeSample(TableSink& sink) {
    sink.beginSheet("Điểm danh", kColumns);
    const Cell r1[] = {Cell::str("D0001"), Cell::str("Nguyễn Văn Bình"), Cell::integer(2), Cell::time(kAt),
                       Cell::str("Đến sớm, \"ưu tiên\"")};
    const Cell r2[] = {Cell::str("D0002"), Cell::str("Trần Thị Thu Hương"), Cell::integer(0), Cell::empty(),
                       Cell::str("dòng 1\ndòng 2; có dấu, phẩy")};
    sink.row(r1);
    sink.row(r2);
}

} // namespace

TEST_CASE("CSV fields are quoted per RFC 4180 only when needed") {
    std::string out;
    appendCsvField(out, "plain", ',');
    CHECK(out == "plain");
    out.clear();
    appendCsvField(out, "a,b", ',');
    CHECK(out == "\"a,b\"");
    out.clear();
    appendCsvField(out, "say \"hi\"", ',');
    CHECK(out == "\"say \"\"hi\"\"\"");
    out.clear();
    appendCsvField(out, "two\r\nlines", ',');
    CHECK(out == "\"two\r\nlines\"");
    out.clear();
    appendCsvField(out, "a,b", ';');
    CHECK(out == "a,b");
    out.clear();
    appendCsvField(out, "a;b", ';');
    CHECK(out == "\"a;b\"");
}

TEST_CASE("a CSV table starts with a BOM, ends rows with CRLF and writes times as local date-times") {
    test::TempDir dir;
    const std::string path = dir.file("a.csv");
    CsvTableSink sink(path);
    writeSample(sink);
    const PaperStatus st = sink.finish();
    REQUIRE(st.ok());
    CHECK(st.rows == 2);
    const std::string bytes = test::readFile(path);
    CHECK(bytes == "\xEF\xBB\xBF"
                   "Mã,Họ và tên,Số lần,Giờ vào,Ghi chú\r\n"
                   "D0001,Nguyễn Văn Bình,2,2023-08-19 07:42:05,\"Đến sớm, \"\"ưu tiên\"\"\"\r\n"
                   "D0002,Trần Thị Thu Hương,0,,\"dòng 1\ndòng 2; có dấu, phẩy\"\r\n");
}

TEST_CASE("CSV options: no BOM, semicolons, LF") {
    test::TempDir dir;
    const std::string path = dir.file("b.csv");
    CsvOptions opt;
    opt.bom = false;
    opt.delimiter = ';';
    opt.crlf = false;
    CsvWriter w(path, opt);
    const std::string_view row[] = {"Lê Đức Thắng", "a;b", "x,y"};
    w.writeRow(row);
    REQUIRE(w.close().ok());
    CHECK(test::readFile(path) == "Lê Đức Thắng;\"a;b\";x,y\n");
}

TEST_CASE("a CSV sink holds one sheet and refuses a second as a value") {
    test::TempDir dir;
    CsvTableSink sink(dir.file("c.csv"));
    CHECK_FALSE(sink.multiSheet());
    writeSample(sink);
    sink.beginSheet("Tổng hợp", kColumns);
    CHECK(sink.failed());
    CHECK_FALSE(sink.finish().ok());
}

TEST_CASE("a CSV file that cannot be created reports why") {
    CsvWriter w("/nonexistent-dir/x.csv");
    CHECK_FALSE(w.ok());
    const PaperStatus st = w.close();
    CHECK_FALSE(st.ok());
    CHECK(st.error.find("/nonexistent-dir/x.csv") != std::string::npos);
}

TEST_CASE("sheet names are made acceptable to Excel") {
    CHECK(xlsxSheetName("Điểm danh") == "Điểm danh");
    CHECK(xlsxSheetName("a/b:c[d]") == "a_b_c_d_");
    CHECK(xlsxSheetName("") == "Sheet");
    // 31 characters, counted as code points, not bytes.
    CHECK(xlsxSheetName("Tổng hợp theo thành phần và danh sách điểm danh") == "Tổng hợp theo thành phần và dan");
}

TEST_CASE("an XLSX workbook opens as a zip whose sheets hold the cells") {
    test::TempDir dir;
    const std::string path = dir.file("a.xlsx");
    XlsxTableSink sink(path);
    REQUIRE(sink.multiSheet());
    writeSample(sink);
    sink.beginSheet("Tổng hợp", {{"Thành phần"}, {"Có mặt"}});
    const Cell r[] = {Cell::str("Lãnh đạo Sở"), Cell::number(12.5)};
    sink.row(r);
    const PaperStatus st = sink.finish();
    REQUIRE(st.ok());
    CHECK(st.pages == 2);
    CHECK(st.rows == 3);

    const std::string workbook = test::unzipEntry(path, "xl/workbook.xml");
    CHECK(workbook.find("name=\"Điểm danh\"") != std::string::npos);
    CHECK(workbook.find("name=\"Tổng hợp\"") != std::string::npos);

    const std::string strings = test::unzipEntry(path, "xl/sharedStrings.xml");
    for (const char* s : {"Họ và tên", "Nguyễn Văn Bình", "Trần Thị Thu Hương", "Lãnh đạo Sở"})
        CHECK(strings.find(s) != std::string::npos);
    CHECK(strings.find("Đến sớm, \"ưu tiên\"") != std::string::npos);

    const std::string sheet1 = test::unzipEntry(path, "xl/worksheets/sheet1.xml");
    CHECK(test::countOf(sheet1, "<row ") == 3);
    CHECK(sheet1.find("<autoFilter ref=\"A1:E3\"/>") != std::string::npos);
    CHECK(sheet1.find("state=\"frozen\"") != std::string::npos);
    CHECK(sheet1.find("<c r=\"C2\"><v>2</v></c>") != std::string::npos);
    // 2023-08-19 07:42:05 local is Excel day 45157 plus 27725/86400.
    CHECK(sheet1.find("<c r=\"D2\" s=\"2\"><v>45157.32089120") != std::string::npos);
    CHECK(sheet1.find("r=\"D3\"") == std::string::npos); // empty cells are absent

    const std::string sheet2 = test::unzipEntry(path, "xl/worksheets/sheet2.xml");
    CHECK(sheet2.find("<c r=\"B2\"><v>12.5</v></c>") != std::string::npos);
}

TEST_CASE("a constant-memory XLSX stores strings inline and the same cells") {
    test::TempDir dir;
    const std::string path = dir.file("b.xlsx");
    XlsxOptions opt;
    opt.constantMemory = true;
    XlsxTableSink sink(path, opt);
    writeSample(sink);
    REQUIRE(sink.finish().ok());
    const std::string sheet1 = test::unzipEntry(path, "xl/worksheets/sheet1.xml");
    CHECK(sheet1.find("<is><t>Nguyễn Văn Bình</t></is>") != std::string::npos);
    CHECK(test::countOf(sheet1, "<row ") == 3);
}

TEST_CASE("an XLSX that cannot be written fails as a value and leaves no file") {
    test::TempDir dir;
    {
        XlsxTableSink sink(dir.file("no/such/dir/a.xlsx"));
        writeSample(sink);
        const PaperStatus st = sink.finish();
        CHECK_FALSE(st.ok());
        CHECK_FALSE(st.error.empty());
    }
    {
        // Dropped without finish(): nothing reaches the disk.
        XlsxTableSink sink(dir.file("dropped.xlsx"));
        writeSample(sink);
    }
    CHECK_FALSE(std::filesystem::exists(dir.file("dropped.xlsx")));
}

TEST_CASE("CSV written with every option parses back to the same fields") {
    const std::vector<std::vector<std::string>> data = {
        {"Mã", "Họ và tên", "Ghi chú"},
        {"D0001", "Nguyễn Văn Bình", "có dấu phẩy, và \"ngoặc kép\""},
        {"D0002", "Trần Thị Thu Hương", "hai\ndòng; chấm phẩy"}, // the reader keeps LF inside a field
        {"D0003", "", " khoảng trắng ở đầu và cuối "},
        {"D0004", "Đặng Thị Ngọc Diệp", "tab\tở giữa"},
    };
    for (const char delimiter : {',', ';'}) {
        for (const bool bom : {true, false}) {
            test::TempDir dir;
            const std::string path = dir.file("rt.csv");
            CsvOptions opt;
            opt.delimiter = delimiter;
            opt.bom = bom;
            CsvWriter w(path, opt);
            for (const auto& row : data) {
                for (const auto& f : row) w.field(f);
                w.endRow();
            }
            REQUIRE(w.close().ok());
            const CsvDocument doc = readCsvFile(path);
            INFO("delimiter " << delimiter << " bom " << bom);
            REQUIRE(doc.ok());
            CHECK(doc.delimiter == delimiter);
            REQUIRE(doc.rows.size() == data.size());
            for (size_t i = 0; i < data.size(); ++i) CHECK(doc.rows[i].fields == data[i]);
        }
    }
}
