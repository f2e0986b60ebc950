#include "kiosk/scan/image_ops.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace kiosk::scan {

int stretchContrast(GrayImage& image, double lowFraction, double highFraction) {
    if (image.empty()) return 0;
    std::array<int, 256> hist{};
    for (int y = 0; y < image.height; ++y) {
        const std::uint8_t* row = image.row(y);
        for (int x = 0; x < image.width; ++x) ++hist[row[x]];
    }
    const long total = static_cast<long>(image.width) * image.height;
    const long lowCount = static_cast<long>(lowFraction * static_cast<double>(total));
    const long highCount = static_cast<long>(highFraction * static_cast<double>(total));
    int lo = 0, hi = 255;
    for (long seen = 0; lo < 255 && seen + hist[lo] <= lowCount; ++lo) seen += hist[lo];
    for (long seen = 0; hi > 0 && seen + hist[hi] <= highCount; --hi) seen += hist[hi];
    const int range = hi - lo;
    if (range <= 0 || range >= 255) return std::max(range, 0);
    std::array<std::uint8_t, 256> lut{};
    for (int v = 0; v < 256; ++v) lut[v] = static_cast<std::uint8_t>(std::clamp((v - lo) * 255 / range, 0, 255));
    for (int y = 0; y < image.height; ++y) {
        std::uint8_t* row = image.row(y);
        for (int x = 0; x < image.width; ++x) row[x] = lut[row[x]];
    }
    return range;
}

GrayImage unsharp(const GrayImage& image, int radius, int amountSixteenths) {
    if (image.empty() || radius <= 0) return image;
    const int w = image.width, h = image.height, win = 2 * radius + 1;
    // Separable box blur with running sums; edges clamp.
    std::vector<int> horiz(static_cast<size_t>(w) * h);
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* row = image.row(y);
        int sum = 0;
        for (int i = -radius; i <= radius; ++i) sum += row[std::clamp(i, 0, w - 1)];
        int* out = horiz.data() + static_cast<size_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            out[x] = sum;
            sum += row[std::min(x + radius + 1, w - 1)] - row[std::max(x - radius, 0)];
        }
    }
    GrayImage result(w, h);
    std::vector<int> colSum(static_cast<size_t>(w), 0);
    for (int i = -radius; i <= radius; ++i) {
        const int* src = horiz.data() + static_cast<size_t>(std::clamp(i, 0, h - 1)) * w;
        for (int x = 0; x < w; ++x) colSum[x] += src[x];
    }
    const int norm = win * win;
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* src = image.row(y);
        std::uint8_t* dst = result.row(y);
        for (int x = 0; x < w; ++x) {
            const int blur = colSum[x] / norm;
            const int v = src[x] + (amountSixteenths * (src[x] - blur)) / 16;
            dst[x] = static_cast<std::uint8_t>(std::clamp(v, 0, 255));
        }
        const int* add = horiz.data() + static_cast<size_t>(std::min(y + radius + 1, h - 1)) * w;
        const int* sub = horiz.data() + static_cast<size_t>(std::max(y - radius, 0)) * w;
        for (int x = 0; x < w; ++x) colSum[x] += add[x] - sub[x];
    }
    return result;
}

GrayImage upscale2(const GrayImage& image) {
    if (image.empty()) return {};
    const int w = image.width, h = image.height;
    GrayImage out(w * 2, h * 2);
    // Output pixel 2x+0 sits a quarter pixel left of source x, 2x+1 a quarter pixel right.
    for (int oy = 0; oy < h * 2; ++oy) {
        const int sy = oy / 2;
        const int ny = (oy % 2 == 0) ? std::max(sy - 1, 0) : std::min(sy + 1, h - 1);
        const std::uint8_t* r0 = image.row(sy);
        const std::uint8_t* r1 = image.row(ny);
        std::uint8_t* dst = out.row(oy);
        for (int ox = 0; ox < w * 2; ++ox) {
            const int sx = ox / 2;
            const int nx = (ox % 2 == 0) ? std::max(sx - 1, 0) : std::min(sx + 1, w - 1);
            const int v = 9 * r0[sx] + 3 * r0[nx] + 3 * r1[sx] + r1[nx];
            dst[ox] = static_cast<std::uint8_t>((v + 8) / 16);
        }
    }
    return out;
}

GrayImage downscale2(const ImageView& view) {
    if (view.empty()) return {};
    GrayImage out(view.width / 2, view.height / 2);
    for (int y = 0; y < out.height; ++y) {
        std::uint8_t* dst = out.row(y);
        for (int x = 0; x < out.width; ++x) {
            const int sum = view.at(2 * x, 2 * y) + view.at(2 * x + 1, 2 * y) + view.at(2 * x, 2 * y + 1) +
                            view.at(2 * x + 1, 2 * y + 1);
            dst[x] = static_cast<std::uint8_t>((sum + 2) / 4);
        }
    }
    return out;
}

} // namespace kiosk::scan
