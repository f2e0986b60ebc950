#pragma once
// The festival screens' own connection to the event database (the Snapshot has no festival data):
// opened lazily on the snapshot's file, and a way to know when any process committed since the
// last frame, so the services' snapshots are re-read only then.
#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/store/db.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

class FestivalLink {
public:
    /// The database, or nullptr (with error() set) when it cannot be opened.
    store::Database* db(const ViewContext& ctx);
    /// True once per change of the snapshot's version (and on the first call).
    bool changed(const ViewContext& ctx);
    const std::string& error() const { return m_error; }
    /// Uses an open database instead of the snapshot's file (headless tests).
    void attach(store::Database* db) { m_external = db; }

private:
    std::unique_ptr<store::Database> m_db;
    store::Database* m_external = nullptr;
    std::string m_path;
    std::string m_error;
    std::int64_t m_version = -1;
    std::int64_t m_dataVersion = -1;
};

/// Draws a localized error line (database missing, locked...).
void festivalError(ViewContext& ctx, const std::string& message);

} // namespace kiosk::ui
