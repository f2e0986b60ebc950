#pragma once
// The department's list of units (who is expected to hold the day) from CSV, as organizers
// write it: "STT, Mã đơn vị, Tên đơn vị, Huyện/TP, Người liên hệ, Điện thoại". All or nothing:
// any bad row refuses the file, every problem listed by line and column.
#include <string>
#include <vector>

#include "kiosk/core/consolidation.hpp"
#include "kiosk/services/delegate_import.hpp"

namespace kiosk::services {

/// The parsed list, or the problems that refuse it.
struct UnitsImport {
    bool ok = false;
    int rows = 0;
    std::vector<core::DeptUnit> units;
    std::vector<ImportProblem> problems;
};

/// Parses and validates the text of a units CSV.
UnitsImport parseUnitsCsv(const std::string& data);
/// Reads the file; an unreadable file is one problem.
UnitsImport readUnitsFile(const std::string& path);

} // namespace kiosk::services
