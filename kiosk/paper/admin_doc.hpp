#pragma once
// Pieces of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP layout): the
// two-column header with the national name and motto, the dated place line, the signature.
#include <cairo.h>

#include <string>
#include <vector>

namespace kiosk::paper {

/// The header of an administrative document.
struct AdminHeader {
    std::string parentUnit; ///< "UBND TỈNH BẮC GIANG"
    std::string unit;       ///< "SỞ Y TẾ BẮC GIANG"
    std::string number;     ///< "125/BC-SYT"; dots are printed when empty
    std::string place;      ///< "Bắc Giang"
    std::string date;       ///< "YYYY-MM-DD" local; dots are printed when empty
};

/// Day, month and year as an administrative document writes them: days under 10 and months
/// 1 and 2 take a leading zero ("05", "02"); dots stand in for an empty or bad date.
struct DateParts {
    std::string day = "....", month = "....", year = "......";
};
DateParts vietnameseDateParts(const std::string& isoDate);

/// "Bắc Giang, ngày 05 tháng 8 năm 2023".
std::string dateLine(const std::string& place, const std::string& isoDate);

/// The number inside a decision's text: "Quyết định số 1125/QĐ-SYT ngày 14/8/2023..." gives
/// "1125/QĐ-SYT"; a text without "số " is returned whole.
std::string decisionNumber(const std::string& decision);

/// Draws the header across width from (x, y) in the given font family; returns its height.
double drawAdminHeader(cairo_t* cr, const AdminHeader& header, double x, double y, double width, const char* family);

/// A signature block: title lines (bold), room for the signature and seal, the signer's name.
/// Returns its height.
double drawSignature(cairo_t* cr, const std::vector<std::string>& lines, const std::string& name, double x, double y,
                     double width, const char* family, double size);

} // namespace kiosk::paper
