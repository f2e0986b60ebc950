// The installed kiosk's pure parts: where it writes (XDG, the service's state directory), the unit
// instance name and EnvironmentFile that `kiosk setup-kiosk` writes from hostile names, and the
// audit line of a service stop.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

#include "kiosk/core/paths.hpp"
#include "kiosk/services/kiosk_unit.hpp"

using namespace kiosk;

namespace {

// Sets an environment variable for one scope and restores it after.
struct ScopedEnv {
    std::string name;
    std::optional<std::string> old;
    ScopedEnv(const char* n, const char* value) : name(n) {
        if (const char* v = std::getenv(n)) old = v;
        if (value)
            setenv(n, value, 1);
        else
            unsetenv(n);
    }
    ~ScopedEnv() {
        if (old)
            setenv(name.c_str(), old->c_str(), 1);
        else
            unsetenv(name.c_str());
    }
};

} // namespace

TEST_CASE("install: data goes to the service's state dir, else XDG_DATA_HOME, else ~/.local/share",
          "[install]") {
    ScopedEnv home("HOME", "/home/an");
    {
        ScopedEnv state("STATE_DIRECTORY", "/var/lib/kiosk:/var/lib/other");
        ScopedEnv xdg("XDG_DATA_HOME", "/x");
        CHECK(core::writableDir() == "/var/lib/kiosk");
    }
    ScopedEnv state("STATE_DIRECTORY", nullptr);
    {
        ScopedEnv xdg("XDG_DATA_HOME", "/x/data");
        CHECK(core::writableDir() == "/x/data/kiosk");
    }
    {
        ScopedEnv xdg("XDG_DATA_HOME", "relative/is/invalid");
        CHECK(core::writableDir() == "/home/an/.local/share/kiosk");
    }
    ScopedEnv xdg("XDG_DATA_HOME", nullptr);
    CHECK(core::writableDir() == "/home/an/.local/share/kiosk");
}

TEST_CASE("install: a build-tree program is not taken for an installed one", "[install]") {
    // unit_tests lives in build/tests/, not in a bin/ beside share/kiosk.
    CHECK_FALSE(core::installedShareDir());
}

TEST_CASE("install: unit instance names fold diacritics and keep only what systemd accepts",
          "[install]") {
    CHECK(services::unitInstanceName("Cổng 2") == "cong-2");
    CHECK(services::unitInstanceName("  Sân khấu / Hội trường A ") == "san-khau-hoi-truong-a");
    CHECK(services::unitInstanceName("Đón tiếp") == "don-tiep");
    CHECK(services::unitInstanceName("gate1; rm -rf /") == "gate1-rm-rf");
    CHECK_FALSE(services::unitInstanceName("!!! ---"));
    CHECK_FALSE(services::unitInstanceName(""));
    CHECK(services::unitInstanceName(std::string(20000, 'a'))->size() == 32);
}

TEST_CASE("install: the EnvironmentFile quotes names and refuses what it cannot write safely",
          "[install]") {
    services::KioskUnitSettings s;
    s.role = "stage";
    s.kiosk = R"(Cổng "Chính" \ $HOME)";
    s.display = 1;
    const auto text = services::unitEnvironmentFile(s);
    REQUIRE(text);
    CHECK(text->find("KIOSK_ROLE=stage\n") != std::string::npos);
    CHECK(text->find(R"(KIOSK_NAME="Cổng \"Chính\" \\ $HOME")") != std::string::npos);
    CHECK(text->find("KIOSK_DISPLAY=1\n") != std::string::npos);
    CHECK(text->find("KIOSK_LIST") == std::string::npos);
    s.kiosk = "gate\nKIOSK_ROLE=organizer";
    CHECK_FALSE(services::unitEnvironmentFile(s));
    s.kiosk = std::string("gate\xff", 5);
    CHECK_FALSE(services::unitEnvironmentFile(s));
}

TEST_CASE("install: a service stop is one audit line with systemd's reason", "[install]") {
    CHECK(services::describeServiceStop("gate1", "watchdog", "killed", "ABRT") ==
          "kiosk@gate1: watchdog (killed ABRT)");
    CHECK(services::describeServiceStop("stage", "exit-code", "exited", "2") ==
          "kiosk@stage: exit-code (exited 2)");
    CHECK(services::describeServiceStop("stage", "", "", "") == "kiosk@stage: stopped");
}
