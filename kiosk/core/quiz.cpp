#include "kiosk/core/quiz.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kiosk::core {

std::optional<RoundKind> parseRoundKind(std::string_view text) { return kRoundKindCodes.parse(text); }
std::string_view roundKindCode(RoundKind k) { return kRoundKindCodes.code(k); }
std::string_view scoreReasonCode(ScoreReason r) { return kScoreReasonCodes.code(r); }
std::optional<ScoreReason> parseScoreReason(std::string_view text) { return kScoreReasonCodes.parse(text); }

namespace {

std::set<std::int64_t> undoneIds(const std::vector<ScoreEvent>& events) {
    std::set<std::int64_t> undone;
    for (const auto& e : events)
        if (e.reason == ScoreReason::Undo && e.undoes) undone.insert(*e.undoes);
    return undone;
}

} // namespace

std::optional<std::int64_t> lastUndoable(const std::vector<ScoreEvent>& events) {
    auto undone = undoneIds(events);
    for (auto it = events.rbegin(); it != events.rend(); ++it)
        if (it->reason != ScoreReason::Undo && !undone.count(it->id)) return it->id;
    return std::nullopt;
}

std::vector<Standing> scoreboard(const std::vector<QuizTeam>& teams, const std::vector<ScoreEvent>& events) {
    std::vector<Standing> rows;
    std::map<std::string, std::size_t> index;
    for (const auto& t : teams) {
        index.emplace(t.id, rows.size());
        rows.push_back({t.id});
    }
    auto undone = undoneIds(events);
    for (const auto& e : events) {
        if (e.reason == ScoreReason::Undo || undone.count(e.id)) continue;
        auto it = index.find(e.teamId);
        if (it == index.end()) continue;
        auto& row = rows[it->second];
        (e.tieBreak ? row.tieBreakScore : row.score) += e.delta;
        if (e.reason == ScoreReason::Right) ++row.right;
        if (e.reason == ScoreReason::Wrong) ++row.wrong;
    }
    std::vector<RankKey> keys;
    for (const auto& r : rows) keys.push_back({r.teamId, {double(r.score), double(r.tieBreakScore)}});
    std::vector<Standing> out;
    for (const auto& ranked : rankEntries(keys)) {
        out.push_back(rows[ranked.index]);
        out.back().rank = ranked.rank;
    }
    return out;
}

std::vector<std::vector<std::string>> tiesWithinPlaces(const std::vector<Standing>& standings, int places) {
    std::vector<std::vector<std::string>> groups;
    for (std::size_t i = 0; i < standings.size();) {
        std::size_t j = i;
        while (j < standings.size() && standings[j].rank == standings[i].rank) ++j;
        if (standings[i].rank > places) break;
        if (j - i > 1) {
            std::vector<std::string> group;
            for (std::size_t k = i; k < j; ++k) group.push_back(standings[k].teamId);
            groups.push_back(std::move(group));
        }
        i = j;
    }
    return groups;
}

std::string_view questionPhaseCode(QuestionPhase p) { return kQuestionPhaseCodes.code(p); }
std::optional<QuestionPhase> parseQuestionPhase(std::string_view text) { return kQuestionPhaseCodes.parse(text); }

Millis remainingMs(const QuizState& state, Millis now) {
    Millis limit = Millis(state.timeLimitSec) * 1000;
    if (state.phase == QuestionPhase::Idle || state.phase == QuestionPhase::Shown) return limit;
    if (state.phase == QuestionPhase::Revealed) return 0;
    return std::clamp<Millis>(limit - (now - state.startedAt), 0, limit);
}

} // namespace kiosk::core
