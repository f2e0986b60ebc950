#pragma once
// Input threads: ScanWorker pulls frames from a FrameSource and decodes them off the UI thread;
// SerialWorker reads a serial scanner. Both reopen a lost device, report their state, hand scans to
// a ScanQueue, and stop and join in their destructors.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include "kiosk/scan/decoder.hpp"
#include "kiosk/scan/frame_source.hpp"
#include "kiosk/scan/scan_events.hpp"
#include "kiosk/scan/serial_scanner.hpp"

namespace kiosk::scan {

/// A snapshot of an input thread for the device-status panel.
struct WorkerStatus {
    SourceState state = SourceState::Idle;
    std::string device;
    std::optional<Error> lastError; ///< the latest failure (open, lost device, damaged frame)
    std::uint64_t frames = 0;       ///< frames decoded (camera) or lines read (serial)
    std::uint64_t dropped = 0;      ///< frames skipped to keep only the newest
    std::uint64_t scans = 0;        ///< scans put in the queue
    double lastDecodeMs = 0;
};

/// Settings of a ScanWorker.
struct ScanWorkerOptions {
    int pollMs = 100;              ///< longest wait for a frame; bounds how long stopping takes
    int reopenMs = 1000;           ///< pause between attempts to (re)open a lost or missing device
    core::Millis repeatQuietMs = 1500; ///< see RepeatFilter
    bool keepPreview = true;       ///< keep a copy of the newest frame for the GUI's live picture
    DecoderOptions decoder;
};

/// Decodes frames from a source on its own thread. The newest frame wins: frames that arrive while
/// one is decoded are dropped by the source. Thread-safe: status(), preview() and the queue may be
/// used from any thread while it runs.
class ScanWorker {
public:
    ScanWorker(std::unique_ptr<FrameSource> source, std::shared_ptr<ScanQueue> queue, ScanWorkerOptions options = {});
    /// Stops and joins; never throws.
    ~ScanWorker();
    ScanWorker(const ScanWorker&) = delete;
    ScanWorker& operator=(const ScanWorker&) = delete;

    /// Asks the thread to stop (returns at once; the destructor waits).
    void requestStop();
    WorkerStatus status() const;
    /// Copies the newest frame into out when it is newer than sequence (then updates sequence).
    bool preview(GrayImage& out, std::uint64_t& sequence) const;

private:
    void run(std::stop_token stop);
    void step(std::stop_token stop);
    void fail(const Error& error);

    std::unique_ptr<FrameSource> m_source;
    std::shared_ptr<ScanQueue> m_queue;
    ScanWorkerOptions m_options;
    Decoder m_decoder;
    RepeatFilter m_repeats;
    mutable std::mutex m_mutex; // guards m_status and m_preview*
    WorkerStatus m_status;
    GrayImage m_preview;
    std::uint64_t m_previewSequence = 0;
    std::jthread m_thread; // last: starts after everything it uses exists, joins before they go
};

/// Reads a serial scanner on its own thread and queues each line as a scan; reopens the port when
/// it comes back after being unplugged.
class SerialWorker {
public:
    SerialWorker(SerialOptions port, std::shared_ptr<ScanQueue> queue, int pollMs = 100, int reopenMs = 1000);
    /// Stops and joins; never throws.
    ~SerialWorker();
    SerialWorker(const SerialWorker&) = delete;
    SerialWorker& operator=(const SerialWorker&) = delete;

    void requestStop();
    WorkerStatus status() const;

private:
    void run(std::stop_token stop);

    SerialScanner m_scanner;
    std::shared_ptr<ScanQueue> m_queue;
    int m_pollMs;
    int m_reopenMs;
    mutable std::mutex m_mutex;
    WorkerStatus m_status;
    std::jthread m_thread;
};

} // namespace kiosk::scan
