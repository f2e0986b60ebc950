#pragma once
// Tells a USB barcode scanner in keyboard mode from a person typing: a scanner sends a whole
// code as a burst of keystrokes a few milliseconds apart, ending in Enter or Tab.
// (Kept in ui until the scan layer's wedge detector is merged; the shell only needs feed/finish.)
#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::ui {

class KeyBurst {
public:
    /// Longest gap between two keystrokes of one scan, and the shortest code worth deciding.
    static constexpr std::uint32_t kMaxGapMs = 50;
    static constexpr std::size_t kMinLength = 3;

    /// Adds typed text (UTF-8) at a time in ms; a slow keystroke starts a new burst.
    void text(const std::string& utf8, std::uint32_t atMs);
    /// Enter or Tab at a time: returns the code when the burst was a scanner's.
    std::optional<std::string> terminator(std::uint32_t atMs);
    void clear() { m_buffer.clear(); }

private:
    std::string m_buffer;
    std::uint32_t m_last = 0;
};

} // namespace kiosk::ui
