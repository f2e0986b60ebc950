#include "kiosk/scan/v4l2_camera.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <utility>

namespace kiosk::scan {

namespace {

// ioctl that retries when a signal interrupts it.
int xioctl(int fd, unsigned long request, void* arg) {
    int r;
    do {
        r = ::ioctl(fd, request, arg);
    } while (r < 0 && errno == EINTR);
    return r;
}

// Preference among the formats we can use; lower is better. YUYV and GREY are read in place.
int formatRank(std::uint32_t fourcc) {
    switch (fourcc) {
    case V4L2_PIX_FMT_YUYV: return 0;
    case V4L2_PIX_FMT_GREY: return 1;
    case V4L2_PIX_FMT_MJPEG: return 2;
    default: return -1;
    }
}

std::string cstr(const __u8* s, size_t n) { return std::string(reinterpret_cast<const char*>(s), strnlen(reinterpret_cast<const char*>(s), n)); }

struct Caps {
    bool capture = false;
    std::string card, driver, bus;
};

// QUERYCAP; a node that is not a streaming video capture device (a UVC metadata node, /dev/null)
// reports capture = false.
std::optional<Caps> queryCaps(int fd) {
    v4l2_capability cap{};
    if (xioctl(fd, VIDIOC_QUERYCAP, &cap) < 0) return std::nullopt;
    const std::uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
    Caps out;
    out.capture = (caps & V4L2_CAP_VIDEO_CAPTURE) && (caps & V4L2_CAP_STREAMING);
    out.card = cstr(cap.card, sizeof cap.card);
    out.driver = cstr(cap.driver, sizeof cap.driver);
    out.bus = cstr(cap.bus_info, sizeof cap.bus_info);
    return out;
}

double bestFps(int fd, std::uint32_t fourcc, int w, int h) {
    v4l2_frmivalenum iv{};
    iv.pixel_format = fourcc;
    iv.width = static_cast<__u32>(w);
    iv.height = static_cast<__u32>(h);
    double best = 0;
    for (iv.index = 0; xioctl(fd, VIDIOC_ENUM_FRAMEINTERVALS, &iv) == 0; ++iv.index) {
        const v4l2_fract f = iv.type == V4L2_FRMIVAL_TYPE_DISCRETE ? iv.discrete : iv.stepwise.min;
        if (f.numerator > 0) best = std::max(best, static_cast<double>(f.denominator) / f.numerator);
        if (iv.type != V4L2_FRMIVAL_TYPE_DISCRETE) break;
    }
    return best;
}

// Every (usable format, size) the device offers, with its best frame rate.
std::vector<FormatOffer> enumerateOffers(int fd, const CameraOptions& opt) {
    std::vector<FormatOffer> offers;
    v4l2_fmtdesc desc{};
    desc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    for (desc.index = 0; xioctl(fd, VIDIOC_ENUM_FMT, &desc) == 0; ++desc.index) {
        if (formatRank(desc.pixelformat) < 0) continue;
        v4l2_frmsizeenum fs{};
        fs.pixel_format = desc.pixelformat;
        bool any = false;
        for (fs.index = 0; xioctl(fd, VIDIOC_ENUM_FRAMESIZES, &fs) == 0; ++fs.index) {
            int w = opt.width, h = opt.height;
            if (fs.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
                w = static_cast<int>(fs.discrete.width);
                h = static_cast<int>(fs.discrete.height);
            } else {
                w = std::clamp(w, static_cast<int>(fs.stepwise.min_width), static_cast<int>(fs.stepwise.max_width));
                h = std::clamp(h, static_cast<int>(fs.stepwise.min_height), static_cast<int>(fs.stepwise.max_height));
            }
            offers.push_back({desc.pixelformat, w, h, bestFps(fd, desc.pixelformat, w, h)});
            any = true;
            if (fs.type != V4L2_FRMSIZE_TYPE_DISCRETE) break;
        }
        // Drivers that do not enumerate sizes still take S_FMT and adjust it.
        if (!any) offers.push_back({desc.pixelformat, opt.width, opt.height, 0});
    }
    return offers;
}

} // namespace

std::string fourccName(std::uint32_t f) {
    std::string s;
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((f >> (8 * i)) & 0xFF));
    return s;
}

std::optional<FormatOffer> chooseFormat(const std::vector<FormatOffer>& offers, const CameraOptions& opt) {
    const double wanted = static_cast<double>(opt.width) * opt.height;
    std::optional<FormatOffer> best;
    auto sizeDistance = [&](const FormatOffer& o) { return std::abs(std::log(static_cast<double>(o.width) * o.height / wanted)); };
    // An unknown rate (0) is taken as good enough: the driver did not say otherwise.
    auto fastEnough = [&](const FormatOffer& o) { return o.fps <= 0 || o.fps + 1e-6 >= opt.minFps; };
    auto better = [&](const FormatOffer& a, const FormatOffer& b) { // is a better than b?
        const double da = sizeDistance(a), db = sizeDistance(b);
        if (std::abs(da - db) > 1e-9) return da < db;
        if (fastEnough(a) != fastEnough(b)) return fastEnough(a);
        if (!fastEnough(a) && a.fps != b.fps) return a.fps > b.fps;
        return formatRank(a.fourcc) < formatRank(b.fourcc);
    };
    for (const auto& o : offers) {
        if (formatRank(o.fourcc) < 0 || o.width <= 0 || o.height <= 0) continue;
        if (!best || better(o, *best)) best = o;
    }
    return best;
}

