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

    /// Opens the event database once per command; throws services::DbError.
    services::Session& session();
    /// Prints a line to stdout (a JSON document when --json).
    void out(const std::string& text) const;
    /// Prints a line to stderr; with --json the lines are kept for the JSON error instead.
    void err(const std::string& text) const;
    /// Ends the command with an error: sets the exit code and prints the message (with --json,
    /// {"error": name, "message": ...} on stdout when the command printed nothing else).
    void fail(int code, const std::string& name, const std::string& message);
    /// With --json, prints the error document of a command that failed without printing JSON
    /// (run() calls it once, after the command).
    void finish();

private:
    std::unique_ptr<services::Session> m_session;
    // Output bookkeeping, not state of the command: helpers that print take a const Context.
    mutable bool m_printed = false;
    mutable std::string m_errorText;
    std::string m_errorName;
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
void addGuiCommands(CLI::App& app, Context& ctx); ///< `kiosk gui` (a no-op in builds without the GUI)
void addServiceCommands(CLI::App& app, Context& ctx); ///< service_cmd.cpp: setup-kiosk, service-stopped
void addApologyCommands(CLI::App& delegates, Context& ctx); ///< apology_cmd.cpp: under `kiosk delegates`
void addDepartmentCommands(CLI::App& app, Context& ctx); ///< department_cmd.cpp: units, publish, consolidated report
void addHubCommands(CLI::App& app, Context& ctx); ///< hub_cmd.cpp: several machines, one event

} // namespace kiosk::cli
