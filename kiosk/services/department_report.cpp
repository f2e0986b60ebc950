#include "kiosk/services/department_report.hpp"

#include <toml++/toml.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/paper/xlsx.hpp"
#include "kiosk/services/paper_pack.hpp"

namespace kiosk::services {

namespace {

using core::tr;
using paper::Cell;
using paper::Column;

std::vector<std::string> strings(const toml::node_view<const toml::node>& node) {
    std::vector<std::string> out;
    if (const auto* arr = node.as_array())
        for (const auto& v : *arr)
            if (auto s = v.value<std::string>()) out.push_back(*s);
    return out;
}

Cell dateCell(const std::string& iso) {
    const auto days = core::parseDate(iso);
    return days ? Cell::date(*days) : Cell::empty();
}

std::string unitLabel(const core::UnitRow& r) {
    return r.listed ? r.unit.name
                    : r.unit.name + " (" + tr("department.report.unlisted_mark") + ")";
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : sep) + i;
    return out;
}

void summarySheet(paper::TableSink& sink, const paper::DepartmentReportData& data) {
    const auto& c = data.result;
    int reported = 0, onTime = 0, held = 0;
    for (const auto& r : c.held) {
        reported += r.reported ? 1 : 0;
        onTime += r.onTime ? 1 : 0;
        held += r.listed ? 1 : 0;
    }
    sink.beginSheet(tr("department.sheet.summary"), {{tr("department.report.col.item"), 36},
                                                     {tr("department.report.col.value"), 14}});
    auto num = [&](const char* key, std::int64_t v) {
        const std::string& label = tr(key);
        const Cell cells[] = {Cell::str(label), Cell::integer(v)};
        sink.row(cells);
    };
    auto date = [&](const char* key, const std::string& iso) {
        const std::string& label = tr(key);
        const Cell cells[] = {Cell::str(label), dateCell(iso)};
        sink.row(cells);
    };
    num("department.summary.listed", c.listedUnits);
    num("department.summary.held", held);
    num("department.summary.not_held", static_cast<std::int64_t>(c.notHeld.size()));
    num("department.summary.reported", reported);
    num("department.summary.on_time", onTime);
    num("department.summary.late", static_cast<std::int64_t>(c.late.size()));
    num("department.summary.not_reported", static_cast<std::int64_t>(c.notReported.size()));
    num("department.summary.expected", c.expected);
    num("department.summary.present", c.present);
    for (const auto& g : c.totals) {
        const std::string e = g.group + " - " + tr("department.report.col.expected");
        const std::string p = g.group + " - " + tr("department.report.col.present");
        const Cell a[] = {Cell::str(e), Cell::integer(g.expected)};
        sink.row(a);
        const Cell b[] = {Cell::str(p), Cell::integer(g.present)};
        sink.row(b);
    }
    num("department.summary.in_full", c.ceremoniesInFull);
    num("department.summary.contests", c.contests);
    num("department.summary.awards", c.awards);
    num("department.summary.handed", c.awardsHanded);
    date("department.summary.from", c.request.from);
    date("department.summary.to", c.request.to);
    date("department.summary.deadline", c.request.deadline);
}

void unitsSheet(paper::TableSink& sink, const paper::DepartmentReportData& data) {
    sink.beginSheet(tr("department.sheet.units"), {{tr("department.report.col.no"), 5},
                                                   {tr("department.report.col.code"), 12},
                                                   {tr("department.report.col.unit"), 34},
                                                   {tr("department.report.col.district"), 16},
                                                   {tr("department.report.col.date"), 12},
                                                   {tr("department.report.col.place"), 30},
                                                   {tr("department.report.col.expected"), 10},
                                                   {tr("department.report.col.present"), 10},
                                                   {tr("department.report.col.ceremony_items"), 10},
                                                   {tr("department.report.col.ceremony_done"), 10},
                                                   {tr("department.report.col.skipped"), 30},
                                                   {tr("department.report.col.contests"), 10},
                                                   {tr("department.report.col.awards_total"), 10},
                                                   {tr("department.report.col.awards_handed"), 10},
                                                   {tr("department.report.col.report_number"), 16},
                                                   {tr("department.report.col.report_date"), 12},
                                                   {tr("department.report.col.received"), 12},
                                                   {tr("department.report.col.on_time"), 10},
                                                   {tr("department.report.col.listed"), 10}});
    int n = 0;
    for (const auto& r : data.result.held) {
        const auto& e = *r.event;
        std::int64_t expected = 0, present = 0;
        for (const auto& g : e.groups) {
            expected += g.expected;
            present += g.present;
        }
        const std::string skipped = joined(e.skippedItems, "; ");
        const Cell cells[] = {Cell::integer(++n),
                              Cell::str(r.unit.code),
                              Cell::str(r.unit.name),
                              Cell::str(r.unit.district),
                              dateCell(e.date),
                              Cell::str(e.place),
                              Cell::integer(expected),
                              Cell::integer(present),
                              Cell::integer(e.ceremonyItems),
                              Cell::integer(e.ceremonyDone),
                              Cell::str(skipped),
                              Cell::integer(static_cast<std::int64_t>(e.contests.size())),
                              Cell::integer(e.awards),
                              Cell::integer(e.awardsHanded),
                              Cell::str(e.reportNumber),
                              dateCell(e.reportDate),
                              dateCell(r.receivedDate),
                              Cell::boolean(r.onTime),
                              Cell::boolean(r.listed)};
        sink.row(cells);
    }
}

void groupsSheet(paper::TableSink& sink, const paper::DepartmentReportData& data) {
    sink.beginSheet(tr("department.sheet.groups"), {{tr("department.report.col.unit"), 34},
                                                    {tr("department.report.col.date"), 12},
                                                    {tr("department.report.col.group"), 34},
                                                    {tr("department.report.col.expected"), 10},
                                                    {tr("department.report.col.present"), 10}});
    for (const auto& r : data.result.held)
        for (const auto& g : r.event->groups) {
            const std::string name = unitLabel(r);
            const Cell cells[] = {Cell::str(name), dateCell(r.event->date), Cell::str(g.group),
                                  Cell::integer(g.expected), Cell::integer(g.present)};
            sink.row(cells);
        }
}

void contestsSheet(paper::TableSink& sink, const paper::DepartmentReportData& data) {
    sink.beginSheet(tr("department.sheet.contests"), {{tr("department.report.col.unit"), 34},
                                                      {tr("department.report.col.contest"), 30},
                                                      {tr("department.report.col.winners"), 60}});
    for (const auto& r : data.result.held)
        for (const auto& c : r.event->contests) {
            const std::string name = unitLabel(r), winners = joined(c.winners, "; ");
            const Cell cells[] = {Cell::str(name), Cell::str(c.contest), Cell::str(winners)};
            sink.row(cells);
        }
}

void earliestSheet(paper::TableSink& sink, const paper::DepartmentReportData& data) {
    sink.beginSheet(tr("department.sheet.earliest"), {{tr("department.report.col.no"), 5},
                                                      {tr("department.report.col.unit"), 34},
                                                      {tr("department.report.col.date"), 12}});
    int n = 0;
    for (const auto& r : data.result.earliest) {
        const Cell cells[] = {Cell::integer(++n), Cell::str(r.unit.name), dateCell(r.event->date)};
        sink.row(cells);
    }
}

void missingSheet(paper::TableSink& sink, const paper::DepartmentReportData& data) {
    sink.beginSheet(tr("department.sheet.missing"), {{tr("department.report.col.code"), 12},
                                                     {tr("department.report.col.unit"), 34},
                                                     {tr("department.report.col.district"), 16},
                                                     {tr("department.report.col.contact"), 30}});
    for (const auto& u : data.result.notHeld) {
        const Cell cells[] = {Cell::str(u.code), Cell::str(u.name), Cell::str(u.district),
                              Cell::str(u.contact)};
        sink.row(cells);
    }
}

void lateSheet(paper::TableSink& sink, const paper::DepartmentReportData& data) {
    sink.beginSheet(tr("department.sheet.late"), {{tr("department.report.col.code"), 12},
                                                  {tr("department.report.col.unit"), 34},
                                                  {tr("department.report.col.date"), 12},
                                                  {tr("department.report.col.report"), 16},
                                                  {tr("department.report.col.received"), 12},
                                                  {tr("department.report.col.contact"), 30}});
    auto row = [&](const core::UnitRow& r, const std::string& status) {
        const Cell cells[] = {Cell::str(r.unit.code),   Cell::str(r.unit.name),
                              dateCell(r.event->date),  Cell::str(status),
                              dateCell(r.receivedDate), Cell::str(r.unit.contact)};
        sink.row(cells);
    };
    for (const auto& r : data.result.notReported)
        row(r, tr("department.report.not_reported"));
    for (const auto& r : data.result.late)
        row(r, tr("department.report.late"));
}

void unitJson(core::JsonWriter& w, const core::DeptUnit& u) {
    w.field("code", u.code)
        .field("name", u.name)
        .field("district", u.district)
        .field("contact", u.contact);
}

void rowJson(core::JsonWriter& w, const core::UnitRow& r) {
    const auto& e = *r.event;
    w.beginObject();
    unitJson(w, r.unit);
    w.field("listed", r.listed)
        .field("event", e.eventId)
        .field("date", e.date)
        .field("place", e.place);
    w.key("groups").beginArray();
    for (const auto& g : e.groups)
        w.beginObject()
            .field("group", g.group)
            .field("expected", g.expected)
            .field("present", g.present)
            .endObject();
    w.endArray();
    w.field("ceremony_items", e.ceremonyItems)
        .field("ceremony_done", e.ceremonyDone)
        .field("ceremony_in_full", r.ceremonyInFull());
    w.key("skipped").beginArray();
    for (const auto& s : e.skippedItems)
        w.value(s);
    w.endArray();
    w.key("contests").beginArray();
    for (const auto& c : e.contests) {
        w.beginObject().field("contest", c.contest).key("winners").beginArray();
        for (const auto& x : c.winners)
            w.value(x);
        w.endArray().endObject();
    }
    w.endArray();
    w.field("awards", e.awards).field("awards_handed", e.awardsHanded);
    w.field("report_number", e.reportNumber).field("report_date", e.reportDate);
    w.key("received");
    if (r.receivedDate.empty())
        w.null();
    else
        w.value(r.receivedDate);
    w.field("in_window", r.inWindow).field("reported", r.reported).field("on_time", r.onTime);
    w.endObject();
}

} // namespace

