#pragma once
// A V4L2 webcam as a FrameSource: YUYV handed on in place (the Y plane is every other byte), MJPEG
// decoded to gray with libjpeg-turbo when YUYV is missing or too slow at the wanted size.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/scan/frame_source.hpp"
#include "kiosk/scan/unique_fd.hpp"

namespace kiosk::scan {

/// What to ask the camera for.
struct CameraOptions {
    std::string path = "/dev/video0";
    int width = 1280;
    int height = 720;
    double minFps = 15; ///< a format slower than this at the wanted size loses to one that is not
    int buffers = 4;    ///< driver buffers; the newest filled one is used, the others are dropped
};

/// One (format, size) a camera offers and its best frame rate (0: the driver did not say).
struct FormatOffer {
    std::uint32_t fourcc = 0;
    int width = 0;
    int height = 0;
    double fps = 0;
};

/// Picks the format to stream: the offered size nearest the wanted one, then YUYV, GREY, MJPEG in
/// that order among those reaching minFps there (else the fastest). Nothing if no format is usable.
std::optional<FormatOffer> chooseFormat(const std::vector<FormatOffer>& offers, const CameraOptions& options);

/// "YUYV" from a V4L2 fourcc.
std::string fourccName(std::uint32_t fourcc);

/// A video capture device found under /dev.
struct CameraInfo {
    std::string path;   ///< /dev/video0
    std::string card;   ///< "HD Webcam C525"
    std::string driver; ///< "uvcvideo"
    std::string bus;    ///< "usb-0000:00:14.0-1"
};

/// The capture devices among dir/video*, in number order (a UVC camera also has a metadata node,
/// which is left out).
std::vector<CameraInfo> listCameras(const std::string& dir = "/dev");

/// A V4L2 camera. open() again after it was Lost picks it up when it is plugged back in.
class V4l2Camera : public FrameSource {
public:
    explicit V4l2Camera(CameraOptions options = {});
    ~V4l2Camera() override;
    V4l2Camera(const V4l2Camera&) = delete;
    V4l2Camera& operator=(const V4l2Camera&) = delete;

    Status open() override;
    void close() override;
    NextFrame next(int timeoutMs) override;
    SourceState state() const override { return m_state; }
    std::string name() const override;
    std::uint64_t dropped() const override { return m_dropped; }

    /// The format in use (after open()).
    const FormatOffer& format() const { return m_format; }

private:
    struct Buffer;
    Status start();
    Error lose(Error error);
    bool requeue(int index);

    CameraOptions m_options;
    UniqueFd m_fd;
    std::vector<Buffer> m_buffers;
    bool m_streaming = false;
    int m_held = -1; // buffer index whose pixels the last frame points into
    FormatOffer m_format;
    int m_bytesPerLine = 0;
    std::string m_card;
    GrayImage m_gray; // MJPEG frames decode here
    SourceState m_state = SourceState::Idle;
    std::uint64_t m_dropped = 0;
};

} // namespace kiosk::scan
