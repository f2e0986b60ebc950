#pragma once
// The GUI's scanners through the scan layer: the chosen V4L2 camera and the replay's image frames
// both go through a ScanWorker (decode off the UI thread, newest frame wins), a serial scanner
// through a SerialWorker; every scan lands in one queue the loop drains.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/scan/image_source.hpp"
#include "kiosk/scan/scan_worker.hpp"
#include "kiosk/ui/app.hpp"

namespace kiosk::ui {

/// A device status line for the gate and the console: "" when no device is chosen.
std::string deviceStatusText(const scan::WorkerStatus& status);

/// Owns the input threads of one GUI process. Call its methods from the UI thread only.
class ScanInputs {
public:
    /// wake is called on a worker thread after each scan (to wake the event loop); may be empty.
    explicit ScanInputs(std::function<void()> wake = {});
    ~ScanInputs();
    ScanInputs(const ScanInputs&) = delete;
    ScanInputs& operator=(const ScanInputs&) = delete;

    /// Follows the camera chosen in the console: (re)starts its worker when the path changes; "" stops it.
    void useCamera(const std::string& path);
    /// Follows a serial scanner port ("" stops it).
    void useSerial(const std::string& path);
    /// Stops the replay's decode thread (a later feedFile starts it again).
    void stopReplay() { m_replay.reset(); m_replaySource = nullptr; }
    /// The replay's `frame` step: loads an image file and pushes it through the camera's decode path;
    /// the picture is returned for display, the code (if any) arrives later through takeScans().
    DecodedFrame feedFile(const std::string& path);
    /// The newest decoded-from frame since the last call (camera or replay), for the live picture.
    std::optional<DecodedFrame> pollPreview();
    /// Scans read since the last call, oldest first, as (text, source) with source camera/serial.
    std::vector<std::pair<std::string, std::string>> takeScans();
    /// Fills the camera and serial status lines ("" when none is chosen).
    void status(std::string& camera, std::string& serial) const;

private:
    scan::ScanWorker* previewWorker() const;

    std::shared_ptr<scan::ScanQueue> m_queue;
    std::string m_cameraPath;
    std::string m_serialPath;
    std::unique_ptr<scan::ScanWorker> m_camera;
    scan::PushFrameSource* m_replaySource = nullptr; // owned by m_replay's worker
    std::unique_ptr<scan::ScanWorker> m_replay;
    std::unique_ptr<scan::SerialWorker> m_serial;
    std::uint64_t m_cameraSequence = 0; // the newest preview shown, per worker
    std::uint64_t m_replaySequence = 0;
    bool m_replayFresh = false; // a frame was fed: show the replay's preview over the camera's
};

} // namespace kiosk::ui
