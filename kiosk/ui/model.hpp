#pragma once
// What the screens draw from: a snapshot of the event database, refreshed when any process
// commits, and the intents a screen may ask of the services. Views never run SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/checkin_rules.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/core/pin_rule.hpp"
#include "kiosk/services/awaited.hpp"
#include "kiosk/services/event_feed.hpp"
#include "kiosk/services/print_queue.hpp"

namespace kiosk::ui {

/// A slow organizer job (badge PDF and printing, an export) running off the UI thread.
struct JobStatus {
    std::string label;          ///< what it does; "" when no job has run
    bool running = false;
    std::size_t done = 0;       ///< progress, items of total (0 of 0: not known yet)
    std::size_t total = 0;
    bool ok = false;            ///< when finished
    std::string message;        ///< when finished: shown to the organizer as is
    std::string detail;         ///< when finished: the file written
    bool operator==(const JobStatus&) const = default;
};

/// The database as the screens see it at one moment: what services::EventFeed read, and what
/// the backend adds (its jobs, the fleet line, the last failure).
struct Snapshot : services::EventSnapshot {
    std::int64_t version = 0;  ///< bumps whenever the snapshot changed
    std::string loadError;     ///< the last refresh failed (database locked...): the old data is still shown
    JobStatus job;             ///< the organizer's running or last job
    std::string fleet;         ///< "hub connected" / "offline since 09:12, backlog 37 / conflicts 2"; "" when not joined
    bool fleetConnected = false; ///< the hub answered the last round (the status line's colour)

    /// Present and expected on a list, all categories together.
    std::pair<std::int64_t, std::int64_t> totals(std::string_view listId) const;
    const core::CheckinList* list(std::string_view id) const;
    const core::Category* category(std::string_view id) const;
};

/// A scan to decide and record.
struct ScanRequest {
    std::string text;
    std::string listId;
    core::Direction direction = core::Direction::Entry;
    std::string kiosk;  ///< this kiosk's name
    std::string source; ///< "camera", "keyboard", "serial", "manual" (text is then a delegate code), "replay"
    bool force = false;
    std::string forceReason;
};

/// What the services answered for a scan. Only committed outcomes are shown as decisions.
struct ScanOutcome {
    bool committed = false;        ///< the decision is in the database (or was quietly ignored)
    std::string error;             ///< infrastructure failure: nothing was recorded
    core::Status status = core::Status::Refused;
    core::Reason reason = core::Reason::Malformed;
    std::string message;           ///< the reason in plain words, from the string table
    std::string hint;              ///< what to do next (refusals)
    std::optional<core::Delegate> delegate;
    std::string categoryName;
    core::Millis at = 0;
    core::Millis firstAt = 0;      ///< for already_checked_in: the first entry
    std::string firstKiosk;
    bool forced = false;
};

/// The answer to an organizer action (walk-in, revoke, export...).
struct ActionResult {
    bool ok = false;
    std::string message; ///< shown to the organizer as is
    std::string detail;  ///< a code, a file path
};

/// A person registered at the desk.
struct WalkIn {
    std::string name;
    std::string title;
    std::string unit;
    std::string categoryId;
};

/// What a counted PIN attempt came to: opened or not, and the machine's lockout after it.
struct PinAnswer {
    bool open = false;
    core::PinLockState state;
};

/// The intents a screen may ask for. The real implementation sits on kiosk/services; tests may
/// use any other. Every method catches its own infrastructure errors and reports them as values.
class Backend {
public:
    virtual ~Backend() = default;
    /// Re-reads the snapshot when another process committed (PRAGMA data_version); true when it changed.
    virtual bool refresh(core::Millis now) = 0;
    virtual const Snapshot& snapshot() const = 0;
    /// Decides and commits a scan; the outcome says whether it was committed.
    virtual ScanOutcome scan(const ScanRequest& request, core::Millis now) = 0;
    /// Desk search: a few letters without diacritics, best first.
    virtual std::vector<core::Delegate> search(std::string_view query, size_t limit) = 0;
    virtual ActionResult walkIn(const WalkIn& person, core::Millis now) = 0;
    virtual ActionResult revoke(const std::string& code, core::Millis now) = 0;
    virtual ActionResult reissue(const std::string& code, core::Millis now) = 0;
    /// Starts printing the badge off the UI thread (CUPS when a printer is there, else the PDF is
    /// saved and the job's message says where); the snapshot's job reports progress and the end.
    virtual ActionResult printBadge(const std::string& code) = 0;
    /// Starts the attendance export (CSV, or XLSX by the extension) off the UI thread, like printBadge.
    virtual ActionResult exportAttendance(const std::string& path) = 0;
    /// The printers CUPS knows, asked again when refresh (the default first); none by default.
    virtual std::vector<services::PrinterInfo> printers(bool refresh) { return {}; }
    /// Where printBadge prints: a CUPS queue, "" = the default printer, nullopt = save the PDF only.
    /// Taken by value: the services' backend moves it into its jobs.
    virtual void usePrinter(std::optional<std::string> printer) {} // NOLINT(performance-unnecessary-value-param)
    /// True when pin matches the organizer PIN (libsodium crypto_pwhash_str_verify).
    virtual bool checkPin(std::string_view pin) = 0;
    /// A PIN attempt counted for this kiosk (the database keeps the lockout); nullopt when the
    /// backend keeps no count, and the prompt then counts in memory.
    virtual std::optional<PinAnswer> tryPin(std::string_view, const std::string& /*kiosk*/, core::Millis) { return std::nullopt; }
    /// The name given to this machine in the console's setup tab ("" when none was given yet).
    virtual std::string kioskName() { return {}; }
    /// Keeps this machine's name in the event database, so the next start uses it.
    virtual ActionResult setKioskName(const std::string& name) { return {true, {}, name}; }
    /// The desk marks a delegate "đã báo vắng" with a reason (or takes the mark back: reason empty).
    virtual ActionResult apologise(const std::string& code, const std::string& reason, const std::string& kiosk,
                                   core::Millis now) {
        return {false, {}, code};
    }
    /// Records this kiosk as alive for the console's device list.
    virtual void heartbeat(const std::string& kiosk, const std::string& role, const std::string& info, core::Millis now) = 0;
};

} // namespace kiosk::ui
