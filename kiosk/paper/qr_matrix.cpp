#include "kiosk/paper/qr_matrix.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>

namespace kiosk::paper {

namespace {
// MultiFormatWriter takes 0..8 and maps pairs onto L, M, Q, H; 4 is M.
constexpr int kEccLevelM = 4;
} // namespace

std::optional<QrMatrix> encodeQr(std::string_view text, std::string* error) {
    if (text.empty()) {
        if (error) *error = "empty text";
        return std::nullopt;
    }
    try {
        const ZXing::BitMatrix bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                          .setEccLevel(kEccLevelM)
                                          .setMargin(0)
                                          .encode(std::string(text), 0, 0);
        QrMatrix qr;
        qr.size = bits.width();
        qr.version = (qr.size - 17) / 4;
        qr.dark.resize(static_cast<size_t>(qr.size) * static_cast<size_t>(qr.size));
        for (int y = 0; y < qr.size; ++y)
            for (int x = 0; x < qr.size; ++x)
                qr.dark[static_cast<size_t>(y) * static_cast<size_t>(qr.size) + static_cast<size_t>(x)] = bits.get(x, y) ? 1 : 0;
        return qr;
    } catch (const std::exception& e) {
        // ZXing throws for text too long for any version: a value for our callers.
        if (error) *error = e.what();
        return std::nullopt;
    }
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

PaperStatus writeQrPng(const QrMatrix& qr, const std::string& path, int moduleScale, int quietModules) {
    if (qr.size <= 0) return PaperStatus::failure("empty QR symbol");
    const int px = (qr.size + 2 * quietModules) * moduleScale;
    ImageCanvas canvas(px, px);
    cairo_set_antialias(canvas.cr(), CAIRO_ANTIALIAS_NONE);
    drawQr(canvas.cr(), qr, quietModules * moduleScale, quietModules * moduleScale, qr.size * moduleScale);
    return canvas.writePng(path);
}

} // namespace kiosk::paper
