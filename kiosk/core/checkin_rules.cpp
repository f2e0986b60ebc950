#include "kiosk/core/checkin_rules.hpp"

#include <array>
#include <utility>

namespace kiosk::core {

namespace {

constexpr std::array<std::pair<Reason, std::string_view>, 12> kReasonNames{{
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
}};

Decision refuse(Reason r) { return Decision{Status::Refused, r, false, Reason::Ok}; }

} // namespace

std::string_view reasonName(Reason reason) {
    for (const auto& [r, name] : kReasonNames)
        if (r == reason) return name;
    return "malformed";
}

std::optional<Reason> reasonFromName(std::string_view name) {
    for (const auto& [r, n] : kReasonNames)
        if (n == name) return r;
    return std::nullopt;
}

std::string_view statusName(Status status) {
    switch (status) {
    case Status::Accepted: return "accepted";
    case Status::Refused: return "refused";
    case Status::Ignored: return "ignored";
    }
    return "refused";
}

std::string_view directionName(Direction direction) { return direction == Direction::Exit ? "exit" : "entry"; }

bool canForce(Reason reason) {
    return reason == Reason::NotOnList || reason == Reason::OutsideWindow || reason == Reason::Revoked ||
           reason == Reason::AlreadyCheckedIn;
}

Decision decide(const CheckinFacts& f) {
    // A webcam reads the same badge on many frames: the repeat is ignored before anything else,
    // so it neither beeps twice nor lands in the journal twice.
    if (f.lastSameScanAtThisKiosk && f.now - *f.lastSameScanAtThisKiosk >= 0 &&
        f.now - *f.lastSameScanAtThisKiosk < kDuplicateWindowMs && !f.force)
        return Decision{Status::Ignored, Reason::DuplicateScan, false, Reason::Ok};

    using Kind = ParsedBadge::Kind;
    if (f.badge.kind == Kind::Malformed) return refuse(Reason::Malformed);
    if (f.badge.kind == Kind::Signed) {
        if (!f.prefixMatches) return refuse(Reason::WrongEvent);
        if (!f.signatureValid) return refuse(Reason::BadSignature);
        if (!f.delegate) return refuse(Reason::Unknown);
    } else {
        if (!f.plainCodesAllowed) return refuse(Reason::Malformed);
        if (!f.delegate) return refuse(Reason::Unknown);
    }

    const Delegate& d = *f.delegate;
    std::optional<Reason> refusal;
    const bool replaced = f.badge.kind == Kind::Signed && f.badge.serial != d.badgeSerial;
    if (d.revoked || replaced) refusal = Reason::Revoked;
    else if (!f.categoryAdmitted) refusal = Reason::NotOnList;
    else if (f.windowKnown && (f.now < f.window.opensWithTolerance || f.now > f.window.closesWithTolerance))
        refusal = Reason::OutsideWindow;

    Reason success = Reason::Ok;
    if (!refusal) {
        if (f.direction == Direction::Exit) {
            if (!f.state.inside) return refuse(Reason::NotCheckedIn); // nothing to force: no one to let out
            success = Reason::ExitOk;
        } else if (f.state.inside || (f.state.everEntered && !f.reentryAllowed)) {
            refusal = Reason::AlreadyCheckedIn;
        }
    } else if (f.direction == Direction::Exit) {
        // Letting someone out is never refused for list or window reasons once they are inside.
        if (f.state.inside && *refusal != Reason::Revoked) return Decision{Status::Accepted, Reason::ExitOk, false, Reason::Ok};
        if (!f.state.inside) return refuse(Reason::NotCheckedIn);
    }

    if (refusal) {
        if (f.force && canForce(*refusal)) {
            // A forced re-admission of someone inside is still one entry: no second record needed,
            // but the operator asked for it, so it is recorded and flagged.
            return Decision{Status::Accepted, f.direction == Direction::Exit ? Reason::ExitOk : Reason::Ok, true, *refusal};
        }
        return refuse(*refusal);
    }
    return Decision{Status::Accepted, success, false, Reason::Ok};
}

} // namespace kiosk::core
