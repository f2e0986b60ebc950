#include "kiosk/paper/pdf_department.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "kiosk/core/i18n.hpp"
#include "kiosk/paper/admin_flow.hpp"
#include "kiosk/paper/pdf_doc.hpp"
#include "kiosk/paper/pdf_flow.hpp"

namespace kiosk::paper {

namespace {

using core::tr;
using core::trf;

constexpr double kBody = 13;
constexpr double kTable = 9;
constexpr double kChartHeight = 65 * kMm;

std::string rate(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f",
                  100.0 * static_cast<double>(part) / static_cast<double>(whole));
    std::string text = buf;
    if (const auto dot = text.find('.'); dot != std::string::npos)
        text.replace(dot, 1, tr("paper.number.decimal"));
    return text + "%";
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : sep) + i;
    return out;
}

std::string unitName(const core::UnitRow& row) {
    return row.listed ? row.unit.name
                      : row.unit.name + " (" + tr("department.report.unlisted_mark") + ")";
}

std::string reportCell(const core::UnitRow& row) {
    if (!row.reported) return tr("department.report.not_reported");
    std::string text = row.event->reportNumber;
    if (!row.receivedDate.empty())
        text += (text.empty() ? "" : "\n") +
                trf("department.report.received", {{"date", shortDate(row.receivedDate)}});
    return text + "\n" + tr(row.onTime ? "department.report.on_time" : "department.report.late");
}

std::string ceremonyCell(const core::UnitRow& row) {
    const auto& e = *row.event;
    if (e.ceremonyItems == 0) return tr("department.report.no_ceremony");
    if (row.ceremonyInFull()) return tr("department.report.in_full");
    std::string text = trf("department.report.done_of", {{"done", std::to_string(e.ceremonyDone)},
                                                         {"total", std::to_string(e.ceremonyItems)}});
    // A few skipped items are named; a ceremony cut short is counted (the XLSX names them all).
    if (e.skippedItems.size() <= 2) text += "\n" + trf("department.report.skipped", {{"items", joined(e.skippedItems, "; ")}});
    return text;
}

void body(Flow& flow, const std::string& text) {
    flow.paragraph(text, TextStyle{flow.family(), kBody}, 4);
}

void noneLine(Flow& flow) {
    TextStyle st{flow.family(), kBody};
    st.italic = true;
    flow.paragraph(tr("department.report.none"), st, 6);
}

void general(Flow& flow, const DepartmentReportData& data) {
    const auto& c = data.result;
    int reported = 0, onTime = 0;
    for (const auto& r : c.held) {
        reported += r.reported ? 1 : 0;
        onTime += r.onTime ? 1 : 0;
    }
    int listedHeld = 0, unlisted = 0;
    for (const auto& r : c.held)
        (r.listed ? listedHeld : unlisted)++;
    body(flow, trf("department.report.summary", {{"date", shortDate(data.header.date)},
                                                 {"held", std::to_string(listedHeld)},
                                                 {"listed", std::to_string(c.listedUnits)},
                                                 {"reported", std::to_string(reported)},
                                                 {"on_time", std::to_string(onTime)},
                                                 {"in_full", std::to_string(c.ceremoniesInFull)},
                                                 {"contests", std::to_string(c.contests)},
                                                 {"handed", std::to_string(c.awardsHanded)},
                                                 {"awards", std::to_string(c.awards)}}));
    if (unlisted > 0)
        body(flow, trf("department.report.unlisted", {{"count", std::to_string(unlisted)}}));
    if (!c.outOfWindow.empty()) {
        std::vector<std::string> names;
        for (const auto& r : c.outOfWindow)
            names.push_back(r.unit.name + " (" + shortDate(r.event->date) + ")");
        body(flow, trf("department.report.out_of_window", {{"names", joined(names, "; ")}}));
    }
    body(flow, trf("department.report.attendance", {{"expected", std::to_string(c.expected)},
                                                    {"present", std::to_string(c.present)},
                                                    {"rate", rate(c.present, c.expected)}}));
    std::vector<TableColumn> cols = {{tr("department.report.col.no"), 0.6, Align::Center},
                                     {tr("department.report.col.group"), 4.4},
                                     {tr("department.report.col.expected"), 1.3, Align::Right},
                                     {tr("department.report.col.present"), 1.3, Align::Right},
                                     {tr("department.report.col.rate"), 1.3, Align::Right}};
    std::vector<TableRow> rows;
    int n = 0;
    for (const auto& g : c.totals)
        rows.push_back({{std::to_string(++n), g.group, std::to_string(g.expected),
                         std::to_string(g.present), rate(g.present, g.expected)},
                        false,
                        {}});
    rows.push_back({{"", tr("department.report.total"), std::to_string(c.expected),
                     std::to_string(c.present), rate(c.present, c.expected)},
                    true,
                    {}});
    drawTable(flow, cols, rows, 10.5);
}

