#define ZX_USE_UTF8 1
#include "kiosk/scan/qr_writer.hpp"

#include <algorithm>
#include <cstring>
#include <exception>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace kiosk::scan {

namespace {
// MultiFormatWriter maps its 0..8 scale onto L/M/Q/H as (level - 1) / 2, so 3 selects M.
constexpr int kEccLevelM = 3;
constexpr int kMaxModuleSize = 64;
constexpr int kMaxQuietZone = 16;
} // namespace

Expected<QrCode> renderQr(std::string_view text, const QrStyle& style) {
    if (text.empty()) return Error{ErrorCode::EncodeFailed, "empty text"};
    const int moduleSize = std::clamp(style.moduleSize, 1, kMaxModuleSize);
    const int quiet = std::clamp(style.quietZone, 0, kMaxQuietZone);
    ZXing::BitMatrix matrix;
    try {
        // Margin 0 and size 0 give one pixel per module: we scale and pad ourselves so the
        // module size is exact instead of whatever fits a requested pixel size.
        matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                     .setEccLevel(kEccLevelM)
                     .setMargin(0)
                     .encode(std::string(text), 0, 0);
    } catch (const std::exception& e) {
        // The writer throws when the text does not fit any version.
        return Error{ErrorCode::TextTooLong, e.what()};
    }
    const int n = matrix.width();
    if (n < 21 || matrix.height() != n) return Error{ErrorCode::EncodeFailed, "unexpected matrix size"};

    QrCode out;
    out.modules = n;
    out.version = (n - 17) / 4;
    const int side = (n + 2 * quiet) * moduleSize;
    out.image = GrayImage(side, side, 255);
    for (int my = 0; my < n; ++my) {
        for (int mx = 0; mx < n; ++mx) {
            if (!matrix.get(mx, my)) continue;
            const int x0 = (mx + quiet) * moduleSize;
            const int y0 = (my + quiet) * moduleSize;
            for (int y = y0; y < y0 + moduleSize; ++y) std::memset(out.image.row(y) + x0, 0, moduleSize);
        }
    }
    return out;
}

Status writeQrPng(std::string_view text, const std::string& path, const QrStyle& style) {
    auto qr = renderQr(text, style);
    if (!qr) return Status::failure(qr.error());
    return writePng(qr->image, path);
}

} // namespace kiosk::scan
