#include "kiosk/services/badge_key.hpp"

#include "kiosk/core/badge.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

void rotateBadgeKey(store::Database& db, const std::string& actor) {
    store::Transaction tx(db);
    store::setSetting(db, "badge_key", core::keyToHex(core::generateBadgeKey()));
    store::audit(db, actor, "badge_key.rotate", "");
    tx.commit();
}

} // namespace kiosk::services
