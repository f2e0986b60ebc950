#pragma once
// Barcode scanners in serial mode (USB CDC-ACM: /dev/ttyACM*, USB-serial: /dev/ttyUSB*): raw
// termios, one scan per line ending in CR, LF or CR LF.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/scan/error.hpp"
#include "kiosk/scan/unique_fd.hpp"

namespace kiosk::scan {

/// Splits a byte stream into lines at CR, LF or CR LF; empty lines are dropped and a line longer
/// than maxLength (garbage, a wrong baud rate) is cut off and discarded.
class LineSplitter {
public:
    explicit LineSplitter(size_t maxLength = 1024) : m_maxLength(maxLength) {}

    /// The lines completed by bytes.
    std::vector<std::string> feed(std::string_view bytes);
    /// Bytes waiting for their line end.
    const std::string& partial() const { return m_line; }

private:
    size_t m_maxLength;
    std::string m_line;
    bool m_overflow = false;
};

/// Serial ports a scanner may be on: dir/ttyACM* and dir/ttyUSB*, sorted.
std::vector<std::string> listSerialPorts(const std::string& dir = "/dev");

/// Serial port settings.
struct SerialOptions {
    std::string path = "/dev/ttyACM0";
    int baud = 9600; ///< ignored by CDC-ACM scanners, needed by RS-232 adapters
};

/// Reads scans from a serial scanner. Not thread-safe: one thread opens and reads it.
class SerialScanner {
public:
    explicit SerialScanner(SerialOptions options = {});

    /// Opens the port raw (no echo, no line editing, 8N1); again after a loss.
    Status open();
    void close();
    bool isOpen() const { return m_fd.valid(); }
    const std::string& path() const { return m_options.path; }

    /// Waits up to timeoutMs for input and returns the lines it completed (often none). An Error
    /// (DeviceLost) means the port went away (unplugged); the scanner is then closed.
    Expected<std::vector<std::string>> read(int timeoutMs);

private:
    SerialOptions m_options;
    UniqueFd m_fd;
    LineSplitter m_lines;
};

} // namespace kiosk::scan
