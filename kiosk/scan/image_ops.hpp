#pragma once
// Cheap pixel operations the decoder's second pass applies to small regions of a frame.
#include "kiosk/scan/image.hpp"

namespace kiosk::scan {

/// A pixel rectangle.
struct Rect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

/// Stretches levels so the darkest lowFraction and brightest highFraction of pixels saturate;
/// returns the range found before stretching (max - min of the kept levels).
int stretchContrast(GrayImage& image, double lowFraction = 0.005, double highFraction = 0.005);

/// Unsharp mask: p + amount * (p - boxBlur(p, radius)), amount in sixteenths (32 = 2.0).
GrayImage unsharp(const GrayImage& image, int radius, int amountSixteenths);

/// Twice the size, bilinear.
GrayImage upscale2(const GrayImage& image);

/// Half the size, averaging 2x2 blocks.
GrayImage downscale2(const ImageView& view);

} // namespace kiosk::scan
