#pragma once
// Printing finished PDFs (walk-in badges, certificates) through CUPS with libcups: the printers
// CUPS knows, their state in words a volunteer understands, and a job per file. CUPS_SERVER and the
// user's lpoptions are honoured as by lp.
#include <string>
#include <vector>

namespace kiosk::services {

/// Whether a printer can take a job now, from CUPS' printer-state and printer-state-reasons.
enum class PrinterState { Ready, Busy, Paused, OutOfPaper, NotAccepting, Missing };

/// One CUPS destination.
struct PrinterInfo {
    std::string name;
    std::string description; ///< printer-info, "" when not set
    bool isDefault = false;
    PrinterState state = PrinterState::Missing;
    std::string reasons; ///< printer-state-reasons as CUPS says them ("none", "media-empty-error")
};

/// Every printer CUPS knows, the default first; empty when CUPS does not answer or has none.
std::vector<PrinterInfo> listPrinters();

/// The printer named, or the default when name is ""; state Missing when there is no such printer.
PrinterInfo printerStatus(const std::string& name);

/// True when a job sent now would be printed (Ready or Busy).
bool canPrint(PrinterState state);

/// The state in the user's language (string table install.printer.*).
std::string describePrinterState(PrinterState state);

/// What became of a print request.
struct PrintResult {
    bool ok = false;
    int jobId = 0;
    PrinterInfo printer; ///< the printer as it was checked before sending
    std::string error;   ///< in the user's language when !ok
};

/// Sends path (a PDF) to the printer named (the default when ""), after checking it is there and
/// not paused or out of paper; never throws. The file is left where it is either way.
PrintResult printPdf(const std::string& path, const std::string& printer, const std::string& title);

} // namespace kiosk::services
