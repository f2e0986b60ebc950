// kiosk gui --role ROLE [--display N] [--windowed WxH] [--replay FILE --screenshots DIR] [--state FILE]
#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"

#ifdef KIOSK_HAVE_GUI
#include "kiosk/ui/app.hpp"
#include "kiosk/ui/services_backend.hpp"
#endif

namespace kiosk::cli {

void addGuiCommands(CLI::App& app, Context& ctx) {
#ifdef KIOSK_HAVE_GUI
    auto* cmd = app.add_subcommand("gui", "open the kiosk full screen in a role");
    auto opts = std::make_shared<ui::GuiOptions>();
    auto windowed = std::make_shared<std::string>();
    auto exitMode = std::make_shared<bool>(false);
    cmd->add_option("--role", opts->role, "checkin, organizer, mc, stage, quiz or judge")
        ->check(CLI::IsMember({"checkin", "organizer", "mc", "stage", "quiz", "judge"}));
    cmd->add_option("--display", opts->display, "display number for full screen (0 = first)");
    cmd->add_option("--windowed", *windowed, "a window of WxH instead of full screen, e.g. 1280x720");
    cmd->add_option("--kiosk", opts->settings.kiosk, "this kiosk's name, recorded with each check-in");
    cmd->add_option("--list", opts->settings.listId, "check-in list at start: le or hoi");
    cmd->add_flag("--exit", *exitMode, "start the gate in exit mode");
    cmd->add_option("--replay", opts->replayFile, "run a replay script of timed steps (see docs/GUI.md)");
    cmd->add_option("--screenshots", opts->screenshotDir, "folder for the replay's screenshots");
    cmd->add_option("--state", opts->stateFile, "write the screens' state as JSON here on quit");
    cmd->callback([&ctx, opts, windowed, exitMode] {
        if (!windowed->empty()) {
            if (!ui::parseSize(*windowed, opts->width, opts->height))
                throw CLI::ValidationError("--windowed", "expected WxH, e.g. 1280x720");
            opts->windowed = true;
        }
        if (*exitMode) opts->settings.direction = core::Direction::Exit;
        ui::ServicesBackend backend(services::Session::open(ctx.dbPath));
        ctx.exitCode = ui::runGui(*opts, backend);
    });
#else
    (void)app;
    (void)ctx;
#endif
}

} // namespace kiosk::cli
