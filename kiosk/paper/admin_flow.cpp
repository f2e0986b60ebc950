#include "kiosk/paper/admin_flow.hpp"

#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/paper/admin_doc.hpp"

namespace kiosk::paper {

void sectionHeading(Flow& flow, int& number, const std::string& text, double size) {
    static const char* roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    TextStyle st{flow.family(), size, true};
    const std::string line = std::string(roman[std::clamp(number, 0, 9)]) + ". " + text;
    ++number;
    // Room for a table's header and first rows too, so a heading never ends a page alone.
    flow.ensure(textHeight(flow.cr(), line, flow.width(), st) + 90);
    flow.advance(4);
    flow.paragraph(line, st, 4);
}

void recipientsAndSignature(Flow& flow, const std::vector<std::string>& recipients,
                            const std::vector<std::string>& signerLines,
                            const std::string& signerName, double size) {
    cairo_t* cr = flow.cr();
    TextStyle head{flow.family(), 12, true};
    head.italic = true;
    TextStyle item{flow.family(), 11};
    const double leftW = flow.width() * 0.45;
    double leftH = textHeight(cr, core::tr("paper.report.recipients"), leftW, head);
    for (const auto& r : recipients)
        leftH += textHeight(cr, "- " + r, leftW, item);
    const double rightH = 30 * kMm + 20 * static_cast<double>(signerLines.size() + 1);
    flow.ensure(std::max(leftH, rightH) + 10);
    flow.advance(8);
    const double y = flow.y();
    double ly = y;
    if (!recipients.empty()) {
        ly += drawText(cr, core::tr("paper.report.recipients"), flow.x(), ly, leftW, head);
        for (const auto& r : recipients)
            ly += drawText(cr, "- " + r, flow.x(), ly, leftW, item);
    }
    const double sh = drawSignature(cr, signerLines, signerName, flow.x() + leftW, y,
                                    flow.width() - leftW, flow.family(), size);
    flow.advance(std::max(ly - y, sh));
}

} // namespace kiosk::paper
