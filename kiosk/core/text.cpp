#include "kiosk/core/text.hpp"

#include <cstdlib>
#include <vector>
#include <utf8proc.h>

namespace kiosk::core {

namespace {

bool isAsciiOnly(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

std::string asciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

namespace {

// Folding one code point at a time with a table is exact for the cases that matter (precomposed
// Vietnamese, Latin-1, combining marks, which fold to nothing) and avoids utf8proc's
// decompose-then-recompose of whole strings, which dominated index building.
constexpr char32_t kTableSize = 0x2500;

std::string foldCodePoint(char32_t cp) {
    if (cp == 0x0110 || cp == 0x0111) return "d"; // Đ đ do not decompose
    utf8proc_int32_t buf[8];
    int last = 0;
    const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                                           static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD),
                                           &last);
    std::string out;
    if (n < 0 || n > 8) return out;
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
        utf8proc_uint8_t bytes[4];
        const auto len = utf8proc_encode_char(buf[i], bytes);
        out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(len));
    }
    return out;
}

const std::vector<std::string>& foldTable() {
    static const std::vector<std::string> table = [] {
        std::vector<std::string> t(kTableSize);
        for (char32_t cp = 0x80; cp < kTableSize; ++cp) t[cp] = foldCodePoint(cp);
        return t;
    }();
    return table;
}

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when invalid.
size_t decodeUtf8(std::string_view s, size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    size_t len;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

} // namespace

std::string fold(std::string_view text) {
    // Most codes and many queries are ASCII.
    if (isAsciiOnly(text)) return asciiLower(text);
    if (!isValidUtf8(text)) return asciiLower(text);
    const auto& table = foldTable();
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const size_t len = decodeUtf8(text, i, cp);
        if (cp < 0x80) {
            out.push_back(cp >= 'A' && cp <= 'Z' ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp));
        } else if (cp < kTableSize) {
            out += table[cp];
        } else {
            out += foldCodePoint(cp);
        }
        i += len;
    }
    return out;
}

std::vector<std::string> tokens(std::string_view folded) {
    std::vector<std::string> out;
    std::string current;
    for (unsigned char c : folded) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (word) {
            current.push_back(static_cast<char>(c));
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::string_view trim(std::string_view text) {
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    return text;
}

bool isValidUtf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t cp;
        const size_t n = decodeUtf8(text, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string sanitizeText(std::string_view text) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            const bool control = (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
            if (control) out += kReplacement;
            else out.push_back(static_cast<char>(b));
            ++i;
            continue;
        }
        char32_t cp;
        const size_t n = decodeUtf8(text, i, cp);
        if (n == 0) {
            out += kReplacement; // one replacement per bad byte, as a decoder would show it
            ++i;
            continue;
        }
        if (cp >= 0x80 && cp < 0xA0) out += kReplacement; // C1 controls: invalid in XML 1.0 too
        else out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

std::string asciiUpper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::vector<std::string> utf8Chars(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
        if (i + n > text.size()) n = 1;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) n = 1;
        out.emplace_back(text.substr(i, n));
        i += n;
    }
    return out;
}

} // namespace kiosk::core
