#include "kiosk/scan/image_source.hpp"

#include <algorithm>
#include <thread>

namespace kiosk::scan {

ImageFileSource::ImageFileSource(std::vector<std::string> paths, bool loop, int frameIntervalMs)
    : m_paths(std::move(paths)), m_loop(loop), m_interval(std::max(0, frameIntervalMs)) {}

Status ImageFileSource::open() {
    if (m_paths.empty()) {
        m_state = SourceState::Failed;
        return Status::failure({ErrorCode::EndOfInput, "no image files"});
    }
    m_index = 0;
    m_due = std::chrono::steady_clock::now();
    m_state = SourceState::Running;
    return Status::success();
}

void ImageFileSource::close() {
    m_current = {};
    if (m_state == SourceState::Running) m_state = SourceState::Idle;
}

std::string ImageFileSource::name() const {
    return m_paths.empty() ? "images" : "images (" + std::to_string(m_paths.size()) + ", " + m_paths.front() + "...)";
}

NextFrame ImageFileSource::next(int timeoutMs) {
    if (m_state != SourceState::Running) return Error{ErrorCode::EndOfInput, name()};
    const auto now = std::chrono::steady_clock::now();
    if (m_due > now) {
        // Pacing a demo: wait for the frame's turn, but never past the caller's timeout.
        const auto wait = std::min<std::chrono::steady_clock::duration>(m_due - now, std::chrono::milliseconds(timeoutMs));
        std::this_thread::sleep_for(wait);
        if (m_due > std::chrono::steady_clock::now()) return std::optional<Frame>{};
    }
    if (m_index >= m_paths.size()) {
        if (!m_loop) {
            m_state = SourceState::Ended;
            return Error{ErrorCode::EndOfInput, name()};
        }
        m_index = 0;
    }
    const std::string& path = m_paths[m_index++];
    m_due = std::chrono::steady_clock::now() + m_interval;
    auto img = loadImage(path);
    if (!img) return img.error();
    m_current = std::move(*img);
    return std::optional<Frame>{Frame{m_current.view(), ++m_sequence}};
}

PushFrameSource::PushFrameSource(std::string name) : m_name(std::move(name)) {}

void PushFrameSource::push(GrayImage frame) {
    {
        std::lock_guard lock(m_mutex);
        if (m_hasPending) ++m_dropped;
        m_pending = std::move(frame);
        m_hasPending = true;
        ++m_pushed;
    }
    m_cv.notify_all();
}

void PushFrameSource::finish() {
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
    }
    m_cv.notify_all();
}

Status PushFrameSource::open() {
    std::lock_guard lock(m_mutex);
    m_state = SourceState::Running;
    return Status::success();
}

void PushFrameSource::close() {
    {
        std::lock_guard lock(m_mutex);
        if (m_state == SourceState::Running) m_state = SourceState::Idle;
        m_current = {};
    }
    m_cv.notify_all();
}

NextFrame PushFrameSource::next(int timeoutMs) {
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                  [&] { return m_hasPending || m_finished || m_state != SourceState::Running; });
    if (m_state != SourceState::Running) return Error{ErrorCode::EndOfInput, m_name};
    if (!m_hasPending) {
        if (!m_finished) return std::optional<Frame>{};
        m_state = SourceState::Ended;
        return Error{ErrorCode::EndOfInput, m_name};
    }
    m_current = std::move(m_pending);
    m_hasPending = false;
    return std::optional<Frame>{Frame{m_current.view(), m_pushed}};
}

SourceState PushFrameSource::state() const {
    std::lock_guard lock(m_mutex);
    return m_state;
}

std::uint64_t PushFrameSource::dropped() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace kiosk::scan
