#pragma once
// QR symbols as module matrices (from the scan layer's writer), drawn as crisp vector squares.
#include <cairo.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/paper/pdf_doc.hpp"

namespace kiosk::paper {

/// A QR symbol without quiet zone: size x size modules, row-major, 1 = dark.
struct QrMatrix {
    int size = 0;
    int version = 0; ///< 1..40, from the size
    std::vector<std::uint8_t> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] != 0; }
};

/// Encodes text as scan::renderQr does (level M; uppercase badge codes use alphanumeric mode),
/// one pixel per module. Returns nullopt (and sets *error) when the text cannot be encoded.
std::optional<QrMatrix> encodeQr(std::string_view text, std::string* error = nullptr);

/// Fills the dark modules as one path of row runs, so no hairline seams show between
/// neighbouring modules; (x, y) is the symbol's top-left, side its width (quiet zone excluded).
void drawQr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side, Rgb color = {0, 0, 0});

} // namespace kiosk::paper
