// kiosk export attendance|results · kiosk report · kiosk certificates · kiosk badges
#include <fstream>
#include <iostream>
#include <sstream>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/paper/pdf_badges.hpp"
#include "kiosk/paper/pdf_report.hpp"
#include "kiosk/services/print_queue.hpp"
#include "kiosk/services/attendance_export.hpp"
#include "kiosk/services/badge_printing.hpp"
#include "kiosk/services/certificate_printing.hpp"
#include "kiosk/services/department_unit.hpp"
#include "kiosk/services/paper_pack.hpp"
#include "kiosk/services/report_builder.hpp"
#include "kiosk/services/results_export.hpp"

namespace kiosk::cli {

namespace {

using core::tr;
using core::trf;

/// Reports a written file (or why it was not) and sets the exit code.
void report(Context& ctx, const paper::PaperStatus& status, const std::string& path, int failCode = kExitError) {
    if (!status.ok()) {
        ctx.err(status.error);
        ctx.exitCode = failCode;
        return;
    }
    if (ctx.json) {
        core::JsonWriter w;
        w.beginObject().field("file", path).field("pages", status.pages).field("rows", status.rows).endObject();
        ctx.out(w.str());
        return;
    }
    ctx.out(trf("cli.written", {{"path", path}}));
}

/// After a PDF was written: sends it to the CUPS printer asked for with --printer (none: nothing);
/// a printer that cannot take it is an error, and the file stays where it was written.
void printWritten(Context& ctx, const std::optional<std::string>& printer, const std::string& path, const std::string& title) {
    if (!printer || ctx.exitCode != kExitOk) return;
    const auto r = services::printPdf(path, *printer, title);
    if (r.ok) {
        ctx.err(trf("install.printer.sent", {{"printer", r.printer.name}, {"job", std::to_string(r.jobId)}, {"path", path}}));
        return;
    }
    ctx.err(trf("install.printer.kept", {{"error", r.error}, {"path", path}}));
    ctx.exitCode = kExitError;
}

/// Fails with a usage error; returns false so callers can `return fail(...)`.
bool usage(Context& ctx, const std::string& message) {
    ctx.err(message);
    ctx.exitCode = kExitError;
    return false;
}

bool parseTime(Context& ctx, const std::string& text, std::optional<core::Millis>& out) {
    if (text.empty()) return true;
    out = core::parseIso8601(text, ctx.session().event().utcOffsetMin);
    return out ? true : usage(ctx, trf("export.bad_time", {{"time", text}}));
}

/// Opens the sink for --format; CSV takes the delimiter and BOM options.
std::unique_ptr<paper::TableSink> openSink(Context& ctx, const std::string& format, const std::string& out,
                                           const std::string& delimiter, bool noBom) {
    paper::CsvOptions o;
    o.utcOffsetMin = ctx.session().event().utcOffsetMin;
    o.bom = !noBom;
    o.delimiter = delimiter == ";" ? ';' : delimiter == "tab" ? '\t' : ',';
    auto sink = services::openTableSink(format, out, o, true);
    if (!sink) usage(ctx, trf("export.unknown_format", {{"format", format}}));
    return sink;
}

struct ExportArgs {
    std::string format = "csv";
    std::string out;
    std::string list, category, from, to, delimiter = ",";
    std::vector<std::string> sheets;
    bool noBom = false;
};

void addTableOptions(CLI::App* cmd, ExportArgs& a) {
    cmd->add_option("--format", a.format, tr("export.cli.format"))->check(CLI::IsMember({"csv", "xlsx"}));
    cmd->add_option("--out", a.out, tr("export.cli.out"))->required();
    cmd->add_option("--sheet", a.sheets, tr("export.cli.sheet"));
    cmd->add_option("--delimiter", a.delimiter, tr("export.cli.delimiter"))->check(CLI::IsMember({",", ";", "tab"}));
    cmd->add_flag("--no-bom", a.noBom, tr("export.cli.no_bom"));
}

void addExport(CLI::App& app, Context& ctx) {
    auto* exp = app.add_subcommand("export", tr("export.cli.export"));
    exp->require_subcommand(1);

    auto att = std::make_shared<ExportArgs>();
    auto* attendance = exp->add_subcommand("attendance", tr("export.cli.attendance"));
    addTableOptions(attendance, *att);
    attendance->add_option("--list", att->list, tr("export.cli.list"));
    attendance->add_option("--category", att->category, tr("export.cli.category"));
    attendance->add_option("--from", att->from, tr("export.cli.from"));
    attendance->add_option("--to", att->to, tr("export.cli.to"));
    attendance->callback([&ctx, att] {
        services::AttendanceExportOptions o;
        o.filter.listId = att->list;
        o.filter.categoryId = att->category;
        if (!parseTime(ctx, att->from, o.filter.from) || !parseTime(ctx, att->to, o.filter.to)) return;
        if (!att->sheets.empty()) {
            o.sheets.clear();
            for (const auto& s : att->sheets) {
                const auto sheet = services::parseAttendanceSheet(s);
                if (!sheet) return (void)usage(ctx, trf("export.unknown_sheet", {{"sheet", s}}));
                o.sheets.push_back(*sheet);
            }
        }
        auto sink = openSink(ctx, att->format, att->out, att->delimiter, att->noBom);
        if (!sink) return;
        report(ctx, services::exportAttendance(ctx.session(), *sink, o), att->out);
    });

    auto res = std::make_shared<ExportArgs>();
    auto* results = exp->add_subcommand("results", tr("export.cli.results"));
    addTableOptions(results, *res);
    results->callback([&ctx, res] {
        std::vector<services::ResultsSheet> sheets = {services::ResultsSheet::Timeline, services::ResultsSheet::Awards,
                                                      services::ResultsSheet::Festival};
        if (!res->sheets.empty()) {
            sheets.clear();
            for (const auto& s : res->sheets) {
                const auto sheet = services::parseResultsSheet(s);
                if (!sheet) return (void)usage(ctx, trf("export.unknown_sheet", {{"sheet", s}}));
                sheets.push_back(*sheet);
            }
        }
        auto sink = openSink(ctx, res->format, res->out, res->delimiter, res->noBom);
        if (!sink) return;
        report(ctx, services::exportResults(ctx.session(), *sink, sheets, core::nowMillis()), res->out);
    });
}

/// Remembers the report for the department's hub and says whether it meets the deadline.
void noteIssuedReport(Context& ctx, const paper::AdminHeader& header) {
    services::recordIssuedReport(ctx.session(), {header.number, header.date});
    const auto check = services::checkDeadline(header.date, services::reportSettings(ctx.session()).deadline);
    if (!check.known || ctx.json) return;
    const std::vector<std::pair<std::string, std::string>> v = {
        {"date", services::adminDate(check.reportDate)}, {"deadline", services::adminDate(check.deadline)}};
    if (check.late) ctx.err(trf("export.report.late", v));
    else ctx.out(trf("export.report.on_time", v));
}

void addReport(CLI::App& app, Context& ctx) {
    struct Args {
        std::string out, notes, number, chart, at;
        int bucketMin = 15;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("report", tr("export.cli.report"));
    cmd->add_option("--out", a->out, tr("export.cli.out_pdf"))->required();
    cmd->add_option("--notes", a->notes, tr("export.cli.notes"));
    cmd->add_option("--number", a->number, tr("export.cli.number"));
    cmd->add_option("--bucket", a->bucketMin, tr("export.cli.bucket"))->check(CLI::Range(1, 240));
    cmd->add_option("--chart", a->chart, tr("export.cli.chart"));
    cmd->add_option("--at", a->at, tr("export.cli.at"));
    cmd->callback([&ctx, a] {
        services::ReportOptions o;
        o.number = a->number;
        o.bucketMs = static_cast<core::Millis>(a->bucketMin) * 60'000;
        if (!a->notes.empty()) {
            std::ostringstream text;
            if (a->notes == "-") {
                text << std::cin.rdbuf();
            } else {
                std::ifstream in(a->notes, std::ios::binary);
                if (!in) return (void)usage(ctx, trf("export.cannot_read", {{"file", a->notes}}));
                text << in.rdbuf();
            }
            o.notes = text.str();
            if (o.notes.rfind("\xEF\xBB\xBF", 0) == 0) o.notes.erase(0, 3);
        }
        std::optional<core::Millis> at;
        if (!parseTime(ctx, a->at, at)) return;
        auto& session = ctx.session();
        const paper::ReportData data = services::buildReport(session, o, at.value_or(core::nowMillis()));
        if (!a->chart.empty()) {
            const auto st = paper::writeChartPng(data.arrivals, a->chart, 1200, 500);
            if (!st.ok()) return report(ctx, st, a->chart);
        }
        const auto status = paper::writeReportPdf(data, a->out);
        if (status.ok()) noteIssuedReport(ctx, data.header);
        report(ctx, status, a->out);
    });
}

void addCertificates(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<services::CertificateOptions>();
    auto out = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("certificates", tr("export.cli.certificates"));
    cmd->add_option("--out", *out, tr("export.cli.out_pdf"))->required();
    cmd->add_option("--recipients", o->recipientsCsv, tr("export.cli.recipients"));
    cmd->add_option("--template", o->templateFile, tr("export.cli.template"));
    auto source = std::make_shared<std::string>("all");
    cmd->add_option("--source", *source, tr("export.cli.source"))->check(CLI::IsMember({"all", "awards", "winners"}));
    auto printer = std::make_shared<std::string>();
    auto* printerOpt = cmd->add_option("--printer", *printer, tr("install.printer.option"));
    cmd->callback([&ctx, o, out, source, printer, printerOpt] {
        o->awards = *source != "winners";
        o->winners = *source != "awards";
        const auto st = services::printCertificates(ctx.session(), *o, *out);
        // Nobody to print for is a refusal, not a broken machine.
        report(ctx, st, *out, st.error == tr("paper.error.no_recipients") ? kExitRefused : kExitError);
        printWritten(ctx, printerOpt->count() ? std::optional(*printer) : std::nullopt, *out, "certificates");
    });
}

void addBadges(CLI::App& app, Context& ctx) {
    auto sel = std::make_shared<services::BadgeSelection>();
    auto out = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("badges", tr("export.cli.badges"));
    cmd->add_option("--out", *out, tr("install.badges_out"));
    cmd->add_option("--codes", sel->codes, tr("export.cli.codes"))->delimiter(',');
    cmd->add_option("--category", sel->categoryId, tr("export.cli.category"));
    auto printer = std::make_shared<std::string>();
    auto* printerOpt = cmd->add_option("--printer", *printer, tr("install.printer.option"));
    cmd->callback([&ctx, sel, out, printer, printerOpt] {
        std::string error;
        const auto sheet = services::buildBadgeSheet(ctx.session(), *sel, error);
        if (!sheet) return (void)usage(ctx, error);
        if (out->empty()) *out = services::outputDirFor(ctx.dbPath) + "/badges.pdf";
        const auto st = paper::writeBadgesPdf(*sheet, *out);
        report(ctx, st, *out, sheet->badges.empty() ? kExitRefused : kExitError);
        printWritten(ctx, printerOpt->count() ? std::optional(*printer) : std::nullopt, *out, "badges");
    });
}

} // namespace

void addPaperCommands(CLI::App& app, Context& ctx) {
    addExport(app, ctx);
    addReport(app, ctx);
    addCertificates(app, ctx);
    addBadges(app, ctx);
}

} // namespace kiosk::cli
