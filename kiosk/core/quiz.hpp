#pragma once
// The team quiz: teams, rounds, questions, the log of score events and the scoreboard folded
// from it (undo, tie-break points), and the host's question state with its countdown. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/buzzer.hpp"
#include "kiosk/core/scoring.hpp"
#include "kiosk/core/time.hpp"

namespace kiosk::core {

/// A team (one unit of the department).
struct QuizTeam {
    std::string id;
    std::string name;
    std::string unit;
    std::string buzzerKey; ///< the key its buzzer box sends ("1", "a", "F1"...)
};

/// How a round is played.
enum class RoundKind {
    Everyone, ///< every team answers (on paper or boards); the host marks each team
    Buzzer,   ///< the first team to press answers; wrong answers lock the team out
    TieBreak, ///< buzzer question(s) played only between tied teams; points only order them
};

inline constexpr auto kRoundKindCodes =
    makeCodes<RoundKind>({{RoundKind::Everyone, "everyone"}, {RoundKind::Buzzer, "buzzer"}, {RoundKind::TieBreak, "tiebreak"}});
/// "everyone" / "buzzer" / "tiebreak"; nullopt otherwise.
std::optional<RoundKind> parseRoundKind(std::string_view text);
std::string_view roundKindCode(RoundKind k);

/// A round of a quiz contest.
struct QuizRound {
    std::string id;
    std::string name;
    RoundKind kind = RoundKind::Everyone;
    int wrongPoints = 0;          ///< added on a wrong answer (0 or negative)
    FalseStartRule falseStart;    ///< buzzer rounds
};

/// One question of the bank.
struct QuizQuestion {
    std::string id;
    std::string roundId;
    int pos = 0;
    bool multipleChoice = true;
    std::string text;
    std::vector<std::string> choices; ///< "A".."D" in order; empty for open questions
    std::string answer;               ///< the choice letter, or the expected answer text
    std::string explanation;          ///< shown on reveal (the source document, usually)
    int points = 10;
    int timeLimitSec = 30;
};

/// Why the score of a team changed.
enum class ScoreReason { Right, Wrong, FalseStart, Adjust, Undo };
inline constexpr auto kScoreReasonCodes =
    makeCodes<ScoreReason>({{ScoreReason::Right, "right"}, {ScoreReason::Wrong, "wrong"}, {ScoreReason::FalseStart, "false_start"},
                            {ScoreReason::Adjust, "adjust"}, {ScoreReason::Undo, "undo"}});
std::string_view scoreReasonCode(ScoreReason r);
std::optional<ScoreReason> parseScoreReason(std::string_view text);

/// One entry of the append-only score log: every score change, with who and when.
struct ScoreEvent {
    std::int64_t id = 0;          ///< log order
    std::string teamId;
    std::string questionId;       ///< empty for manual adjustments
    int delta = 0;
    ScoreReason reason = ScoreReason::Right;
    bool tieBreak = false;        ///< points of a tie-break question: they order tied teams only
    std::optional<std::int64_t> undoes; ///< for Undo: the event it cancels
    std::string by;               ///< who did it (host name or kiosk)
    Millis at = 0;
    std::string note;
};

/// The newest event that an undo would cancel: the last one neither an undo nor undone.
std::optional<std::int64_t> lastUndoable(const std::vector<ScoreEvent>& events);

/// One line of the leaderboard.
struct Standing {
    std::string teamId;
    int score = 0;
    int tieBreakScore = 0;
    int right = 0;
    int wrong = 0;
    int rank = 0;
};

/// Folds the log into standings, best first, with shared ranks (1, 2, 2, 4); teams in input order on ties.
std::vector<Standing> scoreboard(const std::vector<QuizTeam>& teams, const std::vector<ScoreEvent>& events);

/// Groups of teams that still share a rank within the first `places` places: each needs a tie-break.
std::vector<std::vector<std::string>> tiesWithinPlaces(const std::vector<Standing>& standings, int places);

/// The phase of the question on stage.
enum class QuestionPhase {
    Idle,     ///< nothing on stage
    Shown,    ///< question text on stage, clock not running (buzzers armed)
    Running,  ///< countdown running (buzzers open)
    Revealed, ///< answer on stage
};
inline constexpr auto kQuestionPhaseCodes =
    makeCodes<QuestionPhase>({{QuestionPhase::Idle, "idle"}, {QuestionPhase::Shown, "shown"}, {QuestionPhase::Running, "running"},
                              {QuestionPhase::Revealed, "revealed"}});
std::string_view questionPhaseCode(QuestionPhase p);
std::optional<QuestionPhase> parseQuestionPhase(std::string_view text);

/// The host's state for one contest, saved on every change.
struct QuizState {
    std::string questionId;       ///< empty when Idle
    QuestionPhase phase = QuestionPhase::Idle;
    Millis shownAt = 0;
    Millis startedAt = 0;         ///< when the countdown started
    int timeLimitSec = 0;
    std::vector<std::string> tieBreakTeams; ///< only these teams play while a tie-break is on
};

/// Milliseconds left on the countdown at `now` (full limit before it starts, 0 when over).
Millis remainingMs(const QuizState& state, Millis now);

} // namespace kiosk::core
