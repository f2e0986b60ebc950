#pragma once
// One table per enum that is stored as text (in the database, a pack or the hub): the only place
// that spells its codes, read both ways. An unknown code parses to nothing, never to a default:
// the store turns that into an error (store::knownCode), a pack loader into a problem.
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace kiosk::core {

template <class E, std::size_t N> struct CodeTable {
    std::pair<E, std::string_view> rows[N];

    /// The code of a value (empty for a value the table does not hold, which a test forbids).
    constexpr std::string_view code(E value) const {
        for (const auto& [v, c] : rows)
            if (v == value) return c;
        return {};
    }
    constexpr std::optional<E> parse(std::string_view text) const {
        for (const auto& [v, c] : rows)
            if (c == text) return v;
        return std::nullopt;
    }
    static constexpr std::size_t size() { return N; }
};

/// makeCodes<Kind>({{Kind::A, "a"}, {Kind::B, "b"}})
template <class E, std::size_t N>
constexpr CodeTable<E, N> makeCodes(const std::pair<E, std::string_view> (&rows)[N]) {
    CodeTable<E, N> t{};
    for (std::size_t i = 0; i < N; ++i)
        t.rows[i] = rows[i];
    return t;
}

} // namespace kiosk::core
