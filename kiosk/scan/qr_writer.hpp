#pragma once
// Renders badge texts as QR codes (ZXing-cpp's writer, error correction M) into gray images.
#include <string>
#include <string_view>

#include "kiosk/scan/image.hpp"

namespace kiosk::scan {

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

/// Encodes text at error correction level M. Uppercase base32 plus '-' selects alphanumeric mode,
/// which keeps a 32-character badge text at version 2.
Expected<QrCode> renderQr(std::string_view text, const QrStyle& style = {});

/// renderQr and writePng in one step (backs `kiosk badge CODE --png FILE`).
Status writeQrPng(std::string_view text, const std::string& path, const QrStyle& style = {});

} // namespace kiosk::scan
