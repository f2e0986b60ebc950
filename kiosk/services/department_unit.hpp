#pragma once
// A unit's side of the department's consolidation: the summary of its own event the hub
// receives (attendance per category group of part 2.4, ceremony, contests, awards, the report
// it issued), and the record `kiosk report` leaves of the report it wrote.
#include <string>

#include "kiosk/core/consolidation.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::services {

/// The report the unit last wrote (number and date as printed); empty when none.
struct IssuedReport {
    std::string number;
    std::string date;
};

/// Remembers the report just written, so a publish can tell the department about it.
void recordIssuedReport(Session& session, const IssuedReport& report);
IssuedReport issuedReport(Session& session);

/// The unit's event as the department sees it, as of now. Categories outside every group of
/// report.toml are counted under their own name.
core::UnitEventSummary unitSummary(Session& session, core::Millis now);

} // namespace kiosk::services
