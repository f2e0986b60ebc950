#include "tests/powercut/powercut_run.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <set>

#include "kiosk/core/time.hpp"
#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/checkpointer.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "tests/powercut/powercut_vfs.hpp"

namespace kiosk::test::powercut {

namespace fs = std::filesystem;

namespace {

void copyClean(const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::remove(to + "-wal", ec);
    fs::remove(to + "-shm", ec);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

// Undoes the core-2 migration (the kept counts) on a copy, so opening it migrates again.
void stepBackOneMigration(const std::string& path) {
    auto db = store::Database::open(path);
    std::vector<std::string> triggers;
    auto st = db->prepare(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND (sql LIKE '%presence_counts%' OR "
        "sql LIKE '%expected_counts%' OR sql LIKE '%arrival_minutes%')");
    while (st.step())
        triggers.push_back(st.getText(0));
    store::Transaction tx(*db);
    for (const auto& t : triggers)
        db->exec("DROP TRIGGER \"" + t + "\"");
    db->exec("DROP TABLE presence_counts; DROP TABLE expected_counts; DROP TABLE arrival_minutes;"
             "DELETE FROM migrations WHERE name='core-2'");
    tx.commit();
}

std::vector<std::string> badgeTexts(const std::string& path) {
    auto session = services::Session::open(path);
    services::DelegateDirectory dir(*session);
    std::vector<std::string> out;
    for (const auto& d : store::allDelegates(session->db()))
        out.push_back(dir.badgeText(d));
    return out;
}

// Opens the file, runs scans until the power goes (or the run ends, then cuts it anyway); returns
// the uuids acknowledged, i.e. of check-ins whose scan() returned.
std::vector<std::string> scanUntilCut(PowerCutVfs& vfs, const RunOptions& o,
                                      const std::vector<std::string>& badges, size_t firstBadge,
                                      bool& openFailed) {
    std::vector<std::string> acked;
    std::unique_ptr<services::Session> session;
    std::optional<services::CheckinDesk> desk;
    std::optional<store::Checkpointer> checkpointer;
    openFailed = true;
    try {
        session = services::Session::open(o.workDir + "/cut.db");
        if (o.workload == Workload::Checkpointer)
            checkpointer.emplace(session->db(), std::chrono::milliseconds(1));
        // Checkpoints inside commits every few check-ins instead of every thousand pages.
        else
            sqlite3_wal_autocheckpoint(session->db().handle(), 4);
        desk.emplace(*session);
        openFailed = false;
        const core::Millis start = *core::parseIso8601("2023-08-04T07:00:00+07:00", 420);
        for (int i = 0; i < o.scansPerRun; ++i) {
            services::ScanRequest r;
            r.text = badges[(firstBadge + static_cast<size_t>(i)) % badges.size()];
            r.listId = "le";
            r.kiosk = "powercut";
            r.source = "camera";
            r.at = start + static_cast<core::Millis>(i) * 5000;
            r.direction = (static_cast<size_t>(i) / badges.size()) % 2 == 0 ? core::Direction::Entry
                                                                            : core::Direction::Exit;
            const auto outcome = desk->scan(r);
            if (!outcome.checkinUuid.empty()) acked.push_back(outcome.checkinUuid);
        }
    } catch (const store::DbError&) {
        // The power went: the scan in flight was never acknowledged.
    }
    vfs.cutNow();
    checkpointer.reset();
    desk.reset();
    session.reset();
    return acked;
}

} // namespace

const char* workloadName(Workload w) {
    switch (w) {
    case Workload::Plain:
        return "checkpoints inside commits";
    case Workload::Checkpointer:
        return "background checkpointer";
    case Workload::Migration:
        return "across a migration";
    }
    return "?";
}

RunReport runCuts(const RunOptions& o) {
    RunReport report;
    fs::create_directories(o.workDir);
    const std::string base = o.workDir + "/base.db";
    const std::string cut = o.workDir + "/cut.db";
    copyClean(o.templateDb, base);
    const auto badges = badgeTexts(base);
    if (o.workload == Workload::Migration) stepBackOneMigration(base);

    PowerCutVfs vfs(o.seed);
    std::mt19937_64 rng(o.seed);
    // A first run with the power on counts the I/O calls of a whole run: the cut points are drawn
    // from that range.
    copyClean(base, cut);
    vfs.armAfter(0);
    bool openFailed = false;
    scanUntilCut(vfs, o, badges, 0, openFailed);
    const std::uint64_t span = std::max<std::uint64_t>(vfs.opsSeen(), 1);
    vfs.reset();

    static constexpr CutMode kModes[] = {CutMode::DropAll, CutMode::OrderedPrefix,
                                         CutMode::OutOfOrder, CutMode::Torn};
    for (int run = 0; run < o.cuts; ++run) {
        copyClean(base, cut);
        const std::uint64_t at = 1 + rng() % span;
        const CutMode mode = kModes[rng() % 4];
        const size_t firstBadge = rng() % badges.size();
        const std::string where = std::string(workloadName(o.workload)) + ", seed " +
                                  std::to_string(o.seed) + ", run " + std::to_string(run) +
                                  ", cut at I/O " + std::to_string(at) + ", " + cutModeName(mode);
        vfs.armAfter(at);
        const auto acked = scanUntilCut(vfs, o, badges, firstBadge, openFailed);
        const CutStats stats = vfs.restore(mode);
        ++report.cuts;
        ++report.byMode[cutModeName(mode)];
        report.cutsDuringOpen += openFailed ? 1 : 0;
        report.acknowledged += static_cast<long>(acked.size());
        report.pendingWrites += stats.pendingWrites;
        report.appliedWrites += stats.appliedWrites;
        report.tornSectors += stats.tornSectors;

        // Checked with the production VFS, as the next start of the kiosk would open it.
        vfs.makeDefault(false);
        try {
            auto session =
                services::Session::open(cut); // recovers the WAL, finishes a cut migration
            auto& db = session->db();
            if (const auto ok = db.integrityCheck(); ok != "ok")
                report.problems.push_back(where + ": integrity_check " + ok);
            std::set<std::string> stored;
            auto st = db.prepare("SELECT uuid FROM checkins");
            while (st.step())
                stored.insert(st.getText(0));
            long lost = 0;
            for (const auto& u : acked)
                lost += stored.count(u) ? 0 : 1;
            report.lost += lost;
            if (lost)
                report.problems.push_back(where + ": " + std::to_string(lost) +
                                          " acknowledged check-ins lost");
            const long extra =
                static_cast<long>(stored.size()) - (static_cast<long>(acked.size()) - lost);
            report.unacknowledgedKept += extra;
            if (extra > 1)
                report.problems.push_back(where + ": " + std::to_string(extra) +
                                          " unacknowledged check-ins kept");
            // Whole: a check-in row always has its presence row, and the kept counts match.
            auto orphan = db.prepare("SELECT count(*) FROM checkins c WHERE NOT EXISTS "
                                     "(SELECT 1 FROM presence p WHERE p.delegate_id = "
                                     "c.delegate_id AND p.list_id = c.list_id)");
            if (orphan.step() && orphan.getInt(0) != 0)
                report.problems.push_back(where + ": a check-in without its presence row");
            if (store::attendanceCounts(db) != store::recountAttendance(db))
                report.problems.push_back(where + ": kept counts differ from a recount");
        } catch (const std::exception& e) {
            report.problems.push_back(where + ": cannot reopen: " + e.what());
        }
        vfs.makeDefault(true);
        vfs.reset();
    }
    return report;
}

} // namespace kiosk::test::powercut
