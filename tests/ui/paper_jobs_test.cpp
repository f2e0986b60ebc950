// The console's slow jobs against a real event database: a walk-in's badge PDF and the attendance
// export are written on the job's thread, with progress, and the status says where the file is.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/event_pack.hpp"
#include "temp_event.hpp"
#include "kiosk/services/print_queue.hpp"
#include "kiosk/ui/paper_jobs.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

struct JobEvent : test::TempEvent {
    JobEvent() : TempEvent("kiosk-paper-jobs") {}
};

} // namespace

TEST_CASE("paper jobs: a badge is written off the UI thread and saved (or printed) with its path", "[ui][paper][threads]") {
    JobEvent ev;
    ui::PaperJobs jobs(ev.db, (ev.dir / "var").string());
    const ui::ActionResult started = jobs.printBadge("D0001");
    CHECK(started.ok);
    jobs.wait();
    const ui::JobStatus st = jobs.status();
    CHECK_FALSE(st.running);
    REQUIRE(st.ok);
    CHECK(st.detail == (ev.dir / "var" / "badge-D0001.pdf").string());
    CHECK(fs::file_size(st.detail) > 1000);
    CHECK(st.total > 0); // the PDF writer reported progress
    if (services::printerStatus("").state == services::PrinterState::Missing) CHECK(st.message == core::trf("gui.console.saved_pdf", {{"path", st.detail}}));
}

TEST_CASE("paper jobs: an unknown code fails as a message, and the next job runs", "[ui][paper][threads]") {
    JobEvent ev;
    ui::PaperJobs jobs(ev.db, (ev.dir / "var").string());
    jobs.printBadge("NOPE999");
    jobs.wait();
    CHECK_FALSE(jobs.status().ok);
    CHECK_FALSE(jobs.status().message.empty());
    const std::string out = (ev.dir / "out" / "attendance.csv").string();
    CHECK(jobs.exportAttendance(out).ok);
    jobs.wait();
    const ui::JobStatus st = jobs.status();
    REQUIRE(st.ok);
    CHECK(st.detail == out);
    CHECK(fs::file_size(out) > 100);
    CHECK(st.message.find(out) != std::string::npos);
}
