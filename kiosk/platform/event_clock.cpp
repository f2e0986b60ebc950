#include "kiosk/platform/event_clock.hpp"

namespace kiosk::platform {

std::uint32_t EventClock::toTicks(std::uint32_t serverMs, std::uint32_t receivedTicks) {
    // The difference of two wrapping clocks, taken modulo 2^32 and read as signed.
    const auto seen = static_cast<std::int32_t>(receivedTicks - serverMs);
    // Every event reaches us after it happened: the least delayed one gives the best offset. A
    // much later arrival than the estimate allows means the estimate is wrong, not the event.
    if (!m_offset || seen < *m_offset || seen - *m_offset > kMaxLatencyMs) m_offset = seen;
    return serverMs + static_cast<std::uint32_t>(*m_offset);
}

} // namespace kiosk::platform
