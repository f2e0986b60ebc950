#pragma once
// The check-in decision: a pure function of what is known at the moment of a scan.
// The store gathers the facts, this decides, the store records the outcome in one transaction.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/badge.hpp"
#include "kiosk/core/codes.hpp"
#include "kiosk/core/model.hpp"

namespace kiosk::core {

enum class Direction { Entry, Exit };

enum class Status { Accepted, Refused, Ignored };

enum class Reason {
    Ok,               ///< admitted
    ExitOk,           ///< exit recorded
    AlreadyCheckedIn, ///< inside already, or a second entry where re-entry is not allowed
    NotCheckedIn,     ///< an exit for someone who is not inside
    Unknown,          ///< well-formed, but not issued by this registry
    Revoked,          ///< revoked, or replaced by a reissued badge
    WrongEvent,       ///< a signed badge of another event
    BadSignature,     ///< our prefix, but the MAC does not match: forged or altered
    Malformed,        ///< not a code at all
    NotOnList,        ///< the delegate's category is not admitted to this list
    OutsideWindow,    ///< before the list opens or after it closes (tolerance included)
    DuplicateScan,    ///< the same code at the same kiosk within 3 s: ignored quietly
};

/// The codes in the journal (scans, checkins), JSON and string keys.
inline constexpr auto kDirectionCodes = makeCodes<Direction>({{Direction::Entry, "entry"}, {Direction::Exit, "exit"}});
inline constexpr auto kStatusCodes =
    makeCodes<Status>({{Status::Accepted, "accepted"}, {Status::Refused, "refused"}, {Status::Ignored, "ignored"}});
inline constexpr auto kReasonCodes = makeCodes<Reason>({
    {Reason::Ok, "ok"},
    {Reason::ExitOk, "exit_ok"},
    {Reason::AlreadyCheckedIn, "already_checked_in"},
    {Reason::NotCheckedIn, "not_checked_in"},
    {Reason::Unknown, "unknown"},
    {Reason::Revoked, "revoked"},
    {Reason::WrongEvent, "wrong_event"},
    {Reason::BadSignature, "bad_signature"},
    {Reason::Malformed, "malformed"},
    {Reason::NotOnList, "not_on_list"},
    {Reason::OutsideWindow, "outside_window"},
    {Reason::DuplicateScan, "duplicate_scan"},
});

/// Stable machine name ("already_checked_in"...), used in JSON, the journal and string keys.
std::string_view reasonName(Reason reason);
std::string_view statusName(Status status);
std::string_view directionName(Direction direction);
std::optional<Reason> reasonFromName(std::string_view name);
std::optional<Status> statusFromName(std::string_view name);
std::optional<Direction> directionFromName(std::string_view name);

/// The duplicate-scan window.
inline constexpr Millis kDuplicateWindowMs = 3000;

/// What the delegate's record on this list says.
struct ListState {
    bool inside = false;       ///< last recorded event on this list was an entry
    bool everEntered = false;
    Millis firstEntryAt = 0;
    std::string firstEntryKiosk;
};

/// Everything the decision depends on.
struct CheckinFacts {
    ParsedBadge badge;
    bool signatureValid = false;       ///< verifyBadge() for signed badges
    bool prefixMatches = false;        ///< the badge's prefix is this event's
    bool plainCodesAllowed = false;
    std::optional<Delegate> delegate;  ///< found by code (signed) or external code (plain)
    bool categoryAdmitted = false;     ///< delegate's category is on the list
    bool windowKnown = false;
    ListWindow window;
    ListState state;
    Direction direction = Direction::Entry;
    bool reentryAllowed = true;
    Millis now = 0;
    std::optional<Millis> lastSameScanAtThisKiosk; ///< the same cleaned text at this kiosk
    bool force = false;                 ///< an operator admits despite a refusal
};

/// The outcome.
struct Decision {
    Status status = Status::Refused;
    Reason reason = Reason::Malformed;
    bool forced = false;        ///< admitted only because an operator forced it
    Reason overridden = Reason::Ok; ///< the refusal a forced admission overrode
};

/// Decides a scan. Refusals that identify a person (not_on_list, outside_window, revoked,
/// already_checked_in) can be forced; unknown, forged or malformed codes cannot.
Decision decide(const CheckinFacts& facts);

/// True when an operator may force past this refusal.
bool canForce(Reason reason);

} // namespace kiosk::core
