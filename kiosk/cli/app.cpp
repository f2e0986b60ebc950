#include "kiosk/cli/app.hpp"

#include <CLI/CLI.hpp>

namespace kiosk::cli {

int run(int argc, char** argv) {
    CLI::App app{"kiosk"};
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    return 0;
}

} // namespace kiosk::cli
