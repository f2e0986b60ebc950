#include "kiosk/services/print_queue.hpp"

#include <cups/cups.h>

#include <memory>

#include "kiosk/core/i18n.hpp"

namespace kiosk::services {

namespace {

struct DestsDeleter {
    int count = 0;
    void operator()(cups_dest_t* dests) const { cupsFreeDests(count, dests); }
};

std::string option(const cups_dest_t& d, const char* name) {
    const char* v = cupsGetOption(name, d.num_options, d.options);
    return v ? v : "";
}

PrinterInfo infoOf(const cups_dest_t& d) {
    PrinterInfo p;
    p.name = d.name;
    p.isDefault = d.is_default != 0;
    p.description = option(d, "printer-info");
    p.reasons = option(d, "printer-state-reasons");
    const std::string state = option(d, "printer-state"); // IPP: 3 idle, 4 processing, 5 stopped
    const bool accepting = option(d, "printer-is-accepting-jobs") != "false";
    // Paper first: a printer out of paper is often also "stopped", and paper is what to go and fix.
    if (p.reasons.find("media-empty") != std::string::npos ||
        p.reasons.find("media-needed") != std::string::npos)
        p.state = PrinterState::OutOfPaper;
    else if (state == "5" || p.reasons.find("paused") != std::string::npos)
        p.state = PrinterState::Paused;
    else if (!accepting)
        p.state = PrinterState::NotAccepting;
    else
        p.state = state == "4" ? PrinterState::Busy : PrinterState::Ready;
    return p;
}

} // namespace

std::vector<PrinterInfo> listPrinters() {
    cups_dest_t* raw = nullptr;
    const int n = cupsGetDests2(CUPS_HTTP_DEFAULT, &raw);
    std::unique_ptr<cups_dest_t, DestsDeleter> dests(raw, DestsDeleter{n});
    std::vector<PrinterInfo> out;
    for (int i = 0; i < n; ++i) {
        if (raw[i].instance) continue; // lpoptions instances are the same queue
        PrinterInfo p = infoOf(raw[i]);
        if (p.isDefault)
            out.insert(out.begin(), std::move(p));
        else
            out.push_back(std::move(p));
    }
    return out;
}

PrinterInfo printerStatus(const std::string& name) {
    cups_dest_t* raw = nullptr;
    const int n = cupsGetDests2(CUPS_HTTP_DEFAULT, &raw);
    std::unique_ptr<cups_dest_t, DestsDeleter> dests(raw, DestsDeleter{n});
    const cups_dest_t* d = cupsGetDest(name.empty() ? nullptr : name.c_str(), nullptr, n, raw);
    if (!d) {
        PrinterInfo missing;
        missing.name = name;
        return missing;
    }
    return infoOf(*d);
}

bool canPrint(PrinterState state) {
    return state == PrinterState::Ready || state == PrinterState::Busy;
}

std::string describePrinterState(PrinterState state) {
    switch (state) {
    case PrinterState::Ready:
        return core::tr("install.printer.ready");
    case PrinterState::Busy:
        return core::tr("install.printer.busy");
    case PrinterState::Paused:
        return core::tr("install.printer.paused");
    case PrinterState::OutOfPaper:
        return core::tr("install.printer.out_of_paper");
    case PrinterState::NotAccepting:
        return core::tr("install.printer.not_accepting");
    case PrinterState::Missing:
        break;
    }
    return core::tr("install.printer.missing");
}

PrintResult printPdf(const std::string& path, const std::string& printer,
                     const std::string& title) {
    PrintResult r;
    r.printer = printerStatus(printer);
    const std::string name =
        r.printer.name.empty() ? core::tr("install.printer.no_default") : r.printer.name;
    if (!canPrint(r.printer.state)) {
        r.error = core::trf("install.printer.cannot",
                            {{"printer", name}, {"state", describePrinterState(r.printer.state)}});
        return r;
    }
    cups_option_t* options = nullptr;
    const int numOptions = cupsAddOption("document-format", "application/pdf", 0, &options);
    r.jobId = cupsPrintFile2(CUPS_HTTP_DEFAULT, r.printer.name.c_str(), path.c_str(), title.c_str(),
                             numOptions, options);
    cupsFreeOptions(numOptions, options);
    if (r.jobId == 0) {
        r.error = core::trf("install.printer.refused",
                            {{"printer", name}, {"detail", cupsLastErrorString()}});
        return r;
    }
    r.ok = true;
    return r;
}

} // namespace kiosk::services
