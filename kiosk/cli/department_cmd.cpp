// kiosk hub units import|list · kiosk hub publish · kiosk hub report: the department's side of
// the hub (docs/DEPARTMENT.md). Registered under the fleet's `hub` command.
#include <cstdlib>
#include <iostream>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/hub/pg.hpp"
#include "kiosk/services/department_hub.hpp"
#include "kiosk/services/department_units.hpp"

namespace kiosk::cli {

namespace {

using core::tr;
using core::trf;

/// The hub's address: an argument without a password, or $KIOSK_HUB_URL (a password never shows in
/// `ps`).
std::optional<std::string> resolveHub(Context& ctx, const std::string& arg) {
    std::string url = arg;
    if (url.empty() || hub::urlHasPassword(url)) {
        const char* env = std::getenv("KIOSK_HUB_URL");
        url = env ? env : "";
    }
    if (url.empty()) {
        ctx.err(tr("department.cli.no_url"));
        ctx.exitCode = kExitError;
        return std::nullopt;
    }
    return url;
}

bool fail(Context& ctx, const std::string& message) {
    ctx.err(message);
    ctx.exitCode = kExitError;
    return false;
}

bool validDate(Context& ctx, const std::string& date) {
    return date.empty() || core::parseDate(date)
               ? true
               : fail(ctx, trf("department.cli.bad_date", {{"date", date}}));
}

/// Runs a hub call; an unreachable or refusing hub is an error message, not a crash.
template <class F> void withHub(Context& ctx, F&& f) {
    try {
        f();
    } catch (const hub::PgError& e) {
        fail(ctx, trf("department.cli.unreachable", {{"detail", e.what()}}));
    }
}

void addUnits(CLI::App* hubCmd, Context& ctx) {
    auto* units = hubCmd->add_subcommand("units", tr("department.cli.units"));
    units->require_subcommand(1);
    struct Args {
        std::string file, url;
    };
    auto a = std::make_shared<Args>();
    auto* imp = units->add_subcommand("import", tr("department.cli.units_import"));
    imp->add_option("file", a->file, tr("department.cli.file"))->required();
    imp->add_option("--hub", a->url, tr("department.cli.url"));
    imp->callback([&ctx, a] {
        const auto parsed = services::readUnitsFile(a->file);
        if (!parsed.ok) {
            ctx.err(trf("import.refused", {{"count", std::to_string(parsed.problems.size())}}));
            for (const auto& p : parsed.problems)
                ctx.err(p.message);
            ctx.exitCode = kExitRefused;
            return;
        }
        const auto url = resolveHub(ctx, a->url);
        if (!url) return;
        withHub(ctx, [&] {
            const int n = services::importUnitsToHub(*url, parsed.units);
            ctx.out(trf("department.cli.imported", {{"count", std::to_string(n)}}));
        });
    });
    auto* list = units->add_subcommand("list", tr("department.cli.units_list"));
    list->add_option("--hub", a->url, tr("department.cli.url"));
    list->callback([&ctx, a] {
        const auto url = resolveHub(ctx, a->url);
        if (!url) return;
        withHub(ctx, [&] {
            auto conn = hub::PgConn::connect(*url, std::chrono::seconds(30));
            for (const auto& u : hub::loadUnits(*conn))
                ctx.out(u.code + "\t" + u.name + "\t" + u.district + "\t" + u.contact);
        });
    });
}

void addPublish(CLI::App* hubCmd, Context& ctx) {
    struct Args {
        std::string url, at;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = hubCmd->add_subcommand("publish", tr("department.cli.publish"));
    cmd->add_option("url", a->url, tr("department.cli.url"));
    cmd->add_option("--at", a->at, tr("department.cli.at"));
    cmd->callback([&ctx, a] {
        const auto url = resolveHub(ctx, a->url);
        if (!url) return;
        auto& session = ctx.session();
        std::optional<core::Millis> at;
        if (!a->at.empty()) {
            at = core::parseIso8601(a->at, session.event().utcOffsetMin);
            if (!at) return (void)fail(ctx, trf("export.bad_time", {{"time", a->at}}));
        }
        withHub(ctx, [&] {
            const auto r = services::publishToDepartment(*url, session, at);
            if (!r.error.empty()) return (void)fail(ctx, r.error);
            if (ctx.json) {
                core::JsonWriter w;
                w.beginObject()
                    .field("event", r.eventCode)
                    .field("hub_event_id", r.eventId)
                    .field("records", r.records);
                w.field("delegates", r.delegates).field("summary_changed", r.summary.changed);
                w.field("report_received", r.summary.reportReceived).endObject();
                return ctx.out(w.str());
            }
            const std::string changed = r.changedAnything() ? tr("department.cli.published_changed")
                                                            : tr("department.cli.published_same");
            ctx.out(trf("department.cli.published",
                        {{"event", r.eventCode}, {"unit", r.unit}, {"changed", changed}}));
        });
    });
}

void addHubReport(CLI::App* hubCmd, Context& ctx) {
    struct Args {
        std::string out, url, config, number, date;
        services::DepartmentReportOptions o;
        bool json = false;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = hubCmd->add_subcommand("report", tr("department.cli.report"));
    cmd->add_option("--out", a->out, tr("department.cli.out"));
    cmd->add_option("--hub", a->url, tr("department.cli.url"));
    cmd->add_option("--config", a->config, tr("department.cli.config"));
    cmd->add_option("--deadline", a->o.deadline, tr("department.cli.deadline"));
    cmd->add_option("--from", a->o.from, tr("department.cli.from"));
    cmd->add_option("--to", a->o.to, tr("department.cli.to"));
    cmd->add_option("--number", a->o.number, tr("department.cli.number"));
    cmd->add_option("--date", a->o.date, tr("department.cli.date"));
    cmd->add_flag("--json", a->json, tr("department.cli.json"));
    cmd->callback([&ctx, a] {
        const bool json = a->json || ctx.json;
        const auto ends = [&](const char* ext) {
            return a->out.size() > 4 && a->out.compare(a->out.size() - 4, 4, ext) == 0;
        };
        if (a->out.empty() ? !json : !(ends(".pdf") || ends("xlsx")))
            return (void)fail(ctx, trf("department.cli.bad_out", {{"path", a->out}}));
        for (const auto* d : {&a->o.deadline, &a->o.from, &a->o.to, &a->o.date})
            if (!validDate(ctx, *d)) return;
        std::string error;
        const auto settings = services::loadDepartmentSettings(
            a->config.empty() ? services::defaultDepartmentConfig() : a->config, &error);
        if (!settings) return (void)fail(ctx, error);
        if (a->o.date.empty()) a->o.date = core::localDate(core::nowMillis(), 420);
        const auto url = resolveHub(ctx, a->url);
        if (!url) return;
        withHub(ctx, [&] {
            const auto data = services::consolidatedReport(*url, *settings, a->o);
            if (!a->out.empty()) {
                const auto st = ends(".pdf") ? paper::writeDepartmentPdf(data, a->out)
                                             : services::writeDepartmentXlsx(data, a->out);
                if (!st.ok()) return (void)fail(ctx, st.error);
                if (!json) ctx.out(trf("cli.written", {{"path", a->out}}));
            }
            if (json) ctx.out(services::departmentJson(data));
        });
    });
}

} // namespace

void addDepartmentCommands(CLI::App& app, Context& ctx) {
    CLI::App* hubCmd = nullptr;
    try {
        hubCmd = app.get_subcommand("hub");
    } catch (const CLI::OptionNotFound&) {
        hubCmd = app.add_subcommand("hub", tr("department.cli.hub"));
        hubCmd->require_subcommand(1);
    }
    addUnits(hubCmd, ctx);
    addPublish(hubCmd, ctx);
    addHubReport(hubCmd, ctx);
}

} // namespace kiosk::cli
