#define ZX_USE_UTF8 1
#include "kiosk/scan/decoder.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

#include <ZXing/ReadBarcode.h>

#include "kiosk/scan/candidates.hpp"
#include "kiosk/scan/image_ops.hpp"

namespace kiosk::scan {

namespace {

ZXing::DecodeHints qrHints(ZXing::Binarizer binarizer, bool downscale) {
    return ZXing::DecodeHints()
        .setFormats(ZXing::BarcodeFormat::QRCode)
        .setBinarizer(binarizer)
        .setTryDownscale(downscale)
        .setTryRotate(false); // QR finding is rotation invariant; rotation only helps 1D codes
}

ZXing::ImageView zxView(const ImageView& v) {
    return {v.data, v.width, v.height, ZXing::ImageFormat::Lum, v.rowStride, v.pixStride};
}

// Background blocks whose gray levels spread this much (standard deviation) are sensor noise.
constexpr int kNoisy = 8;

// Regions larger than this are not upscaled: their modules are not small.
constexpr int kMaxUpscaled = 400;

// Intersection over the smaller of two rectangles' areas.
double overlap(const Rect& a, const Rect& b) {
    const int w = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
    const int h = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
    if (w <= 0 || h <= 0) return 0;
    const double smaller = std::min(static_cast<double>(a.width) * a.height, static_cast<double>(b.width) * b.height);
    return smaller > 0 ? w * static_cast<double>(h) / smaller : 0;
}

// Maps a region result back to frame pixels: divide by the region's scale, add its offset.
struct Mapping {
    int dx = 0;
    int dy = 0;
    int scale = 1;
};

// Appends the valid results whose text is new; returns how many were added.
int collect(const ZXing::Results& results, const Mapping& m, DecodeStage stage, std::vector<DecodedCode>& out) {
    int added = 0;
    for (const auto& r : results) {
        if (!r.isValid()) continue;
        std::string text = r.text();
        if (std::any_of(out.begin(), out.end(), [&](const DecodedCode& c) { return c.text == text; })) continue;
        DecodedCode code;
        code.text = std::move(text);
        code.stage = stage;
        const auto& pos = r.position();
        for (int i = 0; i < 4; ++i) code.corners[i] = {pos[i].x / m.scale + m.dx, pos[i].y / m.scale + m.dy};
        out.push_back(std::move(code));
        ++added;
    }
    return added;
}

ZXing::Results read(const GrayImage& img, const ZXing::DecodeHints& hints) {
    return ZXing::ReadBarcodes(zxView(img.view()), hints);
}

// The second pass on one region. Variants are ordered by how often they rescue a frame in the
// sample set per millisecond; the first that decodes ends the search.
// The second pass on one region, cheapest and most often useful treatment first; the first that
// decodes ends the search. Regions after the first get only the first treatments, which is where
// their rescues come from on the sample and holdout sets, and text or patterns pay less.
int decodeRegion(const ImageView& frame, const Rect& rect, bool thorough, bool noisy, std::vector<DecodedCode>& out) {
    GrayImage crop = copyImage(frame.cropped(rect.x, rect.y, rect.width, rect.height));
    if (crop.empty()) return 0;
    const Mapping at1{rect.x, rect.y, 1};
    const auto local = qrHints(ZXing::Binarizer::LocalAverage, false);

    // Low contrast: ZXing's local binarizer takes blocks spanning < 24 levels for flat.
    stretchContrast(crop);
    if (int n = collect(read(crop, local), at1, DecodeStage::RegionStretch, out)) return n;
    // Sensor noise breaks module edges into speckle; a 3x3 mean removes most of it.
    if (noisy) {
        GrayImage smooth = unsharp(crop, 1, -16);
        stretchContrast(smooth);
        if (int n = collect(read(smooth, local), at1, DecodeStage::RegionSmooth, out)) return n;
    }
    // Blur: an unsharp mask applied twice restores module edges (once is not enough for the
    // blurred samples and twice still decodes the lightly blurred ones).
    const GrayImage sharp = unsharp(crop, 2, 48);
    if (int n = collect(read(unsharp(sharp, 2, 48), local), at1, DecodeStage::RegionSharp, out)) return n;
    if (!thorough) return 0;
    // Uneven binarization across a code: one threshold for the whole (small) region.
    const auto global = qrHints(ZXing::Binarizer::GlobalHistogram, false);
    if (int n = collect(read(sharp, global), at1, DecodeStage::RegionGlobal, out)) return n;
    // Small codes: finder patterns under ~3 px per module are easier to find twice as large.
    if (std::max(crop.width, crop.height) <= kMaxUpscaled) {
        const Mapping at2{rect.x, rect.y, 2};
        if (int n = collect(read(upscale2(crop), local), at2, DecodeStage::RegionUp, out)) return n;
    }
    return 0;
}

// The code-like regions of a frame, best first. In a noisy frame the search also runs on the
// frame averaged 2x2, which smooths the noise and finds codes the full-size search missed (and
// misses some small ones, so both count).
std::vector<Rect> regionsToTry(const ImageView& frame, int maxRegions, bool& noisy) {
    CandidateOptions co;
    co.maxCandidates = maxRegions;
    const auto search = findCodeCandidates(frame, co);
    std::vector<Rect> regions;
    for (const auto& c : search.regions) regions.push_back(c.rect);
    noisy = search.noise >= kNoisy;
    if (noisy) {
        const GrayImage half = downscale2(frame);
        for (const auto& c : findCodeCandidates(half.view(), co).regions) {
            const Rect r{c.rect.x * 2, c.rect.y * 2, c.rect.width * 2, c.rect.height * 2};
            if (std::none_of(regions.begin(), regions.end(), [&](const Rect& k) { return overlap(k, r) > 0.5; }))
                regions.push_back(r);
        }
    }
    if (static_cast<int>(regions.size()) > maxRegions) regions.resize(static_cast<size_t>(std::max(0, maxRegions)));
    return regions;
}

} // namespace

const char* stageName(DecodeStage stage) {
    switch (stage) {
    case DecodeStage::Frame: return "frame";
    case DecodeStage::RegionStretch: return "stretch";
    case DecodeStage::RegionSmooth: return "smooth";
    case DecodeStage::RegionSharp: return "sharp";
    case DecodeStage::RegionGlobal: return "global";
    case DecodeStage::RegionUp: return "up";
    }
    return "frame";
}

Decoder::Decoder(DecoderOptions options) : m_options(options) {}

DecodeResult Decoder::decode(const ImageView& frame) const {
    const auto start = std::chrono::steady_clock::now();
    DecodeResult result;
    if (frame.empty()) return result;
    try {
        const auto hints = qrHints(ZXing::Binarizer::LocalAverage, m_options.tryDownscale);
        collect(ZXing::ReadBarcodes(zxView(frame), hints), {}, DecodeStage::Frame, result.codes);
        if (result.codes.empty() && m_options.secondPass) {
            result.secondPass = true;
            bool noisy = false;
            for (const auto& region : regionsToTry(frame, m_options.maxRegions, noisy)) {
                const bool thorough = result.regionsTried++ == 0;
                if (decodeRegion(frame, region, thorough, noisy, result.codes) > 0) break;
            }
        }
    } catch (const std::exception&) {
        // ZXing reports odd input (e.g. sizes it cannot handle) by throwing; for a frame that is
        // simply "no code".
    }
    result.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace kiosk::scan