void chart(Flow& flow, const DepartmentReportData& data) {
    const BarChart ch = unitsByDateChart(data.result);
    if (ch.labels.empty()) return noneLine(flow);
    flow.ensure(kChartHeight);
    drawBarChart(flow.cr(), ch, flow.x(), flow.y(), flow.width(), kChartHeight);
    flow.advance(kChartHeight + 6);
}

void unitsTable(Flow& flow, const DepartmentReportData& data) {
    if (data.result.held.empty()) return noneLine(flow);
    std::vector<TableColumn> cols = {{tr("department.report.col.no"), 0.5, Align::Center},
                                     {tr("department.report.col.unit"), 2.4},
                                     {tr("department.report.col.date"), 1.2, Align::Center},
                                     {tr("department.report.col.place"), 1.8},
                                     {tr("department.report.col.delegates"), 1.2, Align::Center},
                                     {tr("department.report.col.ceremony"), 1.7},
                                     {tr("department.report.col.awards"), 1.2, Align::Center},
                                     {tr("department.report.col.report"), 1.5}};
    std::vector<TableRow> rows;
    int n = 0;
    for (const auto& r : data.result.held) {
        std::int64_t expected = 0, present = 0;
        for (const auto& g : r.event->groups) {
            expected += g.expected;
            present += g.present;
        }
        rows.push_back(
            {{std::to_string(++n), unitName(r), shortDate(r.event->date), r.event->place,
              std::to_string(present) + "/" + std::to_string(expected), ceremonyCell(r),
              std::to_string(r.event->awardsHanded) + "/" + std::to_string(r.event->awards),
              reportCell(r)},
             false,
             {}});
    }
    drawTable(flow, cols, rows, kTable);
}

void groupsTable(Flow& flow, const DepartmentReportData& data) {
    const auto& c = data.result;
    if (c.held.empty()) return noneLine(flow);
    std::vector<TableColumn> cols = {{tr("department.report.col.no"), 0.5, Align::Center},
                                     {tr("department.report.col.unit"), 2.6}};
    for (const auto& g : c.totals)
        cols.push_back({g.group, 1.3, Align::Center});
    cols.push_back({tr("department.report.total"), 1.1, Align::Center});
    std::vector<TableRow> rows;
    int n = 0;
    auto cell = [](std::int64_t present, std::int64_t expected) {
        return std::to_string(present) + "/" + std::to_string(expected);
    };
    for (const auto& r : c.held) {
        TableRow row{{std::to_string(++n), unitName(r)}, false, {}};
        std::int64_t e = 0, p = 0;
        for (const auto& t : c.totals) {
            auto it = std::find_if(r.event->groups.begin(), r.event->groups.end(),
                                   [&](const core::GroupCount& g) { return g.group == t.group; });
            if (it == r.event->groups.end()) {
                row.cells.push_back("-");
                continue;
            }
            row.cells.push_back(cell(it->present, it->expected));
            e += it->expected;
            p += it->present;
        }
        row.cells.push_back(cell(p, e));
        rows.push_back(std::move(row));
    }
    TableRow total{{"", tr("department.report.total")}, true, {}};
    for (const auto& t : c.totals)
        total.cells.push_back(cell(t.present, t.expected));
    total.cells.push_back(cell(c.present, c.expected));
    rows.push_back(std::move(total));
    drawTable(flow, cols, rows, kTable);
}

void contestsTable(Flow& flow, const DepartmentReportData& data) {
    std::vector<TableColumn> cols = {{tr("department.report.col.no"), 0.5, Align::Center},
                                     {tr("department.report.col.unit"), 2.4},
                                     {tr("department.report.col.contest"), 2.4},
                                     {tr("department.report.col.winners"), 4.2}};
    std::vector<TableRow> rows;
    int n = 0;
    for (const auto& r : data.result.held)
        for (const auto& contest : r.event->contests)
            rows.push_back(
                {{std::to_string(++n), unitName(r), contest.contest, joined(contest.winners, "\n")},
                 false,
                 {}});
    if (rows.empty()) return noneLine(flow);
    drawTable(flow, cols, rows, kTable);
}

void earliest(Flow& flow, const DepartmentReportData& data) {
    if (data.result.earliest.empty()) return noneLine(flow);
    body(flow, tr("department.report.earliest_intro"));
    for (const auto& r : data.result.earliest)
        body(flow, "- " + trf("department.report.earliest_item",
                              {{"name", r.unit.name}, {"date", shortDate(r.event->date)}}));
}

