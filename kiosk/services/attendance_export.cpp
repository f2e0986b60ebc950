#include "kiosk/services/attendance_export.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kiosk/core/i18n.hpp"
#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/paper/xlsx.hpp"
#include "kiosk/services/awaited.hpp"
#include "kiosk/services/fleet_conflicts.hpp"
#include "kiosk/store/delegate_repo.hpp"

namespace kiosk::services {

namespace {

using core::tr;
using paper::Cell;

bool admits(const core::CheckinList& list, const std::string& categoryId) {
    return list.categories.empty() ||
           std::find(list.categories.begin(), list.categories.end(), categoryId) != list.categories.end();
}

std::vector<const core::CheckinList*> selectedLists(const Session& session, const store::ExportFilter& filter) {
    std::vector<const core::CheckinList*> out;
    for (const auto& l : session.lists())
        if (filter.listId.empty() || l.id == filter.listId) out.push_back(&l);
    return out;
}

const store::ListPresence* presenceOn(const std::vector<store::ListPresence>* all, const std::string& listId) {
    if (!all) return nullptr;
    for (const auto& p : *all)
        if (p.listId == listId) return &p;
    return nullptr;
}

std::string categoryName(const Session& s, const std::string& id) {
    const auto* c = s.category(id);
    return c ? c->name : id;
}

std::string listName(const Session& s, const std::string& id) {
    const auto* l = s.list(id);
    return l ? l->name : id;
}

// The status texts of a delegate on a list, looked up once per export (tr() takes a lock).
struct PresenceTexts {
    std::string inside = tr("export.presence.inside"), left = tr("export.presence.left"),
                absent = tr("export.presence.absent"), notInvited = tr("export.presence.not_invited");
    const std::string& of(const store::ListPresence* p, bool expected) const {
        if (p && p->inside()) return inside;
        if (p && p->entries > 0) return left;
        return expected ? absent : notInvited;
    }
};

struct Folded {
    std::vector<core::Delegate> delegates; // the delegates the export covers, in protocol order
    std::unordered_map<std::int64_t, std::vector<store::ListPresence>> presence;
};

Folded fold(Session& session, const store::ExportFilter& filter, const std::vector<const core::CheckinList*>& lists) {
    Folded f;
    f.presence = store::presenceByDelegate(session.db(), filter);
    for (auto& d : store::allDelegates(session.db())) {
        if (!filter.categoryId.empty() && d.categoryId != filter.categoryId) continue;
        const auto it = f.presence.find(d.id);
        bool covered = filter.listId.empty();
        for (const auto* l : lists) covered = covered || admits(*l, d.categoryId) || (it != f.presence.end() && presenceOn(&it->second, l->id));
        if (covered) f.delegates.push_back(std::move(d));
    }
    return f;
}

std::vector<SummaryRow> summarize(const Session& session, const Folded& f, const std::vector<const core::CheckinList*>& lists) {
    std::vector<SummaryRow> rows;
    for (const auto* l : lists) {
        std::map<std::string, SummaryRow> byCategory;
        for (const auto& d : f.delegates) {
            const auto it = f.presence.find(d.id);
            const auto* p = presenceOn(it == f.presence.end() ? nullptr : &it->second, l->id);
            const bool expected = admits(*l, d.categoryId) && !d.revoked;
            if (!expected && !p) continue;
            auto& r = byCategory[d.categoryId];
            r.expected += expected ? 1 : 0;
            if (p) {
                r.present += 1;
                r.inside += p->inside() ? 1 : 0;
                r.forced += p->forced ? 1 : 0;
            }
        }
        // Categories in protocol order, each admitted one shown even when nobody came.
        for (const auto& c : session.categories()) {
            auto it = byCategory.find(c.id);
            if (it == byCategory.end() && !admits(*l, c.id)) continue;
            SummaryRow r = it == byCategory.end() ? SummaryRow{} : it->second;
            r.listId = l->id;
            r.categoryId = c.id;
            rows.push_back(r);
        }
    }
    return rows;
}

void attendanceSheet(Session& session, paper::TableSink& sink, const Folded& f,
                     const std::vector<const core::CheckinList*>& lists, const paper::Progress& progress) {
    std::vector<paper::Column> cols = {{tr("export.col.no"), 6},       {tr("export.col.code"), 10},
                                       {tr("export.col.name"), 26},    {tr("export.col.title"), 28},
                                       {tr("export.col.unit"), 34},    {tr("export.col.category"), 26},
                                       {tr("export.col.seat"), 8},     {tr("export.col.badge"), 14}};
    for (const auto* l : lists) {
        cols.push_back({core::trf("export.col.first_entry", {{"list", l->name}}), 20});
        cols.push_back({core::trf("export.col.last_exit", {{"list", l->name}}), 20});
        cols.push_back({core::trf("export.col.entries", {{"list", l->name}}), 10});
        cols.push_back({core::trf("export.col.status", {{"list", l->name}}), 16});
        cols.push_back({core::trf("export.col.forced", {{"list", l->name}}), 12});
    }
    cols.push_back({tr("export.col.apology"), 30}); // last, so the columns before keep their places
    sink.beginSheet(tr("export.sheet.attendance"), cols);
    const auto apologies = activeApologies(session.db());

    std::map<std::string, std::string> categoryNames;
    for (const auto& c : session.categories()) categoryNames[c.id] = c.name;
    const std::string revoked = tr("export.badge.revoked"), walkIn = tr("export.badge.walk_in"),
                      valid = tr("export.badge.valid"), yes = tr("export.yes");
    const PresenceTexts presence;
    std::vector<Cell> cells;
    size_t n = 0;
    for (const auto& d : f.delegates) {
        cells.clear();
        const auto cat = categoryNames.find(d.categoryId);
        cells.push_back(Cell::integer(static_cast<std::int64_t>(n + 1)));
        cells.push_back(Cell::str(d.code));
        cells.push_back(Cell::str(d.name));
        cells.push_back(Cell::str(d.title));
        cells.push_back(Cell::str(d.unit));
        cells.push_back(Cell::str(cat == categoryNames.end() ? d.categoryId : cat->second));
        cells.push_back(Cell::str(d.seat));
        cells.push_back(Cell::str(d.revoked ? revoked : d.walkIn ? walkIn : valid));
        const auto it = f.presence.find(d.id);
        for (const auto* l : lists) {
            const auto* p = presenceOn(it == f.presence.end() ? nullptr : &it->second, l->id);
            cells.push_back(p && p->firstEntry ? Cell::time(*p->firstEntry) : Cell::empty());
            cells.push_back(p && p->lastExit ? Cell::time(*p->lastExit) : Cell::empty());
            cells.push_back(Cell::integer(p ? p->entries : 0));
            cells.push_back(Cell::str(presence.of(p, admits(*l, d.categoryId) && !d.revoked)));
            cells.push_back(Cell::str(p && p->forced ? std::string_view(yes) : std::string_view()));
        }
        const auto apology = apologies.find(d.id);
        cells.push_back(apology == apologies.end() ? Cell::empty() : Cell::str(apology->second.reason));
        sink.row(cells);
        if (sink.failed()) return;
        ++n;
        if (progress && (n % 1024 == 0 || n == f.delegates.size())) progress(n, f.delegates.size());
    }
}

void summarySheet(Session& session, paper::TableSink& sink, const std::vector<SummaryRow>& rows) {
    sink.beginSheet(tr("export.sheet.summary"), {{tr("export.col.list"), 16},
                                                 {tr("export.col.category"), 30},
                                                 {tr("export.col.expected"), 10},
                                                 {tr("export.col.present"), 10},
                                                 {tr("export.col.inside"), 12},
                                                 {tr("export.col.rate"), 10},
                                                 {tr("export.col.forced_count"), 14}});
    for (const auto& r : rows) {
        const std::string list = listName(session, r.listId), category = categoryName(session, r.categoryId);
        const double rate = r.expected > 0 ? std::round(1000.0 * static_cast<double>(r.present) / static_cast<double>(r.expected)) / 10.0 : 0.0;
        const Cell cells[] = {Cell::str(list), Cell::str(category), Cell::integer(r.expected), Cell::integer(r.present),
                              Cell::integer(r.inside), r.expected > 0 ? Cell::number(rate) : Cell::empty(),
                              Cell::integer(r.forced)};
        sink.row(cells);
    }
}

void scansSheet(Session& session, paper::TableSink& sink, const store::ExportFilter& filter) {
    sink.beginSheet(tr("export.sheet.scans"), {{tr("export.col.time"), 20},
                                               {tr("export.col.kiosk"), 12},
                                               {tr("export.col.list"), 14},
                                               {tr("export.col.direction"), 8},
                                               {tr("export.col.result"), 14},
                                               {tr("export.col.reason"), 22},
                                               {tr("export.col.code"), 10},
                                               {tr("export.col.name"), 26},
                                               {tr("export.col.category"), 26},
                                               {tr("export.col.scanned"), 36},
                                               {tr("export.col.forced_flag"), 10},
                                               {tr("export.col.force_reason"), 30},
                                               {tr("export.col.source"), 10}});
    const std::string yes = tr("export.yes");
    // Names and translations repeat on every row: look each up once.
    std::map<std::string, std::string> names;
    auto cached = [&names](const std::string& key, auto&& make) -> const std::string& {
        auto it = names.find(key);
        if (it == names.end()) it = names.emplace(key, make()).first;
        return it->second;
    };
    store::forEachScan(session.db(), filter, [&](const store::ScanExportRow& r) {
        if (sink.failed()) return;
        const Cell cells[] = {Cell::time(r.at),
                              Cell::str(r.kiosk),
                              Cell::str(cached("l:" + r.listId, [&] { return listName(session, r.listId); })),
                              Cell::str(cached("d:" + r.direction, [&] { return tr("export.direction." + r.direction); })),
                              Cell::str(cached("s:" + r.status, [&] { return tr("checkin.status." + r.status); })),
                              Cell::str(cached("r:" + r.reason, [&] { return tr("checkin.reason_short." + r.reason); })),
                              Cell::str(r.delegateCode),
                              Cell::str(r.delegateName),
                              Cell::str(r.categoryId.empty() ? std::string_view()
                                                             : std::string_view(cached("c:" + r.categoryId, [&] {
                                                                   return categoryName(session, r.categoryId);
                                                               }))),
                              Cell::str(r.text),
                              Cell::str(r.forced ? std::string_view(yes) : ""),
                              Cell::str(r.forceReason),
                              Cell::str(r.source)};
        sink.row(cells);
    });
}

// Like pretixSCAN's report: both admissions of one badge made offline on two machines.
void conflictsSheet(Session& session, paper::TableSink& sink, const std::vector<ConflictRow>& rows) {
    sink.beginSheet(tr("export.sheet.conflicts"), {{tr("export.col.no"), 6},
                                                   {tr("export.col.list"), 16},
                                                   {tr("export.col.code"), 12},
                                                   {tr("export.col.name"), 26},
                                                   {tr("export.col.unit"), 30},
                                                   {tr("export.col.category"), 24},
                                                   {tr("export.col.first_kiosk"), 14},
                                                   {tr("export.col.first_at"), 20},
                                                   {tr("export.col.second_kiosk"), 14},
                                                   {tr("export.col.second_at"), 20}});
    std::int64_t n = 0;
    for (const auto& r : rows) {
        const std::string category = r.categoryId.empty() ? std::string() : categoryName(session, r.categoryId);
        const Cell cells[] = {Cell::integer(++n),         Cell::str(r.listName),   Cell::str(r.code),
                              Cell::str(r.name),          Cell::str(r.unit),       Cell::str(category),
                              Cell::str(r.firstKiosk),    Cell::time(r.firstAt),   Cell::str(r.secondKiosk),
                              Cell::time(r.secondAt)};
        sink.row(cells);
    }
}

} // namespace

std::optional<AttendanceSheet> parseAttendanceSheet(const std::string& name) {
    if (name == "attendance") return AttendanceSheet::Attendance;
    if (name == "summary") return AttendanceSheet::Summary;
    if (name == "scans") return AttendanceSheet::Scans;
    if (name == "conflicts") return AttendanceSheet::Conflicts;
    return std::nullopt;
}

std::unique_ptr<paper::TableSink> openTableSink(const std::string& format, const std::string& path,
                                               const paper::CsvOptions& csv, bool largeExport) {
    if (format == "csv") return std::make_unique<paper::CsvTableSink>(path, csv);
    if (format == "xlsx") {
        paper::XlsxOptions o;
        o.utcOffsetMin = csv.utcOffsetMin;
        o.constantMemory = largeExport;
        return std::make_unique<paper::XlsxTableSink>(path, o);
    }
    return nullptr;
}

std::vector<SummaryRow> attendanceSummary(Session& session, const store::ExportFilter& filter) {
    const auto lists = selectedLists(session, filter);
    return summarize(session, fold(session, filter, lists), lists);
}

paper::PaperStatus exportAttendance(Session& session, paper::TableSink& sink, const AttendanceExportOptions& options,
                                    const paper::Progress& progress) {
    const auto& filter = options.filter;
    if (!filter.listId.empty() && !session.list(filter.listId))
        return paper::PaperStatus::failure(core::trf("checkin.unknown_list", {{"list", filter.listId}}));
    if (!filter.categoryId.empty() && !session.category(filter.categoryId))
        return paper::PaperStatus::failure(core::trf("delegates.unknown_category", {{"value", filter.categoryId}}));

    const auto lists = selectedLists(session, filter);
    const Folded folded = fold(session, filter, lists);
    const auto conflicts = fleetConflicts(session, filter);
    auto chosen = options.sheets;
    if (sink.multiSheet() && !conflicts.empty() &&
        std::find(chosen.begin(), chosen.end(), AttendanceSheet::Conflicts) == chosen.end())
        chosen.push_back(AttendanceSheet::Conflicts);
    const size_t sheets = sink.multiSheet() ? chosen.size() : std::min<size_t>(1, chosen.size());
    for (size_t i = 0; i < sheets && !sink.failed(); ++i) {
        switch (chosen[i]) {
        case AttendanceSheet::Conflicts: conflictsSheet(session, sink, conflicts); break;
        case AttendanceSheet::Attendance: attendanceSheet(session, sink, folded, lists, progress); break;
        case AttendanceSheet::Summary: summarySheet(session, sink, summarize(session, folded, lists)); break;
        case AttendanceSheet::Scans: scansSheet(session, sink, filter); break;
        }
    }
    return sink.finish();
}

} // namespace kiosk::services
