// Festival results as the field trial met them (issue 12, items 6, 16, 26): ties within the
// contest's tie_places wait for the tie-break, certificates name the performing unit, and the
// results export publishes each judge's sheet. Runs on the seed's event pack.
#include <catch2/catch.hpp>

#include "kiosk/paper/csv_reader.hpp"
#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/services/certificate_printing.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/judge_panel.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/services/session.hpp"
#include "test_support.hpp"

using namespace kiosk;

namespace {

const services::ResultLine* line(const services::ContestResults& r, const std::string& id) {
    for (const auto& l : r.lines)
        if (l.entryId == id) return &l;
    return nullptr;
}

// Every judge scores tm03 ("Bình yên bản làng", TTYT Lục Nam) and submits; gk5 gives 2 for content.
void judgeTm03(store::Database& db) {
    for (int j = 1; j <= 5; ++j) {
        services::JudgePanel panel(db, "van-nghe");
        REQUIRE(panel.login("gk" + std::to_string(j), "230" + std::to_string(j)).ok);
        REQUIRE(panel.setScore("tm03", "noi-dung", j == 5 ? 2.0 : 8.5, 100).ok);
        REQUIRE(panel.setScore("tm03", "bieu-dien", 9.0, 100).ok);
        REQUIRE(panel.setScore("tm03", "trang-phuc", 8.75, 100).ok);
        REQUIRE(panel.submit("tm03", 200 + j).ok);
    }
}

} // namespace

TEST_CASE("quiz results: a tie within tie_places gets no shared prize until the tie-break decides") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto session = services::Session::open(dir.file("e.db"));
    services::QuizHost host(session->db(), "tim-hieu", "host");
    REQUIRE(host.show("c01", 1).ok);
    // bvdk alone first; bvsn, cdc and ttyt-yd tie behind it (inside the first three places).
    for (const char* team : {"bvdk", "bvsn", "cdc", "ttyt-yd"}) REQUIRE(host.mark(team, true, 2).ok);
    for (const char* team : {"ttyt-ln", "vp-so"}) REQUIRE(host.mark(team, false, 2).ok);
    REQUIRE(host.show("c02", 3).ok);
    REQUIRE(host.mark("bvdk", true, 4).ok);
    const auto r = services::contestResults(session->db(), "tim-hieu");
    REQUIRE(line(r, "bvdk"));
    CHECK(line(r, "bvdk")->prize == core::Prize::First);
    CHECK_FALSE(line(r, "bvdk")->tieBreakPending);
    for (const char* team : {"bvsn", "cdc", "ttyt-yd"}) {
        INFO(team);
        CHECK(line(r, team)->rank == 2);
        CHECK(line(r, team)->prize == core::Prize::None); // not three Giải Nhì
        CHECK(line(r, team)->tieBreakPending);
    }
    // Behind the tie (rank 5), outside tie_places: nothing to settle.
    CHECK_FALSE(line(r, "vp-so")->tieBreakPending);
}

TEST_CASE("certificates for a judged winner name the performing unit in full and its performers") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto session = services::Session::open(dir.file("e.db"));
    judgeTm03(session->db());
    services::CertificateOptions o;
    o.awards = false;
    o.winners = true;
    std::string error;
    const auto recipients = services::certificateRecipients(*session, o, error);
    REQUIRE(recipients);
    const paper::CertificateRecipient* tm03 = nullptr;
    for (const auto& r : *recipients)
        if (r.achievement.find("Bình yên bản làng") != std::string::npos) tm03 = &r;
    REQUIRE(tm03);
    CHECK(tm03->name == "Trung tâm Y tế huyện Lục Nam");
    CHECK(tm03->unit == "Nhóm múa TTYT Lục Nam");
    CHECK(tm03->achievement.find("Giải Nhất") != std::string::npos);
    for (const auto& r : *recipients) CHECK(r.name != "Bình yên bản làng");
}

TEST_CASE("results export: each judge's sheet, per criterion, as typed, after the ranking") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto session = services::Session::open(dir.file("e.db"));
    judgeTm03(session->db());
    const auto r = services::contestResults(session->db(), "van-nghe");
    REQUIRE(r.sheets.size() == 5);
    CHECK_FALSE(r.sheets[4].judgeName.empty());
    REQUIRE(r.sheets[4].scores.size() == 3);
    CHECK(*r.sheets[4].scores[0] == 2.0);
    CHECK(*r.sheets[4].scores[2] == 8.75);

    const std::string path = dir.file("vn.csv");
    {
        paper::CsvTableSink sink(path);
        services::writeResults(sink, {r});
        REQUIRE(sink.finish().ok());
    }
    const auto doc = paper::readCsvFile(path);
    REQUIRE(doc.ok());
    int sheetRows = 0;
    bool low = false;
    for (const auto& row : doc.rows) {
        if (row.fields.size() >= 6 && row.fields[0] == "Bình yên bản làng" && row.fields[2] != "") {
            ++sheetRows;
            low = low || row.fields[3] == "2";
        }
    }
    CHECK(sheetRows == 5);
    CHECK(low); // gk5's 2 is published, though the trimmed mean dropped it
}
