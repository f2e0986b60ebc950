#include <catch2/catch.hpp>

#include "kiosk/core/checkin_rules.hpp"

using namespace kiosk::core;

namespace {

// A valid signed badge of a known delegate, admitted, inside the window.
CheckinFacts goodFacts() {
    CheckinFacts f;
    f.badge.kind = ParsedBadge::Kind::Signed;
    f.badge.serial = 1;
    f.prefixMatches = true;
    f.signatureValid = true;
    Delegate d;
    d.id = 7;
    d.code = "D0007";
    d.badgeSerial = 1;
    f.delegate = d;
    f.categoryAdmitted = true;
    f.windowKnown = true;
    f.window = ListWindow{1000000, 2000000, 900000, 2100000};
    f.now = 1500000;
    return f;
}

} // namespace

TEST_CASE("a valid badge on time is admitted") {
    const auto d = decide(goodFacts());
    CHECK(d.status == Status::Accepted);
    CHECK(d.reason == Reason::Ok);
    CHECK_FALSE(d.forced);
}

TEST_CASE("every refusal has its reason") {
    SECTION("malformed") {
        auto f = goodFacts();
        f.badge.kind = ParsedBadge::Kind::Malformed;
        CHECK(decide(f).reason == Reason::Malformed);
    }
    SECTION("plain text when the pack accepts no plain codes") {
        auto f = goodFacts();
        f.badge.kind = ParsedBadge::Kind::Plain;
        f.plainCodesAllowed = false;
        CHECK(decide(f).reason == Reason::Malformed);
    }
    SECTION("unknown plain code") {
        auto f = goodFacts();
        f.badge.kind = ParsedBadge::Kind::Plain;
        f.plainCodesAllowed = true;
        f.delegate.reset();
        CHECK(decide(f).reason == Reason::Unknown);
    }
    SECTION("wrong event") {
        auto f = goodFacts();
        f.prefixMatches = false;
        CHECK(decide(f).reason == Reason::WrongEvent);
    }
    SECTION("bad signature") {
        auto f = goodFacts();
        f.signatureValid = false;
        CHECK(decide(f).reason == Reason::BadSignature);
    }
    SECTION("unknown signed code") {
        auto f = goodFacts();
        f.delegate.reset();
        CHECK(decide(f).reason == Reason::Unknown);
    }
    SECTION("revoked") {
        auto f = goodFacts();
        f.delegate->revoked = true;
        CHECK(decide(f).reason == Reason::Revoked);
    }
    SECTION("replaced by a reissued badge") {
        auto f = goodFacts();
        f.delegate->badgeSerial = 2;
        CHECK(decide(f).reason == Reason::Revoked);
    }
    SECTION("not on list") {
        auto f = goodFacts();
        f.categoryAdmitted = false;
        CHECK(decide(f).reason == Reason::NotOnList);
    }
    SECTION("too early, and too late, with tolerance") {
        auto f = goodFacts();
        f.now = 899999;
        CHECK(decide(f).reason == Reason::OutsideWindow);
        f.now = 900000;
        CHECK(decide(f).reason == Reason::Ok);
        f.now = 2100001;
        CHECK(decide(f).reason == Reason::OutsideWindow);
    }
    SECTION("already checked in") {
        auto f = goodFacts();
        f.state.inside = true;
        f.state.everEntered = true;
        CHECK(decide(f).reason == Reason::AlreadyCheckedIn);
    }
    for (auto r : {Reason::Malformed, Reason::Unknown, Reason::BadSignature, Reason::WrongEvent}) CHECK_FALSE(canForce(r));
}

TEST_CASE("the same code at the same kiosk within 3 s is ignored quietly") {
    auto f = goodFacts();
    f.lastSameScanAtThisKiosk = f.now - 2999;
    auto d = decide(f);
    CHECK(d.status == Status::Ignored);
    CHECK(d.reason == Reason::DuplicateScan);
    f.lastSameScanAtThisKiosk = f.now - 3000;
    CHECK(decide(f).status == Status::Accepted);
    // Even a garbage repeat is ignored, not journaled again.
    f.badge.kind = ParsedBadge::Kind::Malformed;
    f.lastSameScanAtThisKiosk = f.now - 10;
    CHECK(decide(f).status == Status::Ignored);
}

TEST_CASE("exit and re-entry follow the list's rule") {
    auto f = goodFacts();
    f.direction = Direction::Exit;
    CHECK(decide(f).reason == Reason::NotCheckedIn);
    f.state.inside = true;
    f.state.everEntered = true;
    CHECK(decide(f).reason == Reason::ExitOk);
    CHECK(decide(f).status == Status::Accepted);

    // Back in after an exit.
    f.direction = Direction::Entry;
    f.state.inside = false;
    f.reentryAllowed = true;
    CHECK(decide(f).reason == Reason::Ok);
    f.reentryAllowed = false;
    CHECK(decide(f).reason == Reason::AlreadyCheckedIn);
}

TEST_CASE("an exit after the window closes is still recorded for someone inside") {
    auto f = goodFacts();
    f.direction = Direction::Exit;
    f.state.inside = true;
    f.state.everEntered = true;
    f.now = 5000000;
    CHECK(decide(f).reason == Reason::ExitOk);
}

TEST_CASE("an operator can force refusals that identify the person, and it is flagged") {
    for (auto setup : {+[](CheckinFacts& f) { f.categoryAdmitted = false; }, +[](CheckinFacts& f) { f.now = 0; },
                       +[](CheckinFacts& f) { f.delegate->revoked = true; },
                       +[](CheckinFacts& f) {
                           f.state.inside = true;
                           f.state.everEntered = true;
                       }}) {
        auto f = goodFacts();
        setup(f);
        const auto refused = decide(f);
        REQUIRE(refused.status == Status::Refused);
        f.force = true;
        const auto forced = decide(f);
        CHECK(forced.status == Status::Accepted);
        CHECK(forced.forced);
        CHECK(forced.overridden == refused.reason);
    }
}

TEST_CASE("unknown, forged and malformed codes cannot be forced") {
    auto f = goodFacts();
    f.force = true;
    f.delegate.reset();
    CHECK(decide(f).status == Status::Refused);
    f = goodFacts();
    f.force = true;
    f.signatureValid = false;
    CHECK(decide(f).reason == Reason::BadSignature);
    f = goodFacts();
    f.force = true;
    f.badge.kind = ParsedBadge::Kind::Malformed;
    CHECK(decide(f).reason == Reason::Malformed);
}

TEST_CASE("reason names round trip") {
    for (auto r : {Reason::Ok, Reason::ExitOk, Reason::AlreadyCheckedIn, Reason::NotCheckedIn, Reason::Unknown, Reason::Revoked,
                   Reason::WrongEvent, Reason::BadSignature, Reason::Malformed, Reason::NotOnList, Reason::OutsideWindow,
                   Reason::DuplicateScan})
        CHECK(reasonFromName(reasonName(r)) == r);
}
