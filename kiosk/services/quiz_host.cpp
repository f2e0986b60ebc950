#include "kiosk/services/quiz_host.hpp"

#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

namespace {

bool isBuzzerRound(const std::optional<core::QuizRound>& r) {
    return r && (r->kind == core::RoundKind::Buzzer || r->kind == core::RoundKind::TieBreak);
}

std::vector<std::string> ids(const std::vector<core::QuizTeam>& teams) {
    std::vector<std::string> out;
    out.reserve(teams.size());
    for (const auto& t : teams) out.push_back(t.id);
    return out;
}

/// Replays the buzzer log of the showing on stage.
core::BuzzerArbiter replayBuzzers(const QuizSnapshot& s, const std::vector<store::BuzzEvent>& log) {
    const core::Millis limit = s.question ? core::Millis(s.question->timeLimitSec) * 1000 : 0;
    core::BuzzerArbiter a(s.round ? s.round->falseStart : core::FalseStartRule{},
                          ids(s.playingTeams()), limit);
    for (const auto& e : log) {
        switch (e.kind) {
        case core::BuzzKind::Open: a.open(e.at); break;
        case core::BuzzKind::Press: a.press(e.teamId, e.at); break;
        case core::BuzzKind::Wrong: a.markWrong(); break;
        case core::BuzzKind::Right: a.markRight(); break;
        case core::BuzzKind::Close: a.close(); break;
        case core::BuzzKind::Undo: a.undoVerdict(); break;
        }
    }
    return a;
}

store::BuzzEvent buzzEvent(std::int64_t showId, core::BuzzKind kind, std::string teamId, core::Millis at) {
    store::BuzzEvent e;
    e.showId = showId;
    e.kind = kind;
    e.teamId = std::move(teamId);
    e.at = at;
    return e;
}

} // namespace

core::Contest loadContestOrBlank(store::Database& db, const std::string& contestId) {
    if (auto c = store::loadContest(db, contestId)) return *c;
    core::Contest blank;
    blank.id = blank.name = contestId;
    return blank;
}

const core::QuizTeam* QuizSnapshot::team(const std::string& id) const {
    for (const auto& t : teams)
        if (t.id == id) return &t;
    return nullptr;
}

const core::QuizQuestion* QuizSnapshot::findQuestion(const std::string& id) const {
    for (const auto& q : questions)
        if (q.id == id) return &q;
    return nullptr;
}

const core::QuizRound* QuizSnapshot::findRound(const std::string& id) const {
    for (const auto& r : rounds)
        if (r.id == id) return &r;
    return nullptr;
}

const core::ScoreEvent* QuizSnapshot::markOf(const std::string& teamId) const {
    if (!question) return nullptr;
    std::vector<std::int64_t> undone;
    for (const auto& e : events)
        if (e.undoes) undone.push_back(*e.undoes);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->teamId != teamId || it->questionId != question->id) continue;
        if (it->reason != core::ScoreReason::Right && it->reason != core::ScoreReason::Wrong) continue;
        if (std::find(undone.begin(), undone.end(), it->id) == undone.end()) return &*it;
    }
    return nullptr;
}

std::vector<core::QuizTeam> QuizSnapshot::playingTeams() const {
    if (saved.state.tieBreakTeams.empty()) return teams;
    std::vector<core::QuizTeam> out;
    for (const auto& t : teams)
        if (std::find(saved.state.tieBreakTeams.begin(), saved.state.tieBreakTeams.end(), t.id) !=
            saved.state.tieBreakTeams.end())
            out.push_back(t);
    return out;
}

QuizSnapshot loadQuizSnapshot(store::Database& db, const std::string& contestId) {
    QuizSnapshot s;
    s.contest = loadContestOrBlank(db, contestId);
    s.teams = store::loadContestTeams(db, contestId);
    s.rounds = store::loadRounds(db, contestId);
    s.questions = store::loadQuestions(db, contestId);
    s.saved = store::loadQuizState(db, contestId);
    if (const auto* q = s.findQuestion(s.saved.state.questionId)) {
        s.question = *q;
        if (const auto* r = s.findRound(q->roundId)) s.round = *r;
    }
    s.events = store::loadScoreEvents(db, contestId);
    s.standings = core::scoreboard(s.teams, s.events);
    s.shown = store::shownQuestions(db, contestId);
    if (s.question && isBuzzerRound(s.round)) {
        auto arbiter = replayBuzzers(s, store::loadBuzzEvents(db, contestId, s.saved.showId));
        s.buzzPhase = arbiter.phase();
        s.presses = arbiter.presses();
        s.turn = arbiter.turn();
        s.lockedOut = arbiter.lockedOut();
    }
    s.ties = core::tiesWithinPlaces(s.standings, s.contest.tiePlaces);
    return s;
}

