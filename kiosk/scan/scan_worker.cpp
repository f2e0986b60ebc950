#include "kiosk/scan/scan_worker.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>

namespace kiosk::scan {

namespace {

// Waits ms or until a stop is requested; false when stopping.
bool pauseFor(std::stop_token stop, int ms) {
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    cv.wait_for(lock, stop, std::chrono::milliseconds(ms), [] { return false; });
    return !stop.stop_requested();
}

core::Millis steadyMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

ScanWorker::ScanWorker(std::unique_ptr<FrameSource> source, std::shared_ptr<ScanQueue> queue, ScanWorkerOptions options)
    : m_source(std::move(source)), m_queue(std::move(queue)), m_options(options), m_decoder(options.decoder),
      m_repeats(options.repeatQuietMs) {
    m_status.device = m_source->name();
    m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

// m_thread is the last member: a jthread, it asks the loop to stop and joins before anything the
// loop uses is destroyed.
ScanWorker::~ScanWorker() = default;

void ScanWorker::requestStop() { m_thread.request_stop(); }

WorkerStatus ScanWorker::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

bool ScanWorker::preview(GrayImage& out, std::uint64_t& sequence) const {
    std::lock_guard lock(m_mutex);
    if (m_previewSequence == 0 || m_previewSequence == sequence) return false;
    out = m_preview;
    sequence = m_previewSequence;
    return true;
}

void ScanWorker::fail(const Error& error) {
    std::lock_guard lock(m_mutex);
    m_status.lastError = error;
    m_status.state = m_source->state();
}

void ScanWorker::run(std::stop_token stop) {
    while (!stop.stop_requested()) {
        // Nothing may escape a thread function; a failure here is reported and retried.
        try {
            step(stop);
        } catch (const std::exception& e) {
            fail({ErrorCode::Io, e.what()});
            pauseFor(stop, m_options.reopenMs);
        } catch (...) {
            fail({ErrorCode::Io, "unknown failure"});
            pauseFor(stop, m_options.reopenMs);
        }
    }
    m_source->close();
    std::lock_guard lock(m_mutex);
    m_status.state = m_source->state();
}

void ScanWorker::step(std::stop_token stop) {
    const SourceState state = m_source->state();
    if (state == SourceState::Ended) {
        pauseFor(stop, m_options.reopenMs); // nothing more will come; wait to be stopped
        return;
    }
    if (state != SourceState::Running) {
        if (Status s = m_source->open(); !s) {
            fail(s.error);
            pauseFor(stop, m_options.reopenMs);
            return;
        }
        std::lock_guard lock(m_mutex);
        m_status.state = SourceState::Running;
        m_status.device = m_source->name();
    }
    NextFrame next = m_source->next(m_options.pollMs);
    if (!next) {
        fail(next.error());
        return; // a lost device is reopened on the next step
    }
    if (!next->has_value()) return;
    const Frame& frame = **next;
    if (m_options.keepPreview) {
        GrayImage copy = copyImage(frame.image);
        std::lock_guard lock(m_mutex);
        m_preview = std::move(copy);
        ++m_previewSequence;
    }
    const DecodeResult result = m_decoder.decode(frame.image);
    const core::Millis seen = steadyMillis();
    const core::Millis at = core::nowMillis();
    std::vector<ScanEvent> events;
    for (const auto& code : result.codes)
        if (m_repeats.admit(code.text, seen))
            events.push_back({code.text, ScanOrigin::Camera, m_source->name(), at, result.ms, code.corners});
    {
        // The status counts a scan before the GUI can see it.
        std::lock_guard lock(m_mutex);
        ++m_status.frames;
        m_status.scans += events.size();
        m_status.dropped = m_source->dropped();
        m_status.lastDecodeMs = result.ms;
        m_status.state = m_source->state();
    }
    for (auto& e : events) m_queue->push(std::move(e));
}

SerialWorker::SerialWorker(SerialOptions port, std::shared_ptr<ScanQueue> queue, int pollMs, int reopenMs)
    : m_scanner(std::move(port)), m_queue(std::move(queue)), m_pollMs(pollMs), m_reopenMs(reopenMs) {
    m_status.device = m_scanner.path();
    m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

SerialWorker::~SerialWorker() = default; // as ScanWorker: the jthread stops and joins first

void SerialWorker::requestStop() { m_thread.request_stop(); }

WorkerStatus SerialWorker::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void SerialWorker::run(std::stop_token stop) {
    bool everOpen = false;
    auto setFailure = [&](const Error& e) {
        std::lock_guard lock(m_mutex);
        m_status.lastError = e;
        m_status.state = everOpen ? SourceState::Lost : SourceState::Failed;
    };
    while (!stop.stop_requested()) {
        try {
            if (!m_scanner.isOpen()) {
                if (Status s = m_scanner.open(); !s) {
                    setFailure(s.error);
                    pauseFor(stop, m_reopenMs);
                    continue;
                }
                everOpen = true;
                std::lock_guard lock(m_mutex);
                m_status.state = SourceState::Running;
            }
            auto lines = m_scanner.read(m_pollMs);
            if (!lines) {
                setFailure(lines.error());
                continue;
            }
            {
                std::lock_guard lock(m_mutex);
                m_status.frames += lines->size();
                m_status.scans += lines->size();
            }
            const core::Millis at = core::nowMillis();
            for (auto& line : *lines) m_queue->push({std::move(line), ScanOrigin::Serial, m_scanner.path(), at, 0, {}});
        } catch (const std::exception& e) {
            setFailure({ErrorCode::Io, e.what()});
            pauseFor(stop, m_reopenMs);
        } catch (...) {
            setFailure({ErrorCode::Io, "unknown failure"});
            pauseFor(stop, m_reopenMs);
        }
    }
    m_scanner.close();
    std::lock_guard lock(m_mutex);
    m_status.state = SourceState::Idle;
}

} // namespace kiosk::scan
