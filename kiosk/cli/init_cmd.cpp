// kiosk init: create the event database from a pack.
#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/services/event_pack.hpp"

namespace kiosk::cli {

void addInitCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("init", "create the event database from an event pack");
    auto opts = std::make_shared<services::InitOptions>();
    auto today = std::make_shared<bool>(false);
    auto date = std::make_shared<std::string>();
    opts->packDir = core::dataDir() + "/ngay-hoi-antq-2023";
    cmd->add_option("--pack", opts->packDir, "event pack folder (default: the seed's event)");
    cmd->add_flag("--force", opts->force, "replace an existing database");
    cmd->add_option("--date", *date, "hold the event on this date (YYYY-MM-DD)");
    cmd->add_flag("--today", *today, "hold the event today with every list open all day (demo)");
    cmd->add_option("--pin", opts->pin, "organizer PIN (default: the pack's)");
    cmd->callback([&ctx, opts, today, date] {
        opts->dbPath = ctx.dbPath;
        if (!date->empty()) opts->date = *date;
        if (*today) {
            opts->date = core::localDate(core::nowMillis(), 420);
            opts->wholeDayWindows = true;
        }
        const auto result = services::initEvent(*opts);
        if (ctx.json) {
            core::JsonWriter w;
            w.beginObject().field("ok", result.ok).field("delegates", result.delegates).key("problems").beginArray();
            for (const auto& p : result.problems) w.value(p);
            w.endArray().endObject();
            ctx.out(w.str());
        } else if (result.ok) {
            auto session = services::Session::open(opts->dbPath);
            ctx.out(core::trf("init.done", {{"name", session->event().name},
                                            {"date", session->event().date},
                                            {"path", opts->dbPath},
                                            {"delegates", std::to_string(result.delegates)}}));
            ctx.out(core::trf("init.pin", {{"pin", result.pinUsed}}));
        } else {
            for (const auto& p : result.problems) ctx.err(p);
        }
        ctx.exitCode = result.ok ? kExitOk : kExitRefused;
    });
}

} // namespace kiosk::cli
