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
    // Margin 0 and size 0 give one pixel per module: we scale and pad ourselves so the module
    // size is exact instead of whatever fits a requested pixel size.
    auto encode = [&](ZXing::CharacterSet charset) {
        auto writer = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setEccLevel(kEccLevelM).setMargin(0);
        if (charset != ZXing::CharacterSet::Unknown) writer.setEncoding(charset);
        return writer.encode(std::string(text), 0, 0);
    };
    ZXing::BitMatrix matrix;
    try {
        try {
            // The default (ISO-8859-1) adds no ECI header: badge texts stay small.
            matrix = encode(ZXing::CharacterSet::Unknown);
        } catch (const std::exception&) {
            // Text outside Latin-1 (Vietnamese names) needs UTF-8, announced by an ECI header.
            matrix = encode(ZXing::CharacterSet::UTF8);
        }
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
