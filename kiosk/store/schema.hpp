#pragma once
// Schema migrations. Each feature owns a list of named migrations in its own file; they apply
// in order, once each, recorded in the `migrations` table; PRAGMA user_version counts them.
#include <string>
#include <vector>

#include "kiosk/store/db.hpp"

namespace kiosk::store {

struct Migration {
    std::string name; ///< unique and permanent, e.g. "core-1"
    std::string sql;
};

/// Every migration of every feature, in the order they apply.
std::vector<Migration> allMigrations();
/// Recomputes the counts the core-2 triggers keep, from the records, in one transaction.
void rebuildCounts(Database& db);

/// The features' lists (one per file).
std::vector<Migration> coreMigrations();
std::vector<Migration> ceremonyMigrations(); ///< ceremony_repo.cpp
std::vector<Migration> festivalMigrations(); ///< festival_schema.cpp
std::vector<Migration> pinMigrations();      ///< pin_repo.cpp
std::vector<Migration> fleetMigrations();    ///< fleet_repo.cpp
std::vector<Migration> fleetReferenceMigrations(); ///< fleet_reference.cpp

/// Applies what is missing in one transaction; returns how many ran.
int migrate(Database& db);

} // namespace kiosk::store
