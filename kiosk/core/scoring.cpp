#include "kiosk/core/scoring.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace kiosk::core {

namespace {

// Scores are typed with at most a few decimals; this absorbs binary rounding of e.g. 0.1 + 0.2.
constexpr double kEpsilon = 1e-9;

bool sameValue(double a, double b) { return std::fabs(a - b) <= kEpsilon * std::max(1.0, std::fabs(a)); }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<double> parseNumber(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    std::string s(text);
    // Vietnamese writes the decimal separator as a comma.
    std::replace(s.begin(), s.end(), ',', '.');
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

} // namespace

std::optional<Aggregation> parseAggregation(std::string_view text) { return kAggregationCodes.parse(text); }
std::string_view aggregationName(Aggregation a) { return kAggregationCodes.code(a); }

ScoreProblem validateScore(const Criterion& criterion, double value) {
    if (!std::isfinite(value)) return ScoreProblem::NotANumber;
    if (value < 0) return ScoreProblem::Negative;
    if (value > criterion.maxScore + kEpsilon) return ScoreProblem::AboveMax;
    if (criterion.step > 0) {
        double steps = value / criterion.step;
        if (std::fabs(steps - std::round(steps)) > 1e-6) return ScoreProblem::OffStep;
    }
    return ScoreProblem::None;
}

std::string_view scoreProblemKey(ScoreProblem p) {
    switch (p) {
    case ScoreProblem::None: return "festival.score.ok";
    case ScoreProblem::NotANumber: return "festival.score.not_a_number";
    case ScoreProblem::Negative: return "festival.score.negative";
    case ScoreProblem::AboveMax: return "festival.score.above_max";
    case ScoreProblem::OffStep: return "festival.score.off_step";
    }
    return "festival.score.not_a_number";
}

std::optional<double> parseScore(std::string_view text) { return parseNumber(text); }

std::optional<TieBreak> parseTieBreak(std::string_view text) {
    text = trim(text);
    if (text == "top_marks") return TieBreak{TieBreak::Kind::TopMarks, {}};
    constexpr std::string_view prefix = "criterion:";
    if (text.substr(0, prefix.size()) == prefix && text.size() > prefix.size())
        return TieBreak{TieBreak::Kind::Criterion, std::string(text.substr(prefix.size()))};
    return std::nullopt;
}

double roundTo(double value, int decimals) {
    double scale = std::pow(10.0, decimals);
    // The nudge keeps 8.125 (stored as 8.12499...) rounding the way a person would.
    return std::round(value * scale + (value >= 0 ? 1e-7 : -1e-7)) / scale;
}

double aggregate(Aggregation rule, std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    auto first = values.begin(), last = values.end();
    if (rule == Aggregation::TrimmedMean && values.size() >= 5) {
        ++first;
        --last;
    }
    double sum = std::accumulate(first, last, 0.0);
    return sum / static_cast<double>(last - first);
}

std::vector<JudgedScore> aggregateJudged(const JudgedRules& rules, const std::vector<JudgedEntry>& entries) {
    std::vector<JudgedScore> out;
    out.reserve(entries.size());
    const auto& criteria = rules.criteria;
    for (const auto& entry : entries) {
        JudgedScore s;
        s.id = entry.id;
        s.perCriterion.assign(criteria.size(), 0.0);
        for (const auto& sheet : entry.sheets)
            if (std::any_of(sheet.scores.begin(), sheet.scores.end(), [](auto& v) { return v.has_value(); }))
                ++s.judges;
        double total = 0;
        for (std::size_t c = 0; c < criteria.size(); ++c) {
            std::vector<double> values;
            for (const auto& sheet : entry.sheets) {
                if (c >= sheet.scores.size() || !sheet.scores[c]) continue;
                double v = *sheet.scores[c];
                if (validateScore(criteria[c], v) != ScoreProblem::None) continue;
                values.push_back(v);
                if (sameValue(v, criteria[c].maxScore)) ++s.topMarks;
            }
            s.perCriterion[c] = roundTo(aggregate(rules.aggregation, std::move(values)), rules.decimals);
            total += criteria[c].weight * s.perCriterion[c];
        }
        s.total = roundTo(total, rules.decimals);
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<Ranked> rankEntries(const std::vector<RankKey>& entries) {
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), 0);
    auto compare = [&](std::size_t a, std::size_t b) {
        // -1 when a is better, 1 when b is better, 0 when fully tied.
        const auto& ka = entries[a].keys;
        const auto& kb = entries[b].keys;
        for (std::size_t i = 0; i < std::max(ka.size(), kb.size()); ++i) {
            double va = i < ka.size() ? ka[i] : 0, vb = i < kb.size() ? kb[i] : 0;
            if (sameValue(va, vb)) continue;
            return va > vb ? -1 : 1;
        }
        return 0;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return compare(a, b) < 0; });
    std::vector<Ranked> out;
    out.reserve(order.size());
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        int rank = static_cast<int>(pos) + 1;
        if (pos > 0 && compare(order[pos - 1], order[pos]) == 0) rank = out.back().rank;
        out.push_back({entries[order[pos]].id, rank, order[pos]});
    }
    return out;
}

