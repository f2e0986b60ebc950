#pragma once
// The check-in desk: turns a scanned text (or a person picked at the desk) into a decision,
// committed in one transaction before it is returned. A returned Accepted outcome is on disk.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/checkin_rules.hpp"
#include "kiosk/hub/hub.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/checkin_repo.hpp"

namespace kiosk::services {

/// One scan as the kiosk saw it.
struct ScanRequest {
    std::string text;             ///< raw scanner text (noise is stripped here)
    std::string listId = "le";
    core::Direction direction = core::Direction::Entry;
    std::string kiosk = "kiosk";
    std::string source = "cli";   ///< camera, keyboard, serial, manual, cli
    bool force = false;
    std::string forceReason;
    std::optional<core::Millis> at; ///< the clock for this call; now when empty
};

/// What happened, with everything a screen or the CLI shows.
struct ScanOutcome {
    core::Decision decision;
    std::optional<core::Delegate> delegate;
    std::string categoryName;
    core::ListState state;          ///< before this scan
    std::string checkinUuid;        ///< set when a check-in row was written
    std::int64_t checkinId = 0;
    core::Millis at = 0;
    bool windowKnown = false;
    core::ListWindow window;
    std::string message;            ///< in the current language
    std::string hint;               ///< what to do next, for refusals
    bool offline = false;           ///< joined to a hub that did not answer: decided here alone
};

class Fleet;

class CheckinDesk {
public:
    explicit CheckinDesk(Session& session) : m_session(session) {}

    /// Decides and records a scan. Throws store::DbError only when the database fails
    /// (locked past the busy timeout, disk full): nothing is then shown as done.
    ScanOutcome scan(const ScanRequest& request);

    /// Admits a person picked at the desk by code (no badge): same rules, source "manual".
    ScanOutcome admitByCode(const std::string& code, const ScanRequest& request);

    /// The localized message and hint for an outcome.
    static void describe(const Session& session, ScanOutcome& outcome);

    /// Decides admissions with the hub while it answers (null: this machine alone, as before).
    void setFleet(Fleet* fleet) { m_fleet = fleet; }

private:
    ScanOutcome decideAndRecord(core::CheckinFacts facts, const ScanRequest& request, const std::string& journalText);
    std::unique_ptr<hub::Admission> hubAdmission(store::Database& db, const std::string& listId, const std::string& code);
    static void fillRecords(const ScanOutcome& out, const ScanRequest& request, const std::string& journalText, store::ScanRecord& scan,
                            store::CheckinRecord& rec);
    Session& m_session;
    Fleet* m_fleet = nullptr;
};

} // namespace kiosk::services