QuizHost::QuizHost(store::Database& db, std::string contestId, std::string actor)
    : m_db(db), m_contestId(std::move(contestId)), m_actor(std::move(actor)) {
    reload();
}

void QuizHost::reload() { m_snap = loadQuizSnapshot(m_db, m_contestId); }

template <class F> ActionResult QuizHost::commit(F&& f) {
    return runCommitted(m_db, [this] { reload(); }, std::forward<F>(f));
}

std::optional<std::string> QuizHost::nextQuestionId() const {
    const bool tieBreak = !m_snap.saved.state.tieBreakTeams.empty();
    const auto& qs = m_snap.questions;
    // The host moves forward through the bank: look after the question on stage first, then
    // wrap round to any question passed over earlier.
    const auto current = std::find_if(qs.begin(), qs.end(), [&](const auto& q) { return q.id == m_snap.saved.state.questionId; });
    const std::size_t from = current == qs.end() ? 0 : static_cast<std::size_t>(current - qs.begin()) + 1;
    for (std::size_t k = 0; k < qs.size(); ++k) {
        const auto& q = qs[(from + k) % qs.size()];
        const auto* r = m_snap.findRound(q.roundId);
        const bool tbRound = r && r->kind == core::RoundKind::TieBreak;
        if (tbRound != tieBreak) continue;
        if (std::find(m_snap.shown.begin(), m_snap.shown.end(), q.id) == m_snap.shown.end()) return q.id;
    }
    return std::nullopt;
}

ActionResult QuizHost::show(std::string questionId, core::Millis now) {
    return commit([&] {
        const auto* q = m_snap.findQuestion(questionId);
        if (!q) return ActionResult::refused(core::trf("festival.quiz.no_question", {{"id", questionId}}));
        auto saved = m_snap.saved;
        saved.showId = store::insertShow(m_db, m_contestId, questionId, m_actor, now);
        saved.state.questionId = questionId;
        saved.state.phase = core::QuestionPhase::Shown;
        saved.state.shownAt = now;
        saved.state.startedAt = 0;
        saved.state.timeLimitSec = q->timeLimitSec;
        store::saveQuizState(m_db, m_contestId, saved, now);
        saveStageFestival(m_db, {StageFestivalMode::Question, m_contestId});
        return ActionResult::done();
    });
}

ActionResult QuizHost::start(core::Millis now) {
    return commit([&] {
        if (m_snap.saved.state.phase != core::QuestionPhase::Shown)
            return ActionResult::refused(core::tr("festival.quiz.not_shown"));
        auto saved = m_snap.saved;
        saved.state.phase = core::QuestionPhase::Running;
        saved.state.startedAt = now;
        store::saveQuizState(m_db, m_contestId, saved, now);
        if (isBuzzerRound(m_snap.round)) store::appendBuzzEvent(m_db, m_contestId, buzzEvent(saved.showId, core::BuzzKind::Open, "", now));
        return ActionResult::done();
    });
}

ActionResult QuizHost::reveal(core::Millis now) {
    return commit([&] {
        auto phase = m_snap.saved.state.phase;
        if (phase != core::QuestionPhase::Shown && phase != core::QuestionPhase::Running)
            return ActionResult::refused(core::tr("festival.quiz.not_shown"));
        auto saved = m_snap.saved;
        saved.state.phase = core::QuestionPhase::Revealed;
        store::saveQuizState(m_db, m_contestId, saved, now);
        if (isBuzzerRound(m_snap.round) && m_snap.buzzPhase != core::BuzzPhase::Closed)
            store::appendBuzzEvent(m_db, m_contestId, buzzEvent(saved.showId, core::BuzzKind::Close, "", now));
        return ActionResult::done();
    });
}

ActionResult QuizHost::clear(core::Millis now) {
    return commit([&] {
        auto saved = m_snap.saved;
        saved.state.questionId.clear();
        saved.state.phase = core::QuestionPhase::Idle;
        store::saveQuizState(m_db, m_contestId, saved, now);
        saveStageFestival(m_db, {StageFestivalMode::Leaderboard, m_contestId});
        return ActionResult::done();
    });
}

