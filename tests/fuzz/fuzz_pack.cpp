// libFuzzer target: the event pack loader (`kiosk init`). The default pack is copied to a temp
// folder once; each input replaces one of its files (the first byte picks which: TOML or CSV) and
// the whole pack is loaded into a fresh database. A bad file must come back as problems, never as
// a crash, and a pack that loads must leave a sound database.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/services/event_pack.hpp"
#include "kiosk/store/db.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {
const char* const kFiles[] = {
    "event.toml",    "categories.csv",   "delegates.csv", "program.csv", "ceremony.toml",
    "contests.toml", "teams.csv",        "questions.csv", "judges.csv",  "performances.csv",
    "awards.csv",    "certificate.toml", "report.toml"};
constexpr size_t kFileCount = sizeof(kFiles) / sizeof(kFiles[0]);

struct Pack {
    fs::path dir = fs::temp_directory_path() / ("kiosk-fuzz-pack-" + std::to_string(getpid()));
    Pack() {
        fs::remove_all(dir);
        fs::create_directories(dir / "pack");
        fs::copy(fs::path(KIOSK_SOURCE_DIR) / "data" / "ngay-hoi-antq-2023", dir / "original",
                 fs::copy_options::recursive);
    }
    ~Pack() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Pack pack;
    kiosk::fuzz::Bytes in(data, size);
    const char* replaced = kFiles[in.byte() % kFileCount];
    fs::remove_all(pack.dir / "pack");
    fs::copy(pack.dir / "original", pack.dir / "pack", fs::copy_options::recursive);
    {
        std::ofstream out(pack.dir / "pack" / replaced, std::ios::binary | std::ios::trunc);
        const std::string bytes = in.rest();
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    kiosk::services::InitOptions o;
    o.packDir = (pack.dir / "pack").string();
    o.dbPath = (pack.dir / "event.db").string();
    o.force = true;
    o.pin = "2468";
    const auto r = kiosk::services::initEvent(o);
    if (!r.ok && r.problems.empty()) __builtin_trap(); // a refusal always says why
    if (r.ok) {
        auto db = kiosk::store::Database::open(o.dbPath);
        if (db->integrityCheck() != "ok") __builtin_trap();
    }
    return 0;
}