std::string defaultDepartmentConfig() {
    return core::dataDir() + "/ngay-hoi-antq-2023/department.toml";
}

std::optional<DepartmentSettings> loadDepartmentSettings(const std::string& path,
                                                         std::string* error) {
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        if (error)
            *error = core::trf("department.cli.bad_config",
                               {{"path", path}, {"detail", std::string(e.description())}});
        return std::nullopt;
    }
    DepartmentSettings s;
    const toml::node_view<const toml::node> r{root};
    s.parentUnit = r["parent_unit"].value_or(std::string());
    s.unit = r["unit"].value_or(std::string());
    s.unitName = r["unit_name"].value_or(s.unit);
    s.symbol = r["symbol"].value_or(std::string());
    s.place = r["place"].value_or(std::string());
    s.title = r["title"].value_or(std::string("BÁO CÁO"));
    s.subtitle = r["subtitle"].value_or(std::string());
    s.plan = r["plan"].value_or(std::string());
    s.from = r["from"].value_or(s.from);
    s.to = r["to"].value_or(s.to);
    s.deadline = r["deadline"].value_or(s.deadline);
    s.earliest = static_cast<int>(r["earliest"].value_or(static_cast<std::int64_t>(3)));
    s.recipients = strings(r["recipients"]);
    s.signerLines = strings(r["signer"]["lines"]);
    s.signerName = r["signer"]["name"].value_or(std::string());
    return s;
}

