#include "kiosk/services/department_hub.hpp"

#include <algorithm>
#include <chrono>

#include "kiosk/core/i18n.hpp"
#include "kiosk/hub/hub.hpp"
#include "kiosk/services/department_unit.hpp"
#include "kiosk/services/paper_pack.hpp"
#include "kiosk/store/event_repo.hpp"

namespace kiosk::services {

namespace {

// A publish moves a whole day at once, not a gate's single check-in: a long budget.
constexpr std::chrono::milliseconds kPublishBudget{120'000};
constexpr const char* kPublisher = "publish";

std::unique_ptr<hub::PgConn> connectHub(const std::string& url) {
    auto conn = hub::PgConn::connect(url, kPublishBudget);
    // "schema already exists, skipping" is no news to the officer.
    conn->exec("SET client_min_messages = warning");
    hub::migrateHub(*conn);
    return conn;
}

} // namespace

std::vector<hub::CategoryGroupRow> categoryGroups(Session& session) {
    const ReportSettings settings = reportSettings(session);
    std::vector<hub::CategoryGroupRow> out;
    for (const auto& g : settings.groups)
        for (const auto& id : g.categoryIds)
            out.push_back({id, g.name});
    for (const auto& c : store::loadCategories(session.db()))
        if (std::none_of(out.begin(), out.end(),
                         [&](const hub::CategoryGroupRow& r) { return r.categoryId == c.id; }))
            out.push_back({c.id, c.name});
    return out;
}

PublishResult publishToDepartment(const std::string& url, Session& session,
                                  std::optional<core::Millis> at) {
    PublishResult result;
    const auto& event = session.event();
    result.eventCode = event.id;
    result.unit = event.unit;
    auto conn = connectHub(url);
    // One hub holds many events by code: a second unit that kept the pack's code must not
    // overwrite the first one's event.
    const auto owner =
        conn->exec("SELECT unit, date FROM kiosk_hub.events WHERE code = $1", {event.id});
    if (owner.rows() && owner.text(0, 0) != event.unit) {
        result.error = core::trf("department.cli.code_taken",
                                 {{"code", event.id}, {"unit", owner.text(0, 0)}});
        return result;
    }
    result.eventId = hub::publishEvent(*conn, session.db(), kPublisher);
    hub::Membership m;
    m.url = url;
    m.kiosk = kPublisher;
    m.eventId = result.eventId;
    m.organizer = true;
    m.budgetMs = static_cast<int>(kPublishBudget.count());
    // publishReference re-sends the newest millisecond's rows; count what the hub really took.
    const std::string ev = std::to_string(result.eventId);
    const std::string seqSql =
        "SELECT coalesce(max(seq), 0) FROM kiosk_hub.reference WHERE event_id = $1";
    const std::string before = conn->exec(seqSql, {ev}).text(0, 0);
    hub::publishReference(*conn, session.db(), m);
    result.delegates = static_cast<int>(
        conn->exec("SELECT count(*) FROM kiosk_hub.reference WHERE event_id = $1 AND seq > $2",
                   {ev, before})
            .integer(0, 0));
    result.records = hub::push(*conn, session.db(), m).records;
    const core::Millis now = at.value_or(core::nowMillis());
    result.summary = hub::publishSummary(*conn, result.eventId, unitSummary(session, now),
                                         categoryGroups(session), at);
    return result;
}

int importUnitsToHub(const std::string& url, const std::vector<core::DeptUnit>& units) {
    auto conn = connectHub(url);
    return hub::replaceUnits(*conn, units);
}

paper::DepartmentReportData consolidatedReport(const std::string& url,
                                               const DepartmentSettings& settings,
                                               const DepartmentReportOptions& options) {
    auto conn = connectHub(url);
    const auto units = hub::loadUnits(*conn);
    const auto events = hub::loadEventSummaries(*conn);
    return buildDepartmentReport(units, events, settings, options);
}

} // namespace kiosk::services
