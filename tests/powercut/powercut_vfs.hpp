#pragma once
// A test-only SQLite VFS that simulates power loss, after SQLite's own crash tests (test6.c).
// It wraps the "unix" VFS: every write goes to the real file at once (the real file plays the
// operating system's page cache, so locks, reads and the shm behave exactly as in production),
// and is also kept, per file, as pending until that file's next xSync. What was synced is the
// file's "disk" image. A cut stops all I/O; afterwards restore() writes to each file what reached
// the disk: the synced image plus the pending writes chosen by the cut's mode (none, an ordered
// prefix, any subset out of order, or torn at 512-byte sectors with some sectors left as they were
// and some filled with garbage). The -shm file is memory and is lost, so SQLite rebuilds the
// wal-index from the WAL on the next open.
#include <cstdint>
#include <functional>
#include <string>

namespace kiosk::test::powercut {

/// How the pending writes of a cut reach the disk.
enum class CutMode { DropAll, OrderedPrefix, OutOfOrder, Torn };
const char* cutModeName(CutMode mode);

/// What a cut left behind, for the report.
struct CutStats {
    int pendingWrites = 0; ///< writes not yet synced when the power went
    int appliedWrites = 0; ///< of those, how many reached the disk (wholly or in part)
    int tornSectors = 0;   ///< sectors left stale or filled with garbage inside applied writes
};

/// Registers the VFS as SQLite's default (every connection the process opens goes through it)
/// until the object dies, then puts "unix" back. One at a time; not for production.
class PowerCutVfs {
  public:
    explicit PowerCutVfs(std::uint64_t seed);
    ~PowerCutVfs();
    PowerCutVfs(const PowerCutVfs&) = delete;
    PowerCutVfs& operator=(const PowerCutVfs&) = delete;

    /// Cuts the power after `ops` more write/truncate/sync/delete calls (0: never by count): the
    /// ops-th call fails, or with afterTheCall it completes (a sync makes its writes durable) and
    /// the power goes as it returns, before the program does anything else.
    void armAfter(std::uint64_t ops, bool afterTheCall = false);
    /// Runs f when the power goes by count (inside the I/O call): what else dies with the machine,
    /// e.g. its connection to a server, which must not see one more statement from it.
    void onCut(std::function<void()> f);
    /// Cuts the power now (if it is still on).
    void cutNow();
    bool powerOff() const;
    /// Write/truncate/sync/delete calls seen since the last armAfter().
    std::uint64_t opsSeen() const;
    /// Writes each tracked file as the disk holds it after the cut, deletes the -shm files, and
    /// forgets all files. Call once every connection is closed.
    CutStats restore(CutMode mode);
    /// Forgets every file without touching them (between runs that need no cut).
    void reset();
    /// Makes this VFS (true) or "unix" (false) the default, e.g. to check a restored file with
    /// the production VFS.
    void makeDefault(bool on);
};

} // namespace kiosk::test::powercut
