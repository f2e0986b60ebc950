#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "kiosk/core/scoring.hpp"

using namespace kiosk::core;

namespace {

JudgedEntry entry(const std::string& id, const std::vector<std::vector<double>>& perJudge) {
    JudgedEntry e{id, {}};
    int j = 0;
    for (const auto& scores : perJudge) {
        JudgeScores s{"j" + std::to_string(++j), {}};
        for (double v : scores) s.scores.push_back(v);
        e.sheets.push_back(std::move(s));
    }
    return e;
}

std::vector<int> ranksOf(const std::vector<ResultRow>& rows) {
    std::vector<int> r;
    for (const auto& row : rows) r.push_back(row.rank);
    return r;
}

std::vector<std::string> idsOf(const std::vector<ResultRow>& rows) {
    std::vector<std::string> r;
    for (const auto& row : rows) r.push_back(row.id);
    return r;
}

} // namespace

TEST_CASE("mean aggregates every judge's score") {
    CHECK(aggregate(Aggregation::Mean, {7, 8, 9}) == Approx(8.0));
    CHECK(aggregate(Aggregation::Mean, {}) == 0.0);
}

TEST_CASE("trimmed mean drops one highest and one lowest only from five judges up") {
    // Four judges: nothing is dropped.
    CHECK(aggregate(Aggregation::TrimmedMean, {2, 8, 9, 10}) == Approx(7.25));
    // Five judges: 2 and 10 go, mean of 8, 8.5, 9.
    CHECK(aggregate(Aggregation::TrimmedMean, {10, 8, 2, 9, 8.5}) == Approx(8.5));
    // Only one copy of a repeated extreme is dropped.
    CHECK(aggregate(Aggregation::TrimmedMean, {10, 10, 6, 6, 8}) == Approx(8.0));
}

TEST_CASE("aggregation rule names parse both ways") {
    CHECK(parseAggregation("mean") == Aggregation::Mean);
    CHECK(parseAggregation("trimmed_mean") == Aggregation::TrimmedMean);
    CHECK_FALSE(parseAggregation("median"));
    CHECK(aggregationName(Aggregation::TrimmedMean) == "trimmed_mean");
}

TEST_CASE("out-of-range and malformed scores are refused as values") {
    Criterion c{"nd", "Nội dung", 1.0, 10, 0.25};
    CHECK(validateScore(c, 0) == ScoreProblem::None);
    CHECK(validateScore(c, 10) == ScoreProblem::None);
    CHECK(validateScore(c, 9.75) == ScoreProblem::None);
    CHECK(validateScore(c, 10.25) == ScoreProblem::AboveMax);
    CHECK(validateScore(c, -0.5) == ScoreProblem::Negative);
    CHECK(validateScore(c, 9.1) == ScoreProblem::OffStep);
    CHECK(validateScore(c, std::numeric_limits<double>::quiet_NaN()) == ScoreProblem::NotANumber);
    CHECK(validateScore(c, std::numeric_limits<double>::infinity()) == ScoreProblem::NotANumber);
    Criterion any{"x", "x", 1.0, 20, 0};
    CHECK(validateScore(any, 13.37) == ScoreProblem::None);
    CHECK(scoreProblemKey(ScoreProblem::AboveMax) == "festival.score.above_max");
}

TEST_CASE("typed scores accept a decimal comma and refuse text") {
    CHECK(parseScore("8,5") == 8.5);
    CHECK(parseScore(" 9 ") == 9.0);
    CHECK_FALSE(parseScore("9a"));
    CHECK_FALSE(parseScore(""));
    CHECK_FALSE(parseScore("nan"));
}

TEST_CASE("weighted criteria: total is the sum of weight times the aggregated score") {
    JudgedRules rules;
    rules.aggregation = Aggregation::Mean;
    rules.criteria = {{"nd", "Nội dung", 0.4, 10}, {"bd", "Biểu diễn", 0.6, 10}};
    auto scores = aggregateJudged(rules, {entry("A", {{10, 5}, {8, 7}})});
    REQUIRE(scores.size() == 1);
    CHECK(scores[0].perCriterion[0] == Approx(9.0));
    CHECK(scores[0].perCriterion[1] == Approx(6.0));
    CHECK(scores[0].total == Approx(0.4 * 9 + 0.6 * 6));
    CHECK(scores[0].topMarks == 1);
    CHECK(scores[0].judges == 2);
}

