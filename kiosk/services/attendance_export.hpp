#pragma once
// The attendance export: who came to which part of the day (first entry, last exit), a summary
// per list and category, and the full scan journal with refusals and forced admissions.
// Rows go to any paper::TableSink, so CSV and XLSX come from the same code.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/paper/table.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/export_repo.hpp"

namespace kiosk::services {

/// The sheets of the attendance export.
/// Conflicts: offline double admissions from the hub (services/fleet_conflicts.hpp); an XLSX
/// export adds that sheet by itself when there are any.
enum class AttendanceSheet { Attendance, Summary, Scans, Conflicts };

/// Parses "attendance", "summary", "scans" or "conflicts".
std::optional<AttendanceSheet> parseAttendanceSheet(const std::string& name);

/// What to export.
struct AttendanceExportOptions {
    store::ExportFilter filter;
    /// In order; a single-sheet sink (CSV) takes the first.
    std::vector<AttendanceSheet> sheets = {AttendanceSheet::Attendance, AttendanceSheet::Summary, AttendanceSheet::Scans};
};

/// Opens a sink for "csv" or "xlsx" at path; csv's offset also applies to XLSX times. A large
/// export streams XLSX rows through a temporary file. nullptr for another format.
std::unique_ptr<paper::TableSink> openTableSink(const std::string& format, const std::string& path,
                                               const paper::CsvOptions& csv, bool largeExport = false);

/// Writes the chosen sheets into sink and finishes it. Unknown list or category ids in the
/// filter fail as values before anything is written.
paper::PaperStatus exportAttendance(Session& session, paper::TableSink& sink, const AttendanceExportOptions& options,
                                    const paper::Progress& progress = {});

/// Present/expected per list and category, computed from the same fold as the attendance sheet
/// (so a time filter applies to it too).
struct SummaryRow {
    std::string listId, categoryId;
    std::int64_t expected = 0, present = 0, inside = 0, forced = 0;
};
std::vector<SummaryRow> attendanceSummary(Session& session, const store::ExportFilter& filter);

} // namespace kiosk::services
