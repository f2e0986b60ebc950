#include "kiosk/cli/app.hpp"

#include <cstdio>
#include <cstring>
#include <iostream>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/services/failure.hpp"

namespace kiosk::cli {

services::Session& Context::session() {
    if (!m_session) m_session = services::Session::open(dbPath);
    return *m_session;
}

void Context::out(const std::string& text) const {
    m_printed = true;
    std::cout << text << '\n';
}

void Context::err(const std::string& text) const {
    if (!json) {
        std::cerr << text << '\n';
        return;
    }
    m_errorText += (m_errorText.empty() ? "" : "\n") + text;
}

void Context::fail(int code, const std::string& name, const std::string& message) {
    exitCode = code;
    m_errorName = name;
    err(message);
}

void Context::finish() {
    if (!json || m_printed || (exitCode == kExitOk && m_errorText.empty())) return;
    const char* fallback = exitCode == kExitRefused ? "refused" : "error";
    core::JsonWriter w;
    w.beginObject().field("error", m_errorName.empty() ? std::string(fallback) : m_errorName);
    w.field("message", m_errorText).endObject();
    std::cout << w.str() << '\n';
}

namespace {

// --lang and --json are needed before the parser exists (help texts in the user's language) and
// after it failed (a parse error printed as JSON), so they are read from argv first.
void prescan(int argc, char** argv, Context& ctx) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--json") ctx.json = true;
        else if (a == "--lang" && i + 1 < argc) ctx.lang = argv[i + 1];
        else if (a.rfind("--lang=", 0) == 0) ctx.lang = a.substr(7);
        else if (a == "--") break;
    }
    if (ctx.lang != "en") ctx.lang = "vi";
    core::setLanguage(ctx.lang);
}

// Help texts live in the string table under help.cmd."<path>" and help.opt."<path> <option>"
// (help.opt."<option>" for the ones every command shares); the English in the code is the
// fallback when a key is missing.
void localizeHelp(CLI::App& app, const std::string& path) {
    const auto& table = core::strings();
    if (!path.empty()) {
        if (const std::string key = "help.cmd." + path; table.has(key)) app.description(core::tr(key));
    }
    // Section titles are group names in CLI11 (the default groups "Options" and "Subcommands").
    const std::string optionsGroup = table.has("help.label.Options") ? core::tr("help.label.Options") : "Options";
    for (CLI::Option* opt : app.get_options()) {
        if (opt->get_group() == "Options") opt->group(optionsGroup);
        const std::string name = opt->get_name(false, true);
        for (const std::string& key : {"help.opt." + (path.empty() ? name : path + " " + name), "help.opt." + name})
            if (table.has(key)) {
                opt->description(core::tr(key));
                break;
            }
    }
    for (CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_group() == "Subcommands" && table.has("help.label.Subcommands")) sub->group(core::tr("help.label.Subcommands"));
        localizeHelp(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name());
    }
}

void localizeFormatter(CLI::App& app) {
    auto fmt = app.get_formatter();
    for (const char* label : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals", "Options", "Subcommands",
                              "REQUIRED", "Excludes", "Needs", "Env"})
        if (const std::string key = std::string("help.label.") + label; core::strings().has(key))
            fmt->label(label, core::tr(key));
}

// CLI11 writes its parse errors in English; the user reads the kind of mistake in their language,
// with CLI11's detail (which names the option) after it.
std::string parseErrorMessage(const CLI::ParseError& e) {
    const char* kind = "usage";
    std::string detail = e.what();
    // The parts of CLI11's English that name no option are the user's language already: keep only
    // the names ("The following arguments were not expected: a b" -> "a b"; "--x is required" -> "--x").
    auto after = [&detail](std::string_view lead) {
        if (const auto at = detail.find(lead); at != std::string::npos) detail = detail.substr(at + lead.size());
    };
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        kind = "required";
        if (const auto at = detail.rfind(" is required"); at != std::string::npos) detail.resize(at);
    } else if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        kind = "extras";
        after("not expected: ");
    }
    else if (dynamic_cast<const CLI::ConversionError*>(&e)) kind = "conversion";
    else if (dynamic_cast<const CLI::ValidationError*>(&e)) kind = "validation";
    else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) kind = "mismatch";
    return core::trf(std::string("cli.parse.") + kind, {{"detail", detail}});
}

} // namespace

