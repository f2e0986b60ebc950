// kiosk gui --role ROLE [--display N] [--windowed WxH] [--replay FILE --screenshots DIR] [--state FILE]
#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"

#ifdef KIOSK_HAVE_GUI
#include "kiosk/scan/serial_scanner.hpp"
#include "kiosk/ui/app.hpp"
#include "kiosk/ui/scan_inputs.hpp"
#include "kiosk/ui/services_backend.hpp"
#endif

namespace kiosk::cli {

void addGuiCommands(CLI::App& app, Context& ctx) {
#ifdef KIOSK_HAVE_GUI
    auto* cmd = app.add_subcommand("gui", "open the kiosk full screen in a role");
    auto opts = std::make_shared<ui::GuiOptions>();
    auto windowed = std::make_shared<std::string>();
    auto exitMode = std::make_shared<bool>(false);
    auto serial = std::make_shared<std::string>("auto");
    cmd->add_option("--role", opts->role, "checkin, organizer, mc, stage, quiz or judge")
        ->check(CLI::IsMember({"checkin", "organizer", "mc", "stage", "quiz", "judge"}));
    cmd->add_option("--display", opts->display, "display number for full screen (0 = first)");
    cmd->add_option("--windowed", *windowed, "a window of WxH instead of full screen, e.g. 1280x720");
    cmd->add_option("--kiosk", opts->settings.kiosk, "this kiosk's name, recorded with each check-in");
    cmd->add_option("--list", opts->settings.listId, "check-in list at start: le or hoi");
    cmd->add_flag("--exit", *exitMode, "start the gate in exit mode");
    cmd->add_option("--serial", *serial, "serial scanner port (/dev/ttyACM0), auto = the first found, none = off");
    cmd->add_option("--replay", opts->replayFile, "run a replay script of timed steps (see docs/GUI.md)");
    cmd->add_option("--screenshots", opts->screenshotDir, "folder for the replay's screenshots");
    cmd->add_option("--state", opts->stateFile, "write the screens' state as JSON here on quit");
    cmd->callback([&ctx, opts, windowed, exitMode, serial] {
        if (!windowed->empty()) {
            if (!ui::parseSize(*windowed, opts->width, opts->height))
                throw CLI::ValidationError("--windowed", "expected WxH, e.g. 1280x720");
            opts->windowed = true;
        }
        opts->settings.exportDir = services::outputDirFor(ctx.dbPath);
        if (*exitMode) opts->settings.direction = core::Direction::Exit;
        ui::ServicesBackend backend(services::Session::open(ctx.dbPath));
        std::string serialPath = *serial == "none" ? "" : *serial;
        if (serialPath == "auto") {
            const auto ports = scan::listSerialPorts();
            serialPath = ports.empty() ? "" : ports.front();
        }
        auto inputs = std::make_shared<ui::ScanInputs>(ui::wakeGui);
        opts->loadFrame = [inputs](const std::string& path) { return inputs->feedFile(path); };
        opts->pollCamera = [inputs] { return inputs->pollPreview(); };
        opts->pollScans = [inputs] { return inputs->takeScans(); };
        opts->followDevices = [inputs, serialPath](ui::Settings& s) {
            inputs->useCamera(s.camera);
            inputs->useSerial(serialPath);
            inputs->status(s.cameraStatus, s.scannerStatus);
        };
        opts->stopInputs = [inputs] {
            inputs->useCamera("");
            inputs->useSerial("");
            inputs->stopReplay();
        };
        ctx.exitCode = ui::runGui(*opts, backend);
        // The hooks hold the input threads: drop them here so they stop before the backend goes.
        opts->loadFrame = nullptr;
        opts->pollCamera = nullptr;
        opts->pollScans = nullptr;
        opts->followDevices = nullptr;
        opts->stopInputs = nullptr;
    });
#else
    (void)app;
    (void)ctx;
#endif
}

} // namespace kiosk::cli
