#include "kiosk/services/pin_guard.hpp"

#include <sodium.h>

#include "kiosk/services/event_pack.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/pin_repo.hpp"

namespace kiosk::services {

namespace {
// A hash made with other limits than today's (an older libsodium, other parameters) is still
// verified; once it has been, it is replaced by one made at the current interactive limits.
void rehashIfOld(store::Database& db, const std::string& hash, std::string_view pin) {
    if (crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0)
        return;
    store::setSetting(db, "pin_hash", hashPin(std::string(pin)));
    store::audit(db, "organizer", "pin_rehash", "");
}
} // namespace

core::PinLockState pinLockState(store::Database& db, const std::string& kiosk) {
    return store::loadPinLock(db, kiosk);
}

PinAttempt tryPin(store::Database& db, const std::string& kiosk, std::string_view pin,
                  core::Millis now) {
    PinAttempt out;
    out.state = store::loadPinLock(db, kiosk);
    if (core::pinLocked(out.state, now)) {
        out.result = PinAttempt::Result::Locked;
        return out;
    }
    const auto hash = store::getSetting(db, "pin_hash");
    // The slow hash is checked outside the write transaction, so other kiosks' check-ins never wait
    // on it.
    const bool right = !hash || checkPin(*hash, std::string(pin));
    store::Transaction tx(db);
    out.state =
        store::loadPinLock(db, kiosk); // another process at this machine may have counted meanwhile
    if (core::pinLocked(out.state, now)) {
        out.result = PinAttempt::Result::Locked;
        return out;
    }
    if (right) {
        core::pinRight(out.state);
        if (hash) rehashIfOld(db, *hash, pin);
        out.result = PinAttempt::Result::Open;
    } else {
        out.lockStarted = core::pinWrong(out.state, now);
        out.result = out.lockStarted ? PinAttempt::Result::Locked : PinAttempt::Result::Wrong;
        if (out.lockStarted)
            store::audit(db, kiosk, "pin_lockout",
                         "lock " + std::to_string(out.state.lockouts) + ", " +
                             std::to_string(core::pinLockDuration(out.state.lockouts) / 1000) +
                             " s");
    }
    store::savePinLock(db, kiosk, out.state);
    tx.commit();
    return out;
}

} // namespace kiosk::services
