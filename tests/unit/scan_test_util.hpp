#pragma once
// Helpers shared by the scan tests: temporary files, frames with a code drawn in.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "kiosk/scan/image.hpp"
#include "kiosk/scan/qr_writer.hpp"

namespace kiosk::scan::test {

/// A fresh temporary directory removed when the object goes.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("kiosk-scan-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(std::string_view name) const { return (path / name).string(); }
};

inline void writeBytes(const std::string& path, std::string_view bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// A gray frame of the given size with the QR code of text drawn at (x, y).
inline GrayImage frameWithCode(std::string_view text, int width = 1280, int height = 720, int x = 500, int y = 200,
                               int moduleSize = 5, std::uint8_t background = 160) {
    GrayImage frame(width, height, background);
    auto qr = renderQr(text, {moduleSize, 4});
    if (!qr) return frame;
    for (int r = 0; r < qr->image.height && y + r < height; ++r)
        for (int c = 0; c < qr->image.width && x + c < width; ++c) frame.row(y + r)[x + c] = qr->image.row(r)[c];
    return frame;
}

} // namespace kiosk::scan::test
