#include "kiosk/core/checkin_rules.hpp"

#include <array>
#include <utility>

namespace kiosk::core {

namespace {

Decision refuse(Reason r) { return Decision{Status::Refused, r, false, Reason::Ok}; }

} // namespace

std::string_view reasonName(Reason reason) { return kReasonCodes.code(reason); }
std::optional<Reason> reasonFromName(std::string_view name) { return kReasonCodes.parse(name); }
std::string_view statusName(Status status) { return kStatusCodes.code(status); }
std::optional<Status> statusFromName(std::string_view name) { return kStatusCodes.parse(name); }
std::string_view directionName(Direction direction) { return kDirectionCodes.code(direction); }
std::optional<Direction> directionFromName(std::string_view name) { return kDirectionCodes.parse(name); }

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
