// Each machine is told apart in "đã điểm danh … tại …": a default from the host name, and a name
// given in the console's setup tab that the event database keeps for the next start.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>

#include "harness.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/ui/services_backend.hpp"

using kiosk::test::Harness;
using kiosk::ui::ShellKey;
namespace fs = std::filesystem;

TEST_CASE("kiosk name: two machines get two default names, from their host names",
          "[ui][kiosk_name]") {
    CHECK(kiosk::ui::defaultKioskName("cong-bac") != kiosk::ui::defaultKioskName("cong-nam"));
    CHECK(kiosk::ui::defaultKioskName("cong-bac").find("cong-bac") != std::string::npos);
    char host[256] = {};
    REQUIRE(::gethostname(host, sizeof host - 1) == 0);
    Harness h("checkin");
    const std::string name = h.shell.settings().kiosk;
    CHECK(name == kiosk::ui::defaultKioskName());
    CHECK(name.find(std::string(host).substr(0, std::string(host).find('.'))) != std::string::npos);
}

TEST_CASE("kiosk name: the setup tab's name is kept and used at the next start",
          "[ui][kiosk_name]") {
    std::string kept;
    {
        Harness h("checkin");
        h.unlock();
        REQUIRE(h.click("tab_setup"));
        REQUIRE(h.click("kiosk_name"));
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = true;
        io.KeyMap[ImGuiKey_A] = 400 + ImGuiKey_A;
        io.KeysDown[400 + ImGuiKey_A] = true;
        h.frame();
        io.KeysDown[400 + ImGuiKey_A] = false;
        io.KeyCtrl = false;
        h.frame();
        h.type("  Cổng Bắc  ");
        REQUIRE(h.click("tab_dashboard")); // leaving the field keeps what was typed
        CHECK(h.shell.settings().kiosk == "Cổng Bắc");
        kept = h.backend.storedName;
    }
    CHECK(kept == "Cổng Bắc");
    Harness next("checkin");
    next.backend.storedName = kept;
    kiosk::ui::Shell restarted(next.backend, kiosk::test::nullFonts(), "checkin",
                               kiosk::ui::Settings{});
    CHECK(restarted.settings().kiosk == "Cổng Bắc");
}

TEST_CASE("kiosk name: the event database keeps it in its settings", "[ui][kiosk_name]") {
    const fs::path dir = fs::temp_directory_path() / ("kiosk-name-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    kiosk::services::InitOptions o;
    o.packDir = std::string(KIOSK_SOURCE_DIR) + "/data/ngay-hoi-antq-2023";
    o.dbPath = (dir / "event.db").string();
    o.date = "2023-08-18";
    REQUIRE(kiosk::services::initEvent(o).ok);
    {
        kiosk::ui::ServicesBackend b(kiosk::services::Session::open(o.dbPath));
        CHECK(b.kioskName().empty());
        CHECK(b.setKioskName("Cổng Hội trường A").ok);
    }
    kiosk::ui::ServicesBackend again(kiosk::services::Session::open(o.dbPath));
    CHECK(again.kioskName() == "Cổng Hội trường A");
    std::error_code ec;
    fs::remove_all(dir, ec);
}
