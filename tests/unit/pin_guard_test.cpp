// The organizer PIN: attempts counted per machine in the database, a lockout that grows and
// survives a restart, each lock in the audit log, and old hashes upgraded on a right PIN.
#include <catch2/catch.hpp>

#include <sodium.h>

#include "kiosk/services/pin_guard.hpp"
#include "kiosk/store/event_repo.hpp"
#include "test_support.hpp"

using namespace kiosk;
using Result = services::PinAttempt::Result;

namespace {
int auditRows(store::Database& db, const std::string& action) {
    auto st = db.prepare("SELECT count(*) FROM audit WHERE action=?");
    st.bind(1, action);
    return st.step() ? static_cast<int>(st.getInt(0)) : -1;
}

// Five wrong PINs at now; returns the last attempt.
services::PinAttempt fiveWrong(store::Database& db, const std::string& kiosk, core::Millis now) {
    services::PinAttempt a;
    for (int i = 0; i < 5; ++i)
        a = services::tryPin(db, kiosk, "0000", now);
    return a;
}
} // namespace

TEST_CASE("PIN lockout grows 60 s then 5 min then 15 min and survives a restart and is audited",
          "[pin]") {
    test::TempDir dir;
    const auto path = dir.file("e.db");
    test::makeEventDb(path); // PIN 2468
    const core::Millis t0 = test::at("08:00:00");
    {
        auto db = store::Database::open(path);
        for (int i = 0; i < 4; ++i)
            CHECK(services::tryPin(*db, "gate-1", "1111", t0).result == Result::Wrong);
        const auto fifth = services::tryPin(*db, "gate-1", "1111", t0);
        CHECK(fifth.result == Result::Locked);
        CHECK(fifth.lockStarted);
        CHECK(fifth.state.lockedUntil == t0 + 60'000);
        CHECK(auditRows(*db, "pin_lockout") == 1);
    }
    // A restart (a new connection, as a new process would open) does not reset the count.
    auto db = store::Database::open(path);
    CHECK(services::pinLockState(*db, "gate-1").lockedUntil == t0 + 60'000);
    // While locked even the right PIN is refused, unchecked; another machine is not locked.
    CHECK(services::tryPin(*db, "gate-1", "2468", t0 + 59'000).result == Result::Locked);
    CHECK(services::tryPin(*db, "gate-2", "2468", t0 + 59'000).result == Result::Open);
    // The second lock lasts 5 minutes, the third and later 15.
    const core::Millis t1 = t0 + 60'000;
    auto second = fiveWrong(*db, "gate-1", t1);
    CHECK(second.state.lockedUntil == t1 + 5 * 60'000);
    const core::Millis t2 = second.state.lockedUntil;
    auto third = fiveWrong(*db, "gate-1", t2);
    CHECK(third.state.lockedUntil == t2 + 15 * 60'000);
    const core::Millis t3 = third.state.lockedUntil;
    CHECK(fiveWrong(*db, "gate-1", t3).state.lockedUntil == t3 + 15 * 60'000);
    CHECK(auditRows(*db, "pin_lockout") == 4);
    // The right PIN after the lock forgives everything: the next lock is a minute again.
    const core::Millis t4 = t3 + 15 * 60'000;
    CHECK(services::tryPin(*db, "gate-1", "2468", t4).result == Result::Open);
    CHECK(services::pinLockState(*db, "gate-1") == core::PinLockState{});
    CHECK(fiveWrong(*db, "gate-1", t4).state.lockedUntil == t4 + 60'000);
}

TEST_CASE("a PIN hash made with older limits still opens and is re-made at the interactive limits",
          "[pin]") {
    REQUIRE(sodium_init() >= 0);
    test::TempDir dir;
    const auto path = dir.file("e.db");
    test::makeEventDb(path);
    auto db = store::Database::open(path);
    char old[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str(old, "2468", 4, crypto_pwhash_OPSLIMIT_MIN,
                              crypto_pwhash_MEMLIMIT_MIN) == 0);
    store::setSetting(*db, "pin_hash", old);
    CHECK(services::tryPin(*db, "gate-1", "1357", 0).result == Result::Wrong);
    CHECK(*store::getSetting(*db, "pin_hash") == old); // a wrong PIN changes nothing
    CHECK(services::tryPin(*db, "gate-1", "2468", 0).result == Result::Open);
    const auto now = *store::getSetting(*db, "pin_hash");
    CHECK(now != old);
    CHECK(crypto_pwhash_str_needs_rehash(now.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                         crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0);
    CHECK(services::tryPin(*db, "gate-1", "2468", 0).result == Result::Open);
    CHECK(auditRows(*db, "pin_rehash") == 1);
}
