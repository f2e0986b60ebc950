#pragma once
// Event packs: the folder of TOML and CSV files an organizer edits (data/<event>/), loaded
// into a new event database by `kiosk init`.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/model.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// What `kiosk init` is asked to do.
struct InitOptions {
    std::string packDir;
    std::string dbPath;
    bool force = false;               ///< replace an existing database
    std::optional<std::string> date;  ///< "YYYY-MM-DD" overriding the pack's date
    bool wholeDayWindows = false;     ///< open every list all day (demo on any day and hour)
    std::string pin;                  ///< organizer PIN; empty keeps the pack's default
};

struct InitResult {
    bool ok = false;
    std::vector<std::string> problems; ///< localized
    int delegates = 0;
    std::string pinUsed;               ///< shown once so the organizer knows it
};

/// Reads event.toml (event, banner, slogans, lists) from a pack folder.
bool loadEventToml(const std::string& path, core::Event& event, std::vector<core::CheckinList>& lists,
                   std::string& defaultPin, std::vector<std::string>& problems);

/// Reads categories.csv.
bool loadCategoriesCsv(const std::string& path, std::vector<core::Category>& out, std::vector<std::string>& problems);

/// Loads one feature's part of a pack (program, contests...) into a database being initialised;
/// problems are appended, localized.
using PackLoader = void (*)(store::Database& db, const std::string& packDir, std::vector<std::string>& problems);
/// Every feature's loader, in order (one line per feature in event_pack.cpp).
std::vector<PackLoader> packLoaders();

/// Creates the database from the pack, all or nothing.
InitResult initEvent(const InitOptions& options);

/// Hashes a PIN for storage (libsodium crypto_pwhash_str) and checks one.
std::string hashPin(const std::string& pin);
bool checkPin(const std::string& hash, const std::string& pin);

} // namespace kiosk::services
