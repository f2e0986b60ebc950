// Camera and serial-scanner logic that runs without the hardware: format choice, error values for
// missing or wrong devices, and the serial path over a pseudo-terminal (real termios, real reads).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <linux/videodev2.h>
#include <stdlib.h>
#include <unistd.h>

#include "kiosk/scan/scan_worker.hpp"
#include "kiosk/scan/serial_scanner.hpp"
#include "kiosk/scan/v4l2_camera.hpp"
#include "tests/unit/scan_test_util.hpp"

using namespace kiosk::scan;
using kiosk::scan::test::TempDir;
using namespace std::chrono_literals;

namespace {

constexpr std::uint32_t kYuyv = V4L2_PIX_FMT_YUYV;
constexpr std::uint32_t kMjpeg = V4L2_PIX_FMT_MJPEG;
constexpr std::uint32_t kGrey = V4L2_PIX_FMT_GREY;
constexpr std::uint32_t kH264 = V4L2_PIX_FMT_H264;

// The master side of a pseudo-terminal standing in for a USB serial scanner.
struct Pty {
    int master = -1;
    std::string slave;
    Pty() {
        master = posix_openpt(O_RDWR | O_NOCTTY);
        if (master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0) slave = ptsname(master);
    }
    ~Pty() { closeMaster(); }
    void write(std::string_view s) const {
        REQUIRE(::write(master, s.data(), s.size()) == static_cast<ssize_t>(s.size()));
    }
    void closeMaster() {
        if (master >= 0) ::close(master);
        master = -1;
    }
};

// Reads until n lines have come (each read waits at most 200 ms; 50 tries is a generous bound).
std::vector<std::string> readLines(SerialScanner& s, size_t n) {
    std::vector<std::string> lines;
    for (int tries = 0; tries < 50 && lines.size() < n; ++tries) {
        auto got = s.read(200);
        INFO((got.ok() ? std::string() : got.error().detail + " " + errorName(got.error().code)));
        REQUIRE(got.ok());
        lines.insert(lines.end(), got->begin(), got->end());
    }
    return lines;
}

} // namespace

TEST_CASE("format choice: YUYV at the wanted size first, MJPEG when YUYV is too slow there") {
    CameraOptions want; // 1280x720, at least 15 fps
    const std::vector<FormatOffer> usual = {{kYuyv, 640, 480, 30},
                                            {kYuyv, 1280, 720, 10},
                                            {kMjpeg, 1280, 720, 30},
                                            {kMjpeg, 1920, 1080, 30}};
    auto c = chooseFormat(usual, want);
    REQUIRE(c.has_value());
    CHECK(c->fourcc == kMjpeg);
    CHECK(c->width == 1280);

    const std::vector<FormatOffer> fastYuyv = {{kMjpeg, 1280, 720, 30}, {kYuyv, 1280, 720, 30}};
    c = chooseFormat(fastYuyv, want);
    REQUIRE(c.has_value());
    CHECK(c->fourcc == kYuyv);

    // Nothing reaches 15 fps: the faster one.
    c = chooseFormat({{kYuyv, 1280, 720, 7.5}, {kMjpeg, 1280, 720, 10}}, want);
    REQUIRE(c.has_value());
    CHECK(c->fourcc == kMjpeg);

    // An unknown rate counts as fast enough; GREY ranks between YUYV and MJPEG.
    c = chooseFormat({{kMjpeg, 1280, 720, 0}, {kGrey, 1280, 720, 0}}, want);
    REQUIRE(c.has_value());
    CHECK(c->fourcc == kGrey);
}

TEST_CASE("format choice: the nearest size wins, unusable formats are ignored") {
    CameraOptions want;
    auto c = chooseFormat({{kYuyv, 640, 480, 30}, {kYuyv, 1920, 1080, 30}, {kH264, 1280, 720, 30}},
                          want);
    REQUIRE(c.has_value());
    CHECK(c->width == 1920); // 1.5 MP is nearer 0.9 MP than 0.3 MP is (by ratio)
    CHECK_FALSE(chooseFormat({{kH264, 1280, 720, 30}}, want).has_value());
    CHECK_FALSE(chooseFormat({}, want).has_value());
    CHECK(fourccName(kYuyv) == "YUYV");
}