std::vector<CameraInfo> listCameras(const std::string& dir) {
    std::vector<std::pair<int, std::string>> nodes;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("video", 0) != 0 || name.size() == 5) continue;
        if (!std::all_of(name.begin() + 5, name.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        nodes.emplace_back(std::stoi(name.substr(5)), e.path().string());
    }
    std::sort(nodes.begin(), nodes.end());
    std::vector<CameraInfo> out;
    for (const auto& [n, path] : nodes) {
        UniqueFd fd(::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
        if (!fd.valid()) continue;
        const auto caps = queryCaps(fd.get());
        if (caps && caps->capture) out.push_back({path, caps->card, caps->driver, caps->bus});
    }
    return out;
}

// One driver buffer mapped into our memory; unmapped when it goes.
struct V4l2Camera::Buffer {
    void* addr = MAP_FAILED;
    size_t length = 0;

    Buffer() = default;
    Buffer(void* a, size_t n) : addr(a), length(n) {}
    ~Buffer() {
        if (addr != MAP_FAILED) ::munmap(addr, length);
    }
    Buffer(Buffer&& o) noexcept : addr(std::exchange(o.addr, MAP_FAILED)), length(o.length) {}
    Buffer& operator=(Buffer&& o) noexcept {
        std::swap(addr, o.addr);
        std::swap(length, o.length);
        return *this;
    }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
};

V4l2Camera::V4l2Camera(CameraOptions options) : m_options(std::move(options)) {}

V4l2Camera::~V4l2Camera() { close(); }

std::string V4l2Camera::name() const {
    return m_card.empty() ? m_options.path : m_options.path + " (" + m_card + ")";
}

void V4l2Camera::close() {
    if (m_fd.valid() && m_streaming) {
        int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        xioctl(m_fd.get(), VIDIOC_STREAMOFF, &type);
    }
    m_streaming = false;
    m_held = -1;
    m_buffers.clear(); // unmaps
    if (m_fd.valid()) {
        v4l2_requestbuffers req{};
        req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        req.memory = V4L2_MEMORY_MMAP;
        req.count = 0; // frees the driver's buffers so another process may open the camera
        xioctl(m_fd.get(), VIDIOC_REQBUFS, &req);
    }
    m_fd.reset();
    if (m_state == SourceState::Running) m_state = SourceState::Idle;
}

Error V4l2Camera::lose(Error error) {
    close();
    m_state = SourceState::Lost;
    if (error.code != ErrorCode::DeviceLost) error = {ErrorCode::DeviceLost, error.detail};
    return error;
}

Status V4l2Camera::open() {
    const bool wasLost = m_state == SourceState::Lost || m_state == SourceState::Running;
    close();
    Status s = start();
    if (s) {
        m_state = SourceState::Running;
    } else {
        close();
        m_state = wasLost ? SourceState::Lost : SourceState::Failed;
    }
    return s;
}

Status V4l2Camera::start() {
    const std::string& path = m_options.path;
    m_fd = UniqueFd(::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
    if (!m_fd.valid()) return Status::failure(errnoError(errno, path));
    const int fd = m_fd.get();
    const auto caps = queryCaps(fd);
    if (!caps || !caps->capture) return Status::failure({ErrorCode::NotACamera, path});
    m_card = caps->card;

    const auto choice = chooseFormat(enumerateOffers(fd, m_options), m_options);
    if (!choice) return Status::failure({ErrorCode::NoSupportedFormat, path});
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    fmt.fmt.pix.width = static_cast<__u32>(choice->width);
    fmt.fmt.pix.height = static_cast<__u32>(choice->height);
    fmt.fmt.pix.pixelformat = choice->fourcc;
    fmt.fmt.pix.field = V4L2_FIELD_NONE;
    if (xioctl(fd, VIDIOC_S_FMT, &fmt) < 0) return Status::failure(errnoError(errno, path + " S_FMT"));
    // The driver may adjust anything; what it settled on is what we read.
    if (formatRank(fmt.fmt.pix.pixelformat) < 0)
        return Status::failure({ErrorCode::NoSupportedFormat, path + ": " + fourccName(fmt.fmt.pix.pixelformat)});
    m_format = {fmt.fmt.pix.pixelformat, static_cast<int>(fmt.fmt.pix.width), static_cast<int>(fmt.fmt.pix.height),
                choice->fps};
    const int bpp = m_format.fourcc == V4L2_PIX_FMT_YUYV ? 2 : 1;
    m_bytesPerLine = std::max(static_cast<int>(fmt.fmt.pix.bytesperline), m_format.width * bpp);

    if (choice->fps > 0) { // best effort: not every driver lets the rate be set
        v4l2_streamparm parm{};
        parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        parm.parm.capture.timeperframe = {1, static_cast<__u32>(std::lround(choice->fps))};
        xioctl(fd, VIDIOC_S_PARM, &parm);
    }

    v4l2_requestbuffers req{};
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    req.count = static_cast<__u32>(std::clamp(m_options.buffers, 2, 16));
    if (xioctl(fd, VIDIOC_REQBUFS, &req) < 0) return Status::failure(errnoError(errno, path + " REQBUFS"));
    if (req.count < 2) return Status::failure({ErrorCode::Io, path + ": too few buffers"});
    for (__u32 i = 0; i < req.count; ++i) {
        v4l2_buffer buf{};
        buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4L2_MEMORY_MMAP;
        buf.index = i;
        if (xioctl(fd, VIDIOC_QUERYBUF, &buf) < 0) return Status::failure(errnoError(errno, path + " QUERYBUF"));
        // Frames are read in place up to bytesPerLine * height: the mapping must hold that much.
        if (m_format.fourcc != V4L2_PIX_FMT_MJPEG &&
            buf.length < static_cast<size_t>(m_bytesPerLine) * static_cast<size_t>(m_format.height))
            return Status::failure({ErrorCode::Io, path + ": driver buffer smaller than a frame"});
        void* addr = ::mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, buf.m.offset);
        if (addr == MAP_FAILED) return Status::failure(errnoError(errno, path + " mmap"));
        m_buffers.emplace_back(addr, buf.length);
        if (xioctl(fd, VIDIOC_QBUF, &buf) < 0) return Status::failure(errnoError(errno, path + " QBUF"));
    }
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd, VIDIOC_STREAMON, &type) < 0) return Status::failure(errnoError(errno, path + " STREAMON"));
    m_streaming = true;
    return Status::success();
}

