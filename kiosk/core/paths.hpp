#pragma once
// Where the program reads its assets and writes its data, installed or run from the build tree.
#include <optional>
#include <string>

namespace kiosk::core {

/// <prefix>/share/kiosk when the running executable sits in <prefix>/bin and that folder exists
/// (an installed kiosk), found through /proc/self/exe so the current directory never matters.
std::optional<std::string> installedShareDir();

/// The folder the program writes to when told nothing else: $STATE_DIRECTORY (the service's
/// /var/lib/kiosk, set by systemd), else $XDG_DATA_HOME/kiosk, else ~/.local/share/kiosk.
std::string writableDir();

} // namespace kiosk::core
