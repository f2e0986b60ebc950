#pragma once
// Replay scripts: steps that drive the real program (scanner text, camera frames from image files,
// keys, clicks, screenshots, quit) for end-to-end tests and demos, each step after the one before
// it. `wait` holds the script until the program's state says so; `mark` publishes a name in the
// database for another process's `wait peer`. See docs/GUI.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/time.hpp"

namespace kiosk::ui {

/// One step: "VERB ARG", or "at MS VERB ARG" for a step not run before MS after the first frame.
struct ReplayStep {
    core::Millis at = 0;
    std::string verb; ///< scan, frame, key, click, type, shot, wait, mark, quit
    std::string arg;
    int line = 0;
};

/// Parses a script; nullopt with error ("line N: ...") on a bad line. Steps keep file order.
std::optional<std::vector<ReplayStep>> parseReplay(const std::string& text, std::string& error);

/// "click 640 360" -> true with x, y; "click NAME" -> false.
bool clickCoordinates(const std::string& arg, float& x, float& y);

/// A `wait` step's condition: "KEY VALUE" (the shell's state holds "KEY":VALUE) or
/// "peer KIOSK MARK" (the kiosk named KIOSK has published MARK through the database).
struct WaitCondition {
    std::string peer; ///< empty for a condition on this program's own state
    std::string key;
    std::string value; ///< the state's value, or the peer's mark
};
std::optional<WaitCondition> parseWait(std::string_view arg);

/// True when the state JSON holds "key":value, value written as JSON (a number, true, false, null
/// and a quoted text such as "" as they are, anything else as a text), at any depth.
bool stateMatches(std::string_view stateJson, const WaitCondition& condition);

/// The heartbeat info that carries a mark beside the usual info, and whether an info carries one.
std::string markedInfo(std::string_view info, std::string_view mark);
bool infoHasMark(std::string_view info, std::string_view mark);

} // namespace kiosk::ui
