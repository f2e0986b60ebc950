#pragma once
// Badge sheets: A4 pages of name badges with a category colour band and a vector QR code.
#include <string>
#include <vector>

#include "kiosk/paper/status.hpp"

namespace kiosk::paper {

/// One delegate's badge, as printed.
struct Badge {
    std::string name;
    std::string title;
    std::string unit;
    std::string seat;           ///< printed when not empty
    std::string categoryName;
    std::string categoryColor;  ///< "#RRGGBB"
    std::string code;           ///< the signed badge text: encoded in the QR and printed under it
};

/// Everything on a sheet: the event's title lines (top of each badge) and the badges in order.
struct BadgeSheet {
    std::vector<std::string> eventLines;
    std::vector<Badge> badges;
};

/// Grid and margins of a sheet.
struct BadgeLayout {
    int columns = 2;
    int rows = 4;
    double marginMm = 10;
    bool cutMarks = true;
};

/// Writes the sheet as an A4 PDF, columns x rows badges a page. Fails (as a value) when there
/// is nothing to print, a code cannot be encoded as a QR, or the file cannot be written.
PaperStatus writeBadgesPdf(const BadgeSheet& sheet, const std::string& path, const BadgeLayout& layout = {},
                           const Progress& progress = {});

} // namespace kiosk::paper
