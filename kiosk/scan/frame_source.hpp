#pragma once
// Where frames come from: a V4L2 camera, image files, or frames pushed in by a replay script or a
// test. A source keeps only the newest frame: a consumer that is slower than the camera sees fewer
// frames, never older ones.
#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/scan/error.hpp"
#include "kiosk/scan/image.hpp"

namespace kiosk::scan {

/// Where a source stands; each has a string-table key "scan.source.<name>".
enum class SourceState {
    Idle,    ///< not opened yet, or closed
    Running, ///< delivering frames
    Lost,    ///< was running and went away (unplugged); open() again to pick it up when it is back
    Failed,  ///< could not be opened
    Ended,   ///< a finite source delivered its last frame
};

/// The short name of a state ("running").
const char* sourceStateName(SourceState state);

/// One gray frame. Its pixels belong to the source and stay valid until the next call to next()
/// or close() on that source.
struct Frame {
    ImageView image;
    std::uint64_t sequence = 0; ///< counts frames the source produced, including dropped ones
};

/// What next() gives: a frame, nothing within the timeout, or an Error (the source's state tells
/// whether it is gone: Lost, Failed, Ended; or just one bad frame: still Running).
using NextFrame = Expected<std::optional<Frame>>;

/// A producer of gray frames. Not thread-safe unless an implementation says so: one consumer
/// thread opens it, pulls frames and closes it.
class FrameSource {
public:
    virtual ~FrameSource() = default;

    /// Opens the source, or reopens it after it was lost.
    virtual Status open() = 0;
    /// Releases the device; the last frame's pixels become invalid.
    virtual void close() = 0;
    /// Waits up to timeoutMs for a frame newer than the last one returned; frames that arrived
    /// meanwhile are skipped except the newest (see dropped()).
    virtual NextFrame next(int timeoutMs) = 0;

    virtual SourceState state() const = 0;
    /// A name for status lines and logs ("/dev/video0 (HD Webcam)").
    virtual std::string name() const = 0;
    /// Frames skipped so far to keep only the newest.
    virtual std::uint64_t dropped() const = 0;
};

} // namespace kiosk::scan
