#include "kiosk/services/event_feed.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/pin_guard.hpp"
#include "kiosk/store/checkpointer.hpp"
#include "kiosk/store/delegate_repo.hpp"

namespace kiosk::services {

namespace {
constexpr const char* kKioskNameKey = "kiosk_name"; // the settings row naming this machine
constexpr int kRecentScans = 60;
constexpr core::Millis kArrivalBucketMs = 10 * 60 * 1000;

// A cached statement that returned its one row stays active, and an active statement keeps the
// connection's read transaction (and so its view of the file) open: other kiosks' commits would
// never show. Ending them before each poll lets the next read see the newest commit.
void endReads(store::Database& db) {
    for (sqlite3_stmt* st = sqlite3_next_stmt(db.handle(), nullptr); st;
         st = sqlite3_next_stmt(db.handle(), st))
        if (sqlite3_stmt_busy(st)) sqlite3_reset(st);
}

} // namespace

EventFeed::EventFeed(Session& session)
    : m_session(session), m_checkpointer(std::make_unique<store::Checkpointer>(session.db())) {}

EventFeed::~EventFeed() = default;

const std::string& EventFeed::path() const {
    return m_session.db().path();
}

std::unique_ptr<Fleet> EventFeed::openFleet() {
    return Fleet::open(m_session.db());
}

EventSnapshot EventFeed::read() {
    store::Database& db = m_session.db();
    EventSnapshot s;
    s.event = m_session.event();
    s.categories = m_session.categories();
    s.lists = m_session.lists();
    s.counts = store::attendanceCounts(db);
    s.arrivals = store::arrivalsHistogram(db, "", kArrivalBucketMs);
    s.recent = store::recentScans(db, kRecentScans);
    for (const auto& r : s.recent) {
        std::string name;
        if (r.delegateId)
            if (auto d = store::findDelegateById(db, *r.delegateId)) name = d->name;
        s.recentNames.push_back(std::move(name));
    }
    s.kiosks = store::kiosksSeen(db);
    s.lastRestart = store::lastAudit(db, "kiosk.restart");
    s.delegates = store::countDelegates(db);
    s.pinSet = store::getSetting(db, "pin_hash").has_value();
    s.dbPath = db.path();
    std::error_code ec;
    s.dbBytes = static_cast<std::int64_t>(std::filesystem::file_size(db.path(), ec));
    if (ec) s.dbBytes = -1;
    const auto wal = std::filesystem::file_size(db.path() + "-wal", ec);
    if (!ec && s.dbBytes >= 0) s.dbBytes += static_cast<std::int64_t>(wal);
    const auto dir = std::filesystem::absolute(db.path()).parent_path();
    const auto space = std::filesystem::space(dir, ec);
    s.freeDiskBytes = ec ? -1 : static_cast<std::int64_t>(space.available);
    s.awaited = awaitedDelegates(db);
    s.conflicts = fleetConflicts(m_session);
    endReads(db);
    return s;
}

bool EventFeed::othersCommitted() {
    endReads(m_session.db());
    return m_session.refresh();
}

bool EventFeed::checkPin(std::string_view pin) {
    const auto hash = store::getSetting(m_session.db(), "pin_hash");
    return hash && services::checkPin(*hash, std::string(pin));
}

std::pair<bool, core::PinLockState> EventFeed::tryPin(std::string_view pin,
                                                      const std::string& kiosk, core::Millis now) {
    const auto a = services::tryPin(m_session.db(), kiosk, pin, now);
    return {a.result == PinAttempt::Result::Open, a.state};
}

ApologyError EventFeed::apologise(const std::string& code, const std::string& reason,
                                  const std::string& kiosk, core::Millis now) {
    return reason.empty() ? withdrawApology(m_session.db(), code, kiosk, now)
                          : services::apologise(m_session.db(), code, reason, kiosk, now);
}

std::string EventFeed::kioskName() {
    return store::getSetting(m_session.db(), kKioskNameKey).value_or("");
}

void EventFeed::setKioskName(const std::string& name) {
    store::setSetting(m_session.db(), kKioskNameKey, name);
}

void EventFeed::heartbeat(const std::string& kiosk, const std::string& role,
                          const std::string& info, core::Millis now) {
    store::heartbeat(m_session.db(), kiosk, role, now, info);
}

} // namespace kiosk::services
