// Judges' sheets as append-only records (festival-2): an old database keeps its sheets and their
// history; the current sheet is the newest record in the hub's order.
#include <catch2/catch.hpp>

#include "festival_support.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/judge_panel.hpp"

using namespace kiosk;
using kiosk::test::seedJudged;
using kiosk::test::TempDb;

namespace {

/// Every migration before festival-2, as a database made by the previous release holds them.
void migrateOld(store::Database& db) {
    db.exec("CREATE TABLE IF NOT EXISTS migrations(name TEXT PRIMARY KEY, applied_at INTEGER NOT "
            "NULL)");
    store::Transaction tx(db);
    for (const auto& m : store::allMigrations()) {
        if (m.name == "festival-2") continue;
        db.exec(m.sql);
        db.prepare("INSERT INTO migrations(name, applied_at) VALUES(?, 0)").bind(1, m.name).run();
    }
    tx.commit();
}

/// What the previous release wrote for a judge's submission: the sheet updated in place, a
/// history line with the scores as text.
void oldSubmit(store::Database& db, const std::string& perf, const std::string& judge, double nd,
               double bd, core::Millis at, const std::string& snapshot) {
    auto id = store::ensureSheet(db, "vannghe", perf, judge, at);
    store::setSheetScore(db, id, "nd", nd, at);
    store::setSheetScore(db, id, "bd", bd, at);
    store::setSheetState(db, id, core::SheetState::Submitted, at, false);
    db.prepare("INSERT INTO sheet_history(sheet_id, action, by, at, reason, snapshot) VALUES(?, "
               "'submit', ?, ?, '', ?)")
        .bind(1, id)
        .bind(2, judge)
        .bind(3, at)
        .bind(4, snapshot)
        .run();
}

std::vector<double> totals(store::Database& db) {
    std::vector<double> out;
    for (const auto& l : services::contestResults(db, "vannghe").lines)
        out.push_back(l.total);
    return out;
}

} // namespace

TEST_CASE("festival-2: an old database keeps its sheets, their history and its results") {
    TempDb old(false);
    migrateOld(*old.db);
    seedJudged(*old.db, 3);
    oldSubmit(*old.db, "p1", "gk1", 9, 8.5, 10, "nd=9;bd=8.5");
    oldSubmit(*old.db, "p1", "gk2", 8, 7.75, 11, "nd=8;bd=7.75");
    oldSubmit(*old.db, "p2", "gk2", 6, 6.5, 12, "nd=6;bd=6.5");
    // A reopened sheet: the head judge reopened gk3's p1, the judge corrected it and resubmitted.
    oldSubmit(*old.db, "p1", "gk3", 5, 5, 13, "nd=5;bd=5");
    const auto gk3 = store::ensureSheet(*old.db, "vannghe", "p1", "gk3", 14);
    store::setSheetState(*old.db, gk3, core::SheetState::Draft, 14, true);
    old.db
        ->prepare("INSERT INTO sheet_history(sheet_id, action, by, at, reason, snapshot) "
                  "VALUES(?, 'reopen', 'gk1', 14, 'nhầm', 'nd=5;bd=5')")
        .bind(1, gk3)
        .run();
    store::setSheetScore(*old.db, gk3, "bd", 9, 15);
    store::setSheetState(*old.db, gk3, core::SheetState::Submitted, 16, false);
    old.db
        ->prepare("INSERT INTO sheet_history(sheet_id, action, by, at, reason, snapshot) VALUES(?, "
                  "'submit', 'gk3', 16, '', 'nd=5;bd=9')")
        .bind(1, gk3)
        .run();

    REQUIRE(store::migrate(*old.db) == 1); // festival-2 only
    CHECK_THROWS_AS(old.db->exec("SELECT 1 FROM sheet_history"), store::DbError);

    // The same sheets typed into a new database through the judge panel.
    TempDb fresh;
    seedJudged(*fresh.db, 3);
    auto enter = [&](const std::string& judge, const std::string& perf, double nd, double bd,
                     core::Millis at) {
        services::JudgePanel p(*fresh.db, "vannghe");
        REQUIRE(p.login(judge, "1234").ok);
        REQUIRE(p.setScore(perf, "nd", nd, at).ok);
        REQUIRE(p.setScore(perf, "bd", bd, at).ok);
        REQUIRE(p.submit(perf, at).ok);
    };
    enter("gk1", "p1", 9, 8.5, 10);
    enter("gk2", "p1", 8, 7.75, 11);
    enter("gk2", "p2", 6, 6.5, 12);
    enter("gk3", "p1", 5, 9, 16);
    CHECK(totals(*old.db) == totals(*fresh.db));
    CHECK(services::contestResults(*old.db, "vannghe").pending ==
          services::contestResults(*fresh.db, "vannghe").pending);

    const auto h = store::loadSheetHistory(*old.db, "vannghe");
    REQUIRE(h.size() == 6);
    CHECK(h[0].performanceId == "p1");
    CHECK(h[0].judgeId == "gk1");
    CHECK(h[0].scores == std::map<std::string, double>{{"nd", 9}, {"bd", 8.5}});
    CHECK(h[4].action == "reopen");
    CHECK(h[4].reason == "nhầm");
    CHECK(h[4].by == "gk1");
    CHECK(h[5].snapshot == "nd=5;bd=9");
    CHECK(h[5].scores.at("bd") == 9);
    CHECK(h[0].uuid.size() == 36);
    CHECK(h[0].uuid[14] == '4');
    CHECK(h[0].uuid != h[1].uuid);
    const auto sheet = store::loadSheet(*old.db, "vannghe", "p1", "gk3");
    REQUIRE(sheet);
    CHECK(sheet->reopened == 1);
    CHECK(sheet->state == core::SheetState::Submitted);

    // The records are append-only; the migrated database goes on as a new one.
    CHECK_THROWS_AS(old.db->exec("UPDATE sheet_records SET scores = '{}'"), store::DbError);
    CHECK_THROWS_AS(old.db->exec("DELETE FROM sheet_records"), store::DbError);
    services::JudgePanel head(*old.db, "vannghe");
    REQUIRE(head.login("gk1", "1234").ok);
    REQUIRE(head.reopen("p1", "gk2", "sai", 20).ok);
    CHECK(store::loadSheetHistory(*old.db, "vannghe").size() == 7);
    CHECK(totals(*old.db) != totals(*fresh.db)); // gk2's p1 no longer counts
}