int run(int argc, char** argv) {
    Context ctx;
    prescan(argc, argv, ctx);
    CLI::App app{"kiosk: event-day check-in kiosk (Ngày hội toàn dân bảo vệ an ninh Tổ quốc)"};
    app.set_help_flag("-h,--help", "print this help and exit");
    // The global options are accepted after the subcommand too (`kiosk stats --json`):
    // subcommands made after this inherit it and hand what they do not know to their parent.
    app.fallthrough();
    app.require_subcommand(0, 1);
    ctx.dbPath = services::defaultDbPath();
    app.add_option("--db", ctx.dbPath, "event database file (default $KIOSK_DB, else ~/.local/share/kiosk/event.db)");
    app.add_option("--lang", ctx.lang, "language of messages: vi (default) or en")->check(CLI::IsMember({"vi", "en"}));
    app.add_flag("--json", ctx.json, "print machine-readable JSON");
    app.set_version_flag("--version", core::trf("install.version", {{"version", KIOSK_VERSION}}),
                         core::tr("install.version_help"));
    // Language must be set before any callback runs.
    app.parse_complete_callback([&] { core::setLanguage(ctx.lang); });

    auto* help = app.add_subcommand("help", "print the help of kiosk or of one command");
    auto topic = std::make_shared<std::vector<std::string>>();
    help->add_option("COMMAND", *topic, "a command, e.g. checkin or delegates import");
    help->callback([&app, topic] {
        // The formatter directly: App::help() would describe the selected subcommand, `help` itself.
        CLI::App* target = &app;
        std::string path = app.get_name();
        for (const auto& name : *topic) {
            try {
                target = target->get_subcommand(name);
                path += " " + target->get_name();
            } catch (const CLI::OptionNotFound&) {
                break; // an unknown topic: the help of what was found so far says what there is
            }
        }
        std::cout << app.get_formatter()->make_help(target, path, CLI::AppFormatMode::Normal);
    });

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
    addServiceCommands(app, ctx);
    addHubCommands(app, ctx);
    addDepartmentCommands(app, ctx);
    localizeHelp(app, "");
    localizeFormatter(app);

    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) std::cout << app.help(); // `kiosk` alone: what there is
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e) == 0 ? kExitOk : kExitError;
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e) == 0 ? kExitOk : kExitError;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e) == 0 ? kExitOk : kExitError; // --version and the like
        // A group named alone (`kiosk delegates`, `kiosk hub`): its help, as `kiosk` alone prints
        // the whole help, not an error.
        CLI::App* chosen = &app;
        std::string path = "kiosk";
        while (!chosen->get_subcommands().empty()) {
            chosen = chosen->get_subcommands().front();
            path += " " + chosen->get_name();
        }
        if (chosen != &app && dynamic_cast<const CLI::RequiredError*>(&e) && !chosen->get_subcommands({}).empty()) {
            std::cout << app.get_formatter()->make_help(chosen, path, CLI::AppFormatMode::Normal);
            return kExitOk;
        }
        ctx.fail(kExitError, "usage", parseErrorMessage(e));
        if (!ctx.json) std::cerr << core::tr("cli.parse.see_help") << '\n';
    } catch (const services::DbError& e) {
        std::string message;
        if (e.busy()) message = core::tr("cli.db_busy") + "\n";
        else if (e.diskProblem()) message = core::tr("cli.disk_full") + "\n";
        ctx.fail(kExitError, e.busy() ? "busy" : e.diskProblem() ? "disk" : "database",
                 message + core::trf("cli.db_error", {{"detail", e.what()}}));
    } catch (const std::exception& e) {
        ctx.fail(kExitError, "error", core::trf("cli.error", {{"detail", e.what()}}));
    }
    ctx.finish();
    return ctx.exitCode;
}

} // namespace kiosk::cli
