// libFuzzer target: scanner text through noise stripping, parsing and verification.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/core/badge.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kiosk::core::BadgeKey key = [] {
        kiosk::core::BadgeKey k{};
        for (size_t i = 0; i < k.size(); ++i) k[i] = static_cast<std::uint8_t>(i * 7 + 1);
        return k;
    }();
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto parsed = kiosk::core::parseBadge(kiosk::core::cleanScan(text));
    if (parsed.kind == kiosk::core::ParsedBadge::Kind::Signed) {
        (void)kiosk::core::verifyBadge(key, parsed);
        // A signed parse must re-serialize to a badge of the same shape.
        const auto again = kiosk::core::makeBadgeText(key, parsed.prefix, parsed.code, parsed.serial);
        if (kiosk::core::parseBadge(again).kind != kiosk::core::ParsedBadge::Kind::Signed) __builtin_trap();
    }
    return 0;
}
