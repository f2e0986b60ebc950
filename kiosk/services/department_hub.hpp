#pragma once
// The department's use cases over the hub: a unit publishes its finished event (records,
// delegates and its summary) once and idempotently, from its database or a backup of it; the
// department imports its units list and builds the consolidated report with no event database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/hub/department_hub.hpp"
#include "kiosk/services/department_report.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::services {

/// What a publish did; error is set (localized) when it was refused.
struct PublishResult {
    std::string error;
    std::string eventCode, unit;
    std::int64_t eventId = 0;
    int records = 0;   ///< records the hub did not have yet
    int delegates = 0; ///< delegates new or changed on the hub
    hub::SummaryOutcome summary;
    bool changedAnything() const { return records > 0 || delegates > 0 || summary.changed; }
};

/// Pushes the session's event to the hub at url. at: when the report counts as received (tests
/// and rehearsals); the hub's clock otherwise. Throws hub::PgError when the hub cannot be reached.
PublishResult publishToDepartment(const std::string& url, Session& session,
                                  std::optional<core::Millis> at);

/// Each category of the event and the group of part 2.4 it is counted in (report.toml).
std::vector<hub::CategoryGroupRow> categoryGroups(Session& session);

/// Replaces the hub's units list; returns how many. Throws hub::PgError.
int importUnitsToHub(const std::string& url, const std::vector<core::DeptUnit>& units);

/// The consolidated report from the hub. Throws hub::PgError.
paper::DepartmentReportData consolidatedReport(const std::string& url,
                                               const DepartmentSettings& settings,
                                               const DepartmentReportOptions& options);

} // namespace kiosk::services
