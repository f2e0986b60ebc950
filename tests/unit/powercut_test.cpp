// Power cuts through the real check-in path (tests/powercut): an acknowledged check-in survives a
// cut at any I/O call, whatever part of the unsynced writes reached the disk. KIOSK_POWERCUT_CUTS
// raises the number of cuts per case (the long mode; the benchmark program runs 1000+).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "test_support.hpp"
#include "tests/powercut/powercut_run.hpp"
#include "tests/powercut/powercut_vfs.hpp"

using namespace kiosk;
using test::powercut::Workload;

namespace {
int cutsPerCase(int fallback) {
    const char* env = std::getenv("KIOSK_POWERCUT_CUTS");
    return env ? std::max(1, std::atoi(env)) : fallback;
}
} // namespace

TEST_CASE("power cuts lose no acknowledged check-in") {
    const auto workload = GENERATE(Workload::Plain, Workload::Checkpointer, Workload::Migration);
    INFO(test::powercut::workloadName(workload));
    test::TempDir dir;
    test::makeEventDb(dir.file("event.db"), true);
    test::powercut::RunOptions o;
    o.templateDb = dir.file("event.db");
    o.workDir = dir.file("cuts");
    o.workload = workload;
    o.cuts = cutsPerCase(100);
    o.seed = 20230818 + static_cast<int>(workload);
    const auto r = test::powercut::runCuts(o);
    for (const auto& p : r.problems)
        UNSCOPED_INFO(p);
    CHECK(r.problems.empty());
    CHECK(r.cuts == o.cuts);
    CHECK(r.lost == 0);
    // The cuts did land mid-stream: check-ins were acknowledged and unsynced writes were dropped
    // and torn, every mode was drawn, and (for the migration) some cuts hit the migration itself.
    CHECK(r.acknowledged > o.cuts);
    CHECK(r.pendingWrites > 0);
    CHECK(r.tornSectors > 0);
    CHECK(r.byMode.size() == 4);
    if (workload == Workload::Migration) CHECK(r.cutsDuringOpen > 0);
}

TEST_CASE("the power-cut VFS does drop unsynced writes") {
    // Without this, a VFS that applied everything would pass the test above.
    test::TempDir dir;
    const std::string path = dir.file("plain.db");
    {
        test::powercut::PowerCutVfs vfs(7);
        {
            auto db = store::Database::open(path, true);
            db->exec("CREATE TABLE t(x)");
            db->exec("INSERT INTO t VALUES (1)");
            // Unsynced: written to the WAL, never fsynced (synchronous=OFF skips the sync).
            db->exec("PRAGMA synchronous=OFF");
            db->exec("INSERT INTO t VALUES (2)");
            vfs.cutNow();
        }
        const auto stats = vfs.restore(test::powercut::CutMode::DropAll);
        CHECK(stats.pendingWrites > 0);
        CHECK(stats.appliedWrites == 0);
    }
    auto db = store::Database::open(path);
    CHECK(db->integrityCheck() == "ok");
    auto st = db->prepare("SELECT group_concat(x) FROM t");
    REQUIRE(st.step());
    CHECK(st.getText(0) == "1");
}
