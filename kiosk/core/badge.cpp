#include "kiosk/core/badge.hpp"

#include <sodium.h>
#include <stdexcept>

#include "kiosk/core/text.hpp"

namespace kiosk::core {

namespace {

constexpr size_t kMacBytes = 10;  // 80 bits: 16 base32 characters
constexpr size_t kMacChars = 16;
constexpr size_t kMaxScanBytes = 512;

void ensureSodium() {
    static const bool ok = sodium_init() >= 0;
    if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

bool isCodeChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }
bool isBase32Char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'); }

std::string macFor(const BadgeKey& key, std::string_view prefix, std::string_view code, int serial) {
    ensureSodium();
    // Length-prefixed fields so ("AB","C") and ("A","BC") never collide.
    std::string message;
    for (std::string_view part : {prefix, code}) {
        message += std::to_string(part.size());
        message += ':';
        message += part;
    }
    message += std::to_string(serial);
    std::uint8_t out[kMacBytes];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       key.data(), key.size());
    return base32(out, sizeof out);
}

} // namespace

BadgeKey generateBadgeKey() {
    ensureSodium();
    BadgeKey key;
    randombytes_buf(key.data(), key.size());
    return key;
}

std::string keyToHex(const BadgeKey& key) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (auto b : key) {
        out.push_back(hex[b >> 4]);
        out.push_back(hex[b & 15]);
    }
    return out;
}

bool keyFromHex(std::string_view hex, BadgeKey& out) {
    if (hex.size() != out.size() * 2) return false;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (size_t i = 0; i < out.size(); ++i) {
        const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return false;
        out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return true;
}

std::string base32(const std::uint8_t* data, size_t size) {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 5) {
            out.push_back(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0) out.push_back(alphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

std::string cleanScan(std::string_view raw) {
    std::string_view s = trim(raw);
    // AIM symbology identifier: ']' + one letter + one modifier character.
    if (s.size() >= 3 && s[0] == ']' && ((s[1] >= 'A' && s[1] <= 'Z') || (s[1] >= 'a' && s[1] <= 'z')))
        s = trim(s.substr(3));
    // A serial scanner in the wrong code page sends bytes that are not UTF-8: keep them visible
    // (U+FFFD) rather than storing bytes that break the exports.
    return sanitizeText(s);
}

ParsedBadge parseBadge(std::string_view cleaned) {
    ParsedBadge p;
    p.text = std::string(cleaned);
    if (cleaned.empty() || cleaned.size() > kMaxScanBytes || !isValidUtf8(cleaned)) return p;
    for (unsigned char c : cleaned)
        if (c < 0x20 || c == 0x7f) return p;
    // cleanScan() turned garbled bytes into U+FFFD: still a malformed scan, stored legibly.
    if (cleaned.find("\xEF\xBF\xBD") != std::string_view::npos) return p;

    // Signed form: PREFIX-CODE-SERIAL-MAC, the code itself may hold '-'.
    const std::string upper = asciiUpper(cleaned);
    const size_t first = upper.find('-');
    const size_t last = upper.rfind('-');
    if (first != std::string::npos && last != first) {
        const size_t serialStart = upper.rfind('-', last - 1);
        if (serialStart != std::string::npos && serialStart > first) {
            const std::string prefix = upper.substr(0, first);
            const std::string code = upper.substr(first + 1, serialStart - first - 1);
            const std::string serial = upper.substr(serialStart + 1, last - serialStart - 1);
            const std::string mac = upper.substr(last + 1);
            bool ok = !prefix.empty() && !code.empty() && !serial.empty() && serial.size() <= 6 && mac.size() == kMacChars;
            for (char c : prefix) ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
            for (char c : code) ok = ok && isCodeChar(c);
            for (char c : serial) ok = ok && c >= '0' && c <= '9';
            for (char c : mac) ok = ok && isBase32Char(c);
            if (ok) {
                p.kind = ParsedBadge::Kind::Signed;
                p.prefix = prefix;
                p.code = code;
                p.serial = std::stoi(serial);
                p.mac = mac;
                p.text = upper;
                return p;
            }
        }
    }
    // Plain codes are upper-cased like signed ones (BADGES.md): "nv100200" is NV100200.
    p.kind = ParsedBadge::Kind::Plain;
    p.text = upper;
    return p;
}

std::string makeBadgeText(const BadgeKey& key, std::string_view prefix, std::string_view code, int serial) {
    const std::string up = asciiUpper(prefix), uc = asciiUpper(code);
    return up + "-" + uc + "-" + std::to_string(serial) + "-" + macFor(key, up, uc, serial);
}

bool verifyBadge(const BadgeKey& key, const ParsedBadge& badge) {
    if (badge.kind != ParsedBadge::Kind::Signed) return false;
    const std::string expected = macFor(key, badge.prefix, badge.code, badge.serial);
    return expected.size() == badge.mac.size() && sodium_memcmp(expected.data(), badge.mac.data(), expected.size()) == 0;
}

} // namespace kiosk::core
