#include <catch2/catch.hpp>

#include <atomic>

#include "kiosk/scan/image_source.hpp"
#include "kiosk/scan/scan_worker.hpp"
#include "tests/unit/scan_test_util.hpp"

using namespace kiosk::scan;
using kiosk::scan::test::frameWithCode;
using kiosk::scan::test::TempDir;
using namespace std::chrono_literals;

namespace {

// Generous bound for "the worker thread got to it"; a passing run never waits this long.
constexpr auto kPatience = 20s;

// A source that cannot be opened a given number of times, then serves frames it is pushed: how a
// camera that is unplugged at start and plugged in later looks to the worker.
class LateSource : public PushFrameSource {
  public:
    explicit LateSource(int failures) : m_failures(failures) {}
    Status open() override {
        ++attempts;
        if (attempts <= m_failures) return Status::failure({ErrorCode::DeviceNotFound, "late"});
        return PushFrameSource::open();
    }
    SourceState state() const override {
        return attempts <= m_failures ? SourceState::Failed : PushFrameSource::state();
    }
    std::atomic<int> attempts{0};

  private:
    int m_failures;
};

} // namespace

TEST_CASE("the worker decodes only the newest frame, older waiting frames are dropped", "[threads]") {
    auto source = std::make_unique<PushFrameSource>("test");
    // Three frames arrive before the worker looks: a code, no code, another code.
    source->push(frameWithCode("ANTQ23-D0001-1-OLDOLDOLDOLDOLDO", 640, 480, 100, 100, 4));
    source->push(GrayImage(640, 480, 90));
    source->push(frameWithCode("ANTQ23-D0003-1-NEWNEWNEWNEWNEWN", 640, 480, 200, 150, 4));
    auto queue = std::make_shared<ScanQueue>();
    std::atomic<int> notified{0};
    queue->setNotify([&] { ++notified; });
    auto worker = std::make_unique<ScanWorker>(std::move(source), queue);

    const auto event = queue->waitPop(kPatience);
    REQUIRE(event.has_value());
    CHECK(event->text == "ANTQ23-D0003-1-NEWNEWNEWNEWNEWN");
    CHECK(event->origin == ScanOrigin::Camera);
    CHECK(event->device == "test");
    CHECK(event->at > 0);
    const WorkerStatus st = worker->status();
    CHECK(st.dropped == 2);
    CHECK(st.scans == 1);
    CHECK(st.frames == 1);
    CHECK(queue->size() == 0); // the old code never came through
    GrayImage picture;
    std::uint64_t seq = 0;
    CHECK(worker->preview(picture, seq));
    CHECK(picture.width == 640);
    CHECK_FALSE(worker->preview(picture, seq)); // nothing newer yet
    worker.reset(); // joined: every push, and its notification, has happened
    CHECK(notified.load() == 1);
}

TEST_CASE("the worker keeps trying a source that is missing and uses it once it appears", "[threads]") {
    auto source = std::make_unique<LateSource>(3);
    LateSource* raw = source.get();
    raw->push(frameWithCode("ANTQ23-D0009-1-LATELATELATELATE", 640, 480, 150, 100, 4));
    auto queue = std::make_shared<ScanQueue>();
    ScanWorkerOptions opt;
    opt.reopenMs = 1;
    ScanWorker worker(std::move(source), queue, opt);
    const auto event = queue->waitPop(kPatience);
    REQUIRE(event.has_value());
    CHECK(event->text == "ANTQ23-D0009-1-LATELATELATELATE");
    CHECK(raw->attempts.load() == 4);
    const WorkerStatus st = worker.status();
    REQUIRE(st.lastError.has_value());
    CHECK(st.lastError->code == ErrorCode::DeviceNotFound);
    CHECK(st.state == SourceState::Running);
}

