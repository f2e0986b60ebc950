#include "kiosk/ui/scan_inputs.hpp"

#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/scan/v4l2_camera.hpp"

namespace kiosk::ui {

namespace {

DecodedFrame toDecoded(const scan::GrayImage& image) {
    DecodedFrame f;
    f.width = image.width;
    f.height = image.height;
    f.gray.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
    for (int y = 0; y < image.height; ++y)
        std::copy_n(image.row(y), image.width, f.gray.begin() + static_cast<std::ptrdiff_t>(y) * image.width);
    return f;
}

} // namespace

std::string deviceStatusText(const scan::WorkerStatus& status) {
    using scan::SourceState;
    switch (status.state) {
    case SourceState::Running: return core::tr("scan.source.running");
    case SourceState::Lost: return core::tr("gui.device.unplugged");
    case SourceState::Ended: return core::tr("scan.source.ended");
    case SourceState::Idle:
    case SourceState::Failed: break;
    }
    if (!status.lastError) return core::tr("gui.device.starting");
    // A device that was never there, or went away before the first open: keep trying, say so.
    if (status.lastError->code == scan::ErrorCode::DeviceNotFound) return core::tr("gui.device.missing");
    if (status.lastError->code == scan::ErrorCode::DeviceLost) return core::tr("gui.device.reconnecting");
    return status.lastError->message();
}

ScanInputs::ScanInputs(std::function<void()> wake) : m_queue(std::make_shared<scan::ScanQueue>()) {
    if (wake) m_queue->setNotify(std::move(wake));
}

ScanInputs::~ScanInputs() {
    // Ask every thread to stop first, so they wind down together rather than one after another.
    if (m_camera) m_camera->requestStop();
    if (m_replay) m_replay->requestStop();
    if (m_serial) m_serial->requestStop();
}

void ScanInputs::useCamera(const std::string& path) {
    if (path == m_cameraPath) return;
    m_cameraPath = path;
    m_camera.reset();
    if (path.empty()) return;
    scan::CameraOptions options;
    options.path = path;
    m_camera = std::make_unique<scan::ScanWorker>(std::make_unique<scan::V4l2Camera>(options), m_queue);
    m_replayFresh = false;
}

void ScanInputs::useSerial(const std::string& path) {
    if (path == m_serialPath) return;
    m_serialPath = path;
    m_serial.reset();
    if (path.empty()) return;
    m_serial = std::make_unique<scan::SerialWorker>(scan::SerialOptions{path}, m_queue);
}

DecodedFrame ScanInputs::feedFile(const std::string& path) {
    auto image = scan::loadImage(path);
    if (!image) {
        DecodedFrame f;
        f.error = image.error().message();
        return f;
    }
    if (!m_replay) {
        auto source = std::make_unique<scan::PushFrameSource>("replay");
        m_replaySource = source.get();
        m_replay = std::make_unique<scan::ScanWorker>(std::move(source), m_queue);
    }
    DecodedFrame shown = toDecoded(*image);
    m_replaySource->push(std::move(*image));
    m_replayFresh = true;
    return shown;
}

scan::ScanWorker* ScanInputs::previewWorker() const {
    // A replay frame wins over the camera until another camera is chosen.
    if (m_replayFresh && m_replay) return m_replay.get();
    return m_camera.get();
}

std::optional<DecodedFrame> ScanInputs::pollPreview() {
    scan::ScanWorker* worker = previewWorker();
    if (!worker) return std::nullopt;
    scan::GrayImage image;
    if (!worker->preview(image, worker == m_replay.get() ? m_replaySequence : m_cameraSequence)) return std::nullopt;
    return toDecoded(image);
}

std::vector<std::pair<std::string, std::string>> ScanInputs::takeScans() {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& e : m_queue->takeAll())
        out.emplace_back(std::move(e.text), e.origin == scan::ScanOrigin::Serial ? "serial" : "camera");
    return out;
}

void ScanInputs::status(std::string& camera, std::string& serial) const {
    camera = m_camera ? deviceStatusText(m_camera->status()) : std::string();
    serial = m_serial ? m_serialPath + " · " + deviceStatusText(m_serial->status()) : std::string();
}

} // namespace kiosk::ui
