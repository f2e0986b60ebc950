#include <catch2/catch.hpp>

#include <thread>

#include "kiosk/scan/decoder.hpp"
#include "kiosk/scan/image_ops.hpp"
#include "tests/unit/scan_test_util.hpp"

using namespace kiosk::scan;
using kiosk::scan::test::frameWithCode;

namespace {

const std::string kText = "ANTQ23-D0042-1-ABCDEFGHIJKLMNOP";

// The frame as a camera's YUYV buffer: luma on even bytes, chroma (here a pattern, to catch a
// decoder that reads it) on odd bytes, each row padded.
std::vector<std::uint8_t> asYuyv(const GrayImage& g, int padding) {
    const int rowStride = g.width * 2 + padding;
    std::vector<std::uint8_t> buf(static_cast<size_t>(rowStride) * g.height, 0x55);
    for (int y = 0; y < g.height; ++y)
        for (int x = 0; x < g.width; ++x) {
            buf[static_cast<size_t>(y * rowStride + 2 * x)] = g.row(y)[x];
            buf[static_cast<size_t>(y * rowStride + 2 * x + 1)] =
                static_cast<std::uint8_t>((x * 37) & 0xFF);
        }
    return buf;
}

GrayImage sample(const std::string& name) {
    auto img = loadImage(std::string(KIOSK_SAMPLES_DIR) + "/decode/" + name);
    REQUIRE(img.ok());
    return std::move(*img);
}

} // namespace

TEST_CASE("the decoder reads a YUYV frame's Y plane in place (pixel stride 2, padded rows)") {
    const GrayImage frame = frameWithCode(kText, 640, 480, 200, 120, 4);
    const auto yuyv = asYuyv(frame, 64);
    const ImageView y{yuyv.data(), frame.width, frame.height, frame.width * 2 + 64, 2};
    const DecodeResult strided = Decoder().decode(y);
    const DecodeResult dense = Decoder().decode(frame.view());
    REQUIRE(strided.codes.size() == 1);
    CHECK(strided.codes[0].text == kText);
    REQUIRE(dense.codes.size() == 1);
    for (int i = 0; i < 4; ++i) {
        CHECK(strided.codes[0].corners[i].x == dense.codes[0].corners[i].x);
        CHECK(strided.codes[0].corners[i].y == dense.codes[0].corners[i].y);
    }
}

TEST_CASE("a frame without a code, an empty view and a tiny image give no code and no failure") {
    const Decoder decoder;
    const GrayImage blank(1280, 720, 128);
    const DecodeResult r = decoder.decode(blank.view());
    CHECK_FALSE(r.found());
    CHECK(r.regionsTried == 0); // nothing looks like a code, so the second pass costs nothing
    CHECK_FALSE(decoder.decode(ImageView{}).found());
    const GrayImage tiny(5, 3, 0);
    CHECK_FALSE(decoder.decode(tiny.view()).found());
}

TEST_CASE("two codes in one frame are both reported") {
    GrayImage frame = frameWithCode("ANTQ23-D0071-1-AAAAAAAAAAAAAAAA", 1280, 720, 100, 100, 4);
    const GrayImage other =
        frameWithCode("ANTQ23-D0072-1-BBBBBBBBBBBBBBBB", 1280, 720, 800, 300, 4);
    for (int y = 300; y < 300 + 33 * 4; ++y)
        for (int x = 800; x < 800 + 33 * 4; ++x)
            frame.row(y)[x] = other.row(y)[x];
    const DecodeResult r = Decoder().decode(frame.view());
    REQUIRE(r.codes.size() == 2);
    CHECK(r.codes[0].text != r.codes[1].text);
}

TEST_CASE("the second pass decodes a low-contrast code that the first pass (ZXing's own) misses") {
    const GrayImage frame = sample("lowc-veryflat-m6.png");
    DecoderOptions firstOnly;
    firstOnly.secondPass = false;
    CHECK_FALSE(Decoder(firstOnly).decode(frame.view()).found());
    const DecodeResult r = Decoder().decode(frame.view());
    REQUIRE(r.codes.size() == 1);
    CHECK(r.secondPass);
    CHECK(r.codes[0].stage != DecodeStage::Frame);
    CHECK(r.regionsTried >= 1);
}

TEST_CASE("the second pass decodes a blurred code, and reports where it is in the frame") {
    const GrayImage frame = sample("blur-g4.5-m8.png");
    const DecodeResult r = Decoder().decode(frame.view());
    REQUIRE(r.codes.size() == 1);
    CHECK(r.codes[0].stage == DecodeStage::RegionSharp);
    // make-samples put the card at (420, 10), its QR at +45,+220 in a card scaled by 0.8 (module
    // 8), so the code lies roughly within x 450..750, y 180..480.
    for (const auto& p : r.codes[0].corners) {
        CHECK(p.x > 400);
        CHECK(p.x < 800);
        CHECK(p.y > 150);
        CHECK(p.y < 520);
    }
}

TEST_CASE("one decoder may be used from several threads at once", "[threads]") {
    const GrayImage a = sample("lowc-flat-m4.png");
    const GrayImage b = sample("small-m2.0.png");
    const Decoder decoder;
    const std::string wantA = decoder.decode(a.view()).codes.at(0).text;
    const std::string wantB = decoder.decode(b.view()).codes.at(0).text;
    int goodA = 0, goodB = 0;
    std::thread other([&] {
        for (int i = 0; i < 5; ++i)
            goodB += decoder.decode(b.view()).codes.at(0).text == wantB;
    });
    for (int i = 0; i < 5; ++i)
        goodA += decoder.decode(a.view()).codes.at(0).text == wantA;
    other.join();
    CHECK(goodA == 5);
    CHECK(goodB == 5);
}

TEST_CASE(
    "region treatments: stretch spans the levels, unsharp keeps flat areas, upscale doubles") {
    GrayImage img(40, 20, 100);
    for (int x = 20; x < 40; ++x)
        for (int y = 0; y < 20; ++y)
            img.row(y)[x] = 130;
    GrayImage stretched = img;
    CHECK(stretchContrast(stretched) == 30);
    CHECK(stretched.row(5)[5] == 0);
    CHECK(stretched.row(5)[30] == 255);
    const GrayImage sharp = unsharp(img, 2, 32);
    CHECK(sharp.row(10)[5] == 100); // flat stays flat
    CHECK(sharp.row(10)[19] < 100); // the dark side of the edge gets darker
    CHECK(sharp.row(10)[20] > 130); // the light side lighter
    const GrayImage big = upscale2(img);
    CHECK(big.width == 80);
    CHECK(big.row(0)[0] == 100);
    CHECK(big.row(0)[79] == 130);
    const GrayImage half = downscale2(img.view());
    CHECK(half.width == 20);
    CHECK(half.row(0)[15] == 130);
}

TEST_CASE("decoding a file: the camera's pipeline on a PNG, an error value for a bad path") {
    const Decoder decoder;
    const FileDecode good =
        decodeImageFile(std::string(KIOSK_SAMPLES_DIR) + "/decode/clean-paper-m6.png", decoder);
    CHECK_FALSE(good.error.has_value());
    REQUIRE(good.result.codes.size() == 1);
    CHECK(good.result.codes[0].text.rfind("ANTQ23-D0001-1-", 0) == 0);
    CHECK(good.result.ms > 0);
    const FileDecode bad = decodeImageFile("/nonexistent.png", decoder);
    REQUIRE(bad.error.has_value());
    CHECK(bad.error->code == ErrorCode::FileNotFound);
    CHECK_FALSE(bad.result.found());
}
