#pragma once
// A real event database from the default pack in a temporary folder, removed afterwards.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "kiosk/services/event_pack.hpp"

namespace kiosk::test {

struct TempEvent {
    std::filesystem::path dir;
    std::string db;
    explicit TempEvent(const std::string& name)
        : dir(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))),
          db((dir / "event.db").string()) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        services::InitOptions o;
        o.packDir = std::string(KIOSK_SOURCE_DIR) + "/data/ngay-hoi-antq-2023";
        o.dbPath = db;
        o.date = "2023-08-18";
        REQUIRE(services::initEvent(o).ok);
    }
    ~TempEvent() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

} // namespace kiosk::test