TEST_CASE("a worker stops and joins promptly whatever its source is doing", "[threads]") {
    // A source with no frames: the worker waits in next() and must still stop.
    {
        auto queue = std::make_shared<ScanQueue>();
        ScanWorker idle(std::make_unique<PushFrameSource>(), queue);
        idle.requestStop();
    }
    // A source that cannot be opened: the worker waits between attempts and must still stop.
    {
        auto queue = std::make_shared<ScanQueue>();
        ScanWorkerOptions opt;
        opt.reopenMs = 60000;
        ScanWorker failing(std::make_unique<ImageFileSource>(std::vector<std::string>{}), queue,
                           opt);
    }
    SUCCEED("both workers were destroyed (a hang here fails by timeout)");
}

TEST_CASE("image files as a source: in order, bad files reported, ended after the last", "[threads]") {
    TempDir dir;
    REQUIRE(writePng(frameWithCode("ANTQ23-D0101-1-FILEFILEFILEFILE", 400, 300, 50, 50, 4),
                     dir.file("a.png"))
                .ok);
    kiosk::scan::test::writeBytes(dir.file("b.png"), "not an image");
    ImageFileSource src({dir.file("a.png"), dir.file("b.png")});
    CHECK(src.state() == SourceState::Idle);
    REQUIRE(src.open().ok);
    auto first = src.next(0);
    REQUIRE(first.ok());
    REQUIRE(first->has_value());
    CHECK((*first)->image.width == 400);
    CHECK((*first)->sequence == 1);
    auto second = src.next(0);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == ErrorCode::UnknownFormat);
    CHECK(src.state() == SourceState::Running);
    auto third = src.next(0);
    REQUIRE_FALSE(third.ok());
    CHECK(third.error().code == ErrorCode::EndOfInput);
    CHECK(src.state() == SourceState::Ended);

    ImageFileSource looping({dir.file("a.png")}, true);
    REQUIRE(looping.open().ok);
    for (int i = 0; i < 3; ++i)
        REQUIRE(looping.next(0).ok());
    CHECK(looping.state() == SourceState::Running);

    ImageFileSource none({});
    CHECK_FALSE(none.open().ok);
    CHECK(none.state() == SourceState::Failed);
}

TEST_CASE("a push source keeps the newest frame, counts the rest, and ends when finished", "[threads]") {
    PushFrameSource src;
    REQUIRE(src.open().ok);
    auto empty = src.next(0);
    REQUIRE(empty.ok());
    CHECK_FALSE(empty->has_value());
    src.push(GrayImage(8, 8, 1));
    src.push(GrayImage(8, 8, 2));
    auto frame = src.next(0);
    REQUIRE(frame.ok());
    REQUIRE(frame->has_value());
    CHECK((*frame)->image.at(0, 0) == 2);
    CHECK(src.dropped() == 1);
    src.finish();
    auto end = src.next(0);
    REQUIRE_FALSE(end.ok());
    CHECK(src.state() == SourceState::Ended);
}

TEST_CASE("a code held in front of the camera is reported once until it leaves the view", "[threads]") {
    RepeatFilter f(1500);
    CHECK(f.admit("A", 0));
    CHECK_FALSE(f.admit("A", 33));
    CHECK_FALSE(f.admit("A", 1400));
    CHECK_FALSE(f.admit("A", 2800)); // still seen every frame: still the same presentation
    CHECK(f.admit("B", 2833));       // another badge is reported at once
    CHECK(f.admit("A", 4400));       // gone for 1.6 s, shown again
}

TEST_CASE("the scan queue hands events over in order and drops the oldest beyond capacity", "[threads]") {
    ScanQueue q(3);
    for (int i = 0; i < 5; ++i) {
        ScanEvent e;
        e.text = std::to_string(i);
        q.push(e);
    }
    const auto all = q.takeAll();
    REQUIRE(all.size() == 3);
    CHECK(all.front().text == "2");
    CHECK(all.back().text == "4");
    CHECK(q.takeAll().empty());
    CHECK_FALSE(q.waitPop(0ms).has_value());
}
