#pragma once
// Input events carry the time the X server saw the key (its own millisecond clock); SDL stamps
// them only when it pumps its queue, which under load (a frame being drawn) lumps keys pressed
// 16 ms apart onto one tick. This maps the server's clock onto SDL's ticks so each buzzer press
// keeps its own millisecond. Pure (no SDL, no X): tested headless.
#include <cstdint>
#include <optional>

namespace kiosk::platform {

class EventClock {
  public:
    /// Past this, an estimate is stale (the server restarted, a clock jumped): start again.
    static constexpr std::int64_t kMaxLatencyMs = 1000;

    /// The ticks at which an event stamped serverMs happened, seen at receivedTicks. Both clocks
    /// are 32-bit milliseconds that wrap; the result is never after receivedTicks.
    std::uint32_t toTicks(std::uint32_t serverMs, std::uint32_t receivedTicks);

  private:
    std::optional<std::int32_t>
        m_offset; ///< ticks - server time, the smallest (least delayed) seen
};

} // namespace kiosk::platform
