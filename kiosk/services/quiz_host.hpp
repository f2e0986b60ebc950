#pragma once
// The quiz host: shows questions on stage, runs the countdown, takes buzzer presses, marks
// teams, undoes, calls a tie-break. Every action is committed before it returns; the state is
// rebuilt from the database, so the stage (another process) and a restarted host see the same.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/buzzer.hpp"
#include "kiosk/core/contest.hpp"
#include "kiosk/core/quiz.hpp"
#include "kiosk/store/db.hpp"
#include "kiosk/services/action.hpp"
#include "kiosk/store/festival_repo.hpp"

namespace kiosk::services {

/// Everything a quiz screen draws, read from the database in one go.
struct QuizSnapshot {
    core::Contest contest;
    std::vector<core::QuizTeam> teams;
    std::vector<core::QuizRound> rounds;
    std::vector<core::QuizQuestion> questions;
    store::SavedQuizState saved;
    std::optional<core::QuizQuestion> question; ///< the one on stage
    std::optional<core::QuizRound> round;       ///< its round
    std::vector<core::ScoreEvent> events;
    std::vector<core::Standing> standings;
    std::vector<std::string> shown;             ///< questions shown at least once
    // Buzzers of the question on stage:
    core::BuzzPhase buzzPhase = core::BuzzPhase::Armed;
    std::vector<core::PressRecord> presses;
    std::optional<std::string> turn;
    std::vector<std::string> lockedOut;
    /// Teams still tied within the prize places (each group needs a tie-break).
    std::vector<std::vector<std::string>> ties;

    const core::QuizTeam* team(const std::string& id) const;
    const core::QuizQuestion* findQuestion(const std::string& id) const;
    const core::QuizRound* findRound(const std::string& id) const;
    /// The live (not undone) right/wrong mark of a team on the question on stage, if any.
    const core::ScoreEvent* markOf(const std::string& teamId) const;
    /// Teams that may play now (the tied teams during a tie-break).
    std::vector<core::QuizTeam> playingTeams() const;
};

/// The contest, or a blank one named by its id when the pack has none.
core::Contest loadContestOrBlank(store::Database& db, const std::string& contestId);

/// Reads the whole quiz state of a contest (for the host and for the stage).
QuizSnapshot loadQuizSnapshot(store::Database& db, const std::string& contestId);

/// Drives one quiz contest on behalf of a host.
class QuizHost {
public:
    /// `actor` is written beside every score change ("host", "mc-laptop"...).
    QuizHost(store::Database& db, std::string contestId, std::string actor);

    const QuizSnapshot& snapshot() const { return m_snap; }
    /// Re-reads the database (call when another process committed).
    void reload();

    /// Puts a question on stage, text only; buzzers armed (a press now is a false start).
    ActionResult show(std::string questionId, core::Millis now);
    /// The next question not shown yet after the one on stage, wrapping round to any passed over
    /// (in tie-break mode: of a tie-break round).
    std::optional<std::string> nextQuestionId() const;
    /// Starts the countdown; buzzers open.
    ActionResult start(core::Millis now);
    /// Shows the answer on stage; buzzers close.
    ActionResult reveal(core::Millis now);
    /// Takes the stage back to the leaderboard (no question).
    ActionResult clear(core::Millis now);

    /// A buzzer press by team; the false-start penalty is scored here.
    ActionResult buzz(std::string teamId, core::Millis now);
    /// A buzzer press by key ("1", "a"...), mapped through the teams' buzzer keys.
    ActionResult buzzKey(std::string key, core::Millis now);

    /// Marks a team right or wrong on the question on stage. In a buzzer round only the team
    /// with the turn can be marked; a wrong answer passes the turn to the next press.
    ActionResult mark(std::string teamId, bool right, core::Millis now);
    /// Takes back the last score change (and, for a buzzer verdict, the turn with it).
    ActionResult undo(core::Millis now);
    /// A manual score change with a reason.
    ActionResult adjust(std::string teamId, int delta, std::string note, core::Millis now);

    /// Starts a tie-break between the first group of tied teams; refused when nobody is tied.
    ActionResult startTieBreak(core::Millis now);
    /// Ends tie-break mode.
    ActionResult endTieBreak(core::Millis now);

private:
    template <class F> ActionResult commit(F&& f);
    ActionResult scoreMark(const std::string& teamId, bool right, core::Millis now);

    store::Database& m_db;
    std::string m_contestId;
    std::string m_actor;
    QuizSnapshot m_snap;
};

/// What the stage shows from the festival: set by the host or the organizer, read by the stage.
enum class StageFestivalMode { None, Question, Leaderboard, Results };
struct StageFestival {
    StageFestivalMode mode = StageFestivalMode::None;
    std::string contestId;
};
StageFestival loadStageFestival(store::Database& db);
void saveStageFestival(store::Database& db, const StageFestival& s);
std::string_view stageFestivalModeCode(StageFestivalMode m);
std::optional<StageFestivalMode> parseStageFestivalMode(std::string_view text);

} // namespace kiosk::services
