#include "kiosk/platform/png.hpp"

#include <png.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace kiosk::platform {

bool writePng(const std::string& path, const RgbaImage& img, std::string& error) {
    if (img.width <= 0 || img.height <= 0 || img.pixels.size() != size_t(img.width) * size_t(img.height) * 4) {
        error = "bad image size";
        return false;
    }
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!file) {
        error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        error = "libpng out of memory";
        return false;
    }
    std::vector<std::uint8_t> row(size_t(img.width) * 3);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        error = "libpng failed writing " + path;
        return false;
    }
    png_init_io(png, file.get());
    png_set_IHDR(png, info, img.width, img.height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < img.height; ++y) {
        const std::uint8_t* src = img.pixels.data() + size_t(y) * size_t(img.width) * 4;
        for (int x = 0; x < img.width; ++x) std::memcpy(&row[size_t(x) * 3], src + size_t(x) * 4, 3);
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

bool isUniform(const RgbaImage& img) {
    if (img.pixels.size() < 4) return true;
    for (size_t i = 4; i + 3 < img.pixels.size(); i += 4)
        if (std::memcmp(&img.pixels[i], &img.pixels[0], 3) != 0) return false;
    return true;
}

} // namespace kiosk::platform
