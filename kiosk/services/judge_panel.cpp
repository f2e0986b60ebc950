#include "kiosk/services/judge_panel.hpp"

#include <cstdio>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/event_pack.hpp"

namespace kiosk::services {

namespace {

std::string formatScore(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

const store::Sheet* JudgedSnapshot::sheet(const std::string& performanceId, const std::string& judgeId) const {
    for (const auto& s : sheets)
        if (s.performanceId == performanceId && s.judgeId == judgeId) return &s;
    return nullptr;
}

const core::Performance* JudgedSnapshot::performance(const std::string& id) const {
    for (const auto& p : performances)
        if (p.id == id) return &p;
    return nullptr;
}

const core::Judge* JudgedSnapshot::judge(const std::string& id) const {
    for (const auto& j : judges)
        if (j.id == id) return &j;
    return nullptr;
}

int JudgedSnapshot::submittedCount(const std::string& performanceId) const {
    int n = 0;
    for (const auto& s : sheets) n += s.performanceId == performanceId && s.state == core::SheetState::Submitted;
    return n;
}

core::JudgedRules JudgedSnapshot::rules() const {
    return {contest.aggregation, criteria, contest.tieBreaks, contest.decimals};
}

std::string sheetSnapshotText(const std::vector<core::Criterion>& criteria, const store::Sheet& sheet) {
    std::string out;
    for (const auto& c : criteria) {
        auto it = sheet.scores.find(c.id);
        if (it == sheet.scores.end()) continue;
        out += (out.empty() ? "" : ";") + c.id + "=" + formatScore(it->second);
    }
    return out;
}

JudgedSnapshot loadJudgedSnapshot(store::Database& db, const std::string& contestId) {
    JudgedSnapshot s;
    s.contest = loadContestOrBlank(db, contestId);
    s.criteria = store::loadCriteria(db, contestId);
    s.performances = store::loadPerformances(db, contestId);
    s.judges = store::loadJudges(db, contestId);
    s.sheets = store::loadSheets(db, contestId);
    s.history = store::loadSheetHistory(db, contestId);
    std::vector<core::JudgedEntry> entries;
    for (const auto& p : s.performances) {
        core::JudgedEntry e{p.id, {}};
        for (const auto& sheet : s.sheets) {
            if (sheet.performanceId != p.id || sheet.state != core::SheetState::Submitted) continue;
            core::JudgeScores js{sheet.judgeId, {}};
            for (const auto& c : s.criteria) {
                auto it = sheet.scores.find(c.id);
                js.scores.push_back(it == sheet.scores.end() ? std::nullopt : std::optional<double>(it->second));
            }
            e.sheets.push_back(std::move(js));
        }
        entries.push_back(std::move(e));
    }
    s.results = core::judgedResults(s.rules(), s.contest.prizes, entries);
    return s;
}

JudgePanel::JudgePanel(store::Database& db, std::string contestId) : m_db(db), m_contestId(std::move(contestId)) {
    reload();
}

void JudgePanel::reload() { m_snap = loadJudgedSnapshot(m_db, m_contestId); }

template <class F> ActionResult JudgePanel::commit(F&& f) {
    return runCommitted(m_db, [this] { reload(); }, std::forward<F>(f));
}

const core::Criterion* JudgePanel::criterion(const std::string& id) const {
    for (const auto& c : m_snap.criteria)
        if (c.id == id) return &c;
    return nullptr;
}

ActionResult JudgePanel::login(std::string judgeId, const std::string& pin) {
    auto hash = store::judgePinHash(m_db, m_contestId, judgeId);
    if (!hash || !checkPin(*hash, pin)) return ActionResult::refused(core::tr("festival.judge.bad_pin"));
    m_judgeId = judgeId;
    reload();
    return ActionResult::done();
}

ActionResult JudgePanel::enter(std::string performanceId, std::string criterionId, std::string_view typed,
                               core::Millis now) {
    auto value = core::parseScore(typed);
    if (!value) return ActionResult::refused(core::tr(core::scoreProblemKey(core::ScoreProblem::NotANumber)));
    return setScore(performanceId, criterionId, *value, now);
}

ActionResult JudgePanel::setScore(std::string performanceId, std::string criterionId, double value,
                                  core::Millis now) {
    return commit([&] {
        if (!judge()) return ActionResult::refused(core::tr("festival.judge.not_signed_in"));
        if (!m_snap.performance(performanceId))
            return ActionResult::refused(core::trf("festival.judge.no_performance", {{"id", performanceId}}));
        const auto* c = criterion(criterionId);
        if (!c) return ActionResult::refused(core::trf("festival.judge.no_criterion", {{"id", criterionId}}));
        auto problem = core::validateScore(*c, value);
        if (problem != core::ScoreProblem::None)
            return ActionResult::refused(core::trf(core::scoreProblemKey(problem),
                                                   {{"max", formatScore(c->maxScore)}, {"step", formatScore(c->step)}}));
        const auto* sheet = m_snap.sheet(performanceId, m_judgeId);
        if (sheet && sheet->state == core::SheetState::Submitted)
            return ActionResult::refused(core::tr("festival.judge.locked"));
        auto id = store::ensureSheet(m_db, m_contestId, performanceId, m_judgeId, now);
        store::setSheetScore(m_db, id, criterionId, value, now);
        return ActionResult::done();
    });
}

ActionResult JudgePanel::submit(std::string performanceId, core::Millis now) {
    return commit([&] {
        if (!judge()) return ActionResult::refused(core::tr("festival.judge.not_signed_in"));
        const auto* sheet = m_snap.sheet(performanceId, m_judgeId);
        if (sheet && sheet->state == core::SheetState::Submitted)
            return ActionResult::refused(core::tr("festival.judge.locked"));
        for (const auto& c : m_snap.criteria)
            if (!sheet || !sheet->scores.count(c.id))
                return ActionResult::refused(core::trf("festival.judge.missing", {{"criterion", c.name}}));
        store::appendSheetRecord(m_db, {0, "", m_contestId, performanceId, m_judgeId, "submit", m_judgeId, now, "",
                                        sheet->scores, sheetSnapshotText(m_snap.criteria, *sheet)});
        return ActionResult::done(core::tr("festival.judge.submitted"));
    });
}

ActionResult JudgePanel::reopen(std::string performanceId, std::string judgeId, std::string reason,
                                core::Millis now) {
    return commit([&] {
        const auto* me = judge();
        if (!me || !me->head) return ActionResult::refused(core::tr("festival.judge.head_only"));
        if (reason.find_first_not_of(" \t") == std::string::npos)
            return ActionResult::refused(core::tr("festival.judge.reason_required"));
        const auto* sheet = m_snap.sheet(performanceId, judgeId);
        if (!sheet || sheet->state != core::SheetState::Submitted)
            return ActionResult::refused(core::tr("festival.judge.not_submitted"));
        store::appendSheetRecord(m_db, {0, "", m_contestId, performanceId, judgeId, "reopen", me->id, now, reason,
                                        sheet->scores, sheetSnapshotText(m_snap.criteria, *sheet)});
        return ActionResult::done(core::tr("festival.judge.reopened"));
    });
}

} // namespace kiosk::services
