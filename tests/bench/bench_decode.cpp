// Decoding 1280x720 frames: kiosk::scan::Decoder vs ZXing-cpp's default ReadBarcodes settings vs
// libzbar, on the same frames in the same run. Frames come from tests/samples/decode (or
// $KIOSK_DECODE_SAMPLES, e.g. a holdout set from `scripts/make-samples --holdout`).
// $KIOSK_BENCH_DETAIL=1 prints one line per frame and decoder to stderr; $KIOSK_BENCH_REPS sets how
// often each frame is decoded (5).
// zbar.h first: ZXing's Error.h defines macros (UnsupportedError, ...) that break zbar's C++ headers.
#include <zbar.h>
#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kiosk/scan/decoder.hpp"
#include "kiosk/scan/image.hpp"
#include "tests/bench/bench.hpp"

namespace {

namespace fs = std::filesystem;
using namespace zbar; // the C API lives in namespace zbar when compiled as C++
using kiosk::bench::fmt;
using kiosk::bench::quantile;
using kiosk::scan::GrayImage;

struct Sample {
    std::string name;
    std::string category; // the name up to its first '-'
    GrayImage image;
    std::set<std::string> expected;
};

std::vector<Sample> loadSamples(const std::string& dir) {
    std::vector<Sample> out;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".png") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        auto img = kiosk::scan::loadImage(f.string());
        if (!img) continue;
        Sample s;
        s.name = f.stem().string();
        s.category = s.name.substr(0, s.name.find('-'));
        s.image = std::move(*img);
        std::ifstream txt(fs::path(f).replace_extension(".txt"));
        for (std::string line; std::getline(txt, line);)
            if (!line.empty()) s.expected.insert(line);
        out.push_back(std::move(s));
    }
    return out;
}

double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

using DecodeFn = std::function<std::set<std::string>(const GrayImage&)>;

struct Tally {
    std::string name;
    int right = 0;
    int frames = 0;
    std::map<std::string, std::pair<int, int>> byCategory; // right, frames
    std::vector<double> wall, cpu, wallEmpty, cpuEmpty;
    int falsePositives = 0; // texts reported that the frame does not hold
};

// Decodes every frame `reps` times; a frame counts as right when the set of texts is exactly
// the expected one (so a missed second code or an invented one is wrong).
Tally run(const std::string& name, const DecodeFn& fn, const std::vector<Sample>& samples, int reps, bool detail) {
    Tally t;
    t.name = name;
    for (const auto& s : samples) {
        std::set<std::string> got;
        for (int r = 0; r < reps; ++r) {
            const auto w0 = std::chrono::steady_clock::now();
            const double c0 = cpuMs();
            got = fn(s.image);
            const double c = cpuMs() - c0, w = kiosk::bench::msSince(w0);
            t.wall.push_back(w);
            t.cpu.push_back(c);
            if (s.expected.empty()) t.wallEmpty.push_back(w), t.cpuEmpty.push_back(c);
        }
        const bool right = got == s.expected;
        for (const auto& g : got) t.falsePositives += s.expected.count(g) == 0;
        t.right += right;
        ++t.frames;
        auto& cat = t.byCategory[s.category];
        cat.first += right;
        ++cat.second;
        if (detail) std::fprintf(stderr, "  %-8s %-24s %s\n", name.c_str(), s.name.c_str(), right ? "ok" : "MISS");
    }
    return t;
}

std::set<std::string> zxingDefault(const GrayImage& img, const ZXing::DecodeHints& hints) {
    std::set<std::string> out;
    const ZXing::ImageView iv(img.pixels.data(), img.width, img.height, ZXing::ImageFormat::Lum, img.stride);
    for (const auto& r : ZXing::ReadBarcodes(iv, hints))
        if (r.isValid()) out.insert(r.text());
    return out;
}

