#include "kiosk/core/paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace kiosk::core {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

} // namespace

std::optional<std::string> installedShareDir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.parent_path().filename() != "bin") return std::nullopt;
    const fs::path share = exe.parent_path().parent_path() / "share" / "kiosk";
    if (!fs::is_directory(share, ec)) return std::nullopt;
    return share.string();
}

std::string writableDir() {
    // systemd may list several state directories separated by ':'; the unit asks for one.
    if (std::string state = env("STATE_DIRECTORY"); !state.empty())
        return state.substr(0, state.find(':'));
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty() && xdg.front() == '/')
        return xdg + "/kiosk";
    if (std::string home = env("HOME"); !home.empty()) return home + "/.local/share/kiosk";
    return "/tmp/kiosk-" + env("USER");
}

} // namespace kiosk::core
