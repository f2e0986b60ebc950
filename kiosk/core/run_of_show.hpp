#pragma once
// The ceremony's timing engine: program items plus a log of timestamped actions give the state
// of the show (current item, elapsed, remaining, phase, drift, projected end, timeline).
// Pure: the caller passes `now`; the same log always replays to the same state, so a restarted
// kiosk resumes on the same item with the right elapsed time.
//
// Clock rule: time inside the engine never runs backwards. Every action's effective time is
// max(its timestamp, the latest effective time seen so far), and a query's `now` is clamped the
// same way. A clock stepped back therefore freezes the timers until it catches up again (elapsed
// is never negative); a clock stepped forward is indistinguishable from time passing, and the MC
// corrects it with an Adjust action.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/codes.hpp"
#include "kiosk/core/time.hpp"

namespace kiosk::core {

/// One item of the ceremony program.
struct ProgramItem {
    std::string id;          ///< stable id, e.g. "chao-co"
    int order = 0;           ///< position in the program (ascending)
    std::string title;
    int plannedMin = 0;      ///< 0 = untimed (never warns, never overtime)
    bool optional = false;   ///< "nếu có": may not happen
    int warnSec = 60;        ///< warning phase when this many seconds remain
    int dangerSec = 15;      ///< danger phase when this many seconds remain
    std::string speaker;
    std::string kind;        ///< "" or "intro" (delegates to introduce) or "awards"
    std::string script;      ///< what the MC says (Vietnamese)

    bool operator==(const ProgramItem&) const = default;
};

/// Longest item an organizer may plan, and longest warning/danger threshold.
inline constexpr int kMaxItemMinutes = 600;
inline constexpr int kMaxThresholdSec = 3600;

/// One thing wrong with an item, named by its field as in the program CSV ("title", "minutes",
/// "warn_s", "danger_s", "kind", "id") with the message in the user's language.
struct ItemProblem {
    std::string field;
    std::string message;
};

/// Every rule an item must keep before it is saved, whichever way it was edited (CSV import,
/// the organizer console, the CLI); empty when it can be saved.
std::vector<ItemProblem> checkProgramItem(const ProgramItem& item);

/// What an operator did, as logged.
enum class ActionType { Start, Next, Previous, Pause, Resume, Skip, Restore, Undo, Adjust };
inline constexpr auto kActionTypeCodes = makeCodes<ActionType>({
    {ActionType::Start, "start"},
    {ActionType::Next, "next"},
    {ActionType::Previous, "previous"},
    {ActionType::Pause, "pause"},
    {ActionType::Resume, "resume"},
    {ActionType::Skip, "skip"},
    {ActionType::Restore, "restore"},
    {ActionType::Undo, "undo"},
    {ActionType::Adjust, "adjust"},
});

std::string_view actionTypeName(ActionType type);
std::optional<ActionType> actionTypeFromName(std::string_view name);

/// One logged action. `item` and `target` are resolved when the action is taken, so a later
/// reorder of the program does not change what the log replays to.
struct ShowAction {
    std::int64_t seq = 0;   ///< log order (the store's row id)
    ActionType type = ActionType::Start;
    Millis at = 0;
    std::string item;       ///< Skip/Restore: the item concerned; Adjust: the current item
    std::string target;     ///< Start/Next/Previous/Skip-of-current: the item that becomes current ("" = show ends)
    std::int64_t value = 0; ///< Adjust: milliseconds added to the current item's elapsed (may be negative)
};

enum class ItemStatus { Pending, Current, Done, Skipped };
enum class Phase { Normal, Warning, Danger, Overtime };
enum class ShowState { NotStarted, Running, Paused, Finished };

std::string_view itemStatusName(ItemStatus status);
std::string_view phaseName(Phase phase);
std::string_view showStateName(ShowState state);

/// Planned and actual times of one item.
struct ItemTiming {
    std::string itemId;
    ItemStatus status = ItemStatus::Pending;
    bool inPlan = true;          ///< counted in the baseline (not skipped before the show started)
    Millis plannedStart = 0;     ///< baseline; 0 when the show has neither a planned nor an actual start
    Millis plannedEnd = 0;
    std::optional<Millis> actualStart; ///< first time it became current
    std::optional<Millis> actualEnd;   ///< last time it stopped being current
    std::optional<Millis> lastStart;   ///< last time it became current (differs after "Quay lại")
    Millis elapsed = 0;          ///< time it ran, pauses excluded
    Millis projectedStart = 0;   ///< for pending items: when it should start at the current pace
    Millis projectedEnd = 0;
};

/// Everything a screen needs about the show at one instant.
struct ShowSnapshot {
    ShowState state = ShowState::NotStarted;
    Millis now = 0;               ///< the clamped instant this snapshot describes
    int current = -1;             ///< index into items(), -1 when none
    int next = -1;                ///< the item Next would start, -1 when Next ends the show
    Millis elapsed = 0;
    Millis remaining = 0;         ///< planned - elapsed; negative in overtime
    Phase phase = Phase::Normal;
    Millis plannedStart = 0;
    Millis plannedEnd = 0;
    Millis projectedEnd = 0;
    Millis drift = 0;             ///< projectedEnd - plannedEnd: positive = behind ("chậm")
    bool projectionPlausible =
        true; ///< false when the clock is hours away from the plan (a test on
              ///< another day): projectedEnd and drift are not worth showing
    std::optional<Millis> startedAt;
    std::optional<Millis> finishedAt;
    bool canUndo = false;
    std::vector<ItemTiming> timeline; ///< one per item, in program order
};

/// The phase for an item at an elapsed time.
Phase phaseFor(const ProgramItem& item, Millis elapsed);

/// The drift beyond which the clock, not the ceremony, is off (the show is not a day late).
inline constexpr Millis kMaxPlausibleDrift = 12 * 60 * 60'000LL;

/// The start time to show beside an item in a timeline: when it last began (done or current),
/// when it should begin (pending); nothing for an item skipped that never ran, nor without a plan.
std::optional<Millis> shownStart(const ItemTiming& timing);

/// "chậm 4 phút" / "sớm 2 phút" / "đúng giờ" (minutes rounded to nearest; under 30 s is on time).
std::string formatDrift(Millis drift);

/// The engine. Items are kept in program order; actions apply one at a time or replay from a log.
class RunOfShow {
public:
    /// plannedStart: when the ceremony is meant to begin (0 = unknown: the actual start is the baseline).
    RunOfShow(std::vector<ProgramItem> items, Millis plannedStart);

