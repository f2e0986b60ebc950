#include "kiosk/paper/qr_matrix.hpp"

#include "kiosk/scan/qr_writer.hpp"

namespace kiosk::paper {

std::optional<QrMatrix> encodeQr(std::string_view text, std::string* error) {
    // One pixel per module and no quiet zone: the image is the module matrix.
    auto code = scan::renderQr(text, scan::QrStyle{1, 0});
    if (!code) {
        if (error) *error = code.error().detail;
        return std::nullopt;
    }
    QrMatrix qr;
    qr.size = code->modules;
    qr.version = code->version;
    qr.dark.resize(static_cast<size_t>(qr.size) * static_cast<size_t>(qr.size));
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            qr.dark[static_cast<size_t>(y) * static_cast<size_t>(qr.size) + static_cast<size_t>(x)] = code->image.row(y)[x] < 128 ? 1 : 0;
    return qr;
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
