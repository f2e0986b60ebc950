#include "kiosk/core/text.hpp"

#include <cstdlib>
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

std::string fold(std::string_view text) {
    // Most codes and many queries are ASCII: skip utf8proc's allocation for them.
    if (isAsciiOnly(text)) return asciiLower(text);
    if (!isValidUtf8(text)) return asciiLower(text);

    utf8proc_uint8_t* mapped = nullptr;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STRIPMARK |
                                                        UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE);
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                            static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
    if (n < 0) return asciiLower(text);
    std::string out;
    out.reserve(static_cast<size_t>(n));
    // đ (U+0111, UTF-8 C4 91) does not decompose: map it by hand. Đ casefolds to đ above.
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
        if (mapped[i] == 0xC4 && i + 1 < n && mapped[i + 1] == 0x91) {
            out.push_back('d');
            ++i;
        } else {
            out.push_back(static_cast<char>(mapped[i]));
        }
    }
    std::free(mapped);
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
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) return false;
        i += static_cast<size_t>(n);
    }
    return true;
}

std::string asciiUpper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

} // namespace kiosk::core
