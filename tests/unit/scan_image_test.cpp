#include <catch2/catch.hpp>
#include <turbojpeg.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/scan/error.hpp"
#include "kiosk/scan/frame_source.hpp"
#include "kiosk/scan/image.hpp"
#include "tests/unit/scan_test_util.hpp"

using namespace kiosk::scan;
using kiosk::scan::test::TempDir;
using kiosk::scan::test::writeBytes;

namespace {

GrayImage gradient(int w, int h) {
    GrayImage img(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            img.row(y)[x] = static_cast<std::uint8_t>((x * 7 + y * 3) & 0xFF);
    return img;
}

std::vector<unsigned char> jpegOf(const GrayImage& img, int quality) {
    tjhandle tj = tjInitCompress();
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    tjCompress2(tj, img.pixels.data(), img.width, img.stride, img.height, TJPF_GRAY, &buf, &size,
                TJSAMP_GRAY, quality, 0);
    std::vector<unsigned char> out(buf, buf + size);
    tjFree(buf);
    tjDestroy(tj);
    return out;
}

} // namespace

TEST_CASE("loading a missing file is a FileNotFound value, not an exception") {
    auto img = loadImage("/nonexistent/dir/frame.png");
    REQUIRE_FALSE(img.ok());
    CHECK(img.error().code == ErrorCode::FileNotFound);
    CHECK(img.error().detail.find("/nonexistent/dir/frame.png") != std::string::npos);
}

TEST_CASE("a file that is neither PNG nor JPEG is UnknownFormat, an empty one too") {
    TempDir dir;
    writeBytes(dir.file("notes.png"), "this is text, not pixels\n");
    writeBytes(dir.file("empty.jpg"), "");
    CHECK(loadImage(dir.file("notes.png")).error().code == ErrorCode::UnknownFormat);
    CHECK(loadImage(dir.file("empty.jpg")).error().code == ErrorCode::UnknownFormat);
}

TEST_CASE("a truncated PNG and a JPEG with a broken header are BadImage") {
    TempDir dir;
    auto png = encodePng(gradient(64, 48));
    REQUIRE(png.ok());
    writeBytes(dir.file("cut.png"),
               std::string_view(reinterpret_cast<const char*>(png->data()), 60));
    const unsigned char junk[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J',
                                  'F',  'I',  'F',  0x00, 0x01, 0x02, 0x03};
    writeBytes(dir.file("junk.jpg"),
               std::string_view(reinterpret_cast<const char*>(junk), sizeof junk));
    CHECK(loadImage(dir.file("cut.png")).error().code == ErrorCode::BadImage);
    CHECK(loadImage(dir.file("junk.jpg")).error().code == ErrorCode::BadImage);
}

TEST_CASE("a directory is not an image") {
    TempDir dir;
    auto img = loadImage(dir.path.string());
    REQUIRE_FALSE(img.ok());
    CHECK((img.error().code == ErrorCode::ReadFailed ||
           img.error().code == ErrorCode::UnknownFormat));
}

TEST_CASE("a gray PNG written and read back has the same pixels") {
    TempDir dir;
    const GrayImage img = gradient(123, 45); // odd width: rows are not 4-byte aligned
    REQUIRE(writePng(img, dir.file("g.png")).ok);
    auto back = loadImage(dir.file("g.png"));
    REQUIRE(back.ok());
    CHECK(back->width == 123);
    CHECK(back->height == 45);
    CHECK(back->pixels == img.pixels);
}

TEST_CASE("writing a PNG where it cannot go is a WriteFailed value") {
    const Status s = writePng(gradient(8, 8), "/nonexistent/dir/out.png");
    REQUIRE_FALSE(s.ok);
    CHECK(s.error.code == ErrorCode::WriteFailed);
    CHECK_FALSE(writePng(GrayImage{}, "/tmp/never.png").ok);
}

TEST_CASE("a JPEG loads as gray close to its source, by content not by file name") {
    TempDir dir;
    const GrayImage img = gradient(96, 64);
    const auto jpg = jpegOf(img, 95);
    writeBytes(dir.file("frame.png"),
               std::string_view(reinterpret_cast<const char*>(jpg.data()), jpg.size()));
    auto back = loadImage(dir.file("frame.png"));
    REQUIRE(back.ok());
    REQUIRE(back->width == 96);
    REQUIRE(back->height == 64);
    int worst = 0;
    for (size_t i = 0; i < img.pixels.size(); ++i)
        worst = std::max(worst, std::abs(int(img.pixels[i]) - int(back->pixels[i])));
    CHECK(worst < 40); // the gradient wraps at 256, a hard edge JPEG smears a little
}

TEST_CASE("decodeJpegInto reuses the frame buffer when the size stays the same") {
    const auto jpg = jpegOf(gradient(64, 32), 80);
    GrayImage out;
    REQUIRE(decodeJpegInto(jpg.data(), jpg.size(), out).ok);
    const auto* first = out.pixels.data();
    REQUIRE(decodeJpegInto(jpg.data(), jpg.size(), out).ok);
    CHECK(out.pixels.data() == first);
    CHECK_FALSE(decodeJpegInto(jpg.data(), 10, out).ok);
}

TEST_CASE("copyImage makes a dense copy of a strided, cropped view") {
    // Two interleaved planes, as in YUYV: luma on even bytes.
    const int w = 10, h = 4;
    std::vector<std::uint8_t> yuyv(static_cast<size_t>(w * 2 * h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            yuyv[static_cast<size_t>(y * w * 2 + x * 2)] = static_cast<std::uint8_t>(y * 16 + x);
            yuyv[static_cast<size_t>(y * w * 2 + x * 2 + 1)] = 128;
        }
    const ImageView view{yuyv.data(), w, h, w * 2, 2};
    const GrayImage all = copyImage(view);
    CHECK(all.row(3)[9] == 3 * 16 + 9);
    const GrayImage part = copyImage(view.cropped(2, 1, 3, 2));
    REQUIRE(part.width == 3);
    REQUIRE(part.height == 2);
    CHECK(part.row(0)[0] == 1 * 16 + 2);
    CHECK(part.row(1)[2] == 2 * 16 + 4);
    CHECK(view.cropped(8, 3, 100, 100).width == 2); // clipped to the image
    CHECK(copyImage(view.cropped(20, 0, 5, 5)).empty());
}

TEST_CASE("every scan error and source state has a message in vi and en") {
    const auto vi = kiosk::core::StringTable::load("vi");
    const auto en = kiosk::core::StringTable::load("en");
    for (int c = 0; c <= static_cast<int>(ErrorCode::Io); ++c) {
        const Error e{static_cast<ErrorCode>(c), "x"};
        INFO(e.key());
        CHECK(vi.has(e.key()));
        CHECK(en.has(e.key()));
    }
    for (int s = 0; s <= static_cast<int>(SourceState::Ended); ++s) {
        const std::string key =
            std::string("scan.source.") + sourceStateName(static_cast<SourceState>(s));
        INFO(key);
        CHECK(vi.has(key));
        CHECK(en.has(key));
    }
}

TEST_CASE("an error message carries its detail") {
    const Error e{ErrorCode::FileNotFound, "/tmp/badge.png"};
    CHECK(e.message().find("/tmp/badge.png") != std::string::npos);
    CHECK(errnoError(ENOENT, "/dev/video9").code == ErrorCode::DeviceNotFound);
    CHECK(errnoError(EACCES, "/dev/video0").code == ErrorCode::PermissionDenied);
    CHECK(errnoError(EBUSY, "/dev/video0").code == ErrorCode::DeviceBusy);
}
