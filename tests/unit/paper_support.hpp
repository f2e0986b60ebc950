#pragma once
// Reading generated files back in tests: PDF text (pdftotext), page ink (pdftoppm + libpng),
// XLSX parts (unzip), all through the real tools a person would use. Temporary folders come
// from test_support.hpp.
#include <png.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "tests/unit/test_support.hpp"

namespace kiosk::test {

/// Single-quotes s for /bin/sh.
inline std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out.push_back(c);
    }
    return out + "'";
}

/// Runs a shell command; returns its standard output and sets *status to the exit status.
inline std::string run(const std::string& cmd, int* status = nullptr) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    const int rc = ::pclose(p);
    if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// text with every run of white space made one space: pdftotext breaks lines where the PDF wraps them.
inline std::string flat(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

/// The PDF's text as pdftotext extracts it (UTF-8), white space flattened.
inline std::string pdfText(const std::string& pdf) { return flat(run("pdftotext -enc UTF-8 " + shellQuote(pdf) + " - 2>/dev/null")); }

/// The number of pages pdfinfo reports.
inline int pdfPages(const std::string& pdf) {
    const std::string info = run("pdfinfo " + shellQuote(pdf) + " 2>/dev/null");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

/// "Page size:" line of pdfinfo (e.g. "595.276 x 841.89 pts (A4)").
inline std::string pdfPageSize(const std::string& pdf) {
    const std::string info = run("pdfinfo " + shellQuote(pdf) + " 2>/dev/null");
    const auto at = info.find("Page size:");
    if (at == std::string::npos) return {};
    const auto end = info.find('\n', at);
    std::string s = info.substr(at + 10, end - at - 10);
    s.erase(0, s.find_first_not_of(' '));
    return s;
}

/// A grayscale image.
struct Gray {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
    /// The share of pixels darker than 200 (0..1).
    double ink() const {
        if (pixels.empty()) return 0;
        const auto dark = std::count_if(pixels.begin(), pixels.end(), [](unsigned char v) { return v < 200; });
        return static_cast<double>(dark) / static_cast<double>(pixels.size());
    }
};

/// Loads a PNG as 8-bit gray with libpng's simplified API.
inline Gray loadPngGray(const std::string& path) {
    Gray g;
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.c_str())) return g;
    image.format = PNG_FORMAT_GRAY;
    g.width = static_cast<int>(image.width);
    g.height = static_cast<int>(image.height);
    g.pixels.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, g.pixels.data(), 0, nullptr)) g.pixels.clear();
    png_image_free(&image);
    return g;
}

/// Renders every page with pdftoppm at dpi into dir and loads them, in page order.
inline std::vector<Gray> renderPages(const std::string& pdf, const std::filesystem::path& dir, int dpi) {
    const std::string prefix = (dir / "page").string();
    run("pdftoppm -r " + std::to_string(dpi) + " -png " + shellQuote(pdf) + " " + shellQuote(prefix));
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().filename().string().rfind("page-", 0) == 0 && e.path().extension() == ".png") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Gray> pages;
    for (const auto& f : files) pages.push_back(loadPngGray(f.string()));
    return pages;
}

/// One member of a zip archive (unzip -p), empty when absent.
inline std::string unzipEntry(const std::string& zip, const std::string& entry) {
    return run("unzip -p " + shellQuote(zip) + " " + shellQuote(entry) + " 2>/dev/null");
}

/// How often needle occurs in haystack.
inline size_t countOf(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

} // namespace kiosk::test
