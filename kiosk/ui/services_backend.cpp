#include "kiosk/ui/services_backend.hpp"

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/failure.hpp"

namespace kiosk::ui {

using services::describeDbError;

ServicesBackend::ServicesBackend(std::unique_ptr<services::Session> session)
    : m_session(std::move(session)), m_feed(*m_session), m_desk(*m_session),
      m_directory(*m_session),
      m_jobs(std::make_unique<PaperJobs>(m_feed.path(), services::outputDirFor(m_feed.path()))) {
    if ((m_fleet = m_feed.openFleet())) {
        m_desk.setFleet(m_fleet.get());
        m_fleetSync = std::make_unique<services::FleetSyncThread>(m_feed.path(), 250);
    }
    reload();
}

void ServicesBackend::reload() {
    Snapshot s;
    static_cast<services::EventSnapshot&>(s) = m_feed.read();
    s.version = m_snap.version + 1;
    s.job = m_snap.job;
    s.fleet = m_snap.fleet;
    s.fleetConnected = m_snap.fleetConnected;
    m_snap = std::move(s);
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
        const bool other = m_feed.othersCommitted();
        if (!other && !m_dirty) return jobChanged;
        m_dirty = false;
        reload();
        return true;
    } catch (const services::DbError& e) {
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
    } catch (const services::DbError& e) {
        out.error = describeDbError(e);
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

std::vector<core::Delegate> ServicesBackend::search(std::string_view query, size_t limit) {
    try {
        return m_directory.search(std::string(query), limit);
    } catch (const services::DbError& e) {
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
    } catch (const services::DbError& e) {
        return {false, describeDbError(e), {}};
    }
}

ActionResult ServicesBackend::revoke(const std::string& code, core::Millis now) {
    try {
        const auto error = m_directory.revoke(code);
        m_dirty = true;
        if (error != services::DirectoryError::None) return {false, core::tr("gui.console.not_found"), code};
        return {true, core::tr("gui.console.done"), code};
    } catch (const services::DbError& e) {
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
    } catch (const services::DbError& e) {
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
        return m_feed.checkPin(pin);
    } catch (const services::DbError&) {
        return false;
    }
}

std::optional<PinAnswer> ServicesBackend::tryPin(std::string_view pin, const std::string& kiosk, core::Millis now) {
    try {
        const auto [open, state] = m_feed.tryPin(pin, kiosk, now);
        return PinAnswer{open, state};
    } catch (const services::DbError&) {
        return PinAnswer{false, {}}; // a failing database opens nothing
    }
}

ActionResult ServicesBackend::apologise(const std::string& code, const std::string& reason, const std::string& kiosk,
                                        core::Millis now) {
    try {
        const auto e = m_feed.apologise(code, reason, kiosk, now);
        m_dirty = true;
        if (e == services::ApologyError::NotFound) return {false, core::tr("gui.console.not_found"), code};
        if (e == services::ApologyError::MissingReason) return {false, core::tr("gui.console.reason_needed"), code};
        return {true, {}, code};
    } catch (const services::DbError& e) {
        return {false, describeDbError(e), code};
    }
}

std::string ServicesBackend::kioskName() {
    try {
        return m_feed.kioskName();
    } catch (const services::DbError&) {
        return {}; // the default name from the host name is used instead
    }
}

ActionResult ServicesBackend::setKioskName(const std::string& name) {
    try {
        m_feed.setKioskName(name);
        return {true, core::trf("gui.console.kiosk_saved", {{"name", name}}), name};
    } catch (const services::DbError& e) {
        return {false, describeDbError(e), name};
    }
}

void ServicesBackend::heartbeat(const std::string& kiosk, const std::string& role, const std::string& info, core::Millis now) {
    try {
        m_feed.heartbeat(kiosk, role, info, now);
    } catch (const services::DbError&) {
        // A missed heartbeat only makes this kiosk look idle on the console.
    }
}

} // namespace kiosk::ui