TEST_CASE("a camera path that does not exist is a DeviceNotFound value and a Failed source") {
    CameraOptions o;
    o.path = "/nonexistent/video0";
    V4l2Camera cam(o);
    const Status s = cam.open();
    REQUIRE_FALSE(s.ok);
    CHECK(s.error.code == ErrorCode::DeviceNotFound);
    CHECK(cam.state() == SourceState::Failed);
    auto frame = cam.next(0);
    CHECK_FALSE(frame.ok());
}

TEST_CASE("a device or file that is not a camera is NotACamera") {
    TempDir dir;
    kiosk::scan::test::writeBytes(dir.file("video0"), "plain file");
    for (const std::string& path : {std::string("/dev/null"), dir.file("video0")}) {
        INFO(path);
        CameraOptions o;
        o.path = path;
        V4l2Camera cam(o);
        const Status s = cam.open();
        REQUIRE_FALSE(s.ok);
        CHECK(s.error.code == ErrorCode::NotACamera);
    }
    // listCameras only lists capture devices: a plain file named video0 is not one.
    CHECK(listCameras(dir.path.string()).empty());
    CHECK(listCameras("/nonexistent").empty());
}

TEST_CASE("line splitting: CR, LF and CR LF end a scan, empty and overlong lines are dropped") {
    LineSplitter s(16);
    CHECK(s.feed("ABC").empty());
    CHECK(s.partial() == "ABC");
    CHECK(s.feed("DEF\r\nGHI\rJKL\n") == std::vector<std::string>{"ABCDEF", "GHI", "JKL"});
    CHECK(s.feed("\r\n\r\n").empty());
    CHECK(s.feed("0123456789ABCDEFGHIJ\nOK\n") == std::vector<std::string>{"OK"});
}

TEST_CASE("a serial scanner is read raw over a terminal, line by line, and its loss is reported") {
    Pty pty;
    REQUIRE_FALSE(pty.slave.empty());
    SerialOptions o;
    o.path = pty.slave;
    SerialScanner scanner(o);
    REQUIRE(scanner.open().ok);
    pty.write("ANTQ23-D0042-1-ABCDEFGHIJKLMNOP\r\n]Q1ANTQ23-D0043-1-QRSTUVWXYZ234567\n");
    const auto lines = readLines(scanner, 2);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "ANTQ23-D0042-1-ABCDEFGHIJKLMNOP");
    CHECK(lines[1] == "]Q1ANTQ23-D0043-1-QRSTUVWXYZ234567"); // prefixes are core::cleanScan's job
    // Raw mode: no echo, no line editing; a backspace byte arrives as a byte.
    pty.write("AB\x7f"
              "C\n");
    const auto raw = readLines(scanner, 1);
    REQUIRE(raw.size() == 1);
    CHECK(raw[0] == "AB\x7f"
                    "C");
    // Unplugging: the other end goes away.
    pty.closeMaster();
    bool lost = false;
    for (int i = 0; i < 50 && !lost; ++i) {
        auto r = scanner.read(200);
        lost = !r.ok() && r.error().code == ErrorCode::DeviceLost;
    }
    CHECK(lost);
    CHECK_FALSE(scanner.isOpen());
}

TEST_CASE("a serial path that is missing or not a terminal is an error value") {
    TempDir dir;
    kiosk::scan::test::writeBytes(dir.file("ttyACM0"), "");
    SerialOptions missing;
    missing.path = "/nonexistent/ttyACM0";
    CHECK(SerialScanner(missing).open().error.code == ErrorCode::DeviceNotFound);
    SerialOptions file;
    file.path = dir.file("ttyACM0");
    CHECK(SerialScanner(file).open().error.code == ErrorCode::NotASerialPort);
    CHECK(listSerialPorts(dir.path.string()) == std::vector<std::string>{dir.file("ttyACM0")});
}

TEST_CASE("the serial worker queues each scanned line") {
    Pty pty;
    REQUIRE_FALSE(pty.slave.empty());
    auto queue = std::make_shared<ScanQueue>();
    SerialWorker worker({pty.slave, 9600}, queue, 50, 10);
    // The worker may open the port after this write (then the flush on open would eat it), so
    // write until the line comes through.
    std::optional<ScanEvent> e;
    for (int i = 0; i < 100 && !e; ++i) {
        pty.write("ANTQ23-D0050-1-SERIALSERIALSERI\r\n");
        e = queue->waitPop(100ms);
    }
    REQUIRE(e.has_value());
    CHECK(e->text == "ANTQ23-D0050-1-SERIALSERIALSERI");
    CHECK(e->origin == ScanOrigin::Serial);
    CHECK(worker.status().state == SourceState::Running);
}
