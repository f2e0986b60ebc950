#include <catch2/catch.hpp>

#include <fstream>

#include "kiosk/services/delegate_import.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "test_support.hpp"

using namespace kiosk;

namespace {

std::int64_t delegatesChecksum(store::Database& db) {
    auto st = db.prepare("SELECT count(*), total(length(name) + length(code) + rank + length(title) + length(unit)) FROM delegates");
    st.step();
    return st.getInt(0) * 1000003 + static_cast<std::int64_t>(st.getDouble(1));
}

} // namespace

TEST_CASE("import with Vietnamese headers, semicolons, BOM and CRLF inserts and then upserts by code") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto s = services::Session::open(dir.file("e.db"));
    const std::string csv = "\xEF\xBB\xBF" "Mã;Họ và tên;Chức vụ;Đơn vị;Thành phần;Ghế\r\n"
                            "X001;Đỗ Thị Thu Hà;Điều dưỡng;\"Bệnh viện Sản Nhi; khoa Sơ sinh\";can-bo;E1\r\n"
                            "x002;Bùi Quang Khải;Bác sĩ;Bệnh viện Phổi;Khách mời;E2\r\n";
    auto report = services::importDelegatesCsv(s->db(), csv, false);
    REQUIRE(report.ok);
    CHECK(report.inserted == 2);
    const auto ha = store::findDelegateByCode(s->db(), "X001");
    REQUIRE(ha);
    CHECK(ha->name == "Đỗ Thị Thu Hà");
    CHECK(ha->unit == "Bệnh viện Sản Nhi; khoa Sơ sinh");
    CHECK(store::findDelegateByCode(s->db(), "X002")->categoryId == "khach-moi"); // by category name, code upper-cased

    const std::string changed = "code,name,title,unit,category,seat\nX001,Đỗ Thị Thu Hà,Điều dưỡng trưởng,Bệnh viện Sản Nhi,can-bo,E1\n"
                                "X002,Bùi Quang Khải,Bác sĩ,Bệnh viện Phổi,khach-moi,E2\n";
    report = services::importDelegatesCsv(s->db(), changed, false);
    REQUIRE(report.ok);
    CHECK(report.inserted == 0);
    CHECK(report.updated == 1);
    CHECK(report.unchanged == 1);
    CHECK(store::findDelegateByCode(s->db(), "X001")->title == "Điều dưỡng trưởng");
}

TEST_CASE("a dry run reports and writes nothing") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto s = services::Session::open(dir.file("e.db"));
    const auto before = delegatesChecksum(s->db());
    const auto report = services::importDelegatesCsv(s->db(), "code,name,category\nN1,Lê Văn Tám,can-bo\nD0001,Nguyễn Văn Bình,can-bo\n", true);
    REQUIRE(report.ok);
    CHECK(report.dryRun);
    CHECK(report.inserted == 1);
    CHECK(report.updated == 1);
    CHECK(delegatesChecksum(s->db()) == before);
    CHECK_FALSE(store::findDelegateByCode(s->db(), "N1"));
}

TEST_CASE("a file with any bad row is refused whole, every problem listed by line and column") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto s = services::Session::open(dir.file("e.db"));
    const auto before = delegatesChecksum(s->db());
    const std::string csv = "code,name,category,rank\n"
                            "G1,Phan Văn Đức,can-bo,5\n"     // fine, but must not land
                            "G2,,can-bo,\n"                   // missing name
                            "G3,Ngô Thị Mai,không-có,\n"      // unknown category
                            "G1,Trịnh Văn Long,can-bo,\n"     // duplicate code
                            "G5,Hà Thị Vân,can-bo,abc\n"      // bad number
                            "G6,Chu Văn An\xff,can-bo,\n";    // bad encoding
    const auto report = services::importDelegatesCsv(s->db(), csv, false);
    CHECK_FALSE(report.ok);
    CHECK(report.inserted == 0);
    std::vector<std::tuple<int, int, std::string>> got;
    for (const auto& p : report.problems) got.emplace_back(p.line, p.column, p.code);
    using T = std::tuple<int, int, std::string>;
    CHECK(std::find(got.begin(), got.end(), T{3, 2, "missing_name"}) != got.end());
    CHECK(std::find(got.begin(), got.end(), T{4, 3, "unknown_category"}) != got.end());
    CHECK(std::find(got.begin(), got.end(), T{5, 1, "duplicate_code"}) != got.end());
    CHECK(std::find(got.begin(), got.end(), T{6, 4, "bad_number"}) != got.end());
    bool encoding = false;
    for (const auto& p : report.problems) encoding = encoding || (p.code == "bad_encoding" && p.line == 7);
    CHECK(encoding);
    // Messages are in Vietnamese and name the line.
    for (const auto& p : report.problems) CHECK(p.message.find("Dòng") != std::string::npos);
    CHECK(delegatesChecksum(s->db()) == before);
    CHECK_FALSE(store::findDelegateByCode(s->db(), "G1"));
}

TEST_CASE("a file without the required columns is refused") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto s = services::Session::open(dir.file("e.db"));
    const auto report = services::importDelegatesCsv(s->db(), "name,unit\nA,B\n", false);
    CHECK_FALSE(report.ok);
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems[0].code == "missing_column");
}

TEST_CASE("an unreadable file is a problem, not a crash") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto s = services::Session::open(dir.file("e.db"));
    const auto report = services::importDelegatesFile(s->db(), dir.file("missing.csv"), false);
    CHECK_FALSE(report.ok);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].code == "unreadable");
}
