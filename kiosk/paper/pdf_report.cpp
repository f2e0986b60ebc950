#include "kiosk/paper/pdf_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "kiosk/core/i18n.hpp"
#include "kiosk/paper/pdf_doc.hpp"
#include "kiosk/paper/pdf_flow.hpp"

namespace kiosk::paper {

namespace {

constexpr double kBody = 13;
constexpr double kTable = 10.5;
constexpr double kChartHeight = 70 * kMm;

using core::tr;
using core::trf;

std::string percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    std::string text = buf;
    // Vietnamese writes the decimal comma.
    if (const auto dot = text.find('.'); dot != std::string::npos) text.replace(dot, 1, tr("paper.number.decimal"));
    return text + "%";
}

std::string minutesText(int minutes) { return trf("paper.report.minutes", {{"n", std::to_string(minutes)}}); }

void heading(Flow& flow, int& number, const std::string& key) {
    static const char* roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    TextStyle st{flow.family(), kBody, true};
    const std::string text = std::string(roman[std::min(number, 9)]) + ". " + tr(key);
    ++number;
    // Keep a heading with at least a few lines of what follows.
    flow.ensure(textHeight(flow.cr(), text, flow.width(), st) + 40);
    flow.advance(4);
    flow.paragraph(text, st, 4);
}

void noneLine(Flow& flow) {
    TextStyle st{flow.family(), kBody};
    st.italic = true;
    flow.paragraph(tr("paper.report.none"), st, 6);
}

void attendanceSection(Flow& flow, const ReportData& data) {
    if (data.attendance.empty()) return noneLine(flow);
    std::vector<TableColumn> cols = {{tr("paper.report.col.no"), 0.6, Align::Center},
                                     {tr("paper.report.col.category"), 4.2},
                                     {tr("paper.report.col.expected"), 1.3, Align::Right},
                                     {tr("paper.report.col.present"), 1.3, Align::Right},
                                     {tr("paper.report.col.rate"), 1.3, Align::Right}};
    // Lists in the order they first appear, each with its categories and a total row.
    std::vector<std::string> lists;
    for (const auto& f : data.attendance)
        if (std::find(lists.begin(), lists.end(), f.list) == lists.end()) lists.push_back(f.list);
    std::vector<TableRow> rows;
    for (const auto& list : lists) {
        rows.push_back({{"", list}, true, {}});
        std::int64_t expected = 0, present = 0;
        int n = 0;
        for (const auto& f : data.attendance) {
            if (f.list != list) continue;
            rows.push_back({{std::to_string(++n), f.category, std::to_string(f.expected), std::to_string(f.present),
                             percent(f.present, f.expected)},
                            false,
                            f.color});
            expected += f.expected;
            present += f.present;
        }
        rows.push_back({{"", tr("paper.report.total"), std::to_string(expected), std::to_string(present),
                         percent(present, expected)},
                        true,
                        {}});
    }
    drawTable(flow, cols, rows, kTable);
    if (!data.apologies.empty()) {
        std::string text = tr("paper.report.apologies");
        for (size_t i = 0; i < data.apologies.size(); ++i) text += (i ? "; " : " ") + data.apologies[i];
        flow.paragraph(text + ".", TextStyle{flow.family(), kBody}, 6);
    }
}

void arrivalsChart(Flow& flow, const ReportData& data) {
    bool any = false;
    for (const auto& s : data.arrivals.series)
        for (double v : s.values) any = any || v > 0;
    if (!any) return;
    flow.ensure(kChartHeight);
    drawBarChart(flow.cr(), data.arrivals, flow.x(), flow.y(), flow.width(), kChartHeight);
    flow.advance(kChartHeight + 6);
}

void timelineSection(Flow& flow, const ReportData& data) {
    if (data.timeline.empty()) return noneLine(flow);
    const int off = data.utcOffsetMin;
    std::vector<TableColumn> cols = {{tr("paper.report.col.no"), 0.6, Align::Center},
                                     {tr("paper.report.col.item"), 4.4},
                                     {tr("paper.report.col.planned"), 1.6, Align::Center},
                                     {tr("paper.report.col.actual"), 1.6, Align::Center},
                                     {tr("paper.report.col.delta"), 1.2, Align::Right}};
    std::vector<TableRow> rows;
    int n = 0;
    for (const auto& item : data.timeline) {
        const std::string planned = core::formatClock(item.plannedStart, off) + "\n" + minutesText(item.plannedMinutes);
        std::string actual, delta;
        if (item.skipped) {
            actual = tr("paper.report.skipped");
        } else if (item.actualStart) {
            actual = core::formatClock(*item.actualStart, off);
            if (item.actualMinutes) actual += "\n" + minutesText(*item.actualMinutes);
            const long long late = (*item.actualStart - item.plannedStart) / 60000;
            delta = (late > 0 ? "+" : "") + std::to_string(late) + "'";
        } else {
            actual = tr("paper.report.not_run");
        }
        rows.push_back({{std::to_string(++n), item.title, planned, actual, delta}, false, {}});
    }
    drawTable(flow, cols, rows, kTable);
}

void awardsSection(Flow& flow, const ReportData& data) {
    if (data.awards.empty()) return noneLine(flow);
    std::vector<TableColumn> cols = {{tr("paper.report.col.no"), 0.6, Align::Center},
                                     {tr("paper.report.col.recipient"), 3.0},
                                     {tr("paper.report.col.unit"), 2.6},
                                     {tr("paper.report.col.award"), 1.6},
                                     {tr("paper.report.col.decision"), 1.4},
                                     {tr("paper.report.col.handed"), 1.1, Align::Center}};
    std::vector<TableRow> rows;
    int n = 0, handed = 0;
    for (const auto& a : data.awards) {
        handed += a.handed ? 1 : 0;
        rows.push_back({{std::to_string(++n), a.recipient, a.unit, a.award, decisionNumber(a.decision),
                         a.handed ? tr("paper.report.yes") : tr("paper.report.no")},
                        false,
                        {}});
    }
    TextStyle st{flow.family(), kBody};
    flow.paragraph(trf("paper.report.awards_summary",
                       {{"handed", std::to_string(handed)}, {"total", std::to_string(data.awards.size())}}),
                   st);
    drawTable(flow, cols, rows, kTable);
}

void contestsSection(Flow& flow, const ReportData& data) {
    if (data.contests.empty()) return noneLine(flow);
    std::vector<TableColumn> cols = {{tr("paper.report.col.rank"), 1.4, Align::Center},
                                     {tr("paper.report.col.winner"), 3.2},
                                     {tr("paper.report.col.unit"), 3.0},
                                     {tr("paper.report.col.score"), 1.2, Align::Right}};
    for (const auto& c : data.contests) {
        TextStyle st{flow.family(), kBody, true};
        st.italic = true;
        flow.ensure(60);
        flow.paragraph("- " + c.contest, st, 2);
        std::vector<TableRow> rows;
        for (const auto& p : c.places) rows.push_back({{p.rank, p.name, p.unit, p.score}, false, {}});
        if (rows.empty()) noneLine(flow);
        else drawTable(flow, cols, rows, kTable);
    }
}

void notesSection(Flow& flow, const ReportData& data) {
    if (data.notes.empty()) return noneLine(flow);
    TextStyle st{flow.family(), kBody};
    // Blank lines separate paragraphs; single newlines are kept as line breaks.
    size_t start = 0;
    while (start < data.notes.size()) {
        size_t end = data.notes.find("\n\n", start);
        if (end == std::string::npos) end = data.notes.size();
        std::string para = data.notes.substr(start, end - start);
        while (!para.empty() && (para.back() == '\n' || para.back() == '\r')) para.pop_back();
        if (!para.empty()) flow.paragraph(para, st, 6);
        start = end + 2;
    }
}

void closing(Flow& flow, const ReportData& data) {
    cairo_t* cr = flow.cr();
    TextStyle head{flow.family(), 12, true};
    head.italic = true;
    TextStyle item{flow.family(), 11};
    double leftH = textHeight(cr, tr("paper.report.recipients"), flow.width() * 0.45, head);
    for (const auto& r : data.recipients) leftH += textHeight(cr, "- " + r, flow.width() * 0.45, item);
    const double rightH = 30 * kMm + 20 * static_cast<double>(data.signerLines.size() + 1);
    flow.ensure(std::max(leftH, rightH) + 10);
    flow.advance(8);
    const double y = flow.y();
    double ly = y;
    if (!data.recipients.empty()) {
        ly += drawText(cr, tr("paper.report.recipients"), flow.x(), ly, flow.width() * 0.45, head);
        for (const auto& r : data.recipients) ly += drawText(cr, "- " + r, flow.x(), ly, flow.width() * 0.45, item);
    }
    const double sh = drawSignature(cr, data.signerLines, data.signerName, flow.x() + flow.width() * 0.45, y,
                                    flow.width() * 0.55, flow.family(), kBody);
    flow.advance(std::max(ly - y, sh));
}

} // namespace

