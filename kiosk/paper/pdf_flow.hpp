#pragma once
// Text and tables flowing down the pages of a PdfDocument: a cursor that starts a new page
// when the next block does not fit, and tables that repeat their header on each page.
#include <string>
#include <vector>

#include "kiosk/paper/pdf_doc.hpp"

namespace kiosk::paper {

/// Page margins in points.
struct Margins {
    double top = 20 * kMm, bottom = 20 * kMm, left = 30 * kMm, right = 20 * kMm;
};

/// A cursor moving down the pages.
class Flow {
public:
    Flow(PdfDocument& doc, Margins margins, const char* family);
    cairo_t* cr() const { return m_doc.cr(); }
    double x() const { return m_margins.left; }
    double width() const { return m_doc.width() - m_margins.left - m_margins.right; }
    double y() const { return m_y; }
    void advance(double dy) { m_y += dy; }
    double remaining() const { return m_doc.height() - m_margins.bottom - m_y; }
    /// Starts a new page when height does not fit in what remains of this one.
    void ensure(double height);
    void newPage();
    /// A paragraph across the width; splits across pages line-block-wise if it is long.
    void paragraph(const std::string& text, const TextStyle& style, double spaceAfter = 4);
    const char* family() const { return m_family; }

private:
    PdfDocument& m_doc;
    Margins m_margins;
    const char* m_family;
    double m_y;
};

/// One column of a table: heading, share of the width, alignment of its cells.
struct TableColumn {
    std::string header;
    double share = 1;
    Align align = Align::Left;
};

/// One row: its cells, drawn bold (a total), and an optional colour swatch before cell 1.
struct TableRow {
    std::vector<std::string> cells;
    bool bold = false;
    std::string swatch; ///< "#RRGGBB" or empty
};

/// Draws a ruled table at the flow's cursor, breaking pages between rows.
void drawTable(Flow& flow, const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows, double fontSize);

} // namespace kiosk::paper
