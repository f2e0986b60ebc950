// kiosk delegates import|search|add|revoke|reissue
#include "kiosk/cli/context.hpp"
#include "kiosk/cli/output.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/services/delegate_import.hpp"
#include "kiosk/services/event_admin.hpp"

namespace kiosk::cli {

namespace {

void addImport(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("import", "import delegates from CSV (all or nothing)");
    auto file = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    cmd->add_option("FILE", *file, "CSV file (UTF-8, comma or semicolon)")->required();
    cmd->add_flag("--dry-run", *dry, "report what would change, write nothing");
    cmd->callback([&ctx, file, dry] {
        const auto report = services::importDelegatesFile(ctx.session().db(), *file, *dry);
        if (ctx.json) {
            core::JsonWriter w;
            w.beginObject().field("ok", report.ok).field("dry_run", report.dryRun).field("rows", report.rows);
            w.field("inserted", report.inserted).field("updated", report.updated).field("unchanged", report.unchanged);
            w.key("problems").beginArray();
            for (const auto& p : report.problems)
                w.beginObject().field("line", p.line).field("column", p.column).field("code", p.code).field("message", p.message).endObject();
            w.endArray();
            w.key("changes").beginArray();
            for (const auto& c : report.changes) {
                w.beginObject().field("code", c.code).key("fields").beginArray();
                for (const auto& f : c.fields) w.value(f);
                w.endArray().endObject();
            }
            w.endArray().endObject();
            ctx.out(w.str());
        } else if (report.ok) {
            const std::vector<std::pair<std::string, std::string>> v = {{"rows", std::to_string(report.rows)},
                                                                        {"inserted", std::to_string(report.inserted)},
                                                                        {"updated", std::to_string(report.updated)},
                                                                        {"unchanged", std::to_string(report.unchanged)}};
            ctx.out(core::trf(report.dryRun ? "import.dry_run" : "import.done", v));
            // Which fields change on whom: what an organizer checks before importing for real.
            for (const auto& c : report.changes) {
                std::string fields;
                for (const auto& f : c.fields) fields += (fields.empty() ? "" : ", ") + core::tr("import.field." + f);
                ctx.out(core::trf("import.changed", {{"code", c.code}, {"fields", fields}}));
            }
        } else {
            ctx.err(core::trf("import.refused", {{"count", std::to_string(report.problems.size())}}));
            for (const auto& p : report.problems) ctx.err("  " + p.message);
        }
        ctx.exitCode = report.ok ? kExitOk : kExitRefused;
    });
}

void addSearch(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("search", "find delegates by a few letters of name, unit or code");
    auto query = std::make_shared<std::vector<std::string>>();
    auto limit = std::make_shared<int>(20);
    cmd->add_option("QUERY", *query, "words, diacritics optional")->required();
    cmd->add_option("--limit", *limit, "at most this many results");
    cmd->callback([&ctx, query, limit] {
        std::string q;
        for (const auto& part : *query) q += (q.empty() ? "" : " ") + part;
        services::DelegateDirectory dir(ctx.session());
        const auto found = dir.search(q, static_cast<size_t>(std::max(1, *limit)));
        if (ctx.json) {
            core::JsonWriter w;
            w.beginArray();
            for (const auto& d : found) writeDelegate(w, ctx.session(), d);
            w.endArray();
            ctx.out(w.str());
        } else if (found.empty()) {
            ctx.out(core::trf("delegates.no_match", {{"query", q}}));
        } else {
            for (const auto& d : found) ctx.out(d.code + "  " + d.name + "  " + d.title + "  " + d.unit);
        }
    });
}

void addAdd(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("add", "register a walk-in delegate; prints the new code");
    auto w = std::make_shared<services::WalkIn>();
    cmd->add_option("--name", w->name, "full name")->required();
    cmd->add_option("--title", w->title, "title");
    cmd->add_option("--unit", w->unit, "unit");
    cmd->add_option("--category", w->categoryId, "category (id or name)")->required();
    cmd->add_option("--seat", w->seat, "seat");
    cmd->add_option("--phone", w->phone, "phone number");
    cmd->callback([&ctx, w] {
        services::DelegateDirectory dir(ctx.session());
        services::DirectoryError error{};
        const auto d = dir.addWalkIn(*w, error);
        if (!d) {
            if (error == services::DirectoryError::TooLong)
                return ctx.fail(kExitRefused, "too_long", services::walkInLengthProblem(*w).value_or(""));
            if (error == services::DirectoryError::MissingName)
                return ctx.fail(kExitRefused, "missing_name", core::tr("delegates.missing_name"));
            return ctx.fail(kExitRefused, "unknown_category", core::trf("delegates.unknown_category", {{"value", w->categoryId}}));
        }
        if (ctx.json) {
            core::JsonWriter j;
            writeDelegate(j, ctx.session(), *d);
            ctx.out(j.str());
        } else {
            ctx.out(d->code);
        }
    });
}

void addRevokeReissue(CLI::App& parent, Context& ctx) {
    auto* revoke = parent.add_subcommand("revoke", "revoke a delegate's badge");
    auto code = std::make_shared<std::string>();
    revoke->add_option("CODE", *code, "delegate code")->required();
    revoke->callback([&ctx, code] {
        services::DelegateDirectory dir(ctx.session());
        const auto d = services::findDelegate(ctx.session(), core::asciiUpper(*code));
        if (!d || dir.revoke(d->code) != services::DirectoryError::None) {
            return ctx.fail(kExitRefused, "not_found", core::trf("delegates.not_found", {{"code", *code}}));
        }
        ctx.out(core::trf("delegates.revoked", {{"name", d->name}, {"code", d->code}}));
    });
    auto* reissue = parent.add_subcommand("reissue", "issue a new badge; the old one stops working");
    auto code2 = std::make_shared<std::string>();
    reissue->add_option("CODE", *code2, "delegate code")->required();
    reissue->callback([&ctx, code2] {
        services::DelegateDirectory dir(ctx.session());
        services::DirectoryError error{};
        const auto text = dir.reissue(core::asciiUpper(*code2), error);
        if (!text) {
            return ctx.fail(kExitRefused, "not_found", core::trf("delegates.not_found", {{"code", *code2}}));
        }
        const auto d = services::findDelegate(ctx.session(), core::asciiUpper(*code2));
        if (ctx.json) {
            core::JsonWriter w;
            w.beginObject().field("code", d->code).field("serial", d->badgeSerial).field("badge", *text).endObject();
            ctx.out(w.str());
        } else {
            ctx.out(*text); // just the new badge text: what a script (or a badge printer) needs
        }
    });
}

} // namespace

void addDelegateCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("delegates", "delegate list: import, search, walk-ins, revoke, reissue");
    cmd->require_subcommand(1);
    addImport(*cmd, ctx);
    addSearch(*cmd, ctx);
    addAdd(*cmd, ctx);
    addRevokeReissue(*cmd, ctx);
    addApologyCommands(*cmd, ctx);
}

} // namespace kiosk::cli
