#pragma once
// The settings of one kiosk screen started by systemd (kiosk@<instance>.service): the
// EnvironmentFile /etc/kiosk/<instance>.conf that `kiosk setup-kiosk` writes, and the record of
// each stop the unit's ExecStopPost makes.
#include <optional>
#include <string>

namespace kiosk::services {

/// What `kiosk setup-kiosk` asks for.
struct KioskUnitSettings {
    std::string role = "checkin";
    std::string kiosk;            ///< the kiosk's name, recorded with each check-in ("Cổng 2")
    int display = 0;              ///< which screen, for PCs with several
    std::string list;             ///< check-in list at start ("" = the first)
    std::string session = "cage"; ///< cage, x or xinit (see packaging/kiosk-session)
    std::string dbPath = "/var/lib/kiosk/event.db";
};

/// The unit instance for a kiosk name: folded to ASCII letters, digits and '-' ("Cổng 2" ->
/// "cong-2"); nullopt when nothing usable is left.
std::optional<std::string> unitInstanceName(const std::string& kioskName);

/// The EnvironmentFile text, or nullopt when a value cannot be written safely (a control
/// character or invalid UTF-8 in the name).
std::optional<std::string> unitEnvironmentFile(const KioskUnitSettings& settings);

/// One line for the audit log from the variables systemd gives ExecStopPost
/// ($SERVICE_RESULT, $EXIT_CODE, $EXIT_STATUS), e.g. "kiosk@gate1: watchdog (killed ABRT)".
std::string describeServiceStop(const std::string& instance, const std::string& result,
                                const std::string& exitCode, const std::string& exitStatus);

} // namespace kiosk::services