void missing(Flow& flow, const DepartmentReportData& data) {
    const auto& c = data.result;
    if (c.notHeld.empty()) {
        body(flow, tr("department.report.all_held"));
    } else {
        body(flow, tr("department.report.not_held_intro"));
        for (const auto& u : c.notHeld) {
            std::string line = "- " + u.name;
            if (!u.district.empty()) line += ", " + u.district;
            if (!u.contact.empty()) line += " (" + u.contact + ")";
            body(flow, line);
        }
    }
    if (!c.notReported.empty()) {
        body(flow, tr("department.report.not_reported_intro"));
        for (const auto& r : c.notReported)
            body(flow, "- " + r.unit.name);
    }
    if (!c.late.empty()) {
        body(flow,
             trf("department.report.late_intro", {{"deadline", shortDate(c.request.deadline)}}));
        for (const auto& r : c.late)
            body(flow,
                 "- " + trf("department.report.late_item",
                            {{"name", r.unit.name}, {"received", shortDate(r.receivedDate)}}));
    }
}

} // namespace

std::string shortDate(const std::string& isoDate) {
    const DateParts d = vietnameseDateParts(isoDate);
    return d.day + "/" + d.month + "/" + d.year;
}

BarChart unitsByDateChart(const core::Consolidation& result) {
    BarChart chart;
    chart.title = tr("department.report.chart_title");
    chart.yLabel = tr("department.report.chart_axis");
    std::map<std::string, std::array<double, 3>> perDate;
    for (const auto& r : result.held)
        perDate[r.event->date][r.onTime ? 0 : r.reported ? 1 : 2] += 1;
    if (perDate.empty()) return chart;
    // One bar per day from the first to the last, so the gaps between units show.
    const auto first = core::parseDate(perDate.begin()->first),
               last = core::parseDate(perDate.rbegin()->first);
    if (!first || !last || *last - *first > 400) return chart;
    chart.series = {{tr("department.report.series_on_time"), "#2E7D32", {}},
                    {tr("department.report.series_late"), "#F9A825", {}},
                    {tr("department.report.series_missing"), "#C62828", {}}};
    for (auto day = *first; day <= *last; ++day) {
        const std::string iso = core::formatDate(day);
        const DateParts d = vietnameseDateParts(iso);
        chart.labels.push_back(d.day + "/" + d.month);
        const auto it = perDate.find(iso);
        for (size_t s = 0; s < 3; ++s)
            chart.series[s].values.push_back(it == perDate.end() ? 0 : it->second[s]);
    }
    return chart;
}

PaperStatus writeDepartmentPdf(const DepartmentReportData& data, const std::string& path) {
    PdfDocument doc(path, kA4Width, kA4Height);
    if (!doc.ok()) return PaperStatus::failure(doc.error() + ": " + path);
    doc.setMetadata(data.title + " " + data.subtitle, data.header.unit);
    Flow flow(doc, Margins{}, kSerifFamily);
    flow.advance(
        drawAdminHeader(flow.cr(), data.header, flow.x(), flow.y(), flow.width(), kSerifFamily) +
        12);
    TextStyle title{kSerifFamily, 14, true};
    title.align = Align::Center;
    flow.paragraph(data.title, title, 2);
    TextStyle subtitle{kSerifFamily, kBody, true};
    subtitle.align = Align::Center;
    flow.paragraph(data.subtitle, subtitle, 2);
    line(flow.cr(), flow.x() + flow.width() * 0.4, flow.y() + 2, flow.x() + flow.width() * 0.6,
         flow.y() + 2, 0.6, {});
    flow.advance(12);
    const auto& req = data.result.request;
    body(flow, trf("department.report.intro", {{"plan", data.plan},
                                               {"from", shortDate(req.from)},
                                               {"to", shortDate(req.to)},
                                               {"deadline", shortDate(req.deadline)},
                                               {"unit", data.unitName}}));
    using Section = void (*)(Flow&, const DepartmentReportData&);
    const std::pair<const char*, Section> sections[] = {
        {"department.report.section.general", general},
        {"department.report.section.chart", chart},
        {"department.report.section.units", unitsTable},
        {"department.report.section.groups", groupsTable},
        {"department.report.section.contests", contestsTable},
        {"department.report.section.earliest", earliest},
        {"department.report.section.missing", missing}};
    int number = 0;
    for (const auto& [key, draw] : sections) {
        sectionHeading(flow, number, tr(key), kBody);
        draw(flow, data);
    }
    recipientsAndSignature(flow, data.recipients, data.signerLines, data.signerName, kBody);
    return doc.finish();
}

} // namespace kiosk::paper
