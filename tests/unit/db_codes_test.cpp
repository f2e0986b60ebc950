// Codes read back from the database go through their enum's table: an unknown one (a newer
// version's file, or damage) is an error, never silently a default such as "adjust".
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "kiosk/services/quiz_host.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/festival_repo.hpp"
#include "test_support.hpp"

using namespace kiosk;

TEST_CASE("an unknown code read from the database is an error and never a default") {
    test::TempDir dir;
    const auto path = dir.file("e.db");
    test::makeEventDb(path);
    auto db = store::Database::open(path);
    const auto contests = store::loadContests(*db);
    REQUIRE_FALSE(contests.empty());
    const std::string id = contests.front().id;
    core::ScoreEvent e;
    e.teamId = "t";
    e.delta = 10;
    e.reason = core::ScoreReason::Right;
    e.by = "host";
    store::appendScoreEvent(*db, id, e);
    REQUIRE(store::loadScoreEvents(*db, id).size() == 1);

    // Written as a newer version might (the CHECK constraint bypassed, as a damaged file could be).
    db->exec("PRAGMA ignore_check_constraints=ON");
    SECTION("score reason") {
        db->exec("INSERT INTO score_events(contest_id, team_id, delta, reason, by, at) VALUES('" +
                 id + "', 't', 5, 'bonus', 'host', 0)");
        CHECK_THROWS_AS(store::loadScoreEvents(*db, id), store::DbError);
        try {
            store::loadScoreEvents(*db, id);
        } catch (const store::DbError& err) {
            CHECK(std::string(err.what()).find("score reason 'bonus'") != std::string::npos);
        }
    }
    SECTION("contest kind and ranking direction") {
        const std::string column =
            GENERATE(std::string("kind"), std::string("better"), std::string("aggregation"));
        db->exec("UPDATE contests SET " + column + "='mystery' WHERE id='" + id + "'");
        CHECK_THROWS_AS(store::loadContests(*db), store::DbError);
    }
    SECTION("buzz kind and press kind") {
        core::BuzzKind kind = core::BuzzKind::Press;
        store::appendBuzzEvent(*db, id, store::BuzzEvent{0, 1, kind, "t", 5, "accepted", 1, 5});
        const auto log = store::loadBuzzEvents(*db, id, 1);
        REQUIRE(log.size() == 1);
        CHECK(log[0].kind == core::BuzzKind::Press);
        // The log is append-only: the bad row is a new one, its kind or its press kind unknown.
        const std::string values = GENERATE(std::string("'steal', ''"), std::string("'press', 'steal'"));
        db->exec("INSERT INTO buzz_events(contest_id, show_id, kind, press_kind, at) VALUES('" + id + "', 1, " + values +
                 ", 6)");
        CHECK_THROWS_AS(store::loadBuzzEvents(*db, id, 1), store::DbError);
    }
    SECTION("show action") {
        core::ShowAction a;
        a.type = core::ActionType::Start;
        a.at = 1;
        store::appendShowAction(*db, a, "mc");
        REQUIRE(store::loadShowActions(*db).size() == 1);
        db->exec("INSERT INTO show_actions(at, type) VALUES(2, 'rewind')");
        CHECK_THROWS_AS(store::loadShowActions(*db), store::DbError);
    }
    SECTION("stage festival mode") {
        CHECK(services::loadStageFestival(*db).mode == services::StageFestivalMode::None); // not set yet
        store::setSetting(*db, "festival.stage_mode", "fireworks");
        CHECK_THROWS_AS(services::loadStageFestival(*db), store::DbError);
    }
}

TEST_CASE("a pack's misspelt ranking direction is a problem, not a race ranked backwards") {
    test::TempDir dir;
    const std::filesystem::path pack = test::copyDefaultPack(dir);
    std::ifstream in(pack / "contests.toml");
    std::string toml((std::istreambuf_iterator<char>(in)), {});
    const auto at = toml.find("better = \"lower\"");
    REQUIRE(at != std::string::npos);
    toml.replace(at, 16, "better = \"lowr\"");
    std::ofstream(pack / "contests.toml") << toml;
    const auto r = test::initPack(pack.string(), dir.file("e.db"));
    CHECK_FALSE(r.ok);
    bool named = false;
    for (const auto& p : r.problems)
        named = named || p.find("better") != std::string::npos;
    CHECK(named);
}
