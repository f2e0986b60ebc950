// Power cuts through the real check-in path (tests/powercut), many more than ctest runs: the
// figures for docs/BENCHMARKS.md. KIOSK_POWERCUT_CUTS sets the cuts per workload (default 400).
// "hubcut": cuts during the fleet's push and pull rounds against a throwaway PostgreSQL
// (tests/powercut/hub_powercut.hpp); KIOSK_HUBCUT_CUTS sets how many (default 300).
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/event_pack.hpp"
#include "tests/bench/bench.hpp"
#include "tests/powercut/hub_powercut.hpp"
#include "tests/powercut/powercut_run.hpp"

using namespace kiosk;

namespace {

static bench::Register powercut("powercut", [](bench::Report& report) {
    const char* env = std::getenv("KIOSK_POWERCUT_CUTS");
    const int cuts = env ? std::max(1, std::atoi(env)) : 400;
    const auto dir = std::filesystem::temp_directory_path() / "kiosk-bench-powercut";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    services::InitOptions o;
    o.packDir = core::dataDir() + "/ngay-hoi-antq-2023";
    o.dbPath = (dir / "event.db").string();
    o.force = true;
    o.wholeDayWindows = true;
    if (!services::initEvent(o).ok) throw std::runtime_error("init failed");
    int totalCuts = 0;
    long totalAcked = 0, totalLost = 0, totalProblems = 0;
    for (auto w : {test::powercut::Workload::Plain, test::powercut::Workload::Checkpointer,
                   test::powercut::Workload::Migration}) {
        test::powercut::RunOptions r;
        r.templateDb = o.dbPath;
        r.workDir = (dir / "cuts").string();
        r.workload = w;
        r.cuts = cuts;
        r.seed = 1000 + static_cast<int>(w);
        const auto start = std::chrono::steady_clock::now();
        const auto got = test::powercut::runCuts(r);
        const double ms = bench::msSince(start);
        for (const auto& p : got.problems)
            std::fprintf(stderr, "powercut problem: %s\n", p.c_str());
        std::string modes;
        for (const auto& [mode, n] : got.byMode)
            modes += (modes.empty() ? "" : ", ") + mode + " " + std::to_string(n);
        report.add(
            {"power cut", std::string(test::powercut::workloadName(w)),
             bench::fmt("%d cuts, %ld acknowledged, %ld lost, %zu problems", got.cuts,
                        got.acknowledged, got.lost, got.problems.size()),
             bench::fmt("%ld unsynced writes: %ld reached disk, %ld sectors torn",
                        got.pendingWrites, got.appliedWrites, got.tornSectors),
             bench::fmt("%.1f ms per cut; %ld in-flight kept whole; %d cut while opening; %s",
                        ms / got.cuts, got.unacknowledgedKept, got.cutsDuringOpen, modes.c_str())});
        totalCuts += got.cuts;
        totalAcked += got.acknowledged;
        totalLost += got.lost;
        totalProblems += static_cast<long>(got.problems.size());
    }
    report.add({"power cut", "all workloads",
                bench::fmt("%d cuts, %ld acknowledged, %ld lost", totalCuts, totalAcked, totalLost),
                bench::fmt("%ld problems", totalProblems), ""});
    std::filesystem::remove_all(dir);
});

static bench::Register hubcut("hubcut", [](bench::Report& report) {
    const char* env = std::getenv("KIOSK_HUBCUT_CUTS");
    const int cuts = env ? std::max(1, std::atoi(env)) : 300;
    test::Fleet f(2);
    const auto start = std::chrono::steady_clock::now();
    const auto r = test::powercut::runHubCuts(f, cuts, 2026);
    const double ms = bench::msSince(start);
    for (const auto& p : r.problems)
        std::fprintf(stderr, "hubcut problem: %s\n", p.c_str());
    std::string modes;
    for (const auto& [mode, n] : r.byMode)
        modes += (modes.empty() ? "" : ", ") + mode + " " + std::to_string(n);
    report.add(
        {"power cut", "hub push and pull rounds",
         bench::fmt("%d cuts (%d inside a round, %d of them as an I/O call returned), %ld "
                    "acknowledged, %ld lost, %ld doubled",
                    r.rounds, r.cutsMidRound, r.cutsAfterCall, r.acknowledged, r.lost, r.doubled),
         bench::fmt("pulled under cuts: %ld, lost %ld, doubled %ld; second kiosk: missing "
                    "%ld, doubled %ld",
                    r.pulledAcknowledged, r.pulledLost, r.pulledDoubled, r.secondKioskMissing,
                    r.secondKioskDoubled),
         bench::fmt("%.1f ms per round; %zu problems; %s", ms / std::max(r.rounds, 1),
                    r.problems.size(), modes.c_str())});
});

} // namespace