ActionResult QuizHost::buzz(std::string teamId, core::Millis now) {
    return commit([&] {
        if (!m_snap.question || !isBuzzerRound(m_snap.round))
            return ActionResult::refused(core::tr("festival.quiz.not_buzzer_round"));
        auto arbiter = replayBuzzers(m_snap, store::loadBuzzEvents(m_db, m_contestId, m_snap.saved.showId));
        auto rec = arbiter.press(teamId, now);
        auto logged = buzzEvent(m_snap.saved.showId, core::BuzzKind::Press, teamId, now);
        logged.pressKind = core::pressKindCode(rec.kind);
        logged.order = rec.order;
        logged.sinceOpen = rec.sinceOpen;
        store::appendBuzzEvent(m_db, m_contestId, logged);
        const auto* team = m_snap.team(teamId);
        std::string name = team ? team->name : teamId;
        if (rec.kind == core::PressKind::FalseStart) {
            int penalty = m_snap.round->falseStart.penaltyPoints;
            if (penalty != 0) {
                core::ScoreEvent e;
                e.teamId = teamId;
                e.questionId = m_snap.question->id;
                e.delta = -std::abs(penalty);
                e.reason = core::ScoreReason::FalseStart;
                e.tieBreak = m_snap.round->kind == core::RoundKind::TieBreak;
                e.by = m_actor;
                e.at = now;
                store::appendScoreEvent(m_db, m_contestId, e);
            }
            return ActionResult::done(core::trf("festival.quiz.false_start", {{"team", name}}));
        }
        if (rec.kind == core::PressKind::Accepted)
            return ActionResult::done(
                core::trf("festival.quiz.pressed", {{"team", name}, {"order", std::to_string(rec.order)}}));
        // Refused presses are still logged (who pressed when matters in a dispute).
        if (rec.kind == core::PressKind::Late && m_snap.buzzPhase == core::BuzzPhase::Open)
            return ActionResult::done(core::trf("festival.quiz.press_late", {{"team", name}}));
        return ActionResult::done(core::trf("festival.quiz.press_ignored", {{"team", name}}));
    });
}

ActionResult QuizHost::buzzKey(std::string key, core::Millis now) {
    for (const auto& t : m_snap.playingTeams())
        if (!t.buzzerKey.empty() && t.buzzerKey == key) return buzz(t.id, now);
    return ActionResult::refused(core::trf("festival.quiz.unknown_key", {{"key", key}}));
}

ActionResult QuizHost::scoreMark(const std::string& teamId, bool right, core::Millis now) {
    const auto& q = *m_snap.question;
    core::ScoreEvent e;
    e.teamId = teamId;
    e.questionId = q.id;
    e.delta = right ? q.points : (m_snap.round ? m_snap.round->wrongPoints : 0);
    e.reason = right ? core::ScoreReason::Right : core::ScoreReason::Wrong;
    e.tieBreak = m_snap.round && m_snap.round->kind == core::RoundKind::TieBreak;
    e.by = m_actor;
    e.at = now;
    store::appendScoreEvent(m_db, m_contestId, e);
    const auto* team = m_snap.team(teamId);
    return ActionResult::done(core::trf(right ? "festival.quiz.marked_right" : "festival.quiz.marked_wrong",
                                        {{"team", team ? team->name : teamId}}));
}

ActionResult QuizHost::mark(std::string teamId, bool right, core::Millis now) {
    return commit([&] {
        if (!m_snap.question || m_snap.saved.state.phase == core::QuestionPhase::Idle)
            return ActionResult::refused(core::tr("festival.quiz.not_shown"));
        auto playing = m_snap.playingTeams();
        if (std::none_of(playing.begin(), playing.end(), [&](const core::QuizTeam& t) { return t.id == teamId; }))
            return ActionResult::refused(core::trf("festival.quiz.not_playing", {{"team", teamId}}));
        if (isBuzzerRound(m_snap.round)) {
            if (m_snap.turn != teamId) return ActionResult::refused(core::tr("festival.quiz.not_their_turn"));
            store::appendBuzzEvent(m_db, m_contestId, buzzEvent(m_snap.saved.showId, right ? core::BuzzKind::Right : core::BuzzKind::Wrong, teamId, now));
        } else if (m_snap.markOf(teamId)) {
            return ActionResult::refused(core::tr("festival.quiz.already_marked"));
        }
        return scoreMark(teamId, right, now);
    });
}

