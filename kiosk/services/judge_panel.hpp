#pragma once
// The judge panel of a judged contest: a judge signs in with a PIN, enters a score per
// criterion per performance (out-of-range values refused), submits (the sheet locks); the head
// judge reopens a sheet with a reason, and the submitted original stays in the history.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/contest.hpp"
#include "kiosk/core/scoring.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/store/festival_repo.hpp"

namespace kiosk::services {

/// Everything a judge screen or the results need, read in one go.
struct JudgedSnapshot {
    core::Contest contest;
    std::vector<core::Criterion> criteria;
    std::vector<core::Performance> performances;
    std::vector<core::Judge> judges;
    std::vector<store::Sheet> sheets;
    std::vector<store::SheetHistory> history;
    /// Ranked results from submitted sheets only (drafts never count).
    std::vector<core::ResultRow> results;

    const store::Sheet* sheet(const std::string& performanceId, const std::string& judgeId) const;
    const core::Performance* performance(const std::string& id) const;
    const core::Judge* judge(const std::string& id) const;
    /// Submitted sheets for a performance.
    int submittedCount(const std::string& performanceId) const;
    core::JudgedRules rules() const;
};

JudgedSnapshot loadJudgedSnapshot(store::Database& db, const std::string& contestId);

/// "criterion=value;..." for the history, in criterion order.
std::string sheetSnapshotText(const std::vector<core::Criterion>& criteria, const store::Sheet& sheet);

/// One judge's screen (or the CLI acting for a judge).
class JudgePanel {
public:
    JudgePanel(store::Database& db, std::string contestId);

    const JudgedSnapshot& snapshot() const { return m_snap; }
    void reload();

    /// Signs a judge in; refused on a wrong PIN.
    ActionResult login(std::string judgeId, const std::string& pin);
    void logout() { m_judgeId.clear(); }
    /// The signed-in judge, if any.
    const core::Judge* judge() const { return m_snap.judge(m_judgeId); }

    /// Enters a typed score ("8,5"); refused when it is not a number, out of range, off step, or the sheet is locked.
    ActionResult enter(std::string performanceId, std::string criterionId, std::string_view typed,
                       core::Millis now);
    ActionResult setScore(std::string performanceId, std::string criterionId, double value,
                          core::Millis now);
    /// Submits the sheet: every criterion must be scored; the sheet locks.
    ActionResult submit(std::string performanceId, core::Millis now);
    /// The head judge reopens another judge's submitted sheet; a reason is required and kept.
    ActionResult reopen(std::string performanceId, std::string judgeId, std::string reason,
                        core::Millis now);

private:
    template <class F> ActionResult commit(F&& f);
    const core::Criterion* criterion(const std::string& id) const;

    store::Database& m_db;
    std::string m_contestId;
    std::string m_judgeId;
    JudgedSnapshot m_snap;
};

} // namespace kiosk::services
