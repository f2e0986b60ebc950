#pragma once
// Writing screenshots as PNG (libpng).
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::platform {

/// An RGBA image, rows top to bottom.
struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

/// Writes img as an 8-bit RGB PNG (alpha dropped: screenshots are opaque); false with error on failure.
bool writePng(const std::string& path, const RgbaImage& img, std::string& error);

/// True when every pixel has the same colour (a blank or failed screenshot).
bool isUniform(const RgbaImage& img);

} // namespace kiosk::platform
