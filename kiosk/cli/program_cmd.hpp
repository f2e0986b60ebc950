#pragma once
// `kiosk program show|start|next|prev|pause|resume|skip|restore|undo|message|blackout|countdown|
// award|export|import|timeline`: the ceremony's run of show from the command line.
#include <CLI/CLI.hpp>
#include <string>

namespace kiosk::cli {

/// Adds the `program` subcommand; dbPath is read when it runs, exitCode is set by it.
void addProgramCommand(CLI::App& app, const std::string& dbPath, int& exitCode);

} // namespace kiosk::cli
