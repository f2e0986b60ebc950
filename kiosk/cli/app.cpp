#include "kiosk/cli/app.hpp"

#include <cstdio>
#include <iostream>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::cli {

services::Session& Context::session() {
    if (!m_session) m_session = services::Session::open(dbPath);
    return *m_session;
}

void Context::out(const std::string& text) const { std::cout << text << '\n'; }
void Context::err(const std::string& text) const { std::cerr << text << '\n'; }

int run(int argc, char** argv) {
    CLI::App app{"kiosk: event-day check-in kiosk (Ngày hội toàn dân bảo vệ an ninh Tổ quốc)"};
    app.require_subcommand(1);
    Context ctx;
    ctx.dbPath = services::defaultDbPath();
    app.add_option("--db", ctx.dbPath, "event database file (default var/event.db or $KIOSK_DB)");
    app.add_option("--lang", ctx.lang, "language of messages: vi (default) or en")->check(CLI::IsMember({"vi", "en"}));
    app.add_flag("--json", ctx.json, "print machine-readable JSON");
    // Language must be set before any callback runs.
    app.parse_complete_callback([&] { core::setLanguage(ctx.lang); });

    addInitCommands(app, ctx);
    addDelegateCommands(app, ctx);
    addCheckinCommands(app, ctx);
    addBadgeCommands(app, ctx);
    addDatabaseCommands(app, ctx);
    addDecodeCommands(app, ctx);
    addPaperCommands(app, ctx);
    addProgramCommands(app, ctx);
    addFestivalCommands(app, ctx);
    addGuiCommands(app, ctx);
    addHubCommands(app, ctx);
    addDepartmentCommands(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? kExitOk : kExitError;
    } catch (const store::DbError& e) {
        if (e.busy()) ctx.err(core::tr("cli.db_busy"));
        else if (e.diskProblem()) ctx.err(core::tr("cli.disk_full"));
        ctx.err(core::trf("cli.db_error", {{"detail", e.what()}}));
        return kExitError;
    } catch (const std::exception& e) {
        ctx.err(core::trf("cli.error", {{"detail", e.what()}}));
        return kExitError;
    }
    return ctx.exitCode;
}

} // namespace kiosk::cli
