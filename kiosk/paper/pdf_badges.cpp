#include "kiosk/paper/pdf_badges.hpp"

#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/paper/pdf_doc.hpp"
#include "kiosk/paper/qr_matrix.hpp"

namespace kiosk::paper {

namespace {

constexpr double kPad = 4 * kMm;
constexpr double kBandHeight = 11 * kMm;
constexpr double kQrSide = 30 * kMm;
constexpr double kQrColumn = 38 * kMm;
const Rgb kTitleRed{0.70, 0.05, 0.05};
const Rgb kGray{0.30, 0.30, 0.30};

void drawCutMarks(cairo_t* cr, double x0, double y0, double cellW, double cellH, const BadgeLayout& layout) {
    const double gap = 2 * kMm, len = 5 * kMm;
    const double x1 = x0 + cellW * layout.columns, y1 = y0 + cellH * layout.rows;
    for (int c = 0; c <= layout.columns; ++c) {
        const double x = x0 + c * cellW;
        line(cr, x, y0 - gap - len, x, y0 - gap, 0.3, {});
        line(cr, x, y1 + gap, x, y1 + gap + len, 0.3, {});
    }
    for (int r = 0; r <= layout.rows; ++r) {
        const double y = y0 + r * cellH;
        line(cr, x0 - gap - len, y, x0 - gap, y, 0.3, {});
        line(cr, x1 + gap, y, x1 + gap + len, y, 0.3, {});
    }
}

void drawBadge(cairo_t* cr, const std::vector<std::string>& eventLines, const Badge& badge, const QrMatrix& qr,
               double x, double y, double w, double h) {
    // A light frame: the cutting guide between marks.
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
    cairo_set_line_width(cr, 0.25);
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
    cairo_restore(cr);

    const double innerW = w - 2 * kPad;
    double cy = y + kPad;
    for (const auto& text : eventLines) {
        TextStyle st{kSansFamily, 7.5, true};
        st.align = Align::Center;
        st.color = kTitleRed;
        st.size = fitTextSize(cr, text, innerW, st, 1, 5);
        st.maxLines = 1;
        cy += drawText(cr, text, x + kPad, cy, innerW, st);
    }
    cy += 1 * kMm;
    line(cr, x + kPad, cy, x + w - kPad, cy, 0.5, kTitleRed);
    cy += 2.5 * kMm;

    // Category band along the bottom edge.
    const double bandY = y + h - kBandHeight;
    const Rgb bandColor = parseColor(badge.categoryColor);
    cairo_save(cr);
    setColor(cr, bandColor);
    cairo_rectangle(cr, x, bandY, w, kBandHeight);
    cairo_fill(cr);
    cairo_restore(cr);
    {
        TextStyle st{kSansFamily, 10.5, true};
        st.align = Align::Center;
        st.color = contrastingText(bandColor);
        st.size = fitTextSize(cr, badge.categoryName, innerW, st, 1, 6);
        st.maxLines = 1;
        const double th = textHeight(cr, badge.categoryName, innerW, st);
        drawText(cr, badge.categoryName, x + kPad, bandY + (kBandHeight - th) / 2, innerW, st);
    }

    // QR at the right, the code printed under it.
    const double colX = x + w - kPad - kQrColumn;
    const double qrX = colX + (kQrColumn - kQrSide) / 2;
    drawQr(cr, qr, qrX, cy, kQrSide);
    {
        TextStyle st{kMonoFamily, 6};
        st.align = Align::Center;
        st.size = fitTextSize(cr, badge.code, kQrColumn + 2 * kMm, st, 1, 3.5);
        st.maxLines = 1;
        drawText(cr, badge.code, colX - 1 * kMm, cy + kQrSide + 1 * kMm, kQrColumn + 2 * kMm, st);
    }

    // Name, title, unit, seat at the left.
    const double textW = innerW - kQrColumn - 2 * kMm;
    const double tx = x + kPad;
    double ty = cy;
    {
        // One line down to 12 pt reads best; longer names take two lines.
        TextStyle st{kSansFamily, 16, true};
        st.size = fitTextSize(cr, badge.name, textW, st, 1, 12);
        st.maxLines = 1;
        if (textWidth(cr, badge.name, st) > textW) {
            st.size = fitTextSize(cr, badge.name, textW, TextStyle{kSansFamily, 16, true}, 2, 9);
            st.maxLines = 2;
        }
        ty += drawText(cr, badge.name, tx, ty, textW, st) + 1.5 * kMm;
    }
    if (!badge.title.empty()) {
        TextStyle st{kSansFamily, 9};
        st.maxLines = 2;
        ty += drawText(cr, badge.title, tx, ty, textW, st) + 1 * kMm;
    }
    if (!badge.unit.empty()) {
        TextStyle st{kSansFamily, 8.5};
        st.italic = true;
        st.color = kGray;
        st.maxLines = 3;
        ty += drawText(cr, badge.unit, tx, ty, textW, st) + 1 * kMm;
    }
    if (!badge.seat.empty()) {
        TextStyle st{kSansFamily, 9, true};
        st.maxLines = 1;
        const std::string seat = core::trf("paper.badge.seat", {{"seat", badge.seat}});
        drawText(cr, seat, tx, std::max(ty, bandY - 2 * kMm - textHeight(cr, seat, textW, st)), textW, st);
    }
}

} // namespace

PaperStatus writeBadgesPdf(const BadgeSheet& sheet, const std::string& path, const BadgeLayout& layout,
                           const Progress& progress) {
    if (sheet.badges.empty()) return PaperStatus::failure(core::tr("paper.error.no_badges"));
    if (layout.columns < 1 || layout.rows < 1) return PaperStatus::failure("bad badge grid");

    // Encode every code first: a code that cannot be encoded refuses the sheet before a file exists.
    std::vector<QrMatrix> codes;
    codes.reserve(sheet.badges.size());
    for (const auto& b : sheet.badges) {
        std::string why;
        auto qr = encodeQr(b.code, &why);
        if (!qr) return PaperStatus::failure(core::trf("paper.error.qr", {{"code", b.code}, {"reason", why}}));
        codes.push_back(std::move(*qr));
    }

    PdfDocument doc(path, kA4Width, kA4Height);
    if (!doc.ok()) return PaperStatus::failure(doc.error() + ": " + path);
    doc.setMetadata(sheet.eventLines.empty() ? "Badges" : sheet.eventLines.back(), "kiosk");
    cairo_t* cr = doc.cr();

    const double margin = layout.marginMm * kMm;
    const double cellW = (kA4Width - 2 * margin) / layout.columns;
    const double cellH = (kA4Height - 2 * margin) / layout.rows;
    const size_t perPage = static_cast<size_t>(layout.columns * layout.rows);

    for (size_t i = 0; i < sheet.badges.size(); ++i) {
        const size_t slot = i % perPage;
        if (slot == 0) {
            if (i > 0) doc.newPage();
            if (layout.cutMarks) drawCutMarks(cr, margin, margin, cellW, cellH, layout);
        }
        const double x = margin + static_cast<double>(slot % static_cast<size_t>(layout.columns)) * cellW;
        const double y = margin + static_cast<double>(slot / static_cast<size_t>(layout.columns)) * cellH;
        drawBadge(cr, sheet.eventLines, sheet.badges[i], codes[i], x, y, cellW, cellH);
        if (progress) progress(i + 1, sheet.badges.size());
    }
    PaperStatus status = doc.finish();
    status.rows = static_cast<std::int64_t>(sheet.badges.size());
    return status;
}

} // namespace kiosk::paper
