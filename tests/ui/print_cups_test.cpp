// A walk-in's badge printed from the console's backend through a real CUPS
// (tests/print/cups_print.sh starts a private cupsd with a CUPS-PDF queue and runs these with
// KIOSK_TEST_PRINTER and KIOSK_TEST_CUPS_OUT set): the printed PDF holds the walk-in's name; a
// paused or unknown printer is reported as such and the badge PDF is kept. Hidden ([.]) so a plain
// ui_tests run skips them.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/process.hpp"
#include "kiosk/ui/services_backend.hpp"
#include "temp_event.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

struct CupsEvent : test::TempEvent {
    CupsEvent() : TempEvent("kiosk-print-cups") {}
};

// The console's loop: poll the backend until the job has ended (or a minute has passed).
ui::JobStatus finishedJob(ui::ServicesBackend& backend) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (std::chrono::steady_clock::now() < deadline) {
        backend.refresh(core::nowMillis());
        if (!backend.snapshot().job.running) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return backend.snapshot().job;
}

std::string pdfText(const fs::path& pdf) {
    const fs::path txt = pdf.string() + ".txt";
    if (services::runProgram({"pdftotext", "-layout", pdf.string(), txt.string()}) != 0) return {};
    std::FILE* f = std::fopen(txt.c_str(), "rb");
    if (!f) return {};
    std::string text;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
        text.append(buf, n);
    std::fclose(f);
    return text;
}

// cups-pdf writes the file as the job runs: wait until a finished PDF there reads back with the
// text.
bool printedPdfHolds(const fs::path& outDir, const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (std::chrono::steady_clock::now() < deadline) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(outDir, ec))
            if (e.path().extension() == ".pdf" &&
                pdfText(e.path()).find(needle) != std::string::npos)
                return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
}

} // namespace

TEST_CASE("cups: a walk-in's badge printed from the console comes out of the CUPS-PDF queue",
          "[.][cups]") {
    const std::string queue = env("KIOSK_TEST_PRINTER");
    const fs::path outDir = env("KIOSK_TEST_CUPS_OUT");
    REQUIRE(!queue.empty());
    CupsEvent ev;
    ui::ServicesBackend backend(services::Session::open(ev.db));

    const auto printers = backend.printers(true);
    REQUIRE(std::any_of(printers.begin(), printers.end(), [&](const auto& p) {
        return p.name == queue && p.state == services::PrinterState::Ready;
    }));

    const ui::ActionResult added = backend.walkIn(
        {"Lò Thị Ngọc Ánh", "Điều dưỡng", "Trạm Y tế xã Tân Sơn", "cong-an"}, core::nowMillis());
    REQUIRE(added.ok);
    backend.usePrinter(queue);
    REQUIRE(backend.printBadge(added.detail).ok);
    const ui::JobStatus job = finishedJob(backend);
    INFO(job.message);
    REQUIRE(job.ok);
    CHECK(job.message.find(queue) != std::string::npos);
    CHECK(fs::exists(job.detail)); // the PDF is kept beside the database as well
    CHECK(printedPdfHolds(outDir, "Ngọc Ánh"));
}

TEST_CASE("cups: a paused or unknown printer is named as such and the badge PDF is kept",
          "[.][cups]") {
    const std::string queue = env("KIOSK_TEST_PRINTER");
    REQUIRE(!queue.empty());
    CupsEvent ev;
    ui::ServicesBackend backend(services::Session::open(ev.db));
    REQUIRE(services::runProgram({"cupsdisable", queue}) == 0);

    const auto printers = backend.printers(true);
    REQUIRE(std::any_of(printers.begin(), printers.end(), [&](const auto& p) {
        return p.name == queue && p.state == services::PrinterState::Paused;
    }));
    backend.usePrinter(queue);
    REQUIRE(backend.printBadge("D0001").ok);
    ui::JobStatus job = finishedJob(backend);
    CHECK_FALSE(job.ok);
    CHECK(job.message.find(core::tr("install.printer.paused")) != std::string::npos);
    CHECK(fs::file_size(job.detail) > 1000);

    backend.usePrinter(std::string("no-such-printer"));
    REQUIRE(backend.printBadge("D0002").ok);
    job = finishedJob(backend);
    CHECK_FALSE(job.ok);
    CHECK(job.message.find(core::tr("install.printer.missing")) != std::string::npos);
    CHECK(fs::file_size(job.detail) > 1000);
    REQUIRE(services::runProgram({"cupsenable", queue}) == 0);
}
