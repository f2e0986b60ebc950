#pragma once
// The festival screens' (quiz host, judge, the stage's festival part) connection to the event
// database: opened lazily on a file, or lent by a test. It finds the contest each screen starts on
// and hands out the services those screens drive, all on this connection.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/judge_panel.hpp"
#include "kiosk/services/quiz_host.hpp"

namespace kiosk::services {

/// What the stage's festival part shows, read in one go.
struct StageFestivalShown {
    StageFestival mode;
    std::optional<QuizSnapshot> quiz;      ///< question or leaderboard
    std::optional<ContestResults> results; ///< a contest's results
};

/// The first contest of a kind in pack order ("" when none): where each festival screen starts.
std::string firstContestOf(store::Database& db, core::ContestKind kind);

class FestivalFeed {
  public:
    /// Opens path on first use; an empty path is a screen with no database.
    explicit FestivalFeed(std::string path);
    /// Works on an open database the caller keeps alive (headless tests).
    explicit FestivalFeed(store::Database& lent);
    ~FestivalFeed();
    FestivalFeed(const FestivalFeed&) = delete;
    FestivalFeed& operator=(const FestivalFeed&) = delete;

    /// True when the database is open (opening it now if needed); else error() says why, in plain
    /// words.
    bool open();
    const std::string& error() const { return m_error; }
    /// Changes whenever another connection committed; -1 when not open or unreadable.
    std::int64_t dataVersion();

    /// The quiz host on the first quiz contest, acting as actor. Needs open().
    std::unique_ptr<QuizHost> quizHost(const std::string& actor);
    /// A judge's panel on the first judged contest. Needs open().
    std::unique_ptr<JudgePanel> judgePanel();
    /// What the stage shows now. Needs open().
    StageFestivalShown stageShown();

  private:
    store::Database& db() { return m_lent ? *m_lent : *m_db; }

    std::string m_path;
    store::Database* m_lent = nullptr;
    std::unique_ptr<store::Database> m_db;
    std::string m_error;
};

} // namespace kiosk::services
