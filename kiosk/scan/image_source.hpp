#pragma once
// Frame sources without a camera: image files (tests, demos) and frames pushed in from another
// thread (the GUI's replay script, tests of the worker).
#include <condition_variable>
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/scan/frame_source.hpp"

namespace kiosk::scan {

/// Reads PNG/JPEG files in order as frames, optionally looping, at most one per frameIntervalMs.
class ImageFileSource : public FrameSource {
public:
    explicit ImageFileSource(std::vector<std::string> paths, bool loop = false, int frameIntervalMs = 0);

    Status open() override;
    void close() override;
    /// The next file as a frame; an unreadable file is an Error while the source keeps Running;
    /// after the last file (without loop) the source is Ended.
    NextFrame next(int timeoutMs) override;
    SourceState state() const override { return m_state; }
    std::string name() const override;
    std::uint64_t dropped() const override { return 0; }

private:
    std::vector<std::string> m_paths;
    bool m_loop;
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_due{};
    size_t m_index = 0;
    std::uint64_t m_sequence = 0;
    GrayImage m_current;
    SourceState m_state = SourceState::Idle;
};

/// Frames handed in by another thread. push() may be called from any thread; the consumer's
/// next() gets the newest frame, and a frame pushed over one not yet taken counts as dropped.
class PushFrameSource : public FrameSource {
public:
    explicit PushFrameSource(std::string name = "push");

    /// Hands in a frame (thread-safe).
    void push(GrayImage frame);
    /// No more frames: once the pending one is taken, the source is Ended (thread-safe).
    void finish();

    Status open() override;
    void close() override;
    NextFrame next(int timeoutMs) override;
    SourceState state() const override;
    std::string name() const override { return m_name; }
    std::uint64_t dropped() const override;

private:
    std::string m_name;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    GrayImage m_pending;
    bool m_hasPending = false;
    bool m_finished = false;
    GrayImage m_current; // the consumer's frame; only the consumer thread touches it
    std::uint64_t m_pushed = 0;
    std::uint64_t m_dropped = 0;
    SourceState m_state = SourceState::Idle;
};

} // namespace kiosk::scan
