// kiosk setup-kiosk: the settings of a kiosk screen started on boot (kiosk@.service), for someone
// who does not know systemd; kiosk service-stopped: the unit's ExecStopPost, one audit line per
// stop.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/kiosk_unit.hpp"
#include "kiosk/services/process.hpp"
#include "kiosk/services/event_admin.hpp"

namespace kiosk::cli {

namespace fs = std::filesystem;
using core::tr;
using core::trf;

namespace {

std::string env(const char* name) {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in kiosk calls setenv
    const char* v = std::getenv(name);
    return v ? v : "";
}

struct SetupArgs {
    services::KioskUnitSettings unit;
    std::string etcDir = "/etc/kiosk";
    std::string instance;
    std::string packDir;
    bool start = false;
};

// Written beside and renamed, so a unit starting meanwhile reads the old file or the new, never
// half.
bool writeFileAtomically(const fs::path& path, const std::string& text) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const fs::path tmp = path.string() + ".new";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!(out << text) || !out.flush()) return false;
    }
    fs::permissions(tmp,
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                        fs::perms::others_read,
                    ec);
    fs::rename(tmp, path, ec);
    return !ec;
}

// The service runs as the system user kiosk: a database made here by root must be its.
void giveToKioskUser(const std::string& dbPath) {
    if (geteuid() != 0) return;
    const passwd* pw = getpwnam("kiosk");
    if (!pw) return;
    for (const std::string suffix : {"", "-wal", "-shm"})
        if (fs::exists(dbPath + suffix))
            (void)chown((dbPath + suffix).c_str(), pw->pw_uid, pw->pw_gid);
    (void)chown(fs::path(dbPath).parent_path().c_str(), pw->pw_uid, pw->pw_gid);
}

void setupKiosk(Context& ctx, SetupArgs& a) {
    if (a.instance.empty()) {
        const auto name = services::unitInstanceName(a.unit.kiosk);
        if (!name) {
            ctx.err(trf("install.bad_name", {{"name", a.unit.kiosk}}));
            ctx.exitCode = kExitError;
            return;
        }
        a.instance = *name;
    }
    const auto text = services::unitEnvironmentFile(a.unit);
    if (!text) {
        ctx.err(trf("install.bad_name", {{"name", a.unit.kiosk}}));
        ctx.exitCode = kExitError;
        return;
    }
    const fs::path conf = fs::path(a.etcDir) / (a.instance + ".conf");
    if (!writeFileAtomically(conf, *text)) {
        ctx.err(trf("install.cannot_write", {{"path", conf.string()}}));
        ctx.exitCode = kExitError;
        return;
    }
    ctx.out(trf("install.written",
                {{"path", conf.string()}, {"kiosk", a.unit.kiosk}, {"role", a.unit.role}}));
    // A PC set up the day before has no event yet: start it on the default pack (or --pack).
    if (!fs::exists(a.unit.dbPath)) {
        services::InitOptions init;
        init.packDir = a.packDir.empty() ? core::dataDir() + "/ngay-hoi-antq-2023" : a.packDir;
        init.dbPath = a.unit.dbPath;
        const auto result = services::initEvent(init);
        if (!result.ok) {
            for (const auto& p : result.problems)
                ctx.err(p);
            ctx.exitCode = kExitError;
            return;
        }
        giveToKioskUser(a.unit.dbPath);
        ctx.out(trf("install.event_created", {{"path", a.unit.dbPath}, {"pin", result.pinUsed}}));
    }
    const std::string unit = "kiosk@" + a.instance;
    if (a.start) {
        if (services::runProgram({"systemctl", "enable", "--now", unit}, false) != 0) {
            ctx.err(trf("install.start_failed", {{"unit", unit}}));
            ctx.exitCode = kExitError;
            return;
        }
        ctx.out(trf("install.started", {{"unit", unit}}));
    } else {
        ctx.out(trf("install.next", {{"unit", unit}}));
    }
}

void serviceStopped(Context& ctx) {
    const std::string instance = env("KIOSK_INSTANCE");
    const std::string name = env("KIOSK_NAME").empty() ? instance : env("KIOSK_NAME");
    const std::string line = services::describeServiceStop(instance, env("SERVICE_RESULT"),
                                                           env("EXIT_CODE"), env("EXIT_STATUS"));
    // The journal has it even when the event database does not (not initialised, disk full).
    ctx.err(line);
    services::recordServiceStop(ctx.session(), name, line);
}

} // namespace

void addServiceCommands(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<SetupArgs>();
    auto* cmd = app.add_subcommand("setup-kiosk", tr("install.cli.setup"));
    cmd->add_option("--role", a->unit.role, tr("install.cli.role"))
        ->check(CLI::IsMember({"checkin", "organizer", "mc", "stage", "quiz", "judge"}))
        ->required();
    cmd->add_option("--kiosk", a->unit.kiosk, tr("install.cli.kiosk"))->required();
    cmd->add_option("--display", a->unit.display, tr("install.cli.display"))
        ->check(CLI::Range(0, 15));
    cmd->add_option("--list", a->unit.list, tr("install.cli.list"));
    cmd->add_option("--session", a->unit.session, tr("install.cli.session"))
        ->check(CLI::IsMember({"cage", "x", "xinit"}));
    cmd->add_option("--instance", a->instance, tr("install.cli.instance"));
    cmd->add_option("--pack", a->packDir, tr("install.cli.pack"));
    cmd->add_option("--event-db", a->unit.dbPath, tr("install.cli.event_db"));
    cmd->add_option("--etc", a->etcDir, tr("install.cli.etc"));
    cmd->add_flag("--start", a->start, tr("install.cli.start"));
    cmd->callback([&ctx, a] { setupKiosk(ctx, *a); });

    // Not for people: systemd runs it after each stop of a kiosk@ unit.
    auto* stopped = app.add_subcommand("service-stopped", "")->group("");
    stopped->callback([&ctx] { serviceStopped(ctx); });
}

} // namespace kiosk::cli
