#pragma once
// Results of every festival contest in one shape (quiz standings, judged performances, sports),
// with ranks and prizes, for the stage, the CLI, the exports, the report and the certificates.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/contest.hpp"
#include "kiosk/core/scoring.hpp"
#include "kiosk/paper/table.hpp"
#include "kiosk/services/action.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// One line of a contest's results.
struct ResultLine {
    std::string entryId;  ///< team id (quiz, sports) or performance id (judged)
    std::string name;     ///< team name or performance title
    std::string unit;     ///< the unit behind it (judged: the team's short name)
    std::string fullUnit; ///< the team's full unit name, as a certificate names it
    std::string performers; ///< judged: who performs ("Tốp ca ..."), when the pack says
    int rank = 0;         ///< 0 = no result yet
    core::Prize prize = core::Prize::None;
    double total = 0;
    std::string totalText;            ///< as announced: "8,75", "1:02,35", "120"
    std::vector<double> perCriterion; ///< judged only
    bool hasResult = true;
    /// Quiz: tied within the contest's tie_places, so no prize until the tie-break decides.
    bool tieBreakPending = false;
};

/// One judge's submitted sheet for one performance (the judged contests' published sheets).
struct JudgeSheetLine {
    std::string performanceId;
    std::string title;
    std::string unit;
    std::string judgeName;
    std::vector<std::optional<double>> scores; ///< per criterion, in ContestResults::criteria order; as typed
};

/// A contest with its ranked lines.
struct ContestResults {
    core::Contest contest;
    std::vector<std::string> criteria; ///< judged: criterion names, in the order of perCriterion
    std::vector<ResultLine> lines;     ///< best first; entries without a result last
    int pending = 0;                   ///< judged: sheets not yet submitted; quiz: questions not yet shown
    std::vector<JudgeSheetLine> sheets; ///< judged: every submitted sheet, performance then judge order
};

/// The results of one contest (a blank contest when the id is unknown).
ContestResults contestResults(store::Database& db, const std::string& contestId);
/// Every contest, in pack order.
std::vector<ContestResults> allResults(store::Database& db);

/// A score in Vietnamese notation with the contest's decimals ("8,75"); times as m:ss,cc.
std::string formatResultValue(const core::Contest& contest, double value);

/// Writes one sheet per contest (CSV holds the first only): rank, prize, name, unit, criteria..., total.
void writeResults(paper::TableSink& sink, const std::vector<ContestResults>& results);

/// Records (or replaces) a sports result typed as a number or a time; "" or "-" = no result.
ActionResult recordSportsResult(store::Database& db, const std::string& contestId, const std::string& teamId,
                                const std::string& typed, const std::string& by, core::Millis now);

} // namespace kiosk::services
