#pragma once
// Gray images: an owning GrayImage, a non-owning ImageView with row and pixel strides, and
// PNG/JPEG loading and PNG writing. Bad files are Error values, never exceptions.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/scan/error.hpp"

namespace kiosk::scan {

/// A non-owning view of 8-bit gray pixels; pixStride 2 views the Y plane of a YUYV frame in place.
struct ImageView {
    const std::uint8_t* data = nullptr;
    int width = 0;
    int height = 0;
    int rowStride = 0; ///< bytes from one row to the next
    int pixStride = 1; ///< bytes from one pixel to the next

    bool empty() const { return data == nullptr || width <= 0 || height <= 0; }
    std::uint8_t at(int x, int y) const {
        return data[static_cast<std::ptrdiff_t>(y) * rowStride + static_cast<std::ptrdiff_t>(x) * pixStride];
    }
    /// The sub-rectangle clipped to the image.
    ImageView cropped(int left, int top, int w, int h) const;
};

/// An owning 8-bit gray image with dense pixels (pixel stride 1).
struct GrayImage {
    int width = 0;
    int height = 0;
    int stride = 0; ///< bytes per row, >= width
    std::vector<std::uint8_t> pixels;

    GrayImage() = default;
    /// A width x height image filled with fill.
    GrayImage(int w, int h, std::uint8_t fill = 0);

    bool empty() const { return width <= 0 || height <= 0; }
    std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * stride; }
    const std::uint8_t* row(int y) const { return pixels.data() + static_cast<std::size_t>(y) * stride; }
    ImageView view() const { return {pixels.data(), width, height, stride, 1}; }
};

/// A dense copy of a view (any strides).
GrayImage copyImage(const ImageView& view);

/// Loads a PNG or JPEG file (told apart by its first bytes) as gray.
Expected<GrayImage> loadImage(const std::string& path);

/// Decodes PNG bytes to gray.
Expected<GrayImage> decodePng(const std::uint8_t* data, std::size_t size);

/// Decodes JPEG bytes (including webcam MJPEG without Huffman tables) to gray.
Expected<GrayImage> decodeJpeg(const std::uint8_t* data, std::size_t size);

/// Decodes JPEG bytes to gray into out, reusing its memory (the camera's per-frame path).
Status decodeJpegInto(const std::uint8_t* data, std::size_t size, GrayImage& out);

/// Writes a gray PNG.
Status writePng(const GrayImage& image, const std::string& path);

/// Encodes a gray PNG into memory.
Expected<std::vector<std::uint8_t>> encodePng(const GrayImage& image);

} // namespace kiosk::scan
