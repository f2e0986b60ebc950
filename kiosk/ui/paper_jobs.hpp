#pragma once
// The console's slow jobs (a badge PDF sent to the printer or saved, the attendance export) on a
// thread of their own with their own database connection, so the screens keep drawing.
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/paper/status.hpp"
#include "kiosk/ui/model.hpp"

namespace kiosk::ui {

/// One job at a time; status() may be read from any thread while it runs.
class PaperJobs {
public:
    /// Jobs open their own session on dbPath; badges that are not printed are saved under outDir.
    PaperJobs(std::string dbPath, std::string outDir);
    /// Waits for a running job; never throws.
    ~PaperJobs();
    PaperJobs(const PaperJobs&) = delete;
    PaperJobs& operator=(const PaperJobs&) = delete;

    /// Starts the badge of code: a PDF under outDir, then to the chosen CUPS printer; a printer that
    /// is missing, paused or out of paper is named in the result and the PDF is kept.
    ActionResult printBadge(const std::string& code);
    /// The printer for badges: a CUPS queue, "" = CUPS' default (the start), nullopt = PDF only.
    void setPrinter(std::optional<std::string> printer);
    std::optional<std::string> printer() const;
    /// Starts the attendance export to path (.xlsx: a workbook, else CSV).
    ActionResult exportAttendance(const std::string& path);
    JobStatus status() const;
    /// Waits until the running job (if any) has finished (tests, shutdown).
    void wait();

private:
    using Work = std::function<ActionResult(const paper::Progress&)>;
    ActionResult start(std::string label, Work work);

    std::string m_dbPath;
    std::string m_outDir;
    std::optional<std::string> m_printer = std::string();
    mutable std::mutex m_mutex;
    JobStatus m_status;
    std::jthread m_thread;
};

} // namespace kiosk::ui
