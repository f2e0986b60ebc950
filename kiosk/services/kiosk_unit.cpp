#include "kiosk/services/kiosk_unit.hpp"

#include "kiosk/core/text.hpp"

namespace kiosk::services {

namespace {

// systemd's EnvironmentFile: a double-quoted value takes backslash escapes for '"' and '\', and
// expands nothing ('$' is plain), so quoting those two is enough once control characters are out.
std::optional<std::string> quoted(const std::string& value) {
    if (!core::isValidUtf8(value)) return std::nullopt;
    std::string out = "\"";
    for (const char c : value) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

} // namespace

std::optional<std::string> unitInstanceName(const std::string& kioskName) {
    std::string out;
    for (const char c : core::fold(kioskName)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 32) break; // a unit name stays readable in `systemctl status`
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.empty()) return std::nullopt;
    return out;
}

std::optional<std::string> unitEnvironmentFile(const KioskUnitSettings& s) {
    const auto name = quoted(s.kiosk);
    const auto list = quoted(s.list);
    const auto db = quoted(s.dbPath);
    if (!name || !list || !db) return std::nullopt;
    std::string text =
        "# kiosk@ settings, written by `kiosk setup-kiosk`: run it again to change them.\n";
    text += "KIOSK_ROLE=" + s.role + "\n";
    text += "KIOSK_NAME=" + *name + "\n";
    text += "KIOSK_DISPLAY=" + std::to_string(s.display) + "\n";
    if (!s.list.empty()) text += "KIOSK_LIST=" + *list + "\n";
    text += "KIOSK_SESSION=" + s.session + "\n";
    text += "KIOSK_DB=" + *db + "\n";
    return text;
}

std::string describeServiceStop(const std::string& instance, const std::string& result,
                                const std::string& exitCode, const std::string& exitStatus) {
    std::string line = "kiosk@" + instance + ": " + (result.empty() ? "stopped" : result);
    if (!exitCode.empty())
        line += " (" + exitCode + (exitStatus.empty() ? "" : " " + exitStatus) + ")";
    return line;
}

} // namespace kiosk::services
