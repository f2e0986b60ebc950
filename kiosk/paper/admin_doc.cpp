#include "kiosk/paper/admin_doc.hpp"

#include <algorithm>
#include <cstdio>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/paper/pdf_doc.hpp"

namespace kiosk::paper {

DateParts vietnameseDateParts(const std::string& isoDate) {
    DateParts parts;
    if (isoDate.size() >= 10 && core::parseDate(isoDate.substr(0, 10))) {
        const int y = std::stoi(isoDate.substr(0, 4)), m = std::stoi(isoDate.substr(5, 2)),
                  d = std::stoi(isoDate.substr(8, 2));
        char buf[8];
        std::snprintf(buf, sizeof buf, d < 10 ? "%02d" : "%d", d);
        parts.day = buf;
        std::snprintf(buf, sizeof buf, m <= 2 ? "%02d" : "%d", m);
        parts.month = buf;
        parts.year = std::to_string(y);
    }
    return parts;
}

std::string dateLine(const std::string& place, const std::string& isoDate) {
    const DateParts d = vietnameseDateParts(isoDate);
    return core::trf("paper.admin.date_line", {{"place", place}, {"day", d.day}, {"month", d.month}, {"year", d.year}});
}

std::string decisionNumber(const std::string& decision) {
    // "số" in lower or title case, as decisions are written either way.
    for (const char* marker : {"số ", "Số ", "số: ", "Số: "}) {
        const auto at = decision.find(marker);
        if (at == std::string::npos) continue;
        const auto start = at + std::string_view(marker).size();
        auto end = decision.find_first_of(" ,;", start);
        if (end == std::string::npos) end = decision.size();
        if (end > start) return decision.substr(start, end - start);
    }
    return decision;
}

double drawAdminHeader(cairo_t* cr, const AdminHeader& header, double x, double y, double width, const char* family) {
    const double leftW = width * 0.42, rightX = x + width * 0.40, rightW = width * 0.60;
    const double size = 12.5;

    TextStyle normal{family, size};
    normal.align = Align::Center;
    TextStyle bold = normal;
    bold.bold = true;

    double ly = y;
    ly += drawText(cr, header.parentUnit, x, ly, leftW, normal);
    ly += drawText(cr, header.unit, x, ly, leftW, bold);
    // A short rule under the unit, a third of the column.
    line(cr, x + leftW / 3, ly + 1.5, x + leftW * 2 / 3, ly + 1.5, 0.6, {});
    ly += 6;
    const std::string number = core::trf("paper.admin.number", {{"number", header.number.empty() ? "......" : header.number}});
    TextStyle num = normal;
    num.size = 12.5;
    ly += drawText(cr, number, x, ly, leftW, num);

    double ry = y;
    TextStyle nation = bold;
    nation.size = 12;
    ry += drawText(cr, core::tr("paper.admin.nation"), rightX, ry, rightW, nation);
    TextStyle motto = bold;
    motto.size = 13;
    const std::string& mottoText = core::tr("paper.admin.motto");
    ry += drawText(cr, mottoText, rightX, ry, rightW, motto);
    const double mw = textWidth(cr, mottoText, motto);
    line(cr, rightX + (rightW - mw) / 2, ry + 1.5, rightX + (rightW + mw) / 2, ry + 1.5, 0.6, {});
    ry += 6;
    TextStyle dated = normal;
    dated.italic = true;
    dated.size = 13;
    ry += drawText(cr, dateLine(header.place, header.date), rightX, ry, rightW, dated);
    return std::max(ly, ry) - y;
}

double drawSignature(cairo_t* cr, const std::vector<std::string>& lines, const std::string& name, double x, double y,
                     double width, const char* family, double size) {
    TextStyle bold{family, size, true};
    bold.align = Align::Center;
    double cy = y;
    for (const auto& l : lines) cy += drawText(cr, l, x, cy, width, bold);
    cy += 24 * kMm; // room for the signature and the seal
    cy += drawText(cr, name, x, cy, width, bold);
    return cy - y;
}

} // namespace kiosk::paper
