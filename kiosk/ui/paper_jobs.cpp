#include "kiosk/ui/paper_jobs.hpp"

#include <filesystem>
#include <exception>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/attendance_export.hpp"
#include "kiosk/services/badge_printing.hpp"
#include "kiosk/services/print_queue.hpp"

namespace kiosk::ui {

PaperJobs::PaperJobs(std::string dbPath, std::string outDir) : m_dbPath(std::move(dbPath)), m_outDir(std::move(outDir)) {}

PaperJobs::~PaperJobs() { wait(); }

void PaperJobs::wait() {
    if (m_thread.joinable()) m_thread.join();
}

JobStatus PaperJobs::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

ActionResult PaperJobs::start(std::string label, Work work) {
    {
        std::lock_guard lock(m_mutex);
        if (m_status.running) return {false, core::tr("gui.console.job_busy"), {}};
        m_status = JobStatus{};
        m_status.label = label;
        m_status.running = true;
    }
    wait(); // the previous job's thread has finished its work; reap it
    m_thread = std::jthread([this, work = std::move(work)] {
        const paper::Progress progress = [this](std::size_t done, std::size_t total) {
            std::lock_guard lock(m_mutex);
            m_status.done = done;
            m_status.total = total;
        };
        ActionResult result;
        // A thread function lets nothing escape: a broken database ends the job with its message.
        try {
            result = work(progress);
        } catch (const std::exception& e) {
            result = {false, core::trf("gui.console.job_failed", {{"error", e.what()}}), {}};
        }
        std::lock_guard lock(m_mutex);
        m_status.running = false;
        m_status.ok = result.ok;
        m_status.message = result.message;
        m_status.detail = result.detail;
    });
    return {true, label, {}};
}

ActionResult PaperJobs::printBadge(const std::string& code) {
    const std::string path = m_outDir + "/badge-" + code + ".pdf";
    return start(core::trf("gui.console.job_badge", {{"code", code}}), [this, code, path](const paper::Progress& progress) {
        auto session = services::Session::open(m_dbPath);
        services::BadgeSelection selection;
        selection.codes = {code};
        std::string error;
        const auto sheet = services::buildBadgeSheet(*session, selection, error);
        if (!sheet) return ActionResult{false, error, {}};
        std::error_code ec;
        std::filesystem::create_directories(m_outDir, ec);
        const paper::PaperStatus st = paper::writeBadgesPdf(*sheet, path, {}, progress);
        if (!st.ok()) return ActionResult{false, core::trf("gui.console.job_failed", {{"error", st.error}}), {}};
        const std::optional<std::string> printer = this->printer();
        // No printer chosen, or "the default" on a PC with none: the PDF is the result.
        if (!printer || (printer->empty() && services::printerStatus("").state == services::PrinterState::Missing))
            return ActionResult{true, core::trf("gui.console.saved_pdf", {{"path", path}}), path};
        const auto printed = services::printPdf(path, *printer, "badge " + code);
        if (printed.ok)
            return ActionResult{true, core::trf("install.printer.sent", {{"printer", printed.printer.name}, {"job", std::to_string(printed.jobId)}, {"path", path}}), path};
        return ActionResult{false, core::trf("install.printer.kept", {{"error", printed.error}, {"path", path}}), path};
    });
}

void PaperJobs::setPrinter(std::optional<std::string> printer) {
    std::lock_guard lock(m_mutex);
    m_printer = std::move(printer);
}

std::optional<std::string> PaperJobs::printer() const {
    std::lock_guard lock(m_mutex);
    return m_printer;
}

ActionResult PaperJobs::exportAttendance(const std::string& path) {
    return start(core::trf("gui.console.job_export", {{"path", path}}), [this, path](const paper::Progress& progress) {
        auto session = services::Session::open(m_dbPath);
        const std::string format = std::filesystem::path(path).extension() == ".xlsx" ? "xlsx" : "csv";
        std::error_code ec;
        if (const auto dir = std::filesystem::path(path).parent_path(); !dir.empty())
            std::filesystem::create_directories(dir, ec);
        auto sink = services::openTableSink(format, path, paper::CsvOptions{});
        if (!sink) return ActionResult{false, core::trf("gui.console.job_failed", {{"error", path}}), {}};
        const paper::PaperStatus st = services::exportAttendance(*session, *sink, services::AttendanceExportOptions{}, progress);
        if (!st.ok()) return ActionResult{false, core::trf("gui.console.job_failed", {{"error", st.error}}), {}};
        return ActionResult{true, core::trf("gui.console.exported", {{"rows", std::to_string(st.rows)}, {"path", path}}), path};
    });
}

} // namespace kiosk::ui
