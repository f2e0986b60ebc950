// kiosk_qr_png TEXT FILE [MODULE_PX] [QUIET_MODULES]: writes one badge QR as a gray PNG and
// prints its version, so scripts/make-samples needs neither a database nor the CLI.
#include <cstdio>
#include <cstdlib>

#include "kiosk/scan/qr_writer.hpp"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: kiosk_qr_png TEXT FILE [MODULE_PX] [QUIET_MODULES]\n");
        return 2;
    }
    kiosk::scan::QrStyle style;
    if (argc > 3) style.moduleSize = std::atoi(argv[3]);
    if (argc > 4) style.quietZone = std::atoi(argv[4]);
    auto qr = kiosk::scan::renderQr(argv[1], style);
    if (!qr) {
        std::fprintf(stderr, "kiosk_qr_png: %s: %s\n", kiosk::scan::errorName(qr.error().code),
                     qr.error().detail.c_str());
        return 1;
    }
    if (auto s = kiosk::scan::writePng(qr->image, argv[2]); !s) {
        std::fprintf(stderr, "kiosk_qr_png: cannot write %s\n", s.error.detail.c_str());
        return 1;
    }
    std::printf("version %d, %d modules, %d px\n", qr->version, qr->modules, qr->image.width);
    return 0;
}
