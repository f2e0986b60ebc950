#pragma once
// Badge codes: EVENTPREFIX-DELEGATECODE-SERIAL-MAC, uppercase so a QR code uses alphanumeric mode.
// The MAC is a keyed BLAKE2b (libsodium) over prefix, code and serial, truncated to 80 bits and
// written in base32: a code not issued with this event's key is refused offline.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::core {

/// The event's secret badge key.
using BadgeKey = std::array<std::uint8_t, 32>;

/// A fresh random key.
BadgeKey generateBadgeKey();
/// Hex form for storage, and back (false on bad input).
std::string keyToHex(const BadgeKey& key);
bool keyFromHex(std::string_view hex, BadgeKey& out);

/// Removes what scanners add around a code: surrounding white space, trailing CR/LF/TAB,
/// a leading AIM symbology identifier such as "]Q1" or "]C0".
std::string cleanScan(std::string_view raw);

/// What a scanned text is.
struct ParsedBadge {
    enum class Kind { Signed, Plain, Malformed };
    Kind kind = Kind::Malformed;
    std::string prefix;
    std::string code;
    int serial = 0;
    std::string mac;
    std::string text; ///< the cleaned text
};

/// Classifies and splits a cleaned scan. Plain: printable text that is not in the signed form.
ParsedBadge parseBadge(std::string_view cleaned);

/// The badge text for a delegate.
std::string makeBadgeText(const BadgeKey& key, std::string_view prefix, std::string_view code, int serial);

/// True when the badge's MAC was made with key (constant-time comparison).
bool verifyBadge(const BadgeKey& key, const ParsedBadge& badge);

/// RFC 4648 base32 without padding, uppercase.
std::string base32(const std::uint8_t* data, size_t size);

} // namespace kiosk::core
