#pragma once
// What the festival's unit tests share: a fresh migrated database, a judged contest.
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "kiosk/services/event_pack.hpp"
#include "kiosk/store/festival_repo.hpp"
#include "kiosk/store/schema.hpp"

namespace kiosk::test {

/// A fresh migrated database file, removed afterwards.
struct TempDb {
    std::string path;
    std::unique_ptr<store::Database> db;
    /// migrated = false: an empty file (the caller builds an old schema).
    explicit TempDb(bool migrated = true) {
        path = (std::filesystem::temp_directory_path() /
                ("festival_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++) +
                 ".db"))
                   .string();
        std::filesystem::remove(path);
        db = store::Database::open(path, true);
        if (migrated) store::migrate(*db);
    }
    ~TempDb() {
        db.reset();
        for (const char* ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path + ext);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

/// A judged contest "vannghe": criteria nd (0.4) and bd (0.6), performances p1 and p2, judges
/// gk1 (head) .. gkN, every PIN 1234.
inline void seedJudged(store::Database& db, int judges) {
    core::Contest c;
    c.id = "vannghe";
    c.name = "Hội diễn văn nghệ";
    c.kind = core::ContestKind::Judged;
    c.aggregation = core::Aggregation::TrimmedMean;
    c.tieBreaks = {core::TieBreak{core::TieBreak::Kind::Criterion, "bd"}, core::TieBreak{}};
    c.prizes = {1, 1, 1, 0};
    store::saveContest(db, c);
    store::saveCriterion(db, "vannghe", {"nd", "Nội dung", 0.4, 10, 0.25}, 0);
    store::saveCriterion(db, "vannghe", {"bd", "Biểu diễn", 0.6, 10, 0.25}, 1);
    store::savePerformance(db, "vannghe", {"p1", "Bài ca người thầy thuốc", "", "", "Hát", 1});
    store::savePerformance(db, "vannghe", {"p2", "Tổ quốc gọi tên mình", "", "", "Hát", 2});
    // One hash for all: hashing is deliberately slow.
    auto hash = services::hashPin("1234");
    for (int j = 1; j <= judges; ++j)
        store::saveJudge(
            db, "vannghe",
            {"gk" + std::to_string(j), "Giám khảo " + std::to_string(j), "", j == 1, j}, hash);
}

} // namespace kiosk::test
