#pragma once
// What a kiosk keeps locally about its fleet membership (migration fleet-1): the hub it joined,
// its cursors, which records it made offline, which rows it pulled, and the conflicts reported.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::store {

std::optional<std::string> fleetGet(Database& db, const std::string& key);
void fleetSet(Database& db, const std::string& key, const std::string& value);
void fleetUnset(Database& db, const std::string& key);
std::int64_t fleetInt(Database& db, const std::string& key, std::int64_t fallback = 0);

std::int64_t fleetCursor(Database& db, const std::string& name);
void setFleetCursor(Database& db, const std::string& name, std::int64_t value);

/// Marks a record (by uuid) as decided without the hub.
void markOffline(Database& db, const std::string& uuid, core::Millis at);
bool isOffline(Database& db, const std::string& uuid);
/// Remembers a row that came from the hub, so it is never pushed back.
void markPulled(Database& db, const std::string& table, std::int64_t rowId);

/// The prefix of walk-in codes made here: "W" alone, or "W<kiosk no>-" on a joined kiosk that is
/// not the organizer, so two machines never make the same code, also offline.
std::string walkInPrefix(Database& db);

struct FleetConflict {
    std::int64_t hubId = 0;
    std::string listId, delegateCode, firstKiosk, secondKiosk, firstUuid, secondUuid;
    core::Millis firstAt = 0, secondAt = 0;
};
/// Adds a conflict reported by the hub (ignored when already known).
void addConflict(Database& db, const FleetConflict& c);
std::vector<FleetConflict> conflicts(Database& db);
std::int64_t conflictCount(Database& db);

} // namespace kiosk::store