PaperStatus writeReportPdf(const ReportData& data, const std::string& path, const Progress& progress) {
    PdfDocument doc(path, kA4Width, kA4Height);
    if (!doc.ok()) return PaperStatus::failure(doc.error() + ": " + path);
    doc.setMetadata(data.title + " " + data.subtitle, data.header.unit);
    Flow flow(doc, Margins{}, kSerifFamily);
    constexpr size_t kSteps = 7;
    auto step = [&](size_t n) {
        if (progress) progress(n, kSteps);
    };

    flow.advance(drawAdminHeader(flow.cr(), data.header, flow.x(), flow.y(), flow.width(), kSerifFamily) + 12);
    TextStyle title{kSerifFamily, 14, true};
    title.align = Align::Center;
    flow.paragraph(data.title, title, 2);
    TextStyle subtitle{kSerifFamily, kBody, true};
    subtitle.align = Align::Center;
    flow.paragraph(data.subtitle, subtitle, 2);
    line(flow.cr(), flow.x() + flow.width() * 0.4, flow.y() + 2, flow.x() + flow.width() * 0.6, flow.y() + 2, 0.6, {});
    flow.advance(12);
    TextStyle body{kSerifFamily, kBody};
    for (const auto& p : data.intro) flow.paragraph(p, body, 4);
    step(1);

    int section = 0;
    heading(flow, section, "paper.report.section.attendance");
    attendanceSection(flow, data);
    arrivalsChart(flow, data);
    step(2);
    heading(flow, section, "paper.report.section.ceremony");
    timelineSection(flow, data);
    step(3);
    heading(flow, section, "paper.report.section.awards");
    awardsSection(flow, data);
    step(4);
    heading(flow, section, "paper.report.section.contests");
    contestsSection(flow, data);
    step(5);
    heading(flow, section, "paper.report.section.notes");
    notesSection(flow, data);
    step(6);
    closing(flow, data);
    PaperStatus status = doc.finish();
    step(7);
    return status;
}

} // namespace kiosk::paper
