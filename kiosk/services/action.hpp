#pragma once
// The result of a user action in a service, and the commit-then-show rule every action follows.
#include <string>
#include <utility>

#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// The outcome of a host or judge action: done, or refused with a localized reason.
struct ActionResult {
    bool ok = true;
    std::string message; ///< localized; empty when ok and nothing to say
    static ActionResult done(std::string msg = {}) { return {true, std::move(msg)}; }
    static ActionResult refused(std::string msg) { return {false, std::move(msg)}; }
};

/// Runs an action under the write lock (services take ids by value: reload() replaces the
/// snapshot a caller's reference may point into): reload() re-reads the state first (so two screens never
/// act on a stale one), act() decides and writes, the transaction commits only when it succeeded,
/// and reload() runs again so the caller shows what is committed.
template <class Reload, class Act> ActionResult runCommitted(store::Database& db, Reload&& reload, Act&& act) {
    ActionResult result;
    {
        store::Transaction tx(db);
        reload();
        result = act();
        if (result.ok) tx.commit();
    }
    reload();
    return result;
}

} // namespace kiosk::services
