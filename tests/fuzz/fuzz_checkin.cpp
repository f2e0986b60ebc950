// libFuzzer target: the check-in decision fed random states and texts, the facts gathered from the
// text as the desk gathers them (the same parse, prefix check and MAC check). Property: it never
// admits a forged, other-event or malformed code, nor (unless an operator forces it) a revoked or
// replaced badge, a delegate off the list or outside the list's window.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/core/badge.hpp"
#include "kiosk/core/checkin_rules.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace kiosk;

namespace {
core::BadgeKey key(std::uint8_t fill) {
    core::BadgeKey k{};
    for (size_t i = 0; i < k.size(); ++i)
        k[i] = static_cast<std::uint8_t>(fill + i * 31);
    return k;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const core::BadgeKey ours = key(7), theirs = key(8);
    static const std::string prefix = "ANTQ23";
    static const std::string kExternalCode = "HIS-000123";
    fuzz::Bytes in(data, size);
    const std::uint8_t how = in.byte();
    const int serial = static_cast<int>(in.byte() % 4);
    // The text: raw bytes, or a real badge of ours, of another key (forged), or of another event,
    // optionally with a byte of it changed.
    std::string text;
    enum { Raw, Ours, Forged, OtherEvent } origin = static_cast<decltype(origin)>(how % 4);
    const std::string code = "D" + std::to_string(1000 + in.byte() % 8);
    switch (origin) {
    case Raw:
        break;
    case Ours:
        text = core::makeBadgeText(ours, prefix, code, serial);
        break;
    case Forged:
        text = core::makeBadgeText(theirs, prefix, code, serial);
        break;
    case OtherEvent:
        text = core::makeBadgeText(ours, "OTHER1", code, serial);
        break;
    }
    if (!text.empty() && (how & 0x10)) {
        const size_t at = in.byte() % text.size();
        const char c = static_cast<char>(in.byte());
        if (text[at] != c) {
            const std::string before = core::parseBadge(core::cleanScan(text)).text;
            text[at] = c;
            // An altered badge of ours is a forgery, unless the change is one the desk undoes
            // (parseBadge upper-cases: a scanner with Caps Lock on types our badge in lower case).
            if (origin == Ours && core::parseBadge(core::cleanScan(text)).text != before) origin = Forged;
        }
    }
    const bool plainAllowed = how & 0x20;
    const bool delegateFound = how & 0x40;
    const bool revoked = how & 0x80;
    const std::uint8_t more = in.byte();
    text += in.take(in.byte()); // trailing noise (or the whole text, for Raw)

    core::CheckinFacts f;
    f.badge = core::parseBadge(core::cleanScan(text));
    f.plainCodesAllowed = plainAllowed;
    if (f.badge.kind == core::ParsedBadge::Kind::Signed) {
        f.prefixMatches = f.badge.prefix == prefix;
        f.signatureValid = f.prefixMatches && core::verifyBadge(ours, f.badge);
    }
    // The registry answers for a valid signed badge, or a plain code where those are allowed.
    const bool lookedUp = (f.badge.kind == core::ParsedBadge::Kind::Signed && f.signatureValid) ||
                          (f.badge.kind == core::ParsedBadge::Kind::Plain && plainAllowed);
    // A plain code is found only when it is exactly a delegate's imported external code.
    const bool known =
        f.badge.kind == core::ParsedBadge::Kind::Signed || f.badge.text == kExternalCode;
    if (lookedUp && delegateFound && known) {
        core::Delegate d;
        d.id = 1;
        d.code = f.badge.code;
        d.revoked = revoked;
        d.badgeSerial = (more & 1) ? f.badge.serial : f.badge.serial + 1;
        f.delegate = d;
    }
    f.categoryAdmitted = more & 2;
    f.windowKnown = more & 4;
    f.window = {1000, 5000, 800, 5200};
    f.now = static_cast<core::Millis>(in.u32() % 8000);
    f.direction = (more & 8) ? core::Direction::Exit : core::Direction::Entry;
    f.reentryAllowed = more & 16;
    f.force = more & 32;
    f.state.inside = more & 64;
    f.state.everEntered = f.state.inside || (more & 128);
    if (in.flag()) f.lastSameScanAtThisKiosk = f.now - static_cast<core::Millis>(in.byte()) * 40;

    const core::Decision d = core::decide(f);
    const bool admitted = d.status == core::Status::Accepted && d.reason == core::Reason::Ok;
    if (!admitted) return 0;
    // A forged or other-event badge stays refused; altered into some other text, it can only get in
    // as the exact external code of a delegate (which the organizers imported).
    if ((origin == Forged || origin == OtherEvent) &&
        f.badge.kind != core::ParsedBadge::Kind::Plain)
        __builtin_trap();
    if (f.badge.kind == core::ParsedBadge::Kind::Plain && f.badge.text != kExternalCode)
        __builtin_trap();
    if (f.badge.kind == core::ParsedBadge::Kind::Malformed || !f.delegate) __builtin_trap();
    if (f.badge.kind == core::ParsedBadge::Kind::Signed && !(f.signatureValid && f.prefixMatches))
        __builtin_trap();
    if (f.badge.kind == core::ParsedBadge::Kind::Plain && !plainAllowed) __builtin_trap();
    if (!f.force) {
        const bool replaced = f.badge.kind == core::ParsedBadge::Kind::Signed &&
                              f.badge.serial != f.delegate->badgeSerial;
        if (f.delegate->revoked || replaced || !f.categoryAdmitted) __builtin_trap();
        if (f.windowKnown &&
            (f.now < f.window.opensWithTolerance || f.now > f.window.closesWithTolerance))
            __builtin_trap();
    }
    return 0;
}
