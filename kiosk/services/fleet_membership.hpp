#pragma once
// What `kiosk hub setup` and `kiosk hub join` keep in the event database: this kiosk's membership
// of a hub (URL, name, number, instance), and a joined copy made ready to be this kiosk's own.
#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/hub/hub.hpp"
#include "kiosk/services/fleet_sync.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// This database's instance UUID, or a new one when it never had one.
std::string fleetInstance(store::Database& db);
/// Saves the membership and this database's instance UUID in one transaction.
void saveFleetMembership(store::Database& db, const hub::Membership& member,
                         const std::string& instance);
/// A copy downloaded from the hub becomes this kiosk's database: the membership saved, the copy's
/// records (the organizer's, already in the hub) marked as never to be pushed again, the WAL folded
/// in.
void adoptJoinedCopy(store::Database& db, const hub::Membership& member,
                     const std::string& instance);

/// The fleet as stored: setup's and join's own rounds run with the URL the kiosk will use (the
/// event's role), not with the owner's URL that $KIOSK_HUB_URL gave them. Needs a membership.
std::unique_ptr<Fleet> storedFleet(store::Database& db);

} // namespace kiosk::services
