#include "kiosk/services/report_builder.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/awaited.hpp"
#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/fleet_conflicts.hpp"
#include "kiosk/services/paper_pack.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/export_repo.hpp"

namespace kiosk::services {

namespace {

// One colour per list, in list order (the category colours are for the table).
constexpr const char* kListColors[] = {"#1F4E79", "#548235", "#BF8F00", "#7030A0", "#C55A11"};


void fillAttendance(Session& session, paper::ReportData& data) {
    for (const auto& c : store::attendanceCounts(session.db())) {
        if (c.expected == 0 && c.present == 0) continue;
        const auto* list = session.list(c.listId);
        const auto* cat = session.category(c.categoryId);
        data.attendance.push_back({list ? list->name : c.listId, cat ? cat->name : c.categoryId,
                                   cat ? cat->color : std::string(), c.expected, c.present});
    }
    // Those the ceremony awaited who sent apologies, in protocol order, as the desk recorded them.
    for (const auto& a : awaitedDelegates(session.db()).missing)
        if (a.apologised)
            data.apologies.push_back(core::trf("paper.report.apology", {{"name", a.delegate.name},
                                                                        {"title", a.delegate.title},
                                                                        {"unit", a.delegate.unit},
                                                                        {"reason", a.apologyReason}}));
}

void fillCeremony(Session& session, paper::ReportData& data, core::Millis now) {
    const Timeline timeline = buildTimeline(session.db(), now);
    for (const auto& r : timeline.rows) {
        if (!r.inPlan && !r.actualStart) continue;
        paper::TimelineItem item;
        item.title = r.title;
        item.plannedStart = r.plannedStart;
        item.plannedMinutes = r.plannedMin;
        item.actualStart = r.actualStart;
        if (r.actualStart && r.status != "current") item.actualMinutes = static_cast<int>((r.elapsed + 30'000) / 60'000);
        item.skipped = r.status == "skipped";
        data.timeline.push_back(item);
    }
    for (const auto& a : store::loadAwards(session.db()))
        data.awards.push_back({a.recipient, a.unit, a.form, a.decision, a.handedAt.has_value()});
}

void fillFestival(Session& session, paper::ReportData& data) {
    for (const auto& c : allResults(session.db())) {
        paper::ContestResult result{c.contest.name, {}};
        for (const auto& l : c.lines) {
            if (!l.hasResult || l.rank == 0) continue;
            const std::string prize = l.prize == core::Prize::None ? std::to_string(l.rank) : core::tr(core::prizeKey(l.prize));
            result.places.push_back({prize, l.name, l.unit, l.totalText});
        }
        data.contests.push_back(std::move(result));
    }
}

} // namespace

std::string adminDate(const std::string& isoDate) {
    const paper::DateParts d = paper::vietnameseDateParts(isoDate);
    return core::trf("export.report.admin_date", {{"day", d.day}, {"month", d.month}, {"year", d.year}});
}

DeadlineCheck checkDeadline(const std::string& reportDate, const std::string& deadline) {
    DeadlineCheck c;
    c.reportDate = reportDate;
    c.deadline = deadline;
    c.known = core::parseDate(reportDate).has_value() && core::parseDate(deadline).has_value();
    // ISO dates compare as text; "before 10/8" means the 9th at the latest.
    c.late = c.known && reportDate.substr(0, 10) >= deadline.substr(0, 10);
    return c;
}

paper::BarChart arrivalsChart(Session& session, core::Millis bucketMs) {
    paper::BarChart chart;
    chart.title = core::tr("paper.report.arrivals_title");
    chart.yLabel = core::tr("paper.report.arrivals_axis");
    std::vector<std::map<core::Millis, int>> perList;
    std::set<core::Millis> buckets;
    for (const auto& l : session.lists()) {
        auto& m = perList.emplace_back();
        for (const auto& [at, n] : store::arrivalsHistogram(session.db(), l.id, bucketMs)) {
            m[at] = n;
            buckets.insert(at);
        }
    }
    if (buckets.empty()) return chart;
    // Every bucket between the first and the last arrival, so quiet periods show as gaps.
    std::vector<core::Millis> axis;
    for (core::Millis b = *buckets.begin(); b <= *buckets.rbegin(); b += bucketMs) axis.push_back(b);
    for (const auto b : axis) chart.labels.push_back(core::formatClock(b, session.event().utcOffsetMin));
    for (size_t i = 0; i < session.lists().size(); ++i) {
        paper::ChartSeries s;
        s.name = session.lists()[i].name;
        s.color = kListColors[i % std::size(kListColors)];
        for (const auto b : axis) {
            const auto it = perList[i].find(b);
            s.values.push_back(it == perList[i].end() ? 0 : it->second);
        }
        chart.series.push_back(std::move(s));
    }
    return chart;
}

paper::ReportData buildReport(Session& session, const ReportOptions& options, core::Millis now) {
    const auto& event = session.event();
    const ReportSettings settings = reportSettings(session);
    paper::ReportData data;
    data.utcOffsetMin = event.utcOffsetMin;
    data.header = {event.parentUnit, event.unit,
                   reportNumber(options.number.empty() ? settings.number : options.number, settings.symbol), event.place,
                   core::localDate(now, event.utcOffsetMin)};
    data.title = settings.title;
    data.subtitle = settings.subtitle;

    fillAttendance(session, data);
    const store::EventFigures figures = store::eventFigures(session.db());
    // The plan this report answers, and the day written as administrative documents write it.
    data.intro.push_back(core::trf(settings.plan.empty() ? "export.report.intro" : "export.report.intro_plan",
                                   {{"plan", settings.plan},
                                    {"date", adminDate(event.date)},
                                    {"venue", event.venue},
                                    {"unit", settings.unitName.empty() ? event.unit : settings.unitName},
                                    {"event", event.name}}));
    data.intro.push_back(core::trf("export.report.figures", {{"present", std::to_string(figures.present)},
                                                             {"expected", std::to_string(figures.invited)},
                                                             {"walk_ins", std::to_string(figures.walkIns)},
                                                             {"refused", std::to_string(figures.refusedScans)},
                                                             {"forced", std::to_string(figures.forcedAdmissions)}}));
    if (const auto conflicts = fleetConflicts(session); !conflicts.empty())
        data.intro.push_back(core::trf("export.report.conflicts", {{"n", std::to_string(conflicts.size())}}));
    data.arrivals = arrivalsChart(session, options.bucketMs);
    fillCeremony(session, data, now);
    fillFestival(session, data);
    data.notes = options.notes;
    data.recipients = settings.recipients;
    data.signerLines = settings.signerLines;
    data.signerName = settings.signerName;
    return data;
}

} // namespace kiosk::services