TEST_CASE("invalid stored values and missing scores are left out of the aggregate") {
    JudgedRules rules;
    rules.aggregation = Aggregation::Mean;
    rules.criteria = {{"nd", "Nội dung", 1.0, 10}};
    JudgedEntry e{"A", {{"j1", {8.0}}, {"j2", {std::nullopt}}, {"j3", {42.0}}}};
    auto scores = aggregateJudged(rules, {e});
    CHECK(scores[0].perCriterion[0] == Approx(8.0));
}

TEST_CASE("competition ranking shares ranks on a full tie: 1, 2, 2, 4") {
    auto ranked = rankEntries({{"a", {9}}, {"b", {8}}, {"c", {8}}, {"d", {7}}});
    REQUIRE(ranked.size() == 4);
    CHECK(ranked[0].rank == 1);
    CHECK(ranked[1].rank == 2);
    CHECK(ranked[2].rank == 2);
    CHECK(ranked[3].rank == 4);
    // Ties keep input order.
    CHECK(ranked[1].id == "b");
    CHECK(ranked[2].id == "c");
}

TEST_CASE("ranking absorbs binary rounding of equal sums") {
    auto ranked = rankEntries({{"a", {0.1 + 0.2}}, {"b", {0.3}}});
    CHECK(ranked[0].rank == 1);
    CHECK(ranked[1].rank == 1);
}

TEST_CASE("tie-breaks apply in order: a named criterion, then the count of top marks") {
    JudgedRules rules;
    rules.aggregation = Aggregation::Mean;
    rules.criteria = {{"nd", "Nội dung", 1.0, 10}, {"bd", "Biểu diễn", 1.0, 10}};
    rules.tieBreaks = {*parseTieBreak("criterion:bd"), *parseTieBreak("top_marks")};
    PrizeCounts prizes{1, 1, 1, 0};
    // A and B tie on total 17; B is better on "bd" -> B first.
    // C and D tie on total 16 and on "bd" (8); D has a 10 -> D before C.
    // E and F tie on everything -> shared rank.
    auto rows = judgedResults(rules, prizes,
                              {entry("A", {{9, 8}}), entry("B", {{8, 9}}), entry("C", {{8, 8}}), entry("D", {{10, 6}, {6, 10}}),
                               entry("E", {{7, 7}}), entry("F", {{7, 7}})});
    // D: nd mean 8, bd mean 8, total 16, two top marks.
    CHECK(idsOf(rows) == std::vector<std::string>{"B", "A", "D", "C", "E", "F"});
    CHECK(ranksOf(rows) == std::vector<int>{1, 2, 3, 4, 5, 5});
    CHECK(rows[0].prize == Prize::First);
    CHECK(rows[1].prize == Prize::Second);
    CHECK(rows[2].prize == Prize::Third);
    CHECK(rows[3].prize == Prize::None);
}

TEST_CASE("without tie-breaks a tie on total shares the rank and the prize") {
    JudgedRules rules;
    rules.aggregation = Aggregation::Mean;
    rules.criteria = {{"nd", "Nội dung", 1.0, 10}};
    auto rows = judgedResults(rules, PrizeCounts{1, 1, 1, 1}, {entry("A", {{9}}), entry("B", {{9}}), entry("C", {{8}})});
    CHECK(ranksOf(rows) == std::vector<int>{1, 1, 3});
    CHECK(rows[0].prize == Prize::First);
    CHECK(rows[1].prize == Prize::First);
    // Rank 3 falls in the Ba band (ranks 3..3) after Nhất 1 and Nhì 1.
    CHECK(rows[2].prize == Prize::Third);
}

TEST_CASE("five judges: the trimmed mean takes out an outlier judge") {
    JudgedRules rules;
    rules.aggregation = Aggregation::TrimmedMean;
    rules.criteria = {{"nd", "Nội dung", 1.0, 10}};
    // A's fifth judge gives 1: with trimming A still wins; with a plain mean B would.
    auto a = entry("A", {{9}, {9}, {9}, {9}, {1}});
    auto b = entry("B", {{8}, {8}, {8}, {8}, {8}});
    auto rows = judgedResults(rules, {}, {a, b});
    CHECK(rows[0].id == "A");
    CHECK(rows[0].total == Approx(9.0));
    rules.aggregation = Aggregation::Mean;
    rows = judgedResults(rules, {}, {a, b});
    CHECK(rows[0].id == "B");
}

