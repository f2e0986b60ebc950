#include "kiosk/services/department_unit.hpp"

#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/paper_pack.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/department_repo.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

namespace {
constexpr const char* kIssuedNumber = "report_issued_number";
constexpr const char* kIssuedDate = "report_issued_date";
} // namespace

void recordIssuedReport(Session& session, const IssuedReport& report) {
    store::Transaction tx(session.db());
    store::setSetting(session.db(), kIssuedNumber, report.number);
    store::setSetting(session.db(), kIssuedDate, report.date);
    tx.commit();
}

IssuedReport issuedReport(Session& session) {
    return {store::getSetting(session.db(), kIssuedNumber).value_or(""),
            store::getSetting(session.db(), kIssuedDate).value_or("")};
}

core::UnitEventSummary unitSummary(Session& session, core::Millis now) {
    const auto& event = session.event();
    const ReportSettings settings = reportSettings(session);
    core::UnitEventSummary s;
    s.eventId = event.id;
    s.unitCode = settings.unitCode;
    s.unitName = settings.unitName.empty() ? event.unit : settings.unitName;
    s.date = event.date;
    s.place = event.venue;

    // Groups in report.toml order; a category in no group keeps its own name, after them.
    for (const auto& g : settings.groups)
        s.groups.push_back({g.name, 0, 0});
    for (const auto& c : store::categoryPresence(session.db())) {
        auto group = std::find_if(settings.groups.begin(), settings.groups.end(),
                                  [&](const CategoryGroup& g) {
                                      return std::find(g.categoryIds.begin(), g.categoryIds.end(),
                                                       c.categoryId) != g.categoryIds.end();
                                  });
        std::string name;
        if (group != settings.groups.end())
            name = group->name;
        else if (const auto* cat = session.category(c.categoryId))
            name = cat->name;
        else
            name = c.categoryId;
        auto it = std::find_if(s.groups.begin(), s.groups.end(),
                               [&](const core::GroupCount& g) { return g.group == name; });
        if (it == s.groups.end())
            it = s.groups.insert(s.groups.end(), core::GroupCount{name, 0, 0});
        it->expected += c.expected;
        it->present += c.present;
    }

    const Timeline timeline = buildTimeline(session.db(), now);
    for (const auto& r : timeline.rows) {
        if (!r.inPlan) continue;
        ++s.ceremonyItems;
        if (r.actualStart && r.status != "skipped")
            ++s.ceremonyDone;
        else
            s.skippedItems.push_back(r.title);
    }
    for (const auto& a : store::loadAwards(session.db())) {
        ++s.awards;
        s.awardsHanded += a.handedAt ? 1 : 0;
    }
    for (const auto& c : allResults(session.db())) {
        core::UnitContest contest{c.contest.name, {}};
        for (const auto& l : c.lines) {
            if (!l.hasResult || l.rank == 0 || l.prize == core::Prize::None) continue;
            std::string who = l.name;
            if (!l.unit.empty() && l.unit != l.name) who += " (" + l.unit + ")";
            contest.winners.push_back(core::tr(core::prizeKey(l.prize)) + ": " + who);
        }
        // A contest with no result yet was not held.
        if (!contest.winners.empty()) s.contests.push_back(std::move(contest));
    }
    const IssuedReport issued = issuedReport(session);
    s.reportNumber = issued.number;
    s.reportDate = issued.date;
    return s;
}

} // namespace kiosk::services
