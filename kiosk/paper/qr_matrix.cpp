#include "kiosk/paper/qr_matrix.hpp"

#include "kiosk/scan/qr_writer.hpp"

namespace kiosk::paper {

std::optional<QrMatrix> encodeQr(std::string_view text, std::string* error) {
    // One QR encoder for the whole program: the scan layer's (ECC M, alphanumeric for badge codes).
    auto modules = scan::encodeQr(text);
    if (!modules) {
        if (error) *error = modules.error().detail;
        return std::nullopt;
    }
    return QrMatrix{modules->size, modules->version, std::move(modules->dark)};
}

void drawQr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side, Rgb color) {
    if (qr.size <= 0) return;
    const double m = side / qr.size;
    cairo_save(cr);
    cairo_new_path(cr);
    for (int row = 0; row < qr.size; ++row) {
        int col = 0;
        while (col < qr.size) {
            if (!qr.at(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < qr.size && qr.at(col, row)) ++col;
            cairo_rectangle(cr, x + start * m, y + row * m, (col - start) * m, m);
        }
    }
    setColor(cr, color);
    // Rectangles share edges but never overlap, so nonzero winding fills their union.
    cairo_fill(cr);
    cairo_restore(cr);
}

} // namespace kiosk::paper
