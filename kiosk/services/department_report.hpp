#pragma once
// The department's consolidated report from the units list and the events' summaries: its
// settings (department.toml), the data for the PDF, the XLSX (one sheet per section, real
// dates and numbers) and the JSON for whoever builds on it.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/consolidation.hpp"
#include "kiosk/paper/pdf_department.hpp"
#include "kiosk/paper/table.hpp"

namespace kiosk::services {

/// What department.toml sets: who issues the report, the plan's window and deadline, the closing.
struct DepartmentSettings {
    std::string parentUnit, unit, unitName, symbol, place, title, subtitle, plan;
    std::string from = "2023-07-01", to = "2023-08-19", deadline = "2023-08-10";
    int earliest = 3;
    std::vector<std::string> recipients, signerLines;
    std::string signerName;
};

/// The default pack's department.toml.
std::string defaultDepartmentConfig();
/// Reads department.toml; nullopt and *error when it cannot be read or does not parse.
std::optional<DepartmentSettings> loadDepartmentSettings(const std::string& path,
                                                         std::string* error);

/// What the officer asks for this time; empty fields take the settings' values.
struct DepartmentReportOptions {
    std::string deadline, from, to; ///< "YYYY-MM-DD"
    std::string number;             ///< the report's number, before the symbol
    std::string date;               ///< the report's date, "YYYY-MM-DD"
};

/// Consolidates and fills the report.
paper::DepartmentReportData buildDepartmentReport(const std::vector<core::DeptUnit>& units,
                                                  const std::vector<core::UnitEventSummary>& events,
                                                  const DepartmentSettings& settings,
                                                  const DepartmentReportOptions& options);

/// Writes the sheets: summary, units, delegates by group, contests, early units, not held, late.
void writeDepartmentSheets(paper::TableSink& sink, const paper::DepartmentReportData& data);
/// Writes the report as .xlsx.
paper::PaperStatus writeDepartmentXlsx(const paper::DepartmentReportData& data,
                                       const std::string& path);

/// The same data as one JSON document.
std::string departmentJson(const paper::DepartmentReportData& data);

} // namespace kiosk::services
