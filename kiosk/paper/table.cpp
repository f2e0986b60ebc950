#include "kiosk/paper/table.hpp"

namespace kiosk::paper {

std::string formatLocalDateTime(core::Millis at, int utcOffsetMin) {
    return core::localDate(at, utcOffsetMin) + " " + core::formatClockSeconds(at, utcOffsetMin);
}

} // namespace kiosk::paper
