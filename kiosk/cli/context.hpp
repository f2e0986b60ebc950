#pragma once
// What every subcommand shares: the global options, the open session, output and exit codes.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "kiosk/services/session.hpp"

namespace kiosk::cli {

enum ExitCode { kExitOk = 0, kExitRefused = 1, kExitError = 2 };

struct Context {
    std::string dbPath;
    std::string lang = "vi";
    bool json = false;
    int exitCode = kExitOk;

    /// Opens the event database once per command; throws store::DbError.
    services::Session& session();
    /// Prints a line to stdout (a JSON document when --json).
    void out(const std::string& text) const;
    /// Prints a line to stderr.
    void err(const std::string& text) const;

private:
    std::unique_ptr<services::Session> m_session;
};

/// Each file in kiosk/cli adds its subcommands; the callbacks set ctx.exitCode.
void addInitCommands(CLI::App& app, Context& ctx);
void addDelegateCommands(CLI::App& app, Context& ctx);
void addCheckinCommands(CLI::App& app, Context& ctx);
void addBadgeCommands(CLI::App& app, Context& ctx);
void addDatabaseCommands(CLI::App& app, Context& ctx);
void addDecodeCommands(CLI::App& app, Context& ctx); ///< decode_cmd.cpp
void addPaperCommands(CLI::App& app, Context& ctx);
void addProgramCommands(CLI::App& app, Context& ctx); ///< program_cmd.cpp: the ceremony
void addFestivalCommands(CLI::App& app, Context& ctx); ///< festival_cmd.cpp
void addGuiCommands(CLI::App& app, Context& ctx);
void addDepartmentCommands(CLI::App& app, Context& ctx); ///< department_cmd.cpp: units, publish, consolidated report
void addHubCommands(CLI::App& app, Context& ctx); ///< hub_cmd.cpp: several machines, one event ///< `kiosk gui` (a no-op in builds without the GUI)

} // namespace kiosk::cli
