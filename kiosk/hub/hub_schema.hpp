#pragma once
// The hub's PostgreSQL schema (schema `kiosk_hub`), as named migrations applied once each.
#include <string>
#include <vector>

namespace kiosk::hub {

struct HubMigration {
    std::string name; ///< permanent, e.g. "hub-1"
    std::string sql;
};

/// Every hub migration in order (recorded in kiosk_hub.migrations).
std::vector<HubMigration> hubMigrations();

} // namespace kiosk::hub