RankKey judgedRankKey(const JudgedRules& rules, const JudgedScore& score) {
    RankKey key{score.id, {score.total}};
    for (const auto& tb : rules.tieBreaks) {
        if (tb.kind == TieBreak::Kind::TopMarks) {
            key.keys.push_back(score.topMarks);
            continue;
        }
        double v = 0;
        for (std::size_t c = 0; c < rules.criteria.size(); ++c)
            if (rules.criteria[c].id == tb.criterionId && c < score.perCriterion.size()) v = score.perCriterion[c];
        key.keys.push_back(v);
    }
    return key;
}

std::string_view prizeKey(Prize p) {
    switch (p) {
    case Prize::First: return "festival.prize.first";
    case Prize::Second: return "festival.prize.second";
    case Prize::Third: return "festival.prize.third";
    case Prize::Consolation: return "festival.prize.consolation";
    case Prize::None: break;
    }
    return "festival.prize.none";
}

std::string_view prizeCode(Prize p) { return kPrizeCodes.code(p); }
std::optional<Prize> parsePrize(std::string_view text) { return kPrizeCodes.parse(text); }

Prize prizeForRank(const PrizeCounts& counts, int rank) {
    if (rank < 1) return Prize::None;
    int limit = 0;
    const std::pair<int, Prize> bands[] = {{counts.first, Prize::First},
                                           {counts.second, Prize::Second},
                                           {counts.third, Prize::Third},
                                           {counts.consolation, Prize::Consolation}};
    for (const auto& [count, prize] : bands) {
        limit += std::max(0, count);
        if (rank <= limit) return prize;
    }
    return Prize::None;
}

std::vector<ResultRow> judgedResults(const JudgedRules& rules, const PrizeCounts& prizes,
                                     const std::vector<JudgedEntry>& entries) {
    auto scores = aggregateJudged(rules, entries);
    std::vector<RankKey> keys;
    std::vector<std::size_t> source;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        // A performance nobody has scored yet is listed last, neither ranked nor awarded.
        if (scores[i].judges == 0) continue;
        keys.push_back(judgedRankKey(rules, scores[i]));
        source.push_back(i);
    }
    std::vector<ResultRow> rows;
    auto rowOf = [](const JudgedScore& s) {
        ResultRow row;
        row.id = s.id;
        row.total = s.total;
        row.perCriterion = s.perCriterion;
        row.topMarks = s.topMarks;
        return row;
    };
    for (const auto& r : rankEntries(keys)) {
        auto row = rowOf(scores[source[r.index]]);
        row.rank = r.rank;
        row.prize = prizeForRank(prizes, r.rank);
        rows.push_back(std::move(row));
    }
    for (const auto& s : scores) {
        if (s.judges > 0) continue;
        auto row = rowOf(s);
        row.hasResult = false;
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<ResultRow> sportsResults(Better better, const PrizeCounts& prizes, const std::vector<SportsEntry>& entries) {
    std::vector<RankKey> keys;
    std::vector<std::size_t> source;
    double sign = better == Better::Higher ? 1.0 : -1.0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!entries[i].value) continue;
        RankKey k{entries[i].id, {sign * *entries[i].value}};
        for (double t : entries[i].tieBreaks) k.keys.push_back(sign * t);
        keys.push_back(std::move(k));
        source.push_back(i);
    }
    std::vector<ResultRow> rows;
    for (const auto& r : rankEntries(keys)) {
        const auto& e = entries[source[r.index]];
        rows.push_back({e.id, r.rank, prizeForRank(prizes, r.rank), *e.value, {}, 0, true});
    }
    for (const auto& e : entries)
        if (!e.value) rows.push_back({e.id, 0, Prize::None, 0, {}, 0, false});
    return rows;
}

std::optional<double> parseDurationSeconds(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ':') {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() > 3) return std::nullopt;
    double total = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto v = parseNumber(parts[i]);
        if (!v || *v < 0) return std::nullopt;
        bool last = i + 1 == parts.size();
        // Only the seconds may carry decimals, and minutes/seconds after a colon stay under 60.
        if (!last && *v != std::floor(*v)) return std::nullopt;
        if (i > 0 && *v >= 60) return std::nullopt;
        total = total * 60 + *v;
    }
    return total;
}

} // namespace kiosk::core
