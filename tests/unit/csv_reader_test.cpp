#include <catch2/catch.hpp>

#include "kiosk/paper/csv_reader.hpp"

using namespace kiosk::paper;

TEST_CASE("CSV with BOM, CRLF and quoted fields with embedded newlines and quotes") {
    const std::string data = "\xEF\xBB\xBF" "code,name,unit\r\nD1,\"Nguyễn Văn Bình\",\"Sở Y tế\r\nBắc Giang\"\r\nD2,\"Trần \"\"Bé\"\" Hoa\",\r\n";
    const auto doc = parseCsv(data);
    REQUIRE(doc.ok());
    CHECK(doc.delimiter == ',');
    REQUIRE(doc.rows.size() == 3);
    CHECK(doc.rows[0].fields == std::vector<std::string>{"code", "name", "unit"});
    CHECK(doc.rows[1].fields[1] == "Nguyễn Văn Bình");
    CHECK(doc.rows[1].fields[2] == "Sở Y tế\nBắc Giang");
    CHECK(doc.rows[2].fields[1] == "Trần \"Bé\" Hoa");
    CHECK(doc.rows[2].fields[2] == "");
    // The row after a two-line field starts on line 4.
    CHECK(doc.rows[2].line == 4);
}

TEST_CASE("semicolon files (Excel in Vietnamese locale) are detected from the header") {
    const auto doc = parseCsv("mã;họ và tên;đơn vị\nD1;Lê Thị Hoa;Bệnh viện, khoa Nội\n");
    REQUIRE(doc.ok());
    CHECK(doc.delimiter == ';');
    CHECK(doc.rows[1].fields[2] == "Bệnh viện, khoa Nội");
}

TEST_CASE("blank lines are skipped and a last line without newline is read") {
    const auto doc = parseCsv("a,b\n\n1,2");
    REQUIRE(doc.rows.size() == 2);
    CHECK(doc.rows[1].fields == std::vector<std::string>{"1", "2"});
    CHECK(doc.rows[1].line == 3);
}

TEST_CASE("problems come with line and column") {
    SECTION("unterminated quote") {
        const auto doc = parseCsv("a,b\n1,\"open\n2,3\n");
        REQUIRE(doc.problems.size() == 1);
        CHECK(doc.problems[0].code == "unterminated_quote");
        CHECK(doc.problems[0].line == 2);
        CHECK(doc.problems[0].column == 3);
    }
    SECTION("bad encoding (a Windows-1258 file)") {
        const auto doc = parseCsv("a,b\nD1,Nguy\xea" "n\n");
        REQUIRE_FALSE(doc.problems.empty());
        CHECK(doc.problems[0].code == "bad_encoding");
        CHECK(doc.problems[0].line == 2);
        CHECK(doc.problems[0].column == 8);
    }
    SECTION("a quote inside an unquoted field") {
        const auto doc = parseCsv("a,b\nx\"y,2\n");
        REQUIRE_FALSE(doc.problems.empty());
        CHECK(doc.problems[0].code == "stray_quote");
        CHECK(doc.problems[0].line == 2);
    }
}

TEST_CASE("a missing file is one problem") {
    const auto doc = readCsvFile("/nonexistent/file.csv");
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.problems[0].code == "unreadable");
}
