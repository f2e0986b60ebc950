#pragma once
// An open event database with the event's settings loaded: the handle every service works on.
// Other processes' commits are picked up by refresh(), which polls PRAGMA data_version.
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/badge.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// The default database path: $KIOSK_DB, else event.db in core::writableDir() (never the current directory).
std::string defaultDbPath();
/// The folder beside a database where its papers (exports, unprinted badges) go.
std::string outputDirFor(const std::string& dbPath);

class Session {
public:
    /// Opens an initialised event database (migrating it to the current schema). Throws
    /// store::DbError when the file is missing, unreadable or holds no event.
    static std::unique_ptr<Session> open(const std::string& path);
    /// Creates the file if needed and migrates; no event loaded (for `kiosk init`).
    static std::unique_ptr<store::Database> create(const std::string& path);

    store::Database& db() { return *m_db; }
    const core::Event& event() const { return m_event; }
    const std::vector<core::Category>& categories() const { return m_categories; }
    const std::vector<core::CheckinList>& lists() const { return m_lists; }
    const core::CheckinList* list(const std::string& id) const;
    const core::Category* category(const std::string& id) const;
    const core::BadgeKey& badgeKey() const { return m_key; }

    /// Reloads the settings when another connection committed; true when data changed at all.
    bool refresh();
    /// Reloads the settings unconditionally (after this process changed them).
    void reload();

private:
    explicit Session(std::unique_ptr<store::Database> db) : m_db(std::move(db)) {}
    std::unique_ptr<store::Database> m_db;
    core::Event m_event;
    std::vector<core::Category> m_categories;
    std::vector<core::CheckinList> m_lists;
    core::BadgeKey m_key{};
    std::int64_t m_dataVersion = -1;
};

} // namespace kiosk::services
