#pragma once
// The event's settings, categories and check-in lists in the database.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/model.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::store {

void saveEvent(Database& db, const core::Event& event);
core::Event loadEvent(Database& db); ///< throws DbError when the database holds no event

void saveCategories(Database& db, const std::vector<core::Category>& categories);
std::vector<core::Category> loadCategories(Database& db); ///< by rank

void saveLists(Database& db, const std::vector<core::CheckinList>& lists);
std::vector<core::CheckinList> loadLists(Database& db);

std::optional<std::string> getSetting(Database& db, const std::string& key);
void setSetting(Database& db, const std::string& key, const std::string& value);

void audit(Database& db, const std::string& actor, const std::string& action, const std::string& detail);

/// One row of the audit log.
struct AuditEntry {
    core::Millis at = 0;
    std::string actor, action, detail;
};
/// The newest audit row of an action, if any.
std::optional<AuditEntry> lastAudit(Database& db, const std::string& action);

} // namespace kiosk::store
