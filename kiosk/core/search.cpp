#include "kiosk/core/search.hpp"

#include <algorithm>
#include <limits>

#include "kiosk/core/text.hpp"

namespace kiosk::core {

namespace {

// Weights: a code match is the most specific, then the name, then the unit; whole tokens
// rank above prefixes.
int weight(std::uint8_t field, bool whole) {
    static const int table[3][2] = {{40, 60}, {10, 15}, {50, 100}};
    return table[field][whole ? 1 : 0];
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

void SearchIndex::build(const std::vector<SearchDoc>& docs) {
    m_docs.clear();
    m_postings.clear();
    m_docs.reserve(docs.size());
    for (const auto& d : docs) {
        Doc doc{d.id, static_cast<std::uint16_t>(std::min<size_t>(d.name.size(), 65535)), {}};
        auto add = [&](const std::string& text, Field field) {
            std::uint8_t pos = 0;
            for (auto& t : tokens(fold(text))) doc.tokens.push_back(Token{std::move(t), field, pos++});
        };
        add(d.name, Name);
        add(d.unit, Unit);
        add(d.code, Code);
        m_docs.push_back(std::move(doc));
    }
    // Postings are built after every doc is in place so the views stay valid.
    for (std::uint32_t i = 0; i < m_docs.size(); ++i)
        for (const auto& t : m_docs[i].tokens) m_postings.push_back(Posting{t.text, i});
    std::sort(m_postings.begin(), m_postings.end(), [](const Posting& a, const Posting& b) {
        return a.token < b.token || (a.token == b.token && a.doc < b.doc);
    });
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, size_t limit) const {
    const std::vector<std::string> terms = tokens(fold(query));
    if (terms.empty() || limit == 0) return {};

    // Drive the search from the most selective term: the one whose prefix range is smallest.
    auto rangeOf = [&](const std::string& term) {
        auto lo = std::lower_bound(m_postings.begin(), m_postings.end(), term,
                                   [](const Posting& p, const std::string& t) { return p.token < std::string_view(t); });
        auto hi = lo;
        const std::string upper = term + '\xff';
        hi = std::lower_bound(lo, m_postings.end(), upper,
                              [](const Posting& p, const std::string& t) { return p.token < std::string_view(t); });
        return std::make_pair(lo, hi);
    };
    size_t best = 0;
    auto bestRange = rangeOf(terms[0]);
    for (size_t i = 1; i < terms.size(); ++i) {
        auto r = rangeOf(terms[i]);
        if (r.second - r.first < bestRange.second - bestRange.first) {
            bestRange = r;
            best = i;
        }
    }
    if (bestRange.first == bestRange.second) return {};

    std::vector<std::uint32_t> candidates;
    candidates.reserve(static_cast<size_t>(bestRange.second - bestRange.first));
    for (auto it = bestRange.first; it != bestRange.second; ++it) candidates.push_back(it->doc);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    (void)best;

    std::vector<SearchHit> hits;
    std::vector<std::uint8_t> used;
    for (std::uint32_t c : candidates) {
        const Doc& doc = m_docs[c];
        int score = 0;
        bool all = true;
        int lastNamePos = -1;
        bool inOrder = true;
        used.assign(doc.tokens.size(), 0);
        // Each term takes its best unused token, so "van van" needs two "van"s.
        for (const auto& term : terms) {
            int bestScore = -1;
            size_t bestToken = 0;
            for (size_t k = 0; k < doc.tokens.size(); ++k) {
                if (used[k] || !startsWith(doc.tokens[k].text, term)) continue;
                const int s = weight(doc.tokens[k].field, doc.tokens[k].text.size() == term.size());
                if (s > bestScore) {
                    bestScore = s;
                    bestToken = k;
                }
            }
            if (bestScore < 0) {
                all = false;
                break;
            }
            used[bestToken] = 1;
            score += bestScore;
            const Token& t = doc.tokens[bestToken];
            if (t.field == Name) {
                if (static_cast<int>(t.position) < lastNamePos) inOrder = false;
                lastNamePos = t.position;
            }
        }
        if (!all) continue;
        if (inOrder && lastNamePos >= 0) score += 5;
        // Vietnamese given names come last: a match on the last name token is what a person typed.
        hits.push_back(SearchHit{doc.id, score * 1000 - std::min<int>(doc.nameLength, 999)});
    }
    const size_t n = std::min(limit, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end(),
                      [](const SearchHit& a, const SearchHit& b) { return a.score > b.score || (a.score == b.score && a.id < b.id); });
    hits.resize(n);
    return hits;
}

} // namespace kiosk::core
