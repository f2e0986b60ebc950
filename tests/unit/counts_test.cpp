// The dashboard counts kept by the core-2 triggers must always equal a full recount of the
// presence rows and delegates, whatever mix of entries, exits, category moves, revocations and
// walk-ins came in, and the migration must build them right on a database that already has data.
#include <catch2/catch.hpp>

#include <random>

#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/schema.hpp"
#include "test_support.hpp"

using namespace kiosk;

namespace {

std::vector<std::pair<core::Millis, int>> rebucket(store::Database& db, const std::string& list, core::Millis bucket) {
    auto st = db.prepare("SELECT (first_at / ?1) * ?1 AS b, count(*) FROM presence WHERE (?2 = '' OR list_id = ?2) "
                         "GROUP BY b ORDER BY b");
    st.bind(1, bucket).bind(2, list);
    std::vector<std::pair<core::Millis, int>> out;
    while (st.step()) out.emplace_back(st.getInt(0), static_cast<int>(st.getInt(1)));
    return out;
}

void checkAgainstRecount(store::Database& db) {
    const auto kept = store::attendanceCounts(db), full = store::recountAttendance(db);
    REQUIRE(kept.size() == full.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        INFO(full[i].listId << " / " << full[i].categoryId);
        CHECK(kept[i].present == full[i].present);
        CHECK(kept[i].inside == full[i].inside);
        CHECK(kept[i].expected == full[i].expected);
    }
    for (const std::string list : {"", "le", "hoi"})
        for (const core::Millis bucket : {60'000LL, 600'000LL, 3'600'000LL}) CHECK(store::arrivalsHistogram(db, list, bucket) == rebucket(db, list, bucket));
}

} // namespace

TEST_CASE("kept counts equal a full recount after entries, exits, category moves, revocations and walk-ins") {
    test::TempDir dir;
    const std::string path = dir.file("e.db");
    test::makeEventDb(path, true);
    auto db = store::Database::open(path);
    auto delegates = store::allDelegates(*db);
    const auto categories = store::loadCategories(*db);
    REQUIRE(categories.size() > 2);
    std::mt19937 rng(2023);
    core::Millis t = test::at("07:00:00");
    int uuid = 0;
    for (int step = 0; step < 1500; ++step) {
        store::Transaction tx(*db);
        const auto& d = delegates[rng() % delegates.size()];
        switch (rng() % 10) {
        case 0: { // moved to another category (an import that corrects it)
            auto moved = *store::findDelegateById(*db, d.id);
            moved.categoryId = categories[rng() % categories.size()].id;
            store::upsertDelegate(*db, moved, t);
            break;
        }
        case 1: store::setRevoked(*db, d.id, rng() % 2 == 0, t); break;
        case 2: { // a walk-in
            core::Delegate w;
            w.code = store::nextDelegateCode(*db, "W");
            w.name = "Khách " + std::to_string(step);
            w.categoryId = categories[rng() % categories.size()].id;
            w.walkIn = true;
            store::upsertDelegate(*db, w, t);
            delegates.push_back(*store::findDelegateByCode(*db, w.code));
            break;
        }
        default: {
            store::CheckinRecord r;
            r.uuid = "u" + std::to_string(++uuid);
            r.delegateId = d.id;
            r.listId = rng() % 2 ? "le" : "hoi";
            r.direction = rng() % 3 ? "entry" : "exit";
            r.at = t;
            r.kiosk = "Cổng " + std::to_string(rng() % 3 + 1);
            store::insertCheckin(*db, r);
        }
        }
        tx.commit();
        t += static_cast<core::Millis>(rng() % 90'000);
        if (step % 250 == 0) checkAgainstRecount(*db);
    }
    checkAgainstRecount(*db);

    // The migration builds the same counts from a database that already holds all of this.
    db->exec("DROP TABLE presence_counts; DROP TABLE expected_counts; DROP TABLE arrival_minutes;"
             "DROP TRIGGER presence_counts_i; DROP TRIGGER presence_counts_u; DROP TRIGGER presence_counts_d;"
             "DROP TRIGGER expected_counts_i; DROP TRIGGER expected_counts_d; DROP TRIGGER expected_counts_u;"
             "DROP TRIGGER presence_counts_category; DROP TRIGGER expected_counts_category;"
             "DELETE FROM migrations WHERE name = 'core-2'");
    REQUIRE(store::migrate(*db) == 1);
    checkAgainstRecount(*db);
}
