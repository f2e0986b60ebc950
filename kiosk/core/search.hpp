#pragma once
// Desk search over delegates: case- and diacritic-insensitive token prefixes in any order,
// over name, unit and code, ranked. "ng v binh" finds "Nguyễn Văn Bình".
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

/// What is searchable about one delegate.
struct SearchDoc {
    std::int64_t id = 0;
    std::string name;
    std::string unit;
    std::string code;
};

struct SearchHit {
    std::int64_t id = 0;
    int score = 0;
};

/// An inverted index: a sorted dictionary of folded tokens, each with the documents (and the
/// fields) it occurs in. A query term selects a dictionary range by prefix; documents must
/// match every term; the score adds each term's best match (code > name > unit, whole token
/// above prefix), ties going to the shorter name.
class SearchIndex {
public:
    void build(const std::vector<SearchDoc>& docs);
    /// Best matches first; an empty query finds nothing.
    std::vector<SearchHit> search(std::string_view query, size_t limit) const;
    size_t size() const { return m_ids.size(); }

private:
    struct Posting {
        std::uint32_t doc;
        std::uint8_t fields; ///< bit 0 name, bit 1 unit, bit 2 code
    };
    struct Entry {
        std::string token;
        std::vector<Posting> postings; ///< by doc
    };
    std::vector<Entry> m_dict; ///< sorted by token
    std::vector<std::int64_t> m_ids;
    std::vector<std::uint16_t> m_nameLength;
};

} // namespace kiosk::core
