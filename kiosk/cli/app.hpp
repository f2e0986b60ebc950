#pragma once
// The command line: `kiosk <command> ...`. Exit codes: 0 accepted/success, 1 refused, 2 usage or infrastructure.

namespace kiosk::cli {

/// Parses argv and runs the command; never throws.
int run(int argc, char** argv);

} // namespace kiosk::cli