TEST_CASE("an entry nobody scored is listed last without rank or prize") {
    JudgedRules rules;
    rules.criteria = {{"nd", "Nội dung", 1.0, 10}};
    auto rows = judgedResults(rules, {}, {JudgedEntry{"X", {}}, entry("A", {{0}})});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == "A");
    CHECK(rows[0].rank == 1);
    CHECK(rows[1].id == "X");
    CHECK_FALSE(rows[1].hasResult);
    CHECK(rows[1].rank == 0);
    CHECK(rows[1].prize == Prize::None);
}

TEST_CASE("prizes by rank follow configurable counts") {
    PrizeCounts counts{1, 2, 3, 4};
    CHECK(prizeForRank(counts, 1) == Prize::First);
    CHECK(prizeForRank(counts, 2) == Prize::Second);
    CHECK(prizeForRank(counts, 3) == Prize::Second);
    CHECK(prizeForRank(counts, 4) == Prize::Third);
    CHECK(prizeForRank(counts, 6) == Prize::Third);
    CHECK(prizeForRank(counts, 7) == Prize::Consolation);
    CHECK(prizeForRank(counts, 10) == Prize::Consolation);
    CHECK(prizeForRank(counts, 11) == Prize::None);
    CHECK(prizeForRank(counts, 0) == Prize::None);
    // No second prize: rank 2 gets the third.
    CHECK(prizeForRank(PrizeCounts{1, 0, 1, 0}, 2) == Prize::Third);
    CHECK(prizeKey(Prize::Consolation) == "festival.prize.consolation");
    CHECK(prizeCode(Prize::Second) == "second");
}

TEST_CASE("sports: points rank higher-better, times lower-better, the same tie rules") {
    auto points = sportsResults(Better::Higher, PrizeCounts{1, 1, 1, 0},
                                {{"a", 3.0, {}}, {"b", 5.0, {}}, {"c", 3.0, {}}, {"d", std::nullopt, {}}});
    CHECK(idsOf(points) == std::vector<std::string>{"b", "a", "c", "d"});
    CHECK(ranksOf(points) == std::vector<int>{1, 2, 2, 0});
    CHECK(points[1].prize == Prize::Second);
    CHECK(points[2].prize == Prize::Second);
    CHECK_FALSE(points[3].hasResult);

    auto times = sportsResults(Better::Lower, PrizeCounts{1, 1, 1, 0}, {{"a", 62.5, {}}, {"b", 61.9, {}}, {"c", 70.0, {}}});
    CHECK(idsOf(times) == std::vector<std::string>{"b", "a", "c"});
    CHECK(times[2].prize == Prize::Third);

    // A tie-break value in the same direction separates equal times.
    auto tb = sportsResults(Better::Lower, {}, {{"a", 60.0, {12.0}}, {"b", 60.0, {11.0}}});
    CHECK(idsOf(tb) == std::vector<std::string>{"b", "a"});
    CHECK(ranksOf(tb) == std::vector<int>{1, 2});
}

TEST_CASE("durations parse as m:ss.cc, seconds, or h:mm:ss") {
    CHECK(parseDurationSeconds("1:02.35") == Approx(62.35));
    CHECK(parseDurationSeconds("12,5") == Approx(12.5));
    CHECK(parseDurationSeconds("1:02:03") == Approx(3723));
    CHECK_FALSE(parseDurationSeconds("1:75"));
    CHECK_FALSE(parseDurationSeconds("1.5:00"));
    CHECK_FALSE(parseDurationSeconds("abc"));
    CHECK_FALSE(parseDurationSeconds(""));
}

TEST_CASE("totals are rounded as announced before comparing") {
    CHECK(roundTo(8.125, 2) == Approx(8.13));
    CHECK(roundTo(8.124, 2) == Approx(8.12));
    JudgedRules rules;
    rules.aggregation = Aggregation::Mean;
    rules.decimals = 1;
    rules.criteria = {{"nd", "Nội dung", 1.0, 10}};
    // 8.33 and 8.3 both show as 8.3: they tie.
    auto rows = judgedResults(rules, {}, {entry("A", {{8}, {8.5}, {8.5}}), entry("B", {{8.3}})});
    CHECK(ranksOf(rows) == std::vector<int>{1, 1});
}
