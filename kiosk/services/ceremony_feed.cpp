#include "kiosk/services/ceremony_feed.hpp"

#include "kiosk/store/schema.hpp"

namespace kiosk::services {

CeremonyFeed::CeremonyFeed(std::string path, std::string kiosk)
    : m_path(std::move(path)), m_kiosk(std::move(kiosk)) {}

CeremonyFeed::~CeremonyFeed() {
    m_runner.reset(); // it holds a reference to the connection
}

ProgramRunner& CeremonyFeed::runner() {
    if (m_runner) return *m_runner;
    try {
        m_db = store::Database::open(m_path);
        store::migrate(*m_db);
        m_runner.emplace(*m_db, m_kiosk);
    } catch (...) {
        m_runner.reset();
        m_db.reset();
        throw;
    }
    return *m_runner;
}

bool CeremonyFeed::exportProgramCsv(const std::string& path, std::string& error) {
    return services::exportProgramCsv(runner().database(), path, error);
}

CeremonyFileReport CeremonyFeed::importProgramCsv(const std::string& path, core::Millis now) {
    return services::importProgramCsv(runner().database(), path, now);
}

} // namespace kiosk::services
