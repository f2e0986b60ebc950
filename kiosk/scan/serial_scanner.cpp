#include "kiosk/scan/serial_scanner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

namespace kiosk::scan {

std::vector<std::string> LineSplitter::feed(std::string_view bytes) {
    std::vector<std::string> out;
    for (const char c : bytes) {
        if (c == '\r' || c == '\n') {
            if (!m_line.empty() && !m_overflow) out.push_back(std::move(m_line));
            m_line.clear();
            m_overflow = false;
        } else if (m_line.size() < m_maxLength) {
            m_line.push_back(c);
        } else {
            m_overflow = true;
        }
    }
    return out;
}

std::vector<std::string> listSerialPorts(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("ttyACM", 0) == 0 || name.rfind("ttyUSB", 0) == 0) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

speed_t baudConstant(int baud) {
    switch (baud) {
    case 1200: return B1200;
    case 2400: return B2400;
    case 4800: return B4800;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    default: return B9600;
    }
}

} // namespace

SerialScanner::SerialScanner(SerialOptions options) : m_options(std::move(options)) {}

Status SerialScanner::open() {
    close();
    const std::string& path = m_options.path;
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid()) return Status::failure(errnoError(errno, path));
    termios tio{};
    if (::tcgetattr(fd.get(), &tio) < 0) return Status::failure({ErrorCode::NotASerialPort, path});
    ::cfmakeraw(&tio);
    tio.c_cflag |= CLOCAL | CREAD;
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    ::cfsetispeed(&tio, baudConstant(m_options.baud));
    ::cfsetospeed(&tio, baudConstant(m_options.baud));
    if (::tcsetattr(fd.get(), TCSANOW, &tio) < 0) return Status::failure(errnoError(errno, path));
    ::tcflush(fd.get(), TCIFLUSH); // what was typed before we listened is not a scan for us
    m_fd = std::move(fd);
    m_lines = LineSplitter();
    return Status::success();
}

void SerialScanner::close() { m_fd.reset(); }

Expected<std::vector<std::string>> SerialScanner::read(int timeoutMs) {
    if (!m_fd.valid()) return Error{ErrorCode::DeviceLost, m_options.path};
    pollfd pfd{m_fd.get(), POLLIN, 0};
    const int r = ::poll(&pfd, 1, timeoutMs);
    if (r == 0 || (r < 0 && errno == EINTR)) return std::vector<std::string>{};
    if (r < 0 || (pfd.revents & (POLLERR | POLLNVAL))) {
        close();
        return Error{ErrorCode::DeviceLost, m_options.path};
    }
    std::vector<std::string> lines;
    bool gone = (pfd.revents & POLLHUP) != 0;
    char buf[512];
    for (;;) {
        // Raw mode with VMIN = VTIME = 0: read gives 0, not EAGAIN, when nothing is waiting.
        const ssize_t n = ::read(m_fd.get(), buf, sizeof buf);
        if (n > 0) {
            for (auto& line : m_lines.feed(std::string_view(buf, static_cast<size_t>(n)))) lines.push_back(std::move(line));
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) gone = true; // EIO: unplugged
        break;
    }
    if (gone) {
        close();
        if (lines.empty()) return Error{ErrorCode::DeviceLost, m_options.path};
        // Deliver what arrived; the next read reports the loss.
    }
    return lines;
}

} // namespace kiosk::scan
