// Offline double admissions in the organizer's papers: two gates admit the same badge while the
// hub is down; after it returns and every machine synced, the desk's attendance XLSX has a
// "Xung đột" sheet naming both gates and times, the CSV of that sheet parses back, and the PDF
// report counts it.
#include <catch2/catch.hpp>

#include "../unit/paper_support.hpp"
#include "hub_support.hpp"
#include "kiosk/paper/csv_reader.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("a pulled conflict is in the attendance export (XLSX sheet, CSV) and the report") {
    Fleet f(2);
    std::string name;
    {
        auto db = store::Database::open(f.org);
        name = store::allDelegates(*db).front().name; // the delegate of f.badges[0]
    }
    f.pg.stopImmediate();
    for (int g = 0; g < 2; ++g) {
        const auto r = runKiosk("--db " + q(f.gates[g]) + " --json checkin " + q(f.badges[0]) +
                                " --kiosk gate" + std::to_string(g + 1) + " --at 2023-08-04T08:0" +
                                std::to_string(g) + ":00+07:00");
        REQUIRE(r.out.find("\"offline\":true") != std::string::npos);
        REQUIRE(r.out.find("\"status\":\"accepted\"") != std::string::npos);
    }
    f.pg.start();
    for (const auto& db : f.gates)
        REQUIRE(runKiosk("--db " + q(db) + " hub sync").code == 0);
    REQUIRE(runKiosk("--db " + q(f.org) + " hub sync").code == 0);
    REQUIRE(count(f.org, "SELECT count(*) FROM fleet_conflicts") == 1);

    const std::string xlsx = f.dir.file("diem-danh.xlsx");
    REQUIRE(
        runKiosk("--db " + q(f.org) + " export attendance --format xlsx --out " + q(xlsx)).code ==
        0);
    const std::string book = unzipEntry(xlsx, "xl/workbook.xml");
    CHECK(book.find("name=\"Xung đột\"") != std::string::npos);
    const std::string sheet = unzipEntry(xlsx, "xl/worksheets/sheet4.xml");
    CHECK(countOf(sheet, "<row ") == 1 + 1); // header + the conflict
    // Shared or inline (a large export streams its strings inline).
    const std::string strings = unzipEntry(xlsx, "xl/sharedStrings.xml") + sheet;
    for (const char* s : {"Máy thứ nhất", "Máy thứ hai", "gate1", "gate2", name.c_str()}) {
        INFO(s);
        CHECK(strings.find(s) != std::string::npos);
    }

    const std::string csv = f.dir.file("xung-dot.csv");
    REQUIRE(runKiosk("--db " + q(f.org) + " export attendance --sheet conflicts --out " + q(csv))
                .code == 0);
    const auto doc = paper::readCsvFile(csv);
    REQUIRE(doc.ok());
    REQUIRE(doc.rows.size() == 2);
    const auto& row = doc.rows[1].fields;
    CHECK(row[1] == "Phần lễ");
    CHECK(row[3] == name);
    // Both gates and both times, whichever reached the hub first.
    const std::string both = row[6] + "@" + row[7] + "|" + row[8] + "@" + row[9];
    CHECK((both == "gate1@2023-08-04 08:00:00|gate2@2023-08-04 08:01:00" ||
           both == "gate2@2023-08-04 08:01:00|gate1@2023-08-04 08:00:00"));

    const std::string pdf = f.dir.file("bao-cao.pdf");
    REQUIRE(
        runKiosk("--db " + q(f.org) + " report --out " + q(pdf) + " --at 2023-08-04T17:00").code ==
        0);
    CHECK(pdfText(pdf).find("Có 1 trường hợp một đại biểu được cho vào ở hai máy") !=
          std::string::npos);

    // Without conflicts there is no such sheet: a one-PC export stays as it was.
    const std::string plain = f.dir.file("plain.xlsx");
    REQUIRE(runKiosk("--db " + q(f.org) + " export attendance --format xlsx --out " + q(plain) +
                     " --list hoi")
                .code == 0);
    CHECK(unzipEntry(plain, "xl/workbook.xml").find("Xung đột") == std::string::npos);
}