bool V4l2Camera::requeue(int index) {
    v4l2_buffer buf{};
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = V4L2_MEMORY_MMAP;
    buf.index = static_cast<__u32>(index);
    return xioctl(m_fd.get(), VIDIOC_QBUF, &buf) == 0;
}

NextFrame V4l2Camera::next(int timeoutMs) {
    if (m_state != SourceState::Running) return Error{ErrorCode::DeviceLost, name()};
    // The frame returned last time points into this buffer; the caller is done with it now.
    if (m_held >= 0) {
        const int held = std::exchange(m_held, -1);
        if (!requeue(held)) return lose(errnoError(errno, name()));
    }
    pollfd pfd{m_fd.get(), POLLIN, 0};
    const int r = ::poll(&pfd, 1, timeoutMs);
    if (r == 0 || (r < 0 && errno == EINTR)) return std::optional<Frame>{};
    if (r < 0) return lose(errnoError(errno, name()));
    if (pfd.revents & (POLLERR | POLLHUP | POLLNVAL)) return lose({ErrorCode::DeviceLost, name()});

    // Take every filled buffer and keep the newest: a slow consumer never sees a stale frame.
    v4l2_buffer newest{};
    bool have = false;
    for (;;) {
        v4l2_buffer buf{};
        buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4L2_MEMORY_MMAP;
        if (xioctl(m_fd.get(), VIDIOC_DQBUF, &buf) < 0) {
            if (errno == EAGAIN) break;
            return lose(errnoError(errno, name()));
        }
        if (have) {
            ++m_dropped;
            if (!requeue(static_cast<int>(newest.index))) return lose(errnoError(errno, name()));
        }
        newest = buf;
        have = true;
    }
    if (!have) return std::optional<Frame>{};
    const int index = static_cast<int>(newest.index);
    if ((newest.flags & V4L2_BUF_FLAG_ERROR) || index >= static_cast<int>(m_buffers.size())) {
        if (!requeue(index)) return lose(errnoError(errno, name()));
        return std::optional<Frame>{};
    }
    const auto* data = static_cast<const std::uint8_t*>(m_buffers[static_cast<size_t>(index)].addr);
    Frame frame;
    frame.sequence = newest.sequence;
    if (m_format.fourcc == V4L2_PIX_FMT_MJPEG) {
        const Status s = decodeJpegInto(data, newest.bytesused, m_gray);
        if (!requeue(index)) return lose(errnoError(errno, name()));
        if (!s) return s.error; // one damaged frame; the camera keeps running
        frame.image = m_gray.view();
    } else {
        // YUYV: Y0 U Y1 V ... so luma is every other byte, read in place until the next call.
        const int pixStride = m_format.fourcc == V4L2_PIX_FMT_YUYV ? 2 : 1;
        frame.image = {data, m_format.width, m_format.height, m_bytesPerLine, pixStride};
        m_held = index;
    }
    return std::optional<Frame>{frame};
}

} // namespace kiosk::scan
