// Codes read back from the database go through their enum's table: an unknown one (a newer
// version's file, or damage) is an error, never silently a default such as "adjust".
#include <catch2/catch.hpp>

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
}
