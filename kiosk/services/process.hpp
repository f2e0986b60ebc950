#pragma once
// Running a helper program (lp, systemctl) without a shell, so no argument is ever interpreted.
#include <string>
#include <vector>

namespace kiosk::services {

/// Runs args[0] found on PATH and waits; its exit status, or -1 when it could not be started or
/// was killed. quiet: standard input, output and error go to /dev/null.
int runProgram(std::vector<std::string> args, bool quiet = true);

/// True when name is an executable file in a folder of $PATH.
bool onPath(const std::string& name);

} // namespace kiosk::services
