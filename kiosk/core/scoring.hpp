#pragma once
// Scoring rules of the festival: judged-contest aggregation, ranking with ordered tie-breaks and
// shared ranks, prizes by rank, and sports results. Pure: no SQL, no clocks.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/codes.hpp"

namespace kiosk::core {

/// How the judges' scores on one criterion become one number.
enum class Aggregation {
    Mean,        ///< plain mean of every judge's score
    TrimmedMean, ///< drop one highest and one lowest when at least five judges scored, then mean
};

inline constexpr auto kAggregationCodes =
    makeCodes<Aggregation>({{Aggregation::Mean, "mean"}, {Aggregation::TrimmedMean, "trimmed_mean"}});
/// "mean" / "trimmed_mean"; nullopt for anything else.
std::optional<Aggregation> parseAggregation(std::string_view text);
std::string_view aggregationName(Aggregation a);

/// A criterion of a judged contest ("Nội dung", "Biểu diễn"...).
struct Criterion {
    std::string id;
    std::string name;
    double weight = 1.0;   ///< the criterion counts weight x its aggregated score in the total
    double maxScore = 10;  ///< scores run from 0 to maxScore inclusive
    double step = 0;       ///< scores must be multiples of step (e.g. 0.25); 0 accepts any value
};

/// Why a score value is refused.
enum class ScoreProblem { None, NotANumber, Negative, AboveMax, OffStep };

/// Checks one value against a criterion; ScoreProblem::None when it is acceptable.
ScoreProblem validateScore(const Criterion& criterion, double value);

/// The string-table key explaining a problem ("festival.score.above_max"...).
std::string_view scoreProblemKey(ScoreProblem p);

/// Parses a typed score ("8", "8.5", "8,5"); nullopt when it is not a number.
std::optional<double> parseScore(std::string_view text);

/// One judge's scores for one performance, by criterion index (nullopt = not scored).
struct JudgeScores {
    std::string judgeId;
    std::vector<std::optional<double>> scores; ///< one slot per criterion, same order as the criteria
};

/// One tie-break step, applied in order after the total.
struct TieBreak {
    enum class Kind { Criterion, TopMarks };
    Kind kind = Kind::TopMarks;
    std::string criterionId; ///< for Kind::Criterion: the higher aggregated score wins
};

/// Parses "criterion:<id>" or "top_marks"; nullopt otherwise.
std::optional<TieBreak> parseTieBreak(std::string_view text);

/// The rules of one judged contest.
struct JudgedRules {
    Aggregation aggregation = Aggregation::TrimmedMean;
    std::vector<Criterion> criteria;
    std::vector<TieBreak> tieBreaks;
    int decimals = 2; ///< totals are rounded to this many decimals before comparing, as announced
};

/// A performance (or team) with every judge's scores.
struct JudgedEntry {
    std::string id;
    std::vector<JudgeScores> sheets;
};

/// The aggregated result of one entry (before ranking).
struct JudgedScore {
    std::string id;
    std::vector<double> perCriterion; ///< aggregated score per criterion (0 when nobody scored it)
    double total = 0;                 ///< sum of weight x perCriterion, rounded to rules.decimals
    int topMarks = 0;                 ///< how many single scores equal their criterion's maximum
    int judges = 0;                   ///< sheets that carried at least one score
};

/// Aggregates one criterion's values by the rule.
double aggregate(Aggregation rule, std::vector<double> values);

/// Aggregates every entry; invalid values must have been refused before (they are skipped here).
std::vector<JudgedScore> aggregateJudged(const JudgedRules& rules, const std::vector<JudgedEntry>& entries);

/// Rounds half away from zero to `decimals` places.
double roundTo(double value, int decimals);

/// An entry to rank: keys compared in order, higher is better; all keys equal means a shared rank.
struct RankKey {
    std::string id;
    std::vector<double> keys;
};

/// A ranked entry: competition ranking (1, 2, 2, 4) in best-first order.
struct Ranked {
    std::string id;
    int rank = 0;
    std::size_t index = 0; ///< position of this entry in the input
};

/// Ranks entries best first; ties on every key share the rank and keep input order.
std::vector<Ranked> rankEntries(const std::vector<RankKey>& entries);

/// The ranking keys of a judged result under the rules' tie-breaks.
RankKey judgedRankKey(const JudgedRules& rules, const JudgedScore& score);

/// Prizes given by rank.
enum class Prize { None, First, Second, Third, Consolation };

/// The string-table key of a prize name ("festival.prize.first" = "Giải Nhất"...).
std::string_view prizeKey(Prize p);
inline constexpr auto kPrizeCodes = makeCodes<Prize>(
    {{Prize::None, ""}, {Prize::First, "first"}, {Prize::Second, "second"}, {Prize::Third, "third"}, {Prize::Consolation, "consolation"}});
/// "first" / "second" / "third" / "consolation" / "" (for files).
std::string_view prizeCode(Prize p);
std::optional<Prize> parsePrize(std::string_view text);

/// How many places each prize covers (Nhất 1, Nhì 1, Ba 1, Khuyến khích 2 by default).
struct PrizeCounts {
    int first = 1;
    int second = 1;
    int third = 1;
    int consolation = 2;
};

/// The prize for a rank: ranks 1..first get Nhất, the next `second` ranks Nhì, and so on.
/// Entries sharing a rank share the prize, so a tie never costs anyone a prize.
Prize prizeForRank(const PrizeCounts& counts, int rank);

/// One line of a contest's results, ready for the stage, the CLI and the exports.
struct ResultRow {
    std::string id;
    int rank = 0;
    Prize prize = Prize::None;
    double total = 0;
    std::vector<double> perCriterion; ///< judged contests only
    int topMarks = 0;
    bool hasResult = true;            ///< sports: false when the entry has no result (ranked last, no rank)
};

/// Aggregates, ranks and awards a judged contest.
std::vector<ResultRow> judgedResults(const JudgedRules& rules, const PrizeCounts& prizes,
                                     const std::vector<JudgedEntry>& entries);

/// Whether a sports result is better when higher (points, distance) or lower (times).
enum class Better { Higher, Lower };
inline constexpr auto kBetterCodes = makeCodes<Better>({{Better::Higher, "higher"}, {Better::Lower, "lower"}});

/// One sports result: a value, optional tie-break values (same direction), or none (did not finish).
struct SportsEntry {
    std::string id;
    std::optional<double> value;
    std::vector<double> tieBreaks;
};

/// Ranks sports results the same way as judged ones; entries without a value come last, unranked.
std::vector<ResultRow> sportsResults(Better better, const PrizeCounts& prizes, const std::vector<SportsEntry>& entries);

/// Parses a time "1:02.35" (m:ss.cc), "12.5" (seconds) or "1:02:03" (h:mm:ss) into seconds.
std::optional<double> parseDurationSeconds(std::string_view text);

} // namespace kiosk::core
