#include "kiosk/ui/key_burst.hpp"

namespace kiosk::ui {

void KeyBurst::text(const std::string& utf8, std::uint32_t atMs) {
    if (!m_buffer.empty() && atMs - m_last > kMaxGapMs) m_buffer.clear();
    m_buffer += utf8;
    m_last = atMs;
}

std::optional<std::string> KeyBurst::terminator(std::uint32_t atMs) {
    std::optional<std::string> out;
    if (m_buffer.size() >= kMinLength && atMs - m_last <= kMaxGapMs) out = m_buffer;
    m_buffer.clear();
    return out;
}

} // namespace kiosk::ui
