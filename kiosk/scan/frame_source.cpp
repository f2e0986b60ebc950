#include "kiosk/scan/frame_source.hpp"

namespace kiosk::scan {

const char* sourceStateName(SourceState state) {
    switch (state) {
    case SourceState::Idle: return "idle";
    case SourceState::Running: return "running";
    case SourceState::Lost: return "lost";
    case SourceState::Failed: return "failed";
    case SourceState::Ended: return "ended";
    }
    return "idle";
}

} // namespace kiosk::scan
