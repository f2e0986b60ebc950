#include "kiosk/paper/table.hpp"

namespace kiosk::paper {

std::string formatLocalDateTime(core::Millis at, int utcOffsetMin) {
    // "2023-08-19T07:42:05+07:00" -> "2023-08-19 07:42:05": one formatting pass per cell.
    std::string iso = core::formatIso(at, utcOffsetMin);
    iso[10] = ' ';
    iso.resize(19);
    return iso;
}

} // namespace kiosk::paper