ActionResult QuizHost::undo(core::Millis now) {
    return commit([&] {
        auto target = core::lastUndoable(m_snap.events);
        if (!target) return ActionResult::refused(core::tr("festival.quiz.nothing_to_undo"));
        auto it = std::find_if(m_snap.events.begin(), m_snap.events.end(), [&](auto& e) { return e.id == *target; });
        core::ScoreEvent u;
        u.teamId = it->teamId;
        u.questionId = it->questionId;
        u.reason = core::ScoreReason::Undo;
        u.undoes = *target;
        u.by = m_actor;
        u.at = now;
        store::appendScoreEvent(m_db, m_contestId, u);
        bool verdict = it->reason == core::ScoreReason::Right || it->reason == core::ScoreReason::Wrong;
        if (verdict && m_snap.question && it->questionId == m_snap.question->id && isBuzzerRound(m_snap.round)) {
            auto arbiter = replayBuzzers(m_snap, store::loadBuzzEvents(m_db, m_contestId, m_snap.saved.showId));
            if (arbiter.undoVerdict())
                store::appendBuzzEvent(m_db, m_contestId, buzzEvent(m_snap.saved.showId, core::BuzzKind::Undo, it->teamId, now));
        }
        const auto* team = m_snap.team(it->teamId);
        return ActionResult::done(core::trf("festival.quiz.undone", {{"team", team ? team->name : it->teamId}}));
    });
}

ActionResult QuizHost::adjust(std::string teamId, int delta, std::string note, core::Millis now) {
    return commit([&] {
        if (!m_snap.team(teamId)) return ActionResult::refused(core::trf("festival.quiz.not_playing", {{"team", teamId}}));
        if (note.empty()) return ActionResult::refused(core::tr("festival.quiz.reason_required"));
        core::ScoreEvent e;
        e.teamId = teamId;
        e.delta = delta;
        e.reason = core::ScoreReason::Adjust;
        e.by = m_actor;
        e.at = now;
        e.note = note;
        store::appendScoreEvent(m_db, m_contestId, e);
        return ActionResult::done();
    });
}

ActionResult QuizHost::startTieBreak(core::Millis now) {
    return commit([&] {
        if (m_snap.ties.empty()) return ActionResult::refused(core::tr("festival.quiz.no_tie"));
        auto saved = m_snap.saved;
        saved.state.tieBreakTeams = m_snap.ties.front();
        saved.state.questionId.clear();
        saved.state.phase = core::QuestionPhase::Idle;
        store::saveQuizState(m_db, m_contestId, saved, now);
        return ActionResult::done(core::tr("festival.quiz.tiebreak_started"));
    });
}

ActionResult QuizHost::endTieBreak(core::Millis now) {
    return commit([&] {
        auto saved = m_snap.saved;
        saved.state.tieBreakTeams.clear();
        store::saveQuizState(m_db, m_contestId, saved, now);
        return ActionResult::done();
    });
}

std::string_view stageFestivalModeCode(StageFestivalMode m) {
    switch (m) {
    case StageFestivalMode::None: return "none";
    case StageFestivalMode::Question: return "question";
    case StageFestivalMode::Leaderboard: return "leaderboard";
    case StageFestivalMode::Results: return "results";
    }
    return "none";
}

std::optional<StageFestivalMode> parseStageFestivalMode(std::string_view text) {
    for (auto m : {StageFestivalMode::None, StageFestivalMode::Question, StageFestivalMode::Leaderboard,
                   StageFestivalMode::Results})
        if (stageFestivalModeCode(m) == text) return m;
    return std::nullopt;
}

StageFestival loadStageFestival(store::Database& db) {
    StageFestival s;
    const auto mode = store::getSetting(db, "festival.stage_mode").value_or("none");
    s.mode = store::knownCode(parseStageFestivalMode(mode), "stage festival mode", mode);
    s.contestId = store::getSetting(db, "festival.stage_contest").value_or("");
    return s;
}

void saveStageFestival(store::Database& db, const StageFestival& s) {
    store::setSetting(db, "festival.stage_mode", std::string(stageFestivalModeCode(s.mode)));
    store::setSetting(db, "festival.stage_contest", s.contestId);
}

} // namespace kiosk::services
