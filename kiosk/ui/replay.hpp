#pragma once
// Replay scripts: timed steps that drive the real program (scanner text, camera frames from image
// files, keys, clicks, screenshots, quit), for end-to-end tests and demos. See docs/GUI.md.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/time.hpp"

namespace kiosk::ui {

/// One step: "at MS VERB ARG".
struct ReplayStep {
    core::Millis at = 0;
    std::string verb; ///< scan, frame, key, click, type, shot, quit
    std::string arg;
    int line = 0;
};

/// Parses a script; nullopt with error ("line N: ...") on a bad line. Steps keep file order.
std::optional<std::vector<ReplayStep>> parseReplay(const std::string& text, std::string& error);

/// "click 640 360" -> true with x, y; "click NAME" -> false.
bool clickCoordinates(const std::string& arg, float& x, float& y);

} // namespace kiosk::ui
