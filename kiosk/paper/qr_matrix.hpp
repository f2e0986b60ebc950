#pragma once
// QR symbols as module matrices (from ZXing-cpp's writer), drawn as vector squares or PNG.
#include <cairo.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/paper/pdf_doc.hpp"
#include "kiosk/paper/status.hpp"

namespace kiosk::paper {

/// A QR symbol without quiet zone: size x size modules, row-major, 1 = dark.
struct QrMatrix {
    int size = 0;
    int version = 0; ///< 1..40, from the size
    std::vector<std::uint8_t> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] != 0; }
};

/// Encodes text with error correction level M (15%). Uppercase badge codes use alphanumeric
/// mode. Returns nullopt (and sets *error) when the text cannot be encoded.
std::optional<QrMatrix> encodeQr(std::string_view text, std::string* error = nullptr);

/// Fills the dark modules as one path of row runs, so no hairline seams show between
/// neighbouring modules; (x, y) is the symbol's top-left, side its width (quiet zone excluded).
void drawQr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side, Rgb color = {0, 0, 0});

/// Writes the symbol as a black-on-white PNG: moduleScale pixels per module, quiet modules around.
PaperStatus writeQrPng(const QrMatrix& qr, const std::string& path, int moduleScale = 8, int quietModules = 4);

} // namespace kiosk::paper
