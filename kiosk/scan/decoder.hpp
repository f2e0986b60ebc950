#pragma once
// QR decoding of camera frames and image files: ZXing-cpp on the whole frame, then (only when that
// finds nothing) a second pass on the few regions that look like a code, contrast-stretched,
// sharpened, upscaled or binarized another way. Frames without a code stay cheap.
#include <array>
#include <string>
#include <vector>

#include "kiosk/scan/image.hpp"

namespace kiosk::scan {

/// A point in frame pixels.
struct Point {
    int x = 0;
    int y = 0;
};

/// Which pass, and on the second pass which treatment of the region, found a code.
enum class DecodeStage {
    Frame,          ///< first pass, whole frame
    RegionStretch,  ///< region, contrast stretched
    RegionSmooth,   ///< region of a noisy frame, 3x3 mean, contrast stretched
    RegionSharp,    ///< region, unsharp mask (twice)
    RegionGlobal,   ///< region, sharpened, global-histogram binarizer
    RegionUp,       ///< region upscaled twice
};

/// A short name for a stage ("frame", "stretch", ...).
const char* stageName(DecodeStage stage);

/// One decoded code.
struct DecodedCode {
    std::string text;
    std::array<Point, 4> corners{}; ///< top-left, top-right, bottom-right, bottom-left in frame pixels
    DecodeStage stage = DecodeStage::Frame;
};

/// What a frame held and what it cost.
struct DecodeResult {
    std::vector<DecodedCode> codes; ///< empty: no code (the usual frame); several: several codes
    double ms = 0;                  ///< wall time of the decode
    int regionsTried = 0;           ///< candidate regions of the second pass
    bool secondPass = false;        ///< the second pass ran

    bool found() const { return !codes.empty(); }
};

/// Decoder settings.
struct DecoderOptions {
    bool secondPass = true;   ///< look again at code-like regions when the frame gives nothing
    int maxRegions = 3;       ///< regions tried by the second pass
    bool tryDownscale = false; ///< ZXing's own 1/3-size layer on the first pass: costs ~40% more
                               ///< and decoded nothing extra on the sample and holdout sets
};

/// Decodes QR codes in gray frames. decode() is const and keeps no state between calls, so one
/// instance may be used from several threads at once.
class Decoder {
public:
    explicit Decoder(DecoderOptions options = {});

    /// Decodes every QR code in frame (any row and pixel stride; nothing is copied for the first pass).
    DecodeResult decode(const ImageView& frame) const;

    const DecoderOptions& options() const { return m_options; }

private:
    DecoderOptions m_options;
};

} // namespace kiosk::scan
