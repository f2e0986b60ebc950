#pragma once
// What the input threads hand the GUI: scans with their origin, through a thread-safe queue the GUI
// polls (optionally woken by a callback), plus the rule that reports a code held in front of the
// camera once rather than 30 times a second.
#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <condition_variable>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/scan/decoder.hpp"

namespace kiosk::scan {

/// Where a scan came from.
enum class ScanOrigin { Camera, Serial, Keyboard };

/// One scanned text, as read (scanner noise is cleaned later by core::cleanScan).
struct ScanEvent {
    std::string text;
    ScanOrigin origin = ScanOrigin::Camera;
    std::string device;             ///< the source's name
    core::Millis at = 0;            ///< wall-clock time it was read
    double decodeMs = 0;            ///< camera: time to decode the frame
    std::array<Point, 4> corners{}; ///< camera: where the code was in the frame
};

/// A thread-safe queue of scans. Producers push from their threads; the GUI takes them on its own.
/// When the GUI stops taking, the oldest events are dropped beyond capacity.
class ScanQueue {
public:
    explicit ScanQueue(size_t capacity = 64) : m_capacity(capacity) {}

    /// Called (on the producer's thread, outside the queue's lock) after each push; the GUI can use
    /// it to wake its event loop. Set it before producers start.
    void setNotify(std::function<void()> notify);

    void push(ScanEvent event);
    /// Everything queued, oldest first.
    std::vector<ScanEvent> takeAll();
    /// The oldest event, waiting up to timeout for one.
    std::optional<ScanEvent> waitPop(std::chrono::milliseconds timeout);
    size_t size() const;

private:
    size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<ScanEvent> m_events;
    std::function<void()> m_notify;
};

/// Reports a code when it comes into view, not on every frame it stays there: a text is admitted
/// again only after quietMs without being seen.
class RepeatFilter {
public:
    explicit RepeatFilter(core::Millis quietMs = 1500) : m_quietMs(quietMs) {}

    /// True when text should be reported now; records the sighting either way.
    bool admit(std::string_view text, core::Millis now);

private:
    core::Millis m_quietMs;
    std::unordered_map<std::string, core::Millis> m_lastSeen;
};

} // namespace kiosk::scan
