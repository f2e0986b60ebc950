#include "kiosk/core/uuid.hpp"

#include <cstdint>
#include <sodium.h>

namespace kiosk::core {

std::string newUuid() {
    static const bool ready = sodium_init() >= 0;
    (void)ready;
    std::uint8_t b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(hex[b[i] >> 4]);
        out.push_back(hex[b[i] & 15]);
    }
    return out;
}

} // namespace kiosk::core
