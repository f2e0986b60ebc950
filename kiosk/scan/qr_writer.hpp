#pragma once
// Renders badge texts as QR codes (ZXing-cpp's writer, error correction M) into gray images.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/scan/image.hpp"

namespace kiosk::scan {

/// A QR symbol as modules, without quiet zone: size x size, row-major, 1 = dark. What a vector
/// drawing (the PDF badges) needs.
struct QrModules {
    int size = 0;
    int version = 0; ///< 1..40
    std::vector<std::uint8_t> dark;
    bool at(int x, int y) const {
        return dark[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)] !=
               0;
    }
};

/// Encodes text at error correction level M. Uppercase base32 plus '-' selects alphanumeric mode,
/// which keeps a 32-character badge text at version 2; text outside Latin-1 is encoded as UTF-8.
Expected<QrModules> encodeQr(std::string_view text);

/// How to draw a QR code.
struct QrStyle {
    int moduleSize = 8; ///< pixels per module
    int quietZone = 4;  ///< modules of white around the code (the standard asks for 4)
};

/// A rendered code and what it is.
struct QrCode {
    GrayImage image; ///< black (0) modules on white (255)
    int version = 0; ///< 1..40
    int modules = 0; ///< modules per side, without the quiet zone
};

/// encodeQr drawn as pixels.
Expected<QrCode> renderQr(std::string_view text, const QrStyle& style = {});

/// renderQr and writePng in one step (backs `kiosk badge CODE --png FILE`).
Status writeQrPng(std::string_view text, const std::string& path, const QrStyle& style = {});

} // namespace kiosk::scan
