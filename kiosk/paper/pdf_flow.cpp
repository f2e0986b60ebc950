#include "kiosk/paper/pdf_flow.hpp"

#include <algorithm>
#include <numeric>

namespace kiosk::paper {

namespace {
constexpr double kCellPad = 3;
const Rgb kHeaderFill{0.90, 0.92, 0.95};
const Rgb kRule{0.35, 0.35, 0.35};
} // namespace

Flow::Flow(PdfDocument& doc, Margins margins, const char* family)
    : m_doc(doc), m_margins(margins), m_family(family), m_y(margins.top) {}

void Flow::ensure(double height) {
    if (height > remaining() && m_y > m_margins.top + 1) newPage();
}

void Flow::newPage() {
    m_doc.newPage();
    m_y = m_margins.top;
    // Pages after the first carry their number at the top centre, as administrative documents do.
    TextStyle st{m_family, 11};
    st.align = Align::Center;
    drawText(cr(), std::to_string(m_doc.pages()), x(), m_margins.top - 10 * kMm, width(), st);
}

void Flow::paragraph(const std::string& text, const TextStyle& style, double spaceAfter) {
    if (text.empty()) return;
    const double h = textHeight(cr(), text, width(), style);
    if (h <= remaining()) {
        m_y += drawText(cr(), text, x(), m_y, width(), style) + spaceAfter;
        return;
    }
    // Too tall for what is left: break at line boundaries, one source line at a time.
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string part = text.substr(start, end - start);
        const double ph = part.empty() ? style.size : textHeight(cr(), part, width(), style);
        ensure(ph);
        if (!part.empty()) drawText(cr(), part, x(), m_y, width(), style);
        m_y += ph;
        start = end + 1;
    }
    m_y += spaceAfter;
}

void drawTable(Flow& flow, const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows, double fontSize) {
    cairo_t* cr = flow.cr();
    const double total = std::accumulate(columns.begin(), columns.end(), 0.0,
                                         [](double s, const TableColumn& c) { return s + c.share; });
    std::vector<double> widths, lefts;
    double cx = flow.x();
    for (const auto& c : columns) {
        lefts.push_back(cx);
        widths.push_back(flow.width() * c.share / total);
        cx += widths.back();
    }
    const double swatch = fontSize * 0.8;

    auto rowHeight = [&](const std::vector<std::string>& cells, bool bold, bool hasSwatch) {
        double h = 0;
        for (size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
            TextStyle st{flow.family(), fontSize, bold};
            double w = widths[i] - 2 * kCellPad - ((i == 1 && hasSwatch) ? swatch + kCellPad : 0);
            h = std::max(h, textHeight(cr, cells[i], w, st));
        }
        return std::max(h, fontSize * 1.2) + 2 * kCellPad;
    };
    auto drawRow = [&](const std::vector<std::string>& cells, bool bold, bool header, const std::string& sw, double h) {
        const double y = flow.y();
        if (header) {
            cairo_save(cr);
            setColor(cr, kHeaderFill);
            cairo_rectangle(cr, flow.x(), y, flow.width(), h);
            cairo_fill(cr);
            cairo_restore(cr);
        }
        for (size_t i = 0; i < columns.size(); ++i) {
            cairo_save(cr);
            setColor(cr, kRule);
            cairo_set_line_width(cr, 0.5);
            cairo_rectangle(cr, lefts[i], y, widths[i], h);
            cairo_stroke(cr);
            cairo_restore(cr);
            if (i >= cells.size()) continue;
            TextStyle st{flow.family(), fontSize, bold || header};
            st.align = header ? Align::Center : columns[i].align;
            double tx = lefts[i] + kCellPad, tw = widths[i] - 2 * kCellPad;
            if (i == 1 && !sw.empty()) {
                cairo_save(cr);
                setColor(cr, parseColor(sw));
                cairo_rectangle(cr, tx, y + kCellPad + fontSize * 0.25, swatch, swatch);
                cairo_fill(cr);
                cairo_restore(cr);
                tx += swatch + kCellPad;
                tw -= swatch + kCellPad;
            }
            drawText(cr, cells[i], tx, y + kCellPad, tw, st);
        }
        flow.advance(h);
    };

    std::vector<std::string> headers;
    for (const auto& c : columns) headers.push_back(c.header);
    const double headerH = rowHeight(headers, true, false);
    bool needHeader = true;
    for (const auto& row : rows) {
        const double h = rowHeight(row.cells, row.bold, !row.swatch.empty());
        if (needHeader || h > flow.remaining()) {
            flow.ensure(headerH + h);
            drawRow(headers, true, true, {}, headerH);
            needHeader = false;
        }
        drawRow(row.cells, row.bold, false, row.swatch, h);
    }
    if (rows.empty()) {
        flow.ensure(headerH);
        drawRow(headers, true, true, {}, headerH);
    }
    flow.advance(6);
}

} // namespace kiosk::paper
