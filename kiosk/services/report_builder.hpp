#pragma once
// Gathers the event report's data from the database: attendance figures, arrivals over time,
// the ceremony timeline and awards, festival results, the organizer's notes and the signer.
#include <string>

#include "kiosk/core/time.hpp"
#include "kiosk/paper/chart.hpp"
#include "kiosk/paper/pdf_report.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::services {

/// What the organizer adds to the report.
struct ReportOptions {
    std::string notes;                      ///< free text; blank lines separate paragraphs
    std::string number;                     ///< overrides report.toml's number when not empty
    core::Millis bucketMs = 15 * 60 * 1000; ///< width of an arrivals bar
};

/// The arrivals chart: first entries per list per bucket, stacked; labels are local clock times.
paper::BarChart arrivalsChart(Session& session, core::Millis bucketMs);

/// "04 tháng 8 năm 2023": a date as the body of an administrative document writes it.
std::string adminDate(const std::string& isoDate);

/// Whether a report dated reportDate meets the department's deadline (both "YYYY-MM-DD").
struct DeadlineCheck {
    std::string reportDate, deadline;
    bool known = false; ///< both dates given and valid
    bool late = false;  ///< dated on or after the deadline ("trước ngày 10/8" means the 9th at the latest)
};
DeadlineCheck checkDeadline(const std::string& reportDate, const std::string& deadline);

/// Everything the report shows, as of now (the report's date is now's local date).
paper::ReportData buildReport(Session& session, const ReportOptions& options, core::Millis now);

} // namespace kiosk::services
