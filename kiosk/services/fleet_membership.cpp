#include "kiosk/services/fleet_membership.hpp"

#include "kiosk/core/uuid.hpp"
#include "kiosk/store/fleet_repo.hpp"

namespace kiosk::services {

std::string fleetInstance(store::Database& db) {
    return store::fleetGet(db, "instance").value_or(core::newUuid());
}

void saveFleetMembership(store::Database& db, const hub::Membership& m,
                         const std::string& instance) {
    store::Transaction tx(db);
    store::fleetSet(db, "hub_url", m.url);
    store::fleetSet(db, "kiosk", m.kiosk);
    store::fleetSet(db, "event_id", std::to_string(m.eventId));
    store::fleetSet(db, "kiosk_no", std::to_string(m.kioskNo));
    store::fleetSet(db, "organizer", m.organizer ? "1" : "0");
    store::fleetSet(db, "instance", instance);
    tx.commit();
}

void adoptJoinedCopy(store::Database& db, const hub::Membership& member,
                     const std::string& instance) {
    saveFleetMembership(db, member, instance);
    store::Transaction tx(db);
    hub::skipExistingRows(db);
    tx.commit();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

std::unique_ptr<Fleet> storedFleet(store::Database& db) {
    auto m = hub::membership(db);
    m->url = store::fleetGet(db, "hub_url").value_or(m->url);
    return std::make_unique<Fleet>(std::move(*m));
}

} // namespace kiosk::services
