// The department's proof with a real throwaway PostgreSQL: three units publish their Ngày hội
// (one twice, one only from a backup after the deadline), one listed unit never does; the
// consolidated PDF (pdftotext), XLSX (sheet XML) and JSON are checked against the numbers each
// unit's own database gives.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "department_support.hpp"
#include "kiosk/services/department_unit.hpp"
#include "kiosk/store/export_repo.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("department: publish from units and a backup, consolidate to PDF, XLSX and JSON") {
    PgCluster pg;
    TempDir dir;
    ::setenv("KIOSK_HUB_URL", pg.url().c_str(), 1);
    const std::string units = dir.file("don-vi.csv");
    std::ofstream(units)
        << "\xEF\xBB\xBFSTT,Mã đơn vị,Tên đơn vị,Huyện/TP,Người liên hệ,Điện thoại\n"
        << "1,CDC,Trung tâm Kiểm soát bệnh tật tỉnh,TP. Bắc Giang,Chị Mai,0204 1111 222\n"
        << "2,BVDK,Bệnh viện Đa khoa tỉnh,TP. Bắc Giang,Anh Tuấn,\n"
        << "3,TTYT-YD,Trung tâm Y tế huyện Yên Dũng,Yên Dũng,,\n"
        << "4,TTYT-LN,Trung tâm Y tế huyện Lục Nam,Lục Nam,Chị Hoa,0204 3333 444\n";
    REQUIRE(runKiosk("hub units import " + q(units)).code == 0);

    DemoUnit cdc{"CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", "2023-07-28", 40,
                 true,  {"cdc 58.10", "bvdk 59.00"},         {},           {},
                 {}};
    DemoUnit bvdk{"BVDK", "Bệnh viện Đa khoa tỉnh", "2023-08-04", 60, false, {}, {}, {}, {}};
    DemoUnit yd{"TTYT-YD",
                "Trung tâm Y tế huyện Yên Dũng",
                "2023-07-21",
                25,
                true,
                {"ttyt-yd 57.50"},
                {},
                {},
                {}};
    for (auto* u : {&cdc, &bvdk, &yd})
        makeUnitEvent(dir, *u);

    // CDC reports on 02/8 and publishes twice: the second changes nothing on the hub.
    REQUIRE(runKiosk("--db " + q(cdc.db) + " report --number 21 --out " + q(dir.file("cdc.pdf")) +
                     " --at 2023-08-02T09:00")
                .code == 0);
    auto first =
        runKiosk("--db " + q(cdc.db) + " --json hub publish --at 2023-08-02T10:00:00+07:00");
    REQUIRE(first.code == 0);
    CHECK(first.out.find("\"summary_changed\":true") != std::string::npos);
    const std::string before = pg.psql(
        "SELECT count(*) || '/' || (SELECT max(seq) FROM kiosk_hub.reference) || '/' || (SELECT "
        "updated_at FROM kiosk_hub.dept_summaries s JOIN "
        "kiosk_hub.events e ON e.id = s.event_id WHERE e.code = 'ev-cdc') FROM kiosk_hub.records");
    auto again =
        runKiosk("--db " + q(cdc.db) + " --json hub publish --at 2023-08-03T10:00:00+07:00");
    REQUIRE(again.code == 0);
    CHECK(again.out.find("\"records\":0") != std::string::npos);
    CHECK(again.out.find("\"delegates\":0") != std::string::npos);
    CHECK(again.out.find("\"summary_changed\":false") != std::string::npos);
    CHECK(pg.psql("SELECT count(*) || '/' || (SELECT max(seq) FROM kiosk_hub.reference) || '/' || "
                  "(SELECT updated_at FROM kiosk_hub.dept_summaries s JOIN kiosk_hub.events e ON "
                  "e.id = s.event_id WHERE e.code = 'ev-cdc') FROM kiosk_hub.records") == before);

    // BVDK publishes on the day, then late arrivals and its report on 09/8: only what is new.
    REQUIRE(runKiosk("--db " + q(bvdk.db) + " hub publish --at 2023-08-04T17:00:00+07:00").code ==
            0);
    const auto bvdkRecords =
        std::stoll(pg.psql("SELECT count(*) FROM kiosk_hub.records r JOIN kiosk_hub.events e ON "
                           "e.id = r.event_id WHERE e.code = 'ev-bvdk'"));
    checkInMore(bvdk, 60, 5);
    REQUIRE(runKiosk("--db " + q(bvdk.db) + " report --number 35 --out " + q(dir.file("bvdk.pdf")) +
                     " --at 2023-08-09T08:00")
                .code == 0);
    const auto later =
        runKiosk("--db " + q(bvdk.db) + " --json hub publish --at 2023-08-09T09:00:00+07:00");
    REQUIRE(later.code == 0);
    // Five check-ins, each with its scan.
    CHECK(later.out.find("\"records\":10") != std::string::npos);
    CHECK(
        std::stoll(pg.psql(
            "SELECT count(*) FROM kiosk_hub.records r JOIN kiosk_hub.events e ON e.id = r.event_id "
            "WHERE e.code = 'ev-bvdk'")) == bvdkRecords + 10);

    // Yên Dũng had no network: it publishes from a backup on 14/8, after the deadline.
    REQUIRE(runKiosk("--db " + q(yd.db) + " report --number 08 --out " + q(dir.file("yd.pdf")) +
                     " --at 2023-08-07T08:00")
                .code == 0);
    const std::string backup = dir.file("yd-backup.db");
    REQUIRE(runKiosk("--db " + q(yd.db) + " backup " + q(backup)).code == 0);
    std::filesystem::remove(yd.db);
    REQUIRE(runKiosk("--db " + q(backup) + " hub publish --at 2023-08-14T15:00:00+07:00").code ==
            0);

    // The department's machine has no event database.
    const std::string none = "--db " + q(dir.file("no-such.db")) + " ";
    const std::string pdf = dir.file("tong-hop.pdf"), xlsx = dir.file("tong-hop.xlsx");
    REQUIRE(
        runKiosk(none + "hub report --out " + q(pdf) + " --date 2023-08-15 --number 112").code ==
        0);
    REQUIRE(runKiosk(none + "hub report --out " + q(xlsx) + " --date 2023-08-15").code == 0);
    const auto json = runKiosk(none + "hub report --json --deadline 2023-08-10 --date 2023-08-15");
    REQUIRE(json.code == 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("no-such.db")));

    const std::string text = pdfText(pdf);
    CHECK(text.find("Số: 112/BC-SYT") != std::string::npos);
    CHECK(text.find("3/4 đơn vị đã tổ chức Ngày hội; 3 đơn vị đã gửi báo cáo kết quả, trong đó 2 "
                    "đơn vị gửi đúng hạn") != std::string::npos);
    CHECK(text.find("Trung tâm Y tế huyện Lục Nam, Lục Nam (Chị Hoa - 0204 3333 444)") !=
          std::string::npos);
    CHECK(text.find("Trung tâm Y tế huyện Yên Dũng: nhận ngày 14/8/2023") != std::string::npos);
    CHECK(text.find("Giải Nhất: Trung tâm Kiểm soát bệnh tật") != std::string::npos);
    // Earliest first, as commended: Yên Dũng (21/7), CDC (28/7), BVDK (04/8).
    const auto yAt = text.find("Trung tâm Y tế huyện Yên Dũng: tổ chức ngày 21/7/2023."),
               cAt = text.find("Trung tâm Kiểm soát bệnh tật tỉnh: tổ chức ngày 28/7/2023."),
               bAt = text.find("Bệnh viện Đa khoa tỉnh: tổ chức ngày 04/8/2023.");
    REQUIRE(yAt != std::string::npos);
    REQUIRE(cAt != std::string::npos);
    REQUIRE(bAt != std::string::npos);
    CHECK((yAt < cAt && cAt < bAt));

    const auto sheet = readSheet(xlsx, 2); // "Các đơn vị"
    std::int64_t totalPresent = 0, totalExpected = 0;
    std::map<std::string, const DemoUnit*> byCode = {
        {"CDC", &cdc}, {"BVDK", &bvdk}, {"TTYT-YD", &yd}};
    for (const auto& [code, unit] : byCode) {
        INFO(code);
        // The unit's own figures: from its database (the backup for Yên Dũng).
        auto session = services::Session::open(unit == &yd ? backup : unit->db);
        const auto own = store::eventFigures(session->db());
        const auto row = std::find_if(sheet.begin(), sheet.end(),
                                      [&](const auto& r) { return r.size() > 1 && r[1] == code; });
        REQUIRE(row != sheet.end());
        CHECK((*row)[6] == std::to_string(own.invited));
        CHECK((*row)[7] == std::to_string(own.present));
        CHECK(text.find(std::to_string(own.present) + "/" + std::to_string(own.invited)) !=
              std::string::npos);
        CHECK(json.out.find("\"code\":\"" + code + "\"") != std::string::npos);
        totalPresent += own.present;
        totalExpected += own.invited;
    }
    CHECK(json.out.find("\"present\":" + std::to_string(totalPresent) + ",") != std::string::npos);
    CHECK(json.out.find("\"expected\":" + std::to_string(totalExpected) + ",") !=
          std::string::npos);
    CHECK(json.out.find("\"not_held\":[{\"code\":\"TTYT-LN\"") != std::string::npos);
    CHECK(json.out.find("\"late\":[\"TTYT-YD\"]") != std::string::npos);
    // Dates are real dates in the workbook: CDC held on 28/7/2023 = Excel day 45135.
    const auto cdcRow = std::find_if(sheet.begin(), sheet.end(),
                                     [](const auto& r) { return r.size() > 4 && r[1] == "CDC"; });
    CHECK((*cdcRow)[4] == "45135");
    const auto missing = readSheet(xlsx, 6);
    REQUIRE(missing.size() == 2);
    CHECK(missing[1][0] == "TTYT-LN");
    ::unsetenv("KIOSK_HUB_URL");
}

TEST_CASE("department: a second unit that kept the pack's event code is refused, not merged") {
    PgCluster pg;
    TempDir dir;
    ::setenv("KIOSK_HUB_URL", pg.url().c_str(), 1);
    DemoUnit a{"CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", "2023-07-28", 5, false, {}, {}, {}, {}};
    DemoUnit b{"BVDK", "Bệnh viện Đa khoa tỉnh", "2023-08-04", 5, false, {}, {}, {}, {}};
    a.eventCode = b.eventCode = "ngay-hoi-antq-2023";
    makeUnitEvent(dir, a);
    makeUnitEvent(dir, b);
    REQUIRE(runKiosk("--db " + q(a.db) + " hub publish").code == 0);
    const auto r = runKiosk("--db " + q(b.db) + " hub publish");
    CHECK(r.code == 2);
    CHECK(r.out.find("Hub đã có sự kiện mã \"ngay-hoi-antq-2023\"") != std::string::npos);
    CHECK(pg.psql("SELECT unit FROM kiosk_hub.events") == "Trung tâm Kiểm soát bệnh tật tỉnh");
    ::unsetenv("KIOSK_HUB_URL");
}
