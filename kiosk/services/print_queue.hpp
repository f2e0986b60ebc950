#pragma once
// Sending a finished PDF to the system's default printer through CUPS' command-line tools.
#include <string>

namespace kiosk::services {

/// True when `lp` is on PATH and CUPS has a default destination (`lpstat -d` succeeds).
bool printerConfigured();

/// Queues path on the default printer with `lp`; an empty string on success, else what failed.
std::string printPdf(const std::string& path);

} // namespace kiosk::services
