#pragma once
// The ceremony's files: the program and awards of an event pack (read at `kiosk init`), the
// program's export/import, and the planned-vs-actual timeline for the report. Formats are in
// docs/PACK.md under "Ceremony".
#include <string>
#include <vector>

#include "kiosk/core/award.hpp"
#include "kiosk/core/run_of_show.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// What reading or importing reported: every problem, each with file, line and column.
struct CeremonyFileReport {
    bool ok = true;
    std::vector<std::string> errors;
    int items = 0;
    int awards = 0;
};

/// Parses a program CSV (header row first); items come back in file order. An item already in
/// `existing` (same id) keeps the fields whose column the file does not have: an absent column
/// changes nothing, a present and empty one clears (or takes the default).
std::vector<core::ProgramItem> parseProgramCsv(const std::string& text, const std::string& fileName,
                                               CeremonyFileReport& report,
                                               const std::vector<core::ProgramItem>& existing = {});
/// Parses an awards CSV; delegate codes are checked against db when it is given.
std::vector<core::Award> parseAwardsCsv(const std::string& text, const std::string& fileName,
                                        CeremonyFileReport& report, store::Database* db);

/// Loads program.csv, awards.csv and ceremony.toml from a pack folder into db, all or nothing;
/// a missing file is skipped (a pack without a ceremony), a bad one refuses the whole load.
/// Called by `kiosk init` after the event and delegates are in.
CeremonyFileReport loadCeremonyPack(store::Database& db, const std::string& packDir, core::Millis now);

/// loadCeremonyPack as one of event_pack's packLoaders() (now = the wall clock).
void loadCeremonyPackPart(store::Database& db, const std::string& packDir, std::vector<std::string>& problems);

/// Writes the program as CSV in the pack's format (UTF-8 with BOM).
bool exportProgramCsv(store::Database& db, const std::string& path, std::string& error);
/// Replaces the program from a CSV in the pack's format; nothing changes when any row is bad.
CeremonyFileReport importProgramCsv(store::Database& db, const std::string& path, core::Millis now);

/// One row of the planned-vs-actual timeline.
struct TimelineRow {
    int order = 0;
    std::string id, title, status;
    bool optional = false;
    bool inPlan = true;
    int plannedMin = 0;
    core::Millis plannedStart = 0, plannedEnd = 0;
    std::optional<core::Millis> actualStart, actualEnd;
    core::Millis elapsed = 0;
};
/// The timeline at `now`, with the show's totals.
struct Timeline {
    std::vector<TimelineRow> rows;
    core::ShowSnapshot show;
    int utcOffsetMin = 420;
};
Timeline buildTimeline(store::Database& db, core::Millis now);
/// CSV (UTF-8 with BOM, local times) for the report.
bool writeTimelineCsv(const Timeline& timeline, const std::string& path, std::string& error);
/// The same as JSON (ISO times, durations in seconds).
std::string timelineJson(const Timeline& timeline);

} // namespace kiosk::services
