#pragma once
// Shared test fixtures: a temporary folder, and an event database made from the default pack.
#include <array>
#include <cstdio>
#include <filesystem>
#include <sys/wait.h>
#include <random>
#include <string>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::test {

/// A fresh folder under /tmp, removed with everything in it at scope exit.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / ("kiosk-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline std::string defaultPack() { return std::string(KIOSK_SOURCE_DIR) + "/data/ngay-hoi-antq-2023"; }

/// A copy of the default pack in DIR/pack, for a test that changes one of its files.
inline std::string copyDefaultPack(const TempDir& dir) {
    std::filesystem::copy(defaultPack(), dir.path() / "pack", std::filesystem::copy_options::recursive);
    return dir.file("pack");
}

/// `kiosk init` of a pack into a database (replacing it), as the command does.
inline services::InitResult initPack(const std::string& packDir, const std::string& dbPath) {
    services::InitOptions o;
    o.packDir = packDir;
    o.dbPath = dbPath;
    o.force = true;
    o.pin = "2468";
    return services::initEvent(o);
}

/// Creates the default event (on its pack date, 2023-08-04) at path; fails the test if it cannot.
inline void makeEventDb(const std::string& path, bool wholeDay = false) {
    services::InitOptions o;
    o.packDir = defaultPack();
    o.dbPath = path;
    o.force = true;
    o.wholeDayWindows = wholeDay;
    o.pin = "2468";
    const auto r = services::initEvent(o);
    if (!r.ok) {
        std::string all;
        for (const auto& p : r.problems) all += p + "\n";
        throw std::runtime_error("initEvent failed:\n" + all);
    }
}

/// Local time on the event day (UTC+7) as Millis.
inline core::Millis at(const std::string& hhmmss) {
    return *core::parseIso8601("2023-08-04T" + hhmmss + "+07:00", 420);
}

/// What a run of the real binary printed (stdout and stderr together) and its exit code.
struct Run {
    int code = -1;
    std::string out;
};

/// Runs `kiosk ARGS` (the binary under test).
inline Run runKiosk(const std::string& args) {
    const std::string cmd = std::string(KIOSK_BIN) + " " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace kiosk::test
