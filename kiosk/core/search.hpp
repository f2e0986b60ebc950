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

/// An in-memory inverted index of folded token prefixes.
class SearchIndex {
public:
    void build(const std::vector<SearchDoc>& docs);
    /// Best matches first; an empty query finds nothing.
    std::vector<SearchHit> search(std::string_view query, size_t limit) const;
    size_t size() const { return m_docs.size(); }

private:
    enum Field : std::uint8_t { Name = 0, Unit = 1, Code = 2 };
    struct Token {
        std::string text;
        Field field;
        std::uint8_t position;
    };
    struct Doc {
        std::int64_t id;
        std::uint16_t nameLength;
        std::vector<Token> tokens;
    };
    struct Posting {
        std::string_view token; // points into m_docs' token text
        std::uint32_t doc;
    };
    std::vector<Doc> m_docs;
    std::vector<Posting> m_postings; // sorted by token
};

} // namespace kiosk::core
