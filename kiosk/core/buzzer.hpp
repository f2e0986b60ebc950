#pragma once
// The buzzer arbiter of a quiz question: who pressed when (to the millisecond), who answers,
// false starts, lock-outs. Pure and deterministic: replaying the same calls gives the same state,
// which is how a restarted host resumes from the presses saved in the database.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/codes.hpp"
#include "kiosk/core/time.hpp"

namespace kiosk::core {

/// What a press before the question opens costs (the round's rule).
struct FalseStartRule {
    int penaltyPoints = 0; ///< points taken off (0 = none); the caller records the score change
    bool lockOut = true;   ///< the team may not answer this question any more
};

/// How a single press was taken.
enum class PressKind {
    Accepted,   ///< joins the queue in press order
    FalseStart, ///< before the question opened
    Duplicate,  ///< the team is already queued
    LockedOut,  ///< the team answered wrong or false-started on this question
    Late,       ///< the question is already closed, or its time ran out
    UnknownTeam,
};

inline constexpr auto kPressKindCodes = makeCodes<PressKind>({
    {PressKind::Accepted, "accepted"},
    {PressKind::FalseStart, "false_start"},
    {PressKind::Duplicate, "duplicate"},
    {PressKind::LockedOut, "locked_out"},
    {PressKind::Late, "late"},
    {PressKind::UnknownTeam, "unknown_team"},
});
/// "accepted", "false_start", ... (stored in the database).
const char* pressKindCode(PressKind k);
std::optional<PressKind> parsePressKind(std::string_view text);

/// One entry of a question's buzzer log (the database's buzz_events.kind): replayed in order to
/// rebuild the arbiter after a restart.
enum class BuzzKind { Open, Press, Wrong, Right, Close, Undo };
inline constexpr auto kBuzzKindCodes = makeCodes<BuzzKind>({
    {BuzzKind::Open, "open"},
    {BuzzKind::Press, "press"},
    {BuzzKind::Wrong, "wrong"},
    {BuzzKind::Right, "right"},
    {BuzzKind::Close, "close"},
    {BuzzKind::Undo, "undo"},
});
std::string_view buzzKindCode(BuzzKind k);
std::optional<BuzzKind> parseBuzzKind(std::string_view text);

/// One press as the arbiter took it.
struct PressRecord {
    std::string teamId;
    Millis at = 0;
    PressKind kind = PressKind::Accepted;
    int order = 0;          ///< 1-based place among accepted presses; 0 otherwise
    Millis sinceOpen = 0;   ///< ms after the question opened (negative for a false start)
};

/// Phases of one buzzer question.
enum class BuzzPhase {
    Armed,  ///< on screen, buzzers not open: a press is a false start
    Open,   ///< presses queue; the first eligible one has the turn
    Closed, ///< answered right, or closed by the host
};

/// Decides the order of buzzer presses for one question.
class BuzzerArbiter {
public:
  /// limitMs: the question's time; a press after it (counted from the opening) is late. 0 = none.
  BuzzerArbiter(FalseStartRule rule, std::vector<std::string> teams, Millis limitMs = 0);

  /// Opens the buzzers at `at`; false when not armed.
  bool open(Millis at);
  /// Takes a press and says how it counted.
  PressRecord press(const std::string& teamId, Millis at);
  /// The team whose turn it is to answer: the earliest queued press not locked out.
  std::optional<std::string> turn() const;
  /// The team with the turn answered wrong: it is locked out and the next in order gets the turn.
  /// Returns the team marked, or nullopt when nobody had the turn.
  std::optional<std::string> markWrong();
  /// The team with the turn answered right: the question closes. Returns the team, if any.
  std::optional<std::string> markRight();
  /// Closes the question without a right answer (time up, host moves on).
  void close();
  /// Takes back the last verdict (a mis-click): a wrong answer unlocks the team and gives it the
  /// turn back; a right answer reopens the question. False when there is no verdict to take back.
  bool undoVerdict();

  BuzzPhase phase() const { return m_phase; }
  std::optional<Millis> openedAt() const { return m_openedAt; }
  const std::vector<PressRecord>& presses() const { return m_presses; }
  /// Teams locked out on this question, in the order they were locked.
  const std::vector<std::string>& lockedOut() const { return m_locked; }
  /// Accepted presses in order (the queue, including teams since locked out).
  std::vector<PressRecord> queue() const;

private:
    bool isTeam(const std::string& id) const;
    bool isLocked(const std::string& id) const;

    FalseStartRule m_rule;
    std::vector<std::string> m_teams;
    Millis m_limitMs = 0;
    BuzzPhase m_phase = BuzzPhase::Armed;
    std::optional<Millis> m_openedAt;
    std::vector<PressRecord> m_presses;
    std::vector<std::string> m_locked;
    std::vector<std::pair<bool, std::string>> m_verdicts; ///< (right?, team), oldest first
    int m_accepted = 0;
};

} // namespace kiosk::core
