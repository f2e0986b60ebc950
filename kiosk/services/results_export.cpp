#include "kiosk/services/results_export.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/store/ceremony_repo.hpp"

namespace kiosk::services {

namespace {

using core::tr;
using paper::Cell;

Cell optionalTime(const std::optional<core::Millis>& at) { return at ? Cell::time(*at) : Cell::empty(); }

void timelineSheet(Session& session, paper::TableSink& sink, core::Millis now) {
    sink.beginSheet(tr("export.sheet.timeline"), {{tr("export.col.no"), 6},
                                                  {tr("export.col.item"), 40},
                                                  {tr("export.col.optional"), 10},
                                                  {tr("export.col.item_status"), 14},
                                                  {tr("export.col.planned_start"), 20},
                                                  {tr("export.col.planned_min"), 10},
                                                  {tr("export.col.actual_start"), 20},
                                                  {tr("export.col.actual_end"), 20},
                                                  {tr("export.col.actual_min"), 10},
                                                  {tr("export.col.delta_min"), 12}});
    const Timeline t = buildTimeline(session.db(), now);
    const std::string& yes = tr("export.yes");
    std::string status;
    for (const auto& r : t.rows) {
        status = tr("export.item_status." + r.status);
        const bool over = r.actualStart && r.status != "current";
        const double actualMin = static_cast<double>(r.elapsed) / 60000.0;
        const Cell cells[] = {Cell::integer(r.order),
                              Cell::str(r.title),
                              Cell::str(r.optional ? std::string_view(yes) : ""),
                              Cell::str(status),
                              r.inPlan ? Cell::time(r.plannedStart) : Cell::empty(),
                              Cell::integer(r.plannedMin),
                              optionalTime(r.actualStart),
                              optionalTime(r.actualEnd),
                              over ? Cell::number(std::round(actualMin * 10) / 10) : Cell::empty(),
                              over ? Cell::number(std::round((actualMin - r.plannedMin) * 10) / 10) : Cell::empty()};
        sink.row(cells);
    }
}

void awardsSheet(Session& session, paper::TableSink& sink) {
    sink.beginSheet(tr("export.sheet.awards"), {{tr("export.col.no"), 6},
                                                {tr("export.col.award_kind"), 12},
                                                {tr("export.col.recipient"), 34},
                                                {tr("export.col.unit"), 34},
                                                {tr("export.col.code"), 10},
                                                {tr("export.col.award"), 30},
                                                {tr("export.col.decision"), 40},
                                                {tr("export.col.citation"), 50},
                                                {tr("export.col.handed_at"), 20}});
    std::string kind;
    for (const auto& a : store::loadAwards(session.db())) {
        kind = tr("export.award_kind." + a.kind);
        const Cell cells[] = {Cell::integer(a.order), Cell::str(kind),       Cell::str(a.recipient),
                              Cell::str(a.unit),      Cell::str(a.delegateCode), Cell::str(a.form),
                              Cell::str(a.decision),  Cell::str(a.citation), optionalTime(a.handedAt)};
        sink.row(cells);
    }
}

} // namespace

std::optional<ResultsSheet> parseResultsSheet(const std::string& name) {
    if (name == "timeline") return ResultsSheet::Timeline;
    if (name == "awards") return ResultsSheet::Awards;
    if (name == "festival") return ResultsSheet::Festival;
    return std::nullopt;
}

paper::PaperStatus exportResults(Session& session, paper::TableSink& sink, const std::vector<ResultsSheet>& sheets,
                                 core::Millis now) {
    const size_t n = sink.multiSheet() ? sheets.size() : std::min<size_t>(1, sheets.size());
    for (size_t i = 0; i < n && !sink.failed(); ++i) {
        switch (sheets[i]) {
        case ResultsSheet::Timeline: timelineSheet(session, sink, now); break;
        case ResultsSheet::Awards: awardsSheet(session, sink); break;
        case ResultsSheet::Festival: writeResults(sink, allResults(session.db())); break;
        }
    }
    return sink.finish();
}

} // namespace kiosk::services
