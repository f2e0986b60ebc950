#include "kiosk/ui/services_backend.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/pin_guard.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::ui {

namespace {
constexpr const char* kKioskNameKey = "kiosk_name"; // the settings row naming this machine
constexpr int kRecentScans = 60;
constexpr core::Millis kArrivalBucketMs = 10 * 60 * 1000;
// A cached statement that returned its one row stays active, and an active statement keeps the
// connection's read transaction (and so its view of the file) open: other kiosks' commits would
// never show. Ending them before each poll lets the next read see the newest commit.
void endReads(store::Database& db) {
    for (sqlite3_stmt* st = sqlite3_next_stmt(db.handle(), nullptr); st; st = sqlite3_next_stmt(db.handle(), st))
        if (sqlite3_stmt_busy(st)) sqlite3_reset(st);
}

} // namespace

std::string describeDbError(const store::DbError& e) {
    if (e.busy()) return core::tr("gui.gate.db_busy");
    if (e.diskProblem()) return core::tr("gui.gate.disk_full");
    if (e.cannotOpen()) return core::trf("gui.gate.db_missing", {{"detail", e.what()}});
    return core::trf("gui.gate.db_error", {{"detail", e.what()}});
}

ServicesBackend::ServicesBackend(std::unique_ptr<services::Session> session)
    : m_session(std::move(session)), m_checkpointer(std::make_unique<store::Checkpointer>(m_session->db())),
      m_desk(*m_session), m_directory(*m_session),
      m_jobs(std::make_unique<PaperJobs>(m_session->db().path(), services::outputDirFor(m_session->db().path()))) {
    if ((m_fleet = services::Fleet::open(m_session->db()))) {
        m_desk.setFleet(m_fleet.get());
        m_fleetSync = std::make_unique<services::FleetSyncThread>(m_session->db().path(), 250);
    }
    reload();
}

void ServicesBackend::reload() {
    store::Database& db = m_session->db();
    Snapshot s;
    s.event = m_session->event();
    s.categories = m_session->categories();
    s.lists = m_session->lists();
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
    s.awaited = services::awaitedDelegates(db);
    s.conflicts = services::fleetConflicts(*m_session);
    s.version = m_snap.version + 1;
    s.job = m_snap.job;
    s.fleet = m_snap.fleet;
    s.fleetConnected = m_snap.fleetConnected;
    m_snap = std::move(s);
    endReads(db);
}

bool ServicesBackend::refresh(core::Millis now) {
    // The job runs on its own thread: its progress is copied in on every poll, not only on commits.
    bool jobChanged = false;
    if (JobStatus job = m_jobs->status(); !(job == m_snap.job)) {
        m_snap.job = std::move(job);
        ++m_snap.version;
        jobChanged = true;
    }
    if (m_fleetSync) {
        const auto status = m_fleetSync->status();
        if (auto line = services::describeFleet(status, m_snap.event.utcOffsetMin); line != m_snap.fleet) {
            m_snap.fleet = std::move(line);
            m_snap.fleetConnected = status.connected;
            ++m_snap.version;
            jobChanged = true;
        }
    }
    try {
        endReads(m_session->db());
        const bool other = m_session->refresh();
        if (!other && !m_dirty) return jobChanged;
        m_dirty = false;
        reload();
        return true;
    } catch (const store::DbError& e) {
        // Keep showing the last good snapshot and say why it is not fresh.
        m_snap.loadError = describeDbError(e);
        return true;
    }
}

