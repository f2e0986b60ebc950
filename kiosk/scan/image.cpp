#include "kiosk/scan/image.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <png.h>
#include <turbojpeg.h>

namespace kiosk::scan {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

struct TjDeleter {
    void operator()(void* h) const { tjDestroy(h); }
};
using TjHandle = std::unique_ptr<void, TjDeleter>;

// The simplified libpng API keeps its state in a struct that must be freed on every path.
struct PngImage {
    png_image image{};
    PngImage() {
        image.version = PNG_IMAGE_VERSION;
    }
    ~PngImage() { png_image_free(&image); }
    PngImage(const PngImage&) = delete;
    PngImage& operator=(const PngImage&) = delete;
};

Expected<std::vector<std::uint8_t>> readFile(const std::string& path) {
    errno = 0;
    File f(std::fopen(path.c_str(), "rb"));
    if (!f) {
        const int err = errno;
        if (err == ENOENT) return Error{ErrorCode::FileNotFound, path};
        return Error{ErrorCode::ReadFailed, path + ": " + std::strerror(err)};
    }
    std::vector<std::uint8_t> bytes;
    std::uint8_t buf[1 << 16];
    for (;;) {
        const size_t n = std::fread(buf, 1, sizeof buf, f.get());
        bytes.insert(bytes.end(), buf, buf + n);
        if (n < sizeof buf) break;
    }
    if (std::ferror(f.get())) return Error{ErrorCode::ReadFailed, path};
    return bytes;
}

bool isPng(const std::uint8_t* d, size_t n) { return n >= 8 && png_sig_cmp(d, 0, 8) == 0; }
bool isJpeg(const std::uint8_t* d, size_t n) { return n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF; }

// A decompressor per thread: creating one costs more than decoding a small MJPEG frame's header.
void* threadJpegHandle() {
    thread_local TjHandle handle(tjInitDecompress());
    return handle.get();
}

} // namespace

ImageView ImageView::cropped(int left, int top, int w, int h) const {
    left = std::clamp(left, 0, width);
    top = std::clamp(top, 0, height);
    w = std::clamp(w, 0, width - left);
    h = std::clamp(h, 0, height - top);
    return {data + static_cast<std::ptrdiff_t>(top) * rowStride + static_cast<std::ptrdiff_t>(left) * pixStride, w, h,
            rowStride, pixStride};
}

GrayImage::GrayImage(int w, int h, std::uint8_t fill)
    : width(std::max(0, w)), height(std::max(0, h)), stride(std::max(0, w)),
      pixels(static_cast<size_t>(width) * static_cast<size_t>(height), fill) {}

GrayImage copyImage(const ImageView& view) {
    if (view.empty()) return {};
    GrayImage out(view.width, view.height);
    for (int y = 0; y < view.height; ++y) {
        std::uint8_t* dst = out.row(y);
        const std::uint8_t* src = view.data + static_cast<std::ptrdiff_t>(y) * view.rowStride;
        if (view.pixStride == 1) {
            std::memcpy(dst, src, static_cast<size_t>(view.width));
        } else {
            for (int x = 0; x < view.width; ++x) dst[x] = src[static_cast<std::ptrdiff_t>(x) * view.pixStride];
        }
    }
    return out;
}

Expected<GrayImage> decodePng(const std::uint8_t* data, std::size_t size) {
    PngImage png;
    if (!png_image_begin_read_from_memory(&png.image, data, size))
        return Error{ErrorCode::BadImage, png.image.message};
    png.image.format = PNG_FORMAT_GRAY;
    GrayImage out(static_cast<int>(png.image.width), static_cast<int>(png.image.height));
    if (out.empty()) return Error{ErrorCode::BadImage, "empty PNG"};
    if (!png_image_finish_read(&png.image, nullptr, out.pixels.data(), out.stride, nullptr))
        return Error{ErrorCode::BadImage, png.image.message};
    return out;
}

Status decodeJpegInto(const std::uint8_t* data, std::size_t size, GrayImage& out) {
    void* tj = threadJpegHandle();
    if (!tj) return Status::failure({ErrorCode::BadImage, "tjInitDecompress failed"});
    int w = 0, h = 0, subsamp = 0, colorspace = 0;
    if (tjDecompressHeader3(tj, data, static_cast<unsigned long>(size), &w, &h, &subsamp, &colorspace) != 0)
        return Status::failure({ErrorCode::BadImage, tjGetErrorStr2(tj)});
    if (w <= 0 || h <= 0) return Status::failure({ErrorCode::BadImage, "empty JPEG"});
    if (out.width != w || out.height != h) out = GrayImage(w, h);
    // Gray output lets libjpeg skip the chroma planes entirely.
    if (tjDecompress2(tj, data, static_cast<unsigned long>(size), out.pixels.data(), w, out.stride, h, TJPF_GRAY,
                      TJFLAG_FASTDCT) != 0) {
        // A warning (e.g. a truncated frame) still leaves a usable picture.
        if (tjGetErrorCode(tj) != TJERR_WARNING)
            return Status::failure({ErrorCode::BadImage, tjGetErrorStr2(tj)});
    }
    return Status::success();
}

Expected<GrayImage> decodeJpeg(const std::uint8_t* data, std::size_t size) {
    GrayImage out;
    if (Status s = decodeJpegInto(data, size, out); !s) return s.error;
    return out;
}

Expected<GrayImage> loadImage(const std::string& path) {
    auto bytes = readFile(path);
    if (!bytes) return bytes.error();
    const auto& b = *bytes;
    Expected<GrayImage> img = Error{ErrorCode::UnknownFormat, path};
    if (isPng(b.data(), b.size())) {
        img = decodePng(b.data(), b.size());
    } else if (isJpeg(b.data(), b.size())) {
        img = decodeJpeg(b.data(), b.size());
    } else {
        return Error{ErrorCode::UnknownFormat, path};
    }
    if (!img) return Error{img.error().code, path + ": " + img.error().detail};
    return img;
}

Expected<std::vector<std::uint8_t>> encodePng(const GrayImage& image) {
    if (image.empty()) return Error{ErrorCode::EncodeFailed, "empty image"};
    PngImage png;
    png.image.width = static_cast<png_uint_32>(image.width);
    png.image.height = static_cast<png_uint_32>(image.height);
    png.image.format = PNG_FORMAT_GRAY;
    png_alloc_size_t size = 0;
    if (!png_image_write_get_memory_size(png.image, size, 0, image.pixels.data(), image.stride, nullptr))
        return Error{ErrorCode::EncodeFailed, png.image.message};
    std::vector<std::uint8_t> out(size);
    if (!png_image_write_to_memory(&png.image, out.data(), &size, 0, image.pixels.data(), image.stride, nullptr))
        return Error{ErrorCode::EncodeFailed, png.image.message};
    out.resize(size);
    return out;
}

Status writePng(const GrayImage& image, const std::string& path) {
    auto bytes = encodePng(image);
    if (!bytes) return Status::failure(bytes.error());
    errno = 0;
    File f(std::fopen(path.c_str(), "wb"));
    if (!f) return Status::failure({ErrorCode::WriteFailed, path + ": " + std::strerror(errno)});
    const bool written = std::fwrite(bytes->data(), 1, bytes->size(), f.get()) == bytes->size();
    const bool closed = std::fclose(f.release()) == 0;
    if (!written || !closed) return Status::failure({ErrorCode::WriteFailed, path});
    return Status::success();
}

} // namespace kiosk::scan
