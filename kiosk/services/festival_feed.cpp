#include "kiosk/services/festival_feed.hpp"

#include "kiosk/core/i18n.hpp"
#include "kiosk/store/festival_repo.hpp"

namespace kiosk::services {

FestivalFeed::FestivalFeed(std::string path) : m_path(std::move(path)) {}

FestivalFeed::FestivalFeed(store::Database& lent) : m_lent(&lent) {}

FestivalFeed::~FestivalFeed() = default;

bool FestivalFeed::open() {
    if (m_lent || m_db) return true;
    if (m_path.empty()) {
        m_error = core::tr("festival.gui.no_database");
        return false;
    }
    try {
        m_db = store::Database::open(m_path);
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = core::trf("festival.gui.db_error", {{"detail", e.what()}});
    }
    return m_db != nullptr;
}

std::int64_t FestivalFeed::dataVersion() {
    if (!open()) return -1;
    try {
        return db().dataVersion();
    } catch (const std::exception&) {
        return -1;
    }
}

std::string firstContestOf(store::Database& db, core::ContestKind kind) {
    for (const auto& c : store::loadContests(db))
        if (c.kind == kind) return c.id;
    return "";
}

std::unique_ptr<QuizHost> FestivalFeed::quizHost(const std::string& actor) {
    return std::make_unique<QuizHost>(db(), firstContestOf(db(), core::ContestKind::Quiz), actor);
}

std::unique_ptr<JudgePanel> FestivalFeed::judgePanel() {
    return std::make_unique<JudgePanel>(db(), firstContestOf(db(), core::ContestKind::Judged));
}

StageFestivalShown FestivalFeed::stageShown() {
    StageFestivalShown s;
    s.mode = loadStageFestival(db());
    if (s.mode.mode == StageFestivalMode::Question || s.mode.mode == StageFestivalMode::Leaderboard)
        s.quiz = loadQuizSnapshot(db(), s.mode.contestId);
    else if (s.mode.mode == StageFestivalMode::Results)
        s.results = contestResults(db(), s.mode.contestId);
    return s;
}

} // namespace kiosk::services
