#include "kiosk/store/apology_repo.hpp"

#include "kiosk/core/uuid.hpp"

namespace kiosk::store {

std::string appendApology(Database& db, std::int64_t delegateId, const std::string& reason, bool withdrawn,
                          const std::string& kiosk, core::Millis at) {
    std::string uuid = core::newUuid();
    auto& st = db.cached("INSERT INTO apologies(uuid, delegate_id, at, kiosk, reason, withdrawn) VALUES(?,?,?,?,?,?)");
    st.bind(1, uuid).bind(2, delegateId).bind(3, at).bind(4, kiosk).bind(5, reason).bind(6, withdrawn).run();
    return uuid;
}

std::unordered_map<std::int64_t, Apology> latestApologies(Database& db) {
    std::unordered_map<std::int64_t, Apology> out;
    // Rows in insertion order: a later row replaces an earlier one of the same delegate.
    auto& st = db.cached("SELECT delegate_id, withdrawn, reason, kiosk, at FROM apologies ORDER BY id");
    while (st.step()) {
        Apology a;
        a.delegateId = st.getInt(0);
        a.active = st.getInt(1) == 0;
        a.reason = st.getText(2);
        a.kiosk = st.getText(3);
        a.at = st.getInt(4);
        out[a.delegateId] = std::move(a);
    }
    st.reset();
    return out;
}

} // namespace kiosk::store
