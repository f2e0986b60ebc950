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

/// Everything the report shows, as of now (the report's date is now's local date).
paper::ReportData buildReport(Session& session, const ReportOptions& options, core::Millis now);

} // namespace kiosk::services
