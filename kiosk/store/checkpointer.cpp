#include "kiosk/store/checkpointer.hpp"

#include <sqlite3.h>

namespace kiosk::store {

namespace {
constexpr int kSqliteDefaultAutoCheckpoint = 1000; // pages
// While the checkpointer runs, the writer still checkpoints if the WAL ever reaches this many pages
// (~40 MB): under writes so continuous that no background checkpoint completes, the WAL cannot
// restart from its beginning, and this bounds how far it grows.
constexpr int kSafetyNetPages = 10000;
}

Checkpointer::Checkpointer(Database& writer, std::chrono::milliseconds interval)
    : m_writer(writer), m_own(Database::open(writer.path())) {
    sqlite3_wal_autocheckpoint(m_writer.handle(), kSafetyNetPages);
    m_thread = std::thread([this, interval] { run(interval); });
}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
    sqlite3_wal_autocheckpoint(m_writer.handle(), kSqliteDefaultAutoCheckpoint);
}

CheckpointResult Checkpointer::checkpointNow() {
    std::lock_guard<std::mutex> lock(m_mutex); // one checkpoint at a time on our connection
    CheckpointResult r;
    // PASSIVE copies what no reader still needs and never waits for a lock; busy is not an error.
    sqlite3_wal_checkpoint_v2(m_own->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &r.walFrames, &r.copiedFrames);
    return r;
}

void Checkpointer::run(std::chrono::milliseconds interval) {
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_wake.wait_for(lock, interval, [this] { return m_stop; })) {
        lock.unlock();
        checkpointNow();
        lock.lock();
    }
}

} // namespace kiosk::store
