// The GUI's scanner inputs through the scan layer: the replay's `frame` step decodes on the camera's
// worker thread and the code reaches the loop's queue; status lines for the gate and the console.
#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/scan_inputs.hpp"

using namespace kiosk;

namespace {

// Counts wake-ups from the worker threads; the test waits on them instead of sleeping.
struct Wakes {
    std::mutex mutex;
    std::condition_variable cv;
    int count = 0;
    void wake() {
        { std::lock_guard lock(mutex); ++count; }
        cv.notify_all();
    }
    bool waitFor(int n) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::seconds(60), [&] { return count >= n; });
    }
};

} // namespace

TEST_CASE("scan inputs: a replayed image file is decoded on the camera's worker and queued as a camera scan", "[ui][scan]") {
    Wakes wakes;
    ui::ScanInputs inputs([&] { wakes.wake(); });
    const std::string dir = std::string(KIOSK_SOURCE_DIR) + "/tests/samples/decode/";
    const ui::DecodedFrame shown = inputs.feedFile(dir + "clean-paper-m3.png");
    CHECK(shown.error.empty());
    CHECK(shown.width == 1280);
    CHECK(shown.gray.size() == 1280u * 720u);
    REQUIRE(wakes.waitFor(1));
    const auto scans = inputs.takeScans();
    REQUIRE(scans.size() == 1);
    CHECK(scans[0].first.rfind("ANTQ23-D0004-1-", 0) == 0);
    CHECK(scans[0].second == "camera");
    // The worker kept the frame it decoded for the live picture.
    auto preview = inputs.pollPreview();
    REQUIRE(preview);
    CHECK(preview->width == 1280);
    CHECK_FALSE(inputs.pollPreview()); // nothing newer
    CHECK(inputs.takeScans().empty());
}

TEST_CASE("scan inputs: a missing file is an error to show, nothing is queued", "[ui][scan]") {
    ui::ScanInputs inputs;
    const ui::DecodedFrame f = inputs.feedFile("/nonexistent/frame.png");
    CHECK_FALSE(f.error.empty());
    CHECK(f.gray.empty());
    CHECK(inputs.takeScans().empty());
    std::string camera = "x", serial = "x";
    inputs.status(camera, serial);
    CHECK(camera.empty()); // no device chosen: the views say "none"
    CHECK(serial.empty());
}

TEST_CASE("device status lines: missing, unplugged, reconnecting and running read differently", "[ui][scan]") {
    scan::WorkerStatus s;
    const std::string starting = ui::deviceStatusText(s);
    s.state = scan::SourceState::Failed;
    s.lastError = scan::Error{scan::ErrorCode::DeviceNotFound, "/dev/video7"};
    const std::string missing = ui::deviceStatusText(s);
    s.state = scan::SourceState::Lost;
    const std::string unplugged = ui::deviceStatusText(s);
    s.state = scan::SourceState::Failed;
    s.lastError = scan::Error{scan::ErrorCode::DeviceLost, "/dev/video7"};
    const std::string reconnecting = ui::deviceStatusText(s);
    s.state = scan::SourceState::Running;
    const std::string running = ui::deviceStatusText(s);
    CHECK(missing == core::tr("gui.device.missing"));
    CHECK(unplugged == core::tr("gui.device.unplugged"));
    CHECK(reconnecting == core::tr("gui.device.reconnecting"));
    CHECK(running == core::tr("scan.source.running"));
    CHECK(starting == core::tr("gui.device.starting"));
    CHECK(missing != unplugged);
    CHECK(unplugged != reconnecting);
    s.state = scan::SourceState::Failed;
    s.lastError = scan::Error{scan::ErrorCode::PermissionDenied, "/dev/video7"};
    CHECK(ui::deviceStatusText(s).find("/dev/video7") != std::string::npos); // the reason, with the device
}