// zbar with QR only enabled (all other symbologies off), Y800 = 8-bit gray.
class Zbar {
public:
    Zbar() : m_scanner(zbar_image_scanner_create()) {
        zbar_image_scanner_set_config(m_scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
        zbar_image_scanner_set_config(m_scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    }
    ~Zbar() { zbar_image_scanner_destroy(m_scanner); }
    Zbar(const Zbar&) = delete;
    Zbar& operator=(const Zbar&) = delete;

    std::set<std::string> decode(const GrayImage& img) {
        std::set<std::string> out;
        zbar_image_t* zi = zbar_image_create();
        zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
        zbar_image_set_size(zi, static_cast<unsigned>(img.width), static_cast<unsigned>(img.height));
        zbar_image_set_data(zi, img.pixels.data(), img.pixels.size(), nullptr);
        if (zbar_scan_image(m_scanner, zi) > 0)
            for (const zbar_symbol_t* s = zbar_image_first_symbol(zi); s; s = zbar_symbol_next(s))
                out.insert(zbar_symbol_get_data(s));
        zbar_image_destroy(zi);
        return out;
    }

private:
    zbar_image_scanner_t* m_scanner;
};

std::string rate(const Tally& t) {
    return std::to_string(t.right) + "/" + std::to_string(t.frames) +
           fmt(" (%.0f%%)", 100.0 * t.right / std::max(1, t.frames));
}

std::string times(std::vector<double> v) {
    if (v.empty()) return "-";
    const double med = quantile(v, 0.5), p99 = quantile(v, 0.99);
    return fmt("%.1f", med) + " / " + fmt("%.1f", p99);
}

void benchDecode(kiosk::bench::Report& rep) {
    const char* env = std::getenv("KIOSK_DECODE_SAMPLES");
    const std::string dir = env && *env ? env : KIOSK_SAMPLES_DIR "/decode";
    const bool detail = std::getenv("KIOSK_BENCH_DETAIL") != nullptr;
    const auto samples = loadSamples(dir);
    if (samples.empty()) {
        rep.add({"decode", "samples", "none found in " + dir, "", ""});
        return;
    }
    const char* repsEnv = std::getenv("KIOSK_BENCH_REPS");
    const int reps = repsEnv ? std::max(1, std::atoi(repsEnv)) : 5;
    const kiosk::scan::Decoder ours;
    const auto allFormats = ZXing::DecodeHints();
    const auto qrOnly = ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode);
    Zbar zbar;

    std::vector<Tally> tallies;
    tallies.push_back(run(
        "kiosk",
        [&](const GrayImage& g) {
            std::set<std::string> out;
            const auto res = ours.decode(g.view());
            for (const auto& c : res.codes) {
                out.insert(c.text);
                if (detail) std::fprintf(stderr, "  kiosk    found by %s\n", kiosk::scan::stageName(c.stage));
            }
            if (detail) std::fprintf(stderr, "  kiosk    %.1f ms, %d regions\n", res.ms, res.regionsTried);
            return out;
        },
        samples, reps, detail));
    tallies.push_back(run("zxing", [&](const GrayImage& g) { return zxingDefault(g, allFormats); }, samples, reps, detail));
    tallies.push_back(run("zxing-qr", [&](const GrayImage& g) { return zxingDefault(g, qrOnly); }, samples, reps, detail));
    tallies.push_back(run("zbar", [&](const GrayImage& g) { return zbar.decode(g); }, samples, reps, detail));

    const std::string note = std::to_string(samples.size()) + " frames x" + std::to_string(reps) + ", " + dir;
    const Tally& k = tallies[0];
    for (size_t i = 1; i < tallies.size(); ++i) {
        const Tally& p = tallies[i];
        rep.add({"decode", "frames decoded right vs " + p.name, rate(k), rate(p), i == 1 ? note : ""});
    }
    for (size_t i = 1; i < tallies.size(); ++i) {
        const Tally& p = tallies[i];
        rep.add({"decode", "CPU ms median / p99, all frames vs " + p.name, times(k.cpu), times(p.cpu), ""});
    }
    for (size_t i = 1; i < tallies.size(); ++i) {
        const Tally& p = tallies[i];
        rep.add({"decode", "wall ms median / p99, all frames vs " + p.name, times(k.wall), times(p.wall),
                 i == 1 ? "wall time includes other load on the machine" : ""});
    }
    for (size_t i = 1; i < tallies.size(); ++i) {
        const Tally& p = tallies[i];
        rep.add({"decode", "CPU ms median / p99, frames without a code vs " + p.name, times(k.cpuEmpty),
                 times(p.cpuEmpty), ""});
    }
    for (const auto& [cat, kr] : k.byCategory) {
        std::string peers;
        for (size_t i = 1; i < tallies.size(); ++i) {
            const auto& pr = tallies[i].byCategory.at(cat);
            peers += (i > 1 ? " · " : "") + tallies[i].name + " " + std::to_string(pr.first) + "/" + std::to_string(pr.second);
        }
        rep.add({"decode", "category " + cat, std::to_string(kr.first) + "/" + std::to_string(kr.second), peers, ""});
    }
    std::string fps;
    for (size_t i = 1; i < tallies.size(); ++i) fps += (i > 1 ? " · " : "") + tallies[i].name + " " + std::to_string(tallies[i].falsePositives);
    rep.add({"decode", "texts reported that the frame does not hold", std::to_string(k.falsePositives), fps, ""});
}

const kiosk::bench::Register reg("decode", benchDecode);

} // namespace
