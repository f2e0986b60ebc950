#pragma once
// The festival's part of an event pack: contests.toml, teams.csv, questions.csv,
// performances.csv, judges.csv (formats in docs/PACK.md, "Festival").
#include <string>
#include <vector>

#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// Loads the festival files of packDir into a database being initialised (a PackLoader);
/// judges' PINs are stored hashed. A pack without contests.toml has no festival: nothing happens.
void loadFestivalPack(store::Database& db, const std::string& packDir, std::vector<std::string>& problems);

} // namespace kiosk::services
