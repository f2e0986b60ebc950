#include "kiosk/core/search.hpp"

#include <algorithm>
#include <unordered_map>

#include "kiosk/core/text.hpp"

namespace kiosk::core {

namespace {

constexpr std::uint8_t kName = 1, kUnit = 2, kCode = 4;

// A code match is the most specific, then the name, then the unit; whole tokens rank above prefixes.
std::uint8_t weight(std::uint8_t fields, bool whole) {
    std::uint8_t w = 0;
    if (fields & kCode) w = std::max<std::uint8_t>(w, whole ? 100 : 50);
    if (fields & kName) w = std::max<std::uint8_t>(w, whole ? 60 : 40);
    if (fields & kUnit) w = std::max<std::uint8_t>(w, whole ? 15 : 10);
    return w;
}

} // namespace

void SearchIndex::build(const std::vector<SearchDoc>& docs) {
    m_dict.clear();
    m_ids.clear();
    m_nameLength.clear();
    std::unordered_map<std::string, std::uint32_t> tokenIds;
    std::vector<Entry> entries;
    // Folding the same unit string for thousands of delegates is wasted work: remember it.
    std::unordered_map<std::string, std::vector<std::string>> unitTokens;
    for (std::uint32_t d = 0; d < docs.size(); ++d) {
        m_ids.push_back(docs[d].id);
        m_nameLength.push_back(static_cast<std::uint16_t>(std::min<size_t>(docs[d].name.size(), 65535)));
        auto add = [&](const std::string& token, std::uint8_t field) {
            auto [it, inserted] = tokenIds.emplace(token, static_cast<std::uint32_t>(entries.size()));
            if (inserted) entries.push_back(Entry{token, {}});
            auto& postings = entries[it->second].postings;
            if (!postings.empty() && postings.back().doc == d) postings.back().fields |= field;
            else postings.push_back(Posting{d, field});
        };
        for (const auto& t : tokens(fold(docs[d].name))) add(t, kName);
        auto cached = unitTokens.find(docs[d].unit);
        if (cached == unitTokens.end()) cached = unitTokens.emplace(docs[d].unit, tokens(fold(docs[d].unit))).first;
        for (const auto& t : cached->second) add(t, kUnit);
        for (const auto& t : tokens(fold(docs[d].code))) add(t, kCode);
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.token < b.token; });
    m_dict = std::move(entries);
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, size_t limit) const {
    std::vector<std::string> terms = tokens(fold(query));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (terms.empty() || limit == 0 || m_ids.empty()) return {};

    struct Range {
        size_t lo, hi, postings;
        const std::string* term;
    };
    std::vector<Range> ranges;
    for (const auto& term : terms) {
        const auto lo = std::lower_bound(m_dict.begin(), m_dict.end(), term, [](const Entry& e, const std::string& t) { return e.token < t; });
        auto hi = lo;
        size_t postings = 0;
        while (hi != m_dict.end() && hi->token.compare(0, term.size(), term) == 0) {
            postings += hi->postings.size();
            ++hi;
        }
        if (postings == 0) return {};
        ranges.push_back(Range{static_cast<size_t>(lo - m_dict.begin()), static_cast<size_t>(hi - m_dict.begin()), postings, &term});
    }
    // The rarest term makes the candidates; the others only filter and score them.
    std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.postings < b.postings; });

    // Per-document best weight of the current term. Reused between queries (every entry is reset
    // to zero before the search returns), so a query costs what it touches, not the index size.
    thread_local std::vector<std::uint8_t> best;
    if (best.size() < m_ids.size()) best.assign(m_ids.size(), 0);
    auto scoreTerm = [&](const Range& r) {
        for (size_t e = r.lo; e < r.hi; ++e) {
            const bool whole = m_dict[e].token.size() == r.term->size();
            for (const auto& p : m_dict[e].postings) best[p.doc] = std::max(best[p.doc], weight(p.fields, whole));
        }
    };
    scoreTerm(ranges[0]);
    std::vector<std::uint32_t> candidates;
    std::vector<int> scores;
    for (size_t e = ranges[0].lo; e < ranges[0].hi; ++e)
        for (const auto& p : m_dict[e].postings)
            if (best[p.doc] != 0) {
                candidates.push_back(p.doc);
                scores.push_back(best[p.doc]);
                best[p.doc] = 0; // taken once
            }
    for (size_t r = 1; r < ranges.size() && !candidates.empty(); ++r) {
        scoreTerm(ranges[r]);
        size_t kept = 0;
        for (size_t c = 0; c < candidates.size(); ++c) {
            const std::uint8_t w = best[candidates[c]];
            if (w == 0) continue;
            candidates[kept] = candidates[c];
            scores[kept] = scores[c] + w;
            ++kept;
        }
        candidates.resize(kept);
        scores.resize(kept);
        // Clear only what this term touched.
        for (size_t e = ranges[r].lo; e < ranges[r].hi; ++e)
            for (const auto& p : m_dict[e].postings) best[p.doc] = 0;
    }

    std::vector<SearchHit> hits;
    hits.reserve(candidates.size());
    for (size_t c = 0; c < candidates.size(); ++c)
        hits.push_back(SearchHit{m_ids[candidates[c]], scores[c] * 1000 - std::min<int>(m_nameLength[candidates[c]], 999)});
    const size_t n = std::min(limit, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end(),
                      [](const SearchHit& a, const SearchHit& b) { return a.score > b.score || (a.score == b.score && a.id < b.id); });
    hits.resize(n);
    return hits;
}

} // namespace kiosk::core
