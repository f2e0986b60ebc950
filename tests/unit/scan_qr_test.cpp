#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <catch2/catch.hpp>

#include "kiosk/core/badge.hpp"
#include "kiosk/scan/decoder.hpp"
#include "kiosk/scan/qr_writer.hpp"
#include "tests/unit/scan_test_util.hpp"

using namespace kiosk::scan;
using kiosk::scan::test::frameWithCode;
using kiosk::scan::test::TempDir;

namespace {

ZXing::Result readPure(const GrayImage& img) {
    const ZXing::ImageView iv(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum, img.stride);
    return ZXing::ReadBarcode(iv, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
}

} // namespace

TEST_CASE("a real badge text renders as a QR of version 4 or less at error correction M") {
    kiosk::core::BadgeKey key{};
    key.fill(7);
    const std::string text = kiosk::core::makeBadgeText(key, "ANTQ23", "D0042", 1);
    const std::string longest = "ANTQ23-D0042-99-ABCDEFGHIJKLMNOP"; // 32 characters
    REQUIRE(longest.size() == 32);
    for (const auto& t : {text, longest}) {
        INFO(t);
        auto qr = renderQr(t);
        REQUIRE(qr.ok());
        CHECK(qr->version >= 1);
        CHECK(qr->version <= 4);
        CHECK(qr->modules == 17 + 4 * qr->version);
        const auto r = readPure(qr->image);
        REQUIRE(r.isValid());
        CHECK(r.text() == t);
        CHECK(r.ecLevel() == "M");
    }
}

TEST_CASE("module size and quiet zone are exact, and the quiet zone is white") {
    auto qr = renderQr("ANTQ23-D0001-1-AAAABBBBCCCCDDDD", {3, 4});
    REQUIRE(qr.ok());
    CHECK(qr->image.width == (qr->modules + 8) * 3);
    CHECK(qr->image.height == qr->image.width);
    for (int i = 0; i < qr->image.width; ++i) {
        CHECK(qr->image.row(0)[i] == 255);
        CHECK(qr->image.row(i)[4 * 3 - 1] == 255);
    }
    CHECK(qr->image.row(4 * 3)[4 * 3] == 0); // the top-left finder pattern's corner module
}

TEST_CASE("the QR writer and the decoder agree: a badge drawn into a frame decodes where it was drawn") {
    const std::string text = "ANTQ23-D0042-1-ABCDEFGHIJKLMNOP";
    const GrayImage frame = frameWithCode(text, 1280, 720, 600, 250, 4);
    const DecodeResult r = Decoder().decode(frame.view());
    REQUIRE(r.codes.size() == 1);
    CHECK(r.codes[0].text == text);
    CHECK(r.codes[0].stage == DecodeStage::Frame);
    for (const auto& p : r.codes[0].corners) {
        CHECK(p.x >= 600);
        CHECK(p.x <= 600 + 33 * 4);
        CHECK(p.y >= 250);
        CHECK(p.y <= 250 + 33 * 4);
    }
}

TEST_CASE("writeQrPng writes a PNG that decodes back to the text") {
    TempDir dir;
    const std::string path = dir.file("badge.png");
    REQUIRE(writeQrPng("ANTQ23-D0007-2-QRSTUVWXYZ234567", path, {6, 4}).ok);
    auto img = loadImage(path);
    REQUIRE(img.ok());
    const auto r = Decoder().decode(img->view());
    REQUIRE(r.codes.size() == 1);
    CHECK(r.codes[0].text == "ANTQ23-D0007-2-QRSTUVWXYZ234567");
}

TEST_CASE("text that fits no QR version, or no text, is an error value") {
    auto tooLong = renderQr(std::string(8000, 'A'));
    REQUIRE_FALSE(tooLong.ok());
    CHECK(tooLong.error().code == ErrorCode::TextTooLong);
    auto empty = renderQr("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::EncodeFailed);
    CHECK_FALSE(writeQrPng("ABC", "/nonexistent/dir/x.png").ok);
}

TEST_CASE("lowercase and Vietnamese text still round-trip (byte mode, larger version)") {
    const std::string text = "Nguyễn Văn Bình · khách mời";
    auto qr = renderQr(text, {4, 4});
    REQUIRE(qr.ok());
    const auto r = readPure(qr->image);
    REQUIRE(r.isValid());
    CHECK(r.text() == text);
}
