#pragma once
// The results export: the ceremony's planned-vs-actual timeline, the awards and whether they
// were handed, and the festival's results, as sheets of a paper::TableSink.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/paper/table.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::services {

/// The sheets of the results export.
enum class ResultsSheet { Timeline, Awards, Festival };

/// Parses "timeline", "awards" or "festival".
std::optional<ResultsSheet> parseResultsSheet(const std::string& name);

/// Writes the chosen sheets (a CSV sink takes the first) and finishes the sink. The festival
/// gives one sheet per contest.
paper::PaperStatus exportResults(Session& session, paper::TableSink& sink, const std::vector<ResultsSheet>& sheets,
                                 core::Millis now);

} // namespace kiosk::services
