// The pack's [display] text_scale (issue 12, item 12): parsed and range-checked with a message in
// the user's language, kept in the event database; and the index that keeps the MC's collective
// award presence query (delegatesOfUnit) off a scan of every delegate.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <tuple>

#include "kiosk/services/program_runner.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"
#include "test_support.hpp"

using namespace kiosk;

namespace {

// The default pack's event.toml with extra lines at its end.
std::string eventToml(const test::TempDir& dir, const std::string& extra) {
    std::ifstream in(test::defaultPack() + "/event.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string path = dir.file("event.toml");
    std::ofstream(path) << text << "\n" << extra << "\n";
    return path;
}

struct Parsed {
    core::Event event;
    std::vector<std::string> problems;
    bool ok = false;
};

Parsed parse(const std::string& extra) {
    test::TempDir dir;
    Parsed p;
    std::vector<core::CheckinList> lists;
    std::string pin;
    p.ok = services::loadEventToml(eventToml(dir, extra), p.event, lists, pin, p.problems);
    return p;
}

} // namespace

TEST_CASE("pack: [display] text_scale multiplies the gate's and the stage's text",
          "[pack][display]") {
    CHECK(parse("").event.textScale == Approx(1.0)); // absent: the size the screen gives
    const Parsed p = parse("[display]\ntext_scale = 1.3");
    CHECK(p.ok);
    CHECK(p.event.textScale == Approx(1.3));
    CHECK(parse("[display]\ntext_scale = 2").event.textScale ==
          Approx(2.0)); // an integer is a number
    CHECK(parse("[display]\ntext_scale = 0.5").ok);
}

TEST_CASE("pack: a text_scale off its range or not a number is refused, in the user's language",
          "[pack][display]") {
    for (const char* bad : {"2.5", "0.2", "0", "-1", "\"1.3\"", "nan", "inf"}) {
        const Parsed p = parse(std::string("[display]\ntext_scale = ") + bad);
        INFO(bad);
        CHECK_FALSE(p.ok);
        REQUIRE(p.problems.size() == 1);
        CHECK(p.problems[0].find("text_scale") != std::string::npos);
        CHECK(p.problems[0].find("0.5") != std::string::npos);
        CHECK(p.problems[0].find("không hợp lệ") != std::string::npos);
    }
    core::setLanguage("en");
    const Parsed en = parse("[display]\ntext_scale = 9");
    core::setLanguage("vi");
    REQUIRE(en.problems.size() == 1);
    CHECK(en.problems[0].find("must be a number from 0.5 to 2.0") != std::string::npos);
    CHECK(en.problems[0].find("= 9") != std::string::npos);
}

TEST_CASE("pack: kiosk init keeps text_scale in the event database", "[pack][display]") {
    test::TempDir dir;
    const std::string pack = test::copyDefaultPack(dir);
    std::ofstream(pack + "/event.toml", std::ios::app) << "\n[display]\ntext_scale = 1.4\n";
    REQUIRE(test::initPack(pack, dir.file("event.db")).ok);
    auto db = store::Database::open(dir.file("event.db"));
    CHECK(store::loadEvent(*db).textScale == Approx(1.4));
    // A database made before the key existed reads 1 (the migration's default).
    test::makeEventDb(dir.file("plain.db"));
    auto plain = store::Database::open(dir.file("plain.db"));
    CHECK(store::loadEvent(*plain).textScale == Approx(1.0));
}

TEST_CASE("ceremony: the collective award presence query uses the delegates_unit index",
          "[ceremony][store]") {
    test::TempDir dir;
    test::makeEventDb(dir.file("event.db"));
    auto db = store::Database::open(dir.file("event.db"));
    std::string plan;
    auto st = db->prepare(std::string("EXPLAIN QUERY PLAN ") + store::kDelegatesOfUnitSql);
    st.bind(1, std::string("Trung tâm Y tế huyện Yên Dũng"));
    while (st.step())
        plan += st.getText(3) + "\n";
    INFO(plan);
    CHECK(plan.find("USING INDEX delegates_unit") != std::string::npos);
    CHECK(plan.find("SCAN delegates") == std::string::npos);
    CHECK(plan.find("TEMP B-TREE") == std::string::npos); // already in rank, name order
    // The index leaves the answer as it was: the unit's delegates, none revoked, by rank.
    auto units =
        db->prepare("SELECT unit, count(*) FROM delegates WHERE revoked = 0 AND unit <> '' "
                    "GROUP BY unit ORDER BY count(*) DESC LIMIT 1");
    REQUIRE(units.step());
    const std::string unit = units.getText(0);
    CHECK(store::delegatesOfUnit(*db, unit).size() == static_cast<std::size_t>(units.getInt(1)));
}

TEST_CASE("ceremony: a collective award shows who of the recipient unit is in the hall (item 8)",
          "[ceremony][store]") {
    test::TempDir dir;
    test::makeEventDb(dir.file("event.db"));
    auto db = store::Database::open(dir.file("event.db"));
    const std::string unit = "Bệnh viện Đa khoa tỉnh Bắc Giang"; // tt-01's recipient
    for (const auto& [code, name, revoked] :
         {std::tuple{"U001", "Hoàng Thị Thu", false}, std::tuple{"U002", "Ngô Văn Đức", false},
          std::tuple{"U003", "Đỗ Văn Khải", true}}) {
        core::Delegate d;
        d.code = code;
        d.name = name;
        d.unit = unit;
        d.categoryId = "can-bo";
        d.revoked = revoked;
        store::upsertDelegate(*db, d, 0);
    }
    const auto before = store::delegatesOfUnit(*db, unit).size();
    store::CheckinRecord r;
    r.uuid = "u001-entry";
    r.delegateId = store::findDelegateByCode(*db, "U001")->id;
    r.listId = "le";
    r.direction = "entry";
    r.at = test::at("07:40:00");
    r.kiosk = "gate";
    store::insertCheckin(*db, r);
    services::ProgramRunner mc(*db, "mc");
    mc.refresh();
    const auto& awards = mc.model(test::at("08:00:00")).awards;
    REQUIRE_FALSE(awards.empty());
    CHECK(awards[0].award.id == "tt-01");
    CHECK(awards[0].unitDelegates == static_cast<int>(before)); // the revoked one is not counted
    CHECK(std::find(awards[0].unitPresent.begin(), awards[0].unitPresent.end(), "Hoàng Thị Thu") !=
          awards[0].unitPresent.end());
    CHECK(std::find(awards[0].unitPresent.begin(), awards[0].unitPresent.end(), "Ngô Văn Đức") ==
          awards[0].unitPresent.end());
}
