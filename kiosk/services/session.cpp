#include "kiosk/services/session.hpp"

#include "kiosk/core/i18n.hpp"

#include <cstdlib>
#include <filesystem>

#include "kiosk/core/paths.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/schema.hpp"

namespace kiosk::services {

std::string defaultDbPath() {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in kiosk calls setenv
    if (const char* env = std::getenv("KIOSK_DB"); env && *env) return env;
    return core::writableDir() + "/event.db";
}

std::string outputDirFor(const std::string& dbPath) {
    const auto parent = std::filesystem::path(dbPath).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

std::unique_ptr<store::Database> Session::create(const std::string& path) {
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    auto db = store::Database::open(path, true);
    store::migrate(*db);
    return db;
}

std::unique_ptr<Session> Session::open(const std::string& path) {
    if (!std::filesystem::exists(path)) throw store::DbError(14, core::trf("cli.no_database", {{"path", path}}));
    auto db = store::Database::open(path, false);
    store::migrate(*db);
    std::unique_ptr<Session> s(new Session(std::move(db)));
    s->reload();
    return s;
}

void Session::reload() {
    m_event = store::loadEvent(*m_db);
    m_categories = store::loadCategories(*m_db);
    m_lists = store::loadLists(*m_db);
    const auto hex = store::getSetting(*m_db, "badge_key");
    if (!hex || !core::keyFromHex(*hex, m_key)) throw store::DbError(1, "the event database has no badge key");
    m_dataVersion = m_db->dataVersion();
}

bool Session::refresh() {
    const auto v = m_db->dataVersion();
    if (v == m_dataVersion) return false;
    reload();
    return true;
}

const core::CheckinList* Session::list(const std::string& id) const {
    for (const auto& l : m_lists)
        if (l.id == id) return &l;
    return nullptr;
}

const core::Category* Session::category(const std::string& id) const {
    for (const auto& c : m_categories)
        if (c.id == id) return &c;
    return nullptr;
}

} // namespace kiosk::services
