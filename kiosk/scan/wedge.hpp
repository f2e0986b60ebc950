#pragma once
// Keyboard-wedge scanners type a code as keystrokes. A scanner types faster and more evenly than a
// person and ends with Enter or Tab; this tells the two apart from key timings alone (no SDL here:
// the GUI feeds it every text and Enter/Tab key event, with the event's millisecond timestamp).
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/time.hpp"

namespace kiosk::scan {

/// Timing rules. Scanners send a key every 2-20 ms; a fast person rarely keeps under 50 ms.
struct WedgeOptions {
    core::Millis maxGapMs = 50;     ///< longest pause between two keys of one scan (and before Enter)
    core::Millis maxMeanGapMs = 30; ///< the mean pause over the scan must be at most this
    int minLength = 4;              ///< shorter bursts are keys a person hit together
    bool requireTerminator = true;  ///< false: a fast burst followed by silence also counts (scanners
                                    ///< configured without a suffix), see idle()
};

/// Turns timed keystrokes into scans. Times may come from any millisecond clock that does not go
/// back (SDL event timestamps work). Not thread-safe: feed it from the thread that gets the keys.
class KeyboardWedge {
public:
    explicit KeyboardWedge(WedgeOptions options = {});

    /// A printable key press (UTF-8 text of one key, as SDL_TEXTINPUT gives it).
    void text(std::string_view utf8, core::Millis at);

    /// Enter or Tab: the scanned text when the keys before it were a scan, else nothing.
    std::optional<std::string> terminator(core::Millis at);

    /// With requireTerminator off: the scanned text once a fast burst has been followed by more than
    /// maxGapMs of silence. Call it when the event loop wakes. Always nothing otherwise.
    std::optional<std::string> idle(core::Millis now);

    /// True while the keys so far could still be a scan (the GUI may hold them back from widgets).
    bool inBurst(core::Millis now) const;

    /// Forgets the keys so far (e.g. on Backspace or Escape: a person at the keyboard).
    void reset();

private:
    bool evenlyFast() const;
    bool looksScanned() const;

    WedgeOptions m_options;
    std::string m_text;
    int m_keys = 0;
    core::Millis m_first = 0;
    core::Millis m_last = 0;
};

} // namespace kiosk::scan
