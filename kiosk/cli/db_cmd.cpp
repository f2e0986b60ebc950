// kiosk stats | summary | check | backup FILE
#include <cstdio>
#include <filesystem>
#include <map>
#include <sys/stat.h>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/services/badge_key.hpp"
#include "kiosk/services/event_admin.hpp"

namespace kiosk::cli {

namespace {

void addStats(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("stats", "present / expected per list and category");
    cmd->callback([&ctx] {
        auto& s = ctx.session();
        const auto counts = services::attendance(s);
        if (ctx.json) {
            core::JsonWriter w;
            w.beginArray();
            for (const auto& c : counts)
                w.beginObject().field("list", c.listId).field("category", c.categoryId).field("present", c.present)
                    .field("inside", c.inside).field("expected", c.expected).endObject();
            w.endArray();
            ctx.out(w.str());
            return;
        }
        ctx.out(core::tr("stats.header"));
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> totals;
        for (const auto& c : counts) {
            const auto* cat = s.category(c.categoryId);
            const auto* list = s.list(c.listId);
            ctx.out((list ? list->name : c.listId) + " | " + (cat ? cat->name : c.categoryId) + " | " + std::to_string(c.present) +
                    " | " + std::to_string(c.expected));
            totals[c.listId].first += c.present;
            totals[c.listId].second += c.expected;
        }
        for (const auto& [list, t] : totals) {
            const auto* l = s.list(list);
            ctx.out((l ? l->name : list) + " | " + core::tr("stats.total") + " | " + std::to_string(t.first) + " | " +
                    std::to_string(t.second));
        }
    });
}

void addSummary(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("summary", "the event in a few lines");
    cmd->callback([&ctx] {
        auto& s = ctx.session();
        const auto& e = s.event();
        const auto n = services::delegateCount(s);
        if (ctx.json) {
            core::JsonWriter w;
            w.beginObject().field("name", e.name).field("unit", e.unit).field("date", e.date).field("venue", e.venue);
            w.field("delegates", n).key("banner").beginArray();
            for (const auto& b : e.bannerLines) w.value(b);
            w.endArray().endObject();
            ctx.out(w.str());
            return;
        }
        ctx.out(core::trf("event.summary", {{"name", e.name}, {"unit", e.unit}, {"date", e.date}, {"venue", e.venue},
                                           {"delegates", std::to_string(n)}}));
        for (const auto& b : e.bannerLines) ctx.out("  " + b);
    });
}

void addCheck(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("check", "run SQLite's integrity check on the event database");
    auto repair = std::make_shared<bool>(false);
    cmd->add_flag("--repair", *repair, "recompute the dashboard counts from the check-in records first");
    cmd->callback([&ctx, repair] {
        auto& session = ctx.session();
        // The dashboards' kept counts must equal a recount from the records themselves.
        const auto health = services::checkDatabase(session, *repair);
        const std::string& result = health.integrity;
        const bool countsOk = health.countsOk;
        const std::string& path = ctx.dbPath; // the file the session opened
        // The file holds the badge key and the PIN hash: other users of the computer must not read it.
        struct stat st {};
        const bool readable = ::stat(path.c_str(), &st) == 0 && (st.st_mode & (S_IRGRP | S_IROTH)) != 0;
        char mode[8];
        std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
        if (ctx.json) {
            core::JsonWriter w;
            w.beginObject().field("ok", result == "ok" && countsOk).field("detail", result).field("counts_ok", countsOk);
            w.field("readable_by_others", readable).endObject();
            ctx.out(w.str());
        } else {
            ctx.out(result == "ok" ? core::tr("cli.integrity_ok") : core::trf("cli.integrity_bad", {{"detail", result}}));
            if (result == "ok" && !countsOk) ctx.out(core::tr("cli.counts_bad"));
            if (readable) ctx.out(core::trf("cli.db_readable", {{"path", path}, {"mode", mode}}));
        }
        ctx.exitCode = result == "ok" && countsOk ? kExitOk : kExitRefused;
    });
}

void addBackup(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("backup", "copy the live database to a file (safe while kiosks write)");
    auto path = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    cmd->add_option("FILE", *path, "backup file")->required();
    cmd->add_flag("--force", *force, "overwrite an existing backup file");
    cmd->callback([&ctx, path, force] {
        // A backup that silently replaces an older one can destroy the only good copy.
        std::error_code ec;
        if (!*force && std::filesystem::exists(*path, ec))
            return ctx.fail(kExitRefused, "exists", core::trf("cli.backup.exists", {{"path", *path}}));
        services::backupDatabase(ctx.session(), *path);
        ctx.out(core::trf("cli.backup_done", {{"path", *path}}));
    });
}

void addKey(CLI::App& app, Context& ctx) {
    auto* key = app.add_subcommand("key", "the event's badge key");
    key->require_subcommand(1);
    auto* rotate = key->add_subcommand("rotate", "replace the badge key: every badge printed before is refused");
    rotate->callback([&ctx] {
        services::rotateBadgeKey(ctx.session().db(), "cli");
        ctx.out(core::tr("cli.key_rotated"));
    });
}

} // namespace

void addDatabaseCommands(CLI::App& app, Context& ctx) {
    addKey(app, ctx);
    addStats(app, ctx);
    addSummary(app, ctx);
    addCheck(app, ctx);
    addBackup(app, ctx);
}

} // namespace kiosk::cli
