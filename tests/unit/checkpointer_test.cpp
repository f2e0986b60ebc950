// The background checkpointer: the writer stops checkpointing inside its commits while it runs,
// a checkpoint copies the whole WAL into the database, and the writer's setting comes back after.
#include <catch2/catch.hpp>

#include "kiosk/store/checkpointer.hpp"
#include "test_support.hpp"

using namespace kiosk;

namespace {
std::int64_t autoCheckpoint(store::Database& db) {
    auto st = db.prepare("PRAGMA wal_autocheckpoint");
    REQUIRE(st.step());
    return st.getInt(0);
}
} // namespace

TEST_CASE("checkpointer: commits leave the WAL to it, and one checkpoint copies all of it", "[threads]") {
    test::TempDir dir;
    auto db = store::Database::open(dir.file("c.db"), true);
    db->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, text TEXT)");
    REQUIRE(autoCheckpoint(*db) == 1000);
    {
        // An hour: the thread stays out of the way and the test checkpoints by hand.
        store::Checkpointer checkpointer(*db, std::chrono::hours(1));
        CHECK(autoCheckpoint(*db) == 10000);
        const std::string page(3000, 'x');
        for (int i = 0; i < 1500; ++i) {
            store::Transaction tx(*db);
            auto st = db->prepare("INSERT INTO t(text) VALUES(?)");
            st.bind(1, page).run();
            tx.commit();
        }
        // More than the 1000 pages after which a commit would have checkpointed by default: none did.
        const auto r = checkpointer.checkpointNow();
        CHECK(r.walFrames > 1000);
        CHECK(r.copiedFrames == r.walFrames);
    }
    CHECK(autoCheckpoint(*db) == 1000);
    auto count = db->prepare("SELECT count(*) FROM t");
    REQUIRE(count.step());
    CHECK(count.getInt(0) == 1500);
}