    /// Resets to NotStarted and applies the log in order.
    void replay(const std::vector<ShowAction>& log);

    /// Applies one action; returns false (and changes nothing but the clock) when it does nothing
    /// in the current state, e.g. Pause while paused or Next before Start.
    bool apply(const ShowAction& action);

    /// Turns an operator's intent into the action to log, with item and target resolved; nullopt
    /// when it would do nothing now. `item` is used by Skip/Restore (default: the current item).
    std::optional<ShowAction> resolve(ActionType type, Millis now, std::string_view item = {},
                                      std::int64_t value = 0) const;

    ShowSnapshot snapshot(Millis now) const;

    const std::vector<ProgramItem>& items() const { return m_items; }
    int indexOf(std::string_view itemId) const;

private:
    struct Run {
        ItemStatus status = ItemStatus::Pending;
        std::optional<Millis> firstStart;
        std::optional<Millis> lastEnd;
        std::optional<Millis> lastStart;
        Millis accumulated = 0;  ///< elapsed from closed segments and adjustments
        Millis segmentStart = 0; ///< when the open segment began (current item only)
        bool inPlan = true;
    };
    struct State {
        std::vector<Run> runs;
        int current = -1;
        bool started = false;
        bool paused = false;
        Millis pausedAt = 0;
        std::optional<Millis> startedAt;
        std::optional<Millis> finishedAt;
    };

    Millis clamp(Millis at) const { return at < m_clock ? m_clock : at; }
    Millis elapsedOf(const State& s, int index, Millis now) const;
    int nextPending(const State& s) const;
    int previousDone(const State& s) const;
    void closeCurrent(State& s, Millis at, ItemStatus as);
    void openItem(State& s, int index, Millis at);
    bool applyTo(State& s, const ShowAction& a, Millis at);

    std::vector<ProgramItem> m_items;
    Millis m_plannedStart = 0;
    State m_state;
    std::vector<State> m_undo; ///< state before each applied action, for Undo
    Millis m_clock = 0;        ///< latest effective time seen
};

} // namespace kiosk::core
