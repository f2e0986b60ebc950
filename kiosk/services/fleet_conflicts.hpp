#pragma once
// Offline double admissions as an organizer reads them (docs/FLEET.md, "Conflicts"): two entries
// of one delegate on one list that the hub did not decide, with the delegate's name, the list's
// name, both machines and both times. For the console's device tab, the attendance export's
// "Xung đột" sheet and the report's count; the same rows `kiosk hub conflicts` prints.
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/export_repo.hpp"

namespace kiosk::services {

struct ConflictRow {
    std::string listId, listName;
    std::string code, name, unit,
        categoryId; ///< name and unit "" when the delegate is not known here
    std::string firstKiosk, secondKiosk;
    core::Millis firstAt = 0, secondAt = 0;
    bool operator==(const ConflictRow&) const = default;
};

/// The conflicts this database pulled from its hub, oldest first; the filter's list, category and
/// time range (on the second entry) apply. Empty for a database that never joined a hub.
std::vector<ConflictRow> fleetConflicts(Session& session, const store::ExportFilter& filter = {});

} // namespace kiosk::services
