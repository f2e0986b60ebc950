// libFuzzer target: the program CSV import (console and `kiosk program import`) into a real,
// migrated database. Nothing changes when any row is bad; what imports reads back as it was told.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/session.hpp"

namespace fs = std::filesystem;

namespace {
struct Files {
    fs::path dir = fs::temp_directory_path() / ("kiosk-fuzz-program-" + std::to_string(getpid()));
    std::unique_ptr<kiosk::store::Database> db;
    Files() {
        fs::remove_all(dir);
        fs::create_directories(dir);
        db = kiosk::services::Session::create((dir / "event.db").string());
    }
    ~Files() {
        db.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

std::int64_t programRows(kiosk::store::Database& db) {
    auto st = db.prepare("SELECT count(*) FROM program_items");
    return st.step() ? st.getInt(0) : -1;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Files files;
    const auto path = (files.dir / "program.csv").string();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const std::int64_t before = programRows(*files.db);
    const auto r = kiosk::services::importProgramCsv(*files.db, path, 1692316800000);
    const std::int64_t after = programRows(*files.db);
    if (!r.ok && (r.errors.empty() || after != before))
        __builtin_trap(); // all or nothing, and says why
    if (r.ok && after != r.items) __builtin_trap();
    return 0;
}
