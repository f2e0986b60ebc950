#pragma once
// Keeps the WAL short from a thread of its own. SQLite's automatic checkpoint runs inside
// whichever commit pushes the WAL past 1000 pages: that check-in then waits for the WAL to be
// copied into the database and the database fsynced, which is most of the check-in's p99 (see
// docs/BENCHMARKS.md). With a Checkpointer, the gate's connection stops checkpointing inside its
// commits, and a second connection runs a PASSIVE checkpoint every interval, which never blocks
// a writer. Nothing is less durable: commits are fsynced in the WAL either way.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "kiosk/store/db.hpp"

namespace kiosk::store {

/// What one checkpoint did, in WAL frames.
struct CheckpointResult {
    int walFrames = 0;    ///< frames in the WAL
    int copiedFrames = 0; ///< frames now copied into the database
};

class Checkpointer {
public:
    /// Turns automatic checkpoints off on `writer` and starts the thread (its own connection on
    /// writer's file); every `interval` it checkpoints. The destructor stops the thread and turns
    /// writer's automatic checkpoints back on.
    explicit Checkpointer(Database& writer, std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    /// One PASSIVE checkpoint now, on the caller's thread and the checkpointer's connection.
    CheckpointResult checkpointNow();

private:
    void run(std::chrono::milliseconds interval);

    Database& m_writer;
    std::unique_ptr<Database> m_own;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace kiosk::store
