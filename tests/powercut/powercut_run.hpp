#pragma once
// Power cuts through the real check-in path: a Session and a CheckinDesk (with or without the
// background Checkpointer, or across the core-2 migration) scan badges on a copy of an event
// database until the PowerCutVfs cuts the power; the file is then restored from what reached the
// disk and checked: every acknowledged check-in present, at most the one in flight unacknowledged
// and then whole, PRAGMA integrity_check ok, the kept counts equal to a recount.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kiosk::test::powercut {

enum class Workload {
    Plain,        ///< the CLI's way: SQLite checkpoints inside commits (made frequent here)
    Checkpointer, ///< the GUI's way: a background Checkpointer every millisecond
    Migration     ///< the database is one migration behind: Session::open migrates, then scans
};
const char* workloadName(Workload w);

struct RunOptions {
    std::string templateDb; ///< an initialised event database, closed cleanly
    std::string workDir;    ///< scratch folder for the copy that gets cut
    Workload workload = Workload::Plain;
    int cuts = 100;
    int scansPerRun = 24;
    std::uint64_t seed = 1;
};

struct RunReport {
    int cuts = 0;
    long acknowledged = 0;       ///< check-ins acknowledged before their cut, summed over runs
    long lost = 0;               ///< acknowledged but absent after the restore (must be 0)
    long unacknowledgedKept = 0; ///< in flight at the cut and found whole afterwards
    int cutsDuringOpen = 0;      ///< the power went while the session was opening (migrating)
    long pendingWrites = 0, appliedWrites = 0, tornSectors = 0;
    std::map<std::string, int> byMode;
    std::vector<std::string> problems; ///< each failed check, with the run's seed and cut point
};

/// Runs opts.cuts cuts; never throws for a failed check (see problems).
RunReport runCuts(const RunOptions& opts);

} // namespace kiosk::test::powercut