TEST_CASE(
    "sheet records: the current sheet is the newest record in the hub's order, not the local one") {
    TempDb t;
    seedJudged(*t.db, 2);
    // Two submissions of one sheet made on two machines (as they arrive here by a pull): the hub
    // ordered the one with the smaller local id last.
    store::SheetRecord a{
        0, "", "vannghe", "p1", "gk2", "submit", "gk2", 100, "", {{"nd", 9}, {"bd", 9}}, "", 0};
    store::SheetRecord b = a;
    b.scores = {{"nd", 4}, {"bd", 4}};
    store::appendSheetRecord(*t.db, a);
    store::appendSheetRecord(*t.db, b);
    CHECK(store::loadSheet(*t.db, "vannghe", "p1", "gk2")->scores.at("nd") ==
          4); // neither in the hub: local order
    t.db->exec("UPDATE sheet_records SET hub_seq = 20 WHERE id = 1");
    t.db->exec("UPDATE sheet_records SET hub_seq = 10 WHERE id = 2");
    REQUIRE(store::projectSheet(*t.db, "vannghe", "p1", "gk2"));
    const auto sheet = store::loadSheet(*t.db, "vannghe", "p1", "gk2");
    CHECK(sheet->scores.at("nd") == 9);
    CHECK(sheet->state == core::SheetState::Submitted);
    // A record naming a judge this machine does not know stays a record and breaks nothing.
    store::SheetRecord stranger = a;
    stranger.judgeId = "gk9";
    store::appendSheetRecord(*t.db, stranger);
    CHECK_FALSE(store::projectSheet(*t.db, "vannghe", "p1", "gk9"));
    CHECK_FALSE(store::loadSheet(*t.db, "vannghe", "p1", "gk9"));
    // A reopen record turns the submitted sheet back into a draft with the scores it had.
    store::SheetRecord reopen{
        0, "", "vannghe", "p1", "gk2", "reopen", "gk1", 200, "nhầm", {{"nd", 9}, {"bd", 9}}, "", 0};
    store::appendSheetRecord(*t.db, reopen);
    const auto draft = store::loadSheet(*t.db, "vannghe", "p1", "gk2");
    CHECK(draft->state == core::SheetState::Draft);
    CHECK(draft->reopened == 1);
    CHECK(draft->scores.at("bd") == 9);
}