ScanOutcome ServicesBackend::scan(const ScanRequest& request, core::Millis now) {
    ScanOutcome out;
    out.at = now;
    services::ScanRequest r;
    r.text = request.text;
    r.listId = request.listId;
    r.direction = request.direction;
    r.kiosk = request.kiosk;
    r.source = request.source;
    r.force = request.force;
    r.forceReason = request.forceReason;
    r.at = now;
    try {
        const services::ScanOutcome o = request.source == "manual" ? m_desk.admitByCode(request.text, r) : m_desk.scan(r);
        out.committed = true;
        out.status = o.decision.status;
        out.reason = o.decision.reason;
        out.forced = o.decision.forced;
        out.message = o.message;
        out.hint = o.hint;
        out.delegate = o.delegate;
        out.categoryName = o.categoryName;
        out.firstAt = o.state.firstEntryAt;
        out.firstKiosk = o.state.firstEntryKiosk;
        out.at = o.at;
        m_dirty = true;
        // Decided offline while the status line still says connected: a round now, so the line
        // catches up with what the desk just learnt instead of waiting for the interval.
        if (o.offline && m_fleetSync) m_fleetSync->poke();
    } catch (const store::DbError& e) {
        out.error = describeDbError(e);
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

std::vector<core::Delegate> ServicesBackend::search(std::string_view query, size_t limit) {
    try {
        return m_directory.search(std::string(query), limit);
    } catch (const store::DbError& e) {
        m_snap.loadError = describeDbError(e);
        return {};
    }
}

ActionResult ServicesBackend::walkIn(const WalkIn& person, core::Millis now) {
    try {
        services::WalkIn w{person.name, person.title, person.unit, person.categoryId, {}};
        services::DirectoryError error = services::DirectoryError::None;
        auto d = m_directory.addWalkIn(w, error);
        m_dirty = true;
        if (!d && error == services::DirectoryError::TooLong) return {false, services::walkInLengthProblem(w).value_or(""), {}};
        if (!d) return {false, core::tr("gui.console.walkin_failed"), {}};
        return {true, core::trf("gui.console.walked_in", {{"name", d->name}, {"code", d->code}}), d->code};
    } catch (const store::DbError& e) {
        return {false, describeDbError(e), {}};
    }
}

ActionResult ServicesBackend::revoke(const std::string& code, core::Millis now) {
    try {
        const auto error = m_directory.revoke(code);
        m_dirty = true;
        if (error != services::DirectoryError::None) return {false, core::tr("gui.console.not_found"), code};
        return {true, core::tr("gui.console.done"), code};
    } catch (const store::DbError& e) {
        return {false, describeDbError(e), code};
    }
}

ActionResult ServicesBackend::reissue(const std::string& code, core::Millis now) {
    try {
        services::DirectoryError error = services::DirectoryError::None;
        auto text = m_directory.reissue(code, error);
        m_dirty = true;
        if (!text) return {false, core::tr("gui.console.not_found"), code};
        return {true, core::tr("gui.console.done"), *text};
    } catch (const store::DbError& e) {
        return {false, describeDbError(e), code};
    }
}

ActionResult ServicesBackend::printBadge(const std::string& code) { return m_jobs->printBadge(code); }

ActionResult ServicesBackend::exportAttendance(const std::string& path) { return m_jobs->exportAttendance(path); }

std::vector<services::PrinterInfo> ServicesBackend::printers(bool refresh) {
    // Asking CUPS is a round trip: once at first sight and when the organizer asks, not per frame.
    if (refresh || !m_printersAsked) {
        m_printers = services::listPrinters();
        m_printersAsked = true;
    }
    return m_printers;
}

void ServicesBackend::usePrinter(std::optional<std::string> printer) { m_jobs->setPrinter(std::move(printer)); }

bool ServicesBackend::checkPin(std::string_view pin) {
    try {
        const auto hash = store::getSetting(m_session->db(), "pin_hash");
        return hash && services::checkPin(*hash, std::string(pin));
    } catch (const store::DbError&) {
        return false;
    }
}

std::optional<PinAnswer> ServicesBackend::tryPin(std::string_view pin, const std::string& kiosk, core::Millis now) {
    try {
        const auto a = services::tryPin(m_session->db(), kiosk, pin, now);
        return PinAnswer{a.result == services::PinAttempt::Result::Open, a.state};
    } catch (const store::DbError&) {
        return PinAnswer{false, {}}; // a failing database opens nothing
    }
}

ActionResult ServicesBackend::apologise(const std::string& code, const std::string& reason, const std::string& kiosk,
                                        core::Millis now) {
    try {
        const auto e = reason.empty() ? services::withdrawApology(m_session->db(), code, kiosk, now)
                                      : services::apologise(m_session->db(), code, reason, kiosk, now);
        m_dirty = true;
        if (e == services::ApologyError::NotFound) return {false, core::tr("gui.console.not_found"), code};
        if (e == services::ApologyError::MissingReason) return {false, core::tr("gui.console.reason_needed"), code};
        return {true, {}, code};
    } catch (const store::DbError& e) {
        return {false, describeDbError(e), code};
    }
}

std::string ServicesBackend::kioskName() {
    try {
        return store::getSetting(m_session->db(), kKioskNameKey).value_or("");
    } catch (const store::DbError&) {
        return {}; // the default name from the host name is used instead
    }
}

ActionResult ServicesBackend::setKioskName(const std::string& name) {
    try {
        store::setSetting(m_session->db(), kKioskNameKey, name);
        return {true, core::trf("gui.console.kiosk_saved", {{"name", name}}), name};
    } catch (const store::DbError& e) {
        return {false, describeDbError(e), name};
    }
}

void ServicesBackend::heartbeat(const std::string& kiosk, const std::string& role, const std::string& info, core::Millis now) {
    try {
        store::heartbeat(m_session->db(), kiosk, role, now, info);
    } catch (const store::DbError&) {
        // A missed heartbeat only makes this kiosk look idle on the console.
    }
}

} // namespace kiosk::ui
