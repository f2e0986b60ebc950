#pragma once
// The department's side of the hub (docs/DEPARTMENT.md): the units list, each event's summary
// as its unit published it (ceremony, contests, awards, the report and when it arrived), how the
// unit groups its categories (part 2.4), and reading it all back with the attendance counted
// from the replicated delegates and check-ins. Tables kiosk_hub.dept_*, migration dept-1.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/consolidation.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/hub/hub_schema.hpp"
#include "kiosk/hub/pg.hpp"

namespace kiosk::hub {

/// The department's migrations, applied by migrateHub after the fleet's.
std::vector<HubMigration> departmentMigrations();

/// Replaces the units list with these units in one transaction; returns how many are listed.
int replaceUnits(PgConn& c, const std::vector<core::DeptUnit>& units);
/// The units list, in the order it was imported.
std::vector<core::DeptUnit> loadUnits(PgConn& c);

/// A category and the group of part 2.4 it is counted in.
struct CategoryGroupRow {
    std::string categoryId;
    std::string group;
};

/// What a publish changed.
struct SummaryOutcome {
    bool created = false;        ///< first publish of this event
    bool changed = false;        ///< the summary differs from the one on the hub
    bool reportReceived = false; ///< the report reached the hub with this publish
};

/// Stores an event's summary unless the hub already holds the same one (idempotent). The report's
/// arrival is stamped once, at `at` or else the hub's clock, the first time a report number comes.
SummaryOutcome publishSummary(PgConn& c, std::int64_t eventId,
                              const core::UnitEventSummary& summary,
                              const std::vector<CategoryGroupRow>& groups,
                              std::optional<core::Millis> at);

/// Every event on the hub as the department sees it. Attendance comes from the replicated
/// delegates and check-ins when the hub has them, else from the unit's own figures.
std::vector<core::UnitEventSummary> loadEventSummaries(PgConn& c);

/// The hub's SQL alone for the attendance (the benchmark's peer): rows of (event, group, expected,
/// present).
struct GroupFigureRow {
    std::int64_t eventId = 0;
    std::string group;
    std::int64_t expected = 0, present = 0;
};
std::vector<GroupFigureRow> attendanceByGroup(PgConn& c);

} // namespace kiosk::hub
