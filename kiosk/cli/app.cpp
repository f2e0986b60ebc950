#include "kiosk/cli/app.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "kiosk/cli/program_cmd.hpp"

namespace kiosk::cli {

int run(int argc, char** argv) {
    CLI::App app{"kiosk"};
    const char* envDb = std::getenv("KIOSK_DB");
    std::string dbPath = envDb && *envDb ? envDb : "var/event.db";
    app.add_option("--db", dbPath, "event database");
    int exitCode = 0;
    addProgramCommand(app, dbPath, exitCode);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    return exitCode;
}

} // namespace kiosk::cli