paper::DepartmentReportData buildDepartmentReport(const std::vector<core::DeptUnit>& units,
                                                  const std::vector<core::UnitEventSummary>& events,
                                                  const DepartmentSettings& settings,
                                                  const DepartmentReportOptions& options) {
    core::ConsolidationRequest req;
    req.deadline = options.deadline.empty() ? settings.deadline : options.deadline;
    req.from = options.from.empty() ? settings.from : options.from;
    req.to = options.to.empty() ? settings.to : options.to;
    req.earliest = settings.earliest;
    paper::DepartmentReportData d;
    d.header = {settings.parentUnit, settings.unit, reportNumber(options.number, settings.symbol),
                settings.place, options.date};
    d.title = settings.title;
    d.subtitle = settings.subtitle;
    d.plan = settings.plan;
    d.unitName = settings.unitName;
    d.result = core::consolidate(units, events, req);
    d.recipients = settings.recipients;
    d.signerLines = settings.signerLines;
    d.signerName = settings.signerName;
    return d;
}

void writeDepartmentSheets(paper::TableSink& sink, const paper::DepartmentReportData& data) {
    summarySheet(sink, data);
    unitsSheet(sink, data);
    groupsSheet(sink, data);
    contestsSheet(sink, data);
    earliestSheet(sink, data);
    missingSheet(sink, data);
    lateSheet(sink, data);
}

paper::PaperStatus writeDepartmentXlsx(const paper::DepartmentReportData& data,
                                       const std::string& path) {
    paper::XlsxOptions o;
    o.utcOffsetMin = data.result.request.utcOffsetMin;
    paper::XlsxTableSink sink(path, o);
    writeDepartmentSheets(sink, data);
    return sink.finish();
}

std::string departmentJson(const paper::DepartmentReportData& data) {
    const auto& c = data.result;
    core::JsonWriter w;
    w.beginObject();
    w.field("issuer", data.header.unit)
        .field("number", data.header.number)
        .field("date", data.header.date);
    w.field("deadline", c.request.deadline).field("from", c.request.from).field("to", c.request.to);
    w.field("listed_units", c.listedUnits)
        .field("expected", c.expected)
        .field("present", c.present);
    w.field("awards", c.awards)
        .field("awards_handed", c.awardsHanded)
        .field("contests", c.contests);
    w.field("ceremonies_in_full", c.ceremoniesInFull);
    w.key("totals").beginArray();
    for (const auto& g : c.totals)
        w.beginObject()
            .field("group", g.group)
            .field("expected", g.expected)
            .field("present", g.present)
            .endObject();
    w.endArray();
    w.key("units").beginArray();
    for (const auto& r : c.held)
        rowJson(w, r);
    w.endArray();
    w.key("not_held").beginArray();
    for (const auto& u : c.notHeld) {
        w.beginObject();
        unitJson(w, u);
        w.endObject();
    }
    w.endArray();
    auto names = [&](const char* key, const std::vector<core::UnitRow>& rows) {
        w.key(key).beginArray();
        for (const auto& r : rows)
            w.value(r.unit.code.empty() ? r.unit.name : r.unit.code);
        w.endArray();
    };
    names("not_reported", c.notReported);
    names("late", c.late);
    names("out_of_window", c.outOfWindow);
    names("earliest", c.earliest);
    w.endObject();
    return w.str();
}

} // namespace kiosk::services
