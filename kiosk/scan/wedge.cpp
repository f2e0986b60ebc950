#include "kiosk/scan/wedge.hpp"

namespace kiosk::scan {

KeyboardWedge::KeyboardWedge(WedgeOptions options) : m_options(options) {}

void KeyboardWedge::reset() {
    m_text.clear();
    m_keys = 0;
    m_first = m_last = 0;
}

void KeyboardWedge::text(std::string_view utf8, core::Millis at) {
    if (utf8.empty()) return;
    // A pause: what came before was a person. So every gap inside m_text is at most maxGapMs.
    if (m_keys > 0 && at - m_last > m_options.maxGapMs) reset();
    if (m_keys == 0) m_first = at;
    m_text.append(utf8);
    ++m_keys;
    m_last = at;
}

bool KeyboardWedge::evenlyFast() const {
    return m_keys < 2 || (m_last - m_first) / (m_keys - 1) <= m_options.maxMeanGapMs;
}

bool KeyboardWedge::looksScanned() const { return m_keys >= m_options.minLength && evenlyFast(); }

std::optional<std::string> KeyboardWedge::terminator(core::Millis at) {
    std::optional<std::string> out;
    if (m_keys > 0 && at - m_last <= m_options.maxGapMs && looksScanned()) out = std::move(m_text);
    reset();
    return out;
}

std::optional<std::string> KeyboardWedge::idle(core::Millis now) {
    if (m_options.requireTerminator || m_keys == 0 || now - m_last <= m_options.maxGapMs) return std::nullopt;
    std::optional<std::string> out;
    if (looksScanned()) out = std::move(m_text);
    reset();
    return out;
}

bool KeyboardWedge::inBurst(core::Millis now) const {
    return m_keys > 0 && now - m_last <= m_options.maxGapMs && evenlyFast();
}

} // namespace kiosk::scan
