#pragma once
// The ceremony screens' (MC, stage, the console's program tab) connection to the event database
// and the program runner on it. Each screen has its own feed, so its runner notices the others'
// commits through PRAGMA data_version as another process's would.
#include <memory>
#include <optional>
#include <string>

#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/program_runner.hpp"

namespace kiosk::services {

/// What the stage shows as stored (the message, blackout...), named here for the screens.
using StageState = store::StageState;

class CeremonyFeed {
  public:
    /// Nothing is opened until runner() is first asked for.
    CeremonyFeed(std::string path, std::string kiosk);
    ~CeremonyFeed();
    CeremonyFeed(const CeremonyFeed&) = delete;
    CeremonyFeed& operator=(const CeremonyFeed&) = delete;

    /// The runner, opening (and migrating) the database on first use. Throws DbError when it
    /// cannot; nothing is kept then, so the next call tries again.
    ProgramRunner& runner();
    /// The runner when the database is open, else nullptr.
    ProgramRunner* opened() { return m_runner ? &*m_runner : nullptr; }

    /// The program as CSV (docs/CLI.md's columns); false with error set when it cannot be written.
    bool exportProgramCsv(const std::string& path, std::string& error);
    /// Replaces the program from a CSV; nothing changes when it has errors.
    CeremonyFileReport importProgramCsv(const std::string& path, core::Millis now);

  private:
    std::string m_path;
    std::string m_kiosk;
    std::unique_ptr<store::Database> m_db;
    std::optional<ProgramRunner> m_runner;
};

} // namespace kiosk::services
