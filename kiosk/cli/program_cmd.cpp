// `kiosk program ...`: the ceremony from the command line, through the same ProgramRunner the
// MC screen uses. Exit codes: 0 done, 1 refused (the step does nothing now, a file is rejected),
// 2 usage or infrastructure.
#include "kiosk/cli/context.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/program_runner.hpp"

namespace kiosk::cli {

namespace {

struct ProgramOptions {
    std::string at;      ///< ISO 8601 clock for this call ("" = now)
    std::string kiosk = "cli";
    std::string item;
    std::string text;
    std::string out;
    std::string file;
    bool undo = false;
    int by = 0;
    // `edit`: only the fields given change.
    std::optional<std::string> title, speaker, kind, script, optional;
    std::optional<int> minutes, warn, danger;
};

int fail(const Context& ctx, const std::string& message) {
    ctx.err(message);
    return kExitError;
}

void printShow(const Context& ctx, const services::CeremonyModel& m) {
    const auto& s = m.show;
    const int offset = m.hasEvent ? m.event.utcOffsetMin : 420;
    const auto* cur = m.current();
    const auto* next = m.next();
    if (ctx.json) {
        core::JsonWriter o;
        o.beginObject();
        o.field("state", std::string(core::showStateName(s.state)));
        o.key("current");
        if (cur) {
            o.beginObject().field("id", cur->id).field("title", cur->title).field("elapsed_s", s.elapsed / 1000);
            o.field("remaining_s", s.remaining / 1000).field("phase", std::string(core::phaseName(s.phase))).endObject();
        } else {
            o.null();
        }
        o.key("next");
        if (next) o.beginObject().field("id", next->id).field("title", next->title).endObject();
        else o.null();
        o.field("drift_s", s.drift / 1000).field("drift", core::formatDrift(s.drift));
        o.field("planned_end", core::formatIso(s.plannedEnd, offset));
        o.field("projected_end", core::formatIso(s.projectedEnd, offset));
        o.field("can_undo", s.canUndo);
        o.endObject();
        ctx.out(o.str());
        return;
    }
    ctx.out(core::tr(std::string("ceremony.state.") + std::string(core::showStateName(s.state))));
    if (cur)
        ctx.out(core::trf("ceremony.cli.current", {{"title", cur->title},
                                                         {"elapsed", core::formatDuration(s.elapsed)},
                                                         {"remaining", core::formatDuration(s.remaining)},
                                                         {"phase", core::tr(std::string("ceremony.phase.") + std::string(core::phaseName(s.phase)))}}));
    if (next) ctx.out(core::trf("ceremony.cli.next", {{"title", next->title}}));
    ctx.out(core::trf("ceremony.cli.plan", {{"drift", core::formatDrift(s.drift)},
                                                 {"end", core::formatClock(s.projectedEnd, offset)},
                                                 {"planned", core::formatClock(s.plannedEnd, offset)}}));
}

int runProgram(const std::string& command, const ProgramOptions& o, Context& ctx) {
    auto* db = &ctx.session().db();
    services::ProgramRunner runner(*db, o.kiosk);
    runner.refresh();
    const int offset = ctx.session().event().utcOffsetMin;
    core::Millis now = core::nowMillis();
    if (!o.at.empty()) {
        auto t = core::parseIso8601(o.at, offset);
        if (!t) return fail(ctx, core::trf("ceremony.cli.bad_time", {{"value", o.at}}));
        now = *t;
    }
    static const std::pair<const char*, core::ActionType> steps[] = {
        {"start", core::ActionType::Start},   {"next", core::ActionType::Next},   {"prev", core::ActionType::Previous},
        {"pause", core::ActionType::Pause},   {"resume", core::ActionType::Resume}, {"skip", core::ActionType::Skip},
        {"restore", core::ActionType::Restore}, {"undo", core::ActionType::Undo},
    };
    for (const auto& [name, type] : steps) {
        if (command != name) continue;
        auto done = runner.act(type, now, o.item);
        if (!done) {
            ctx.err(core::tr("ceremony.cli.nothing_to_do"));
            printShow(ctx, runner.model(now));
            return kExitRefused;
        }
        printShow(ctx, runner.model(now));
        return kExitOk;
    }
    if (command == "adjust") {
        if (!runner.act(core::ActionType::Adjust, now, {}, static_cast<std::int64_t>(o.by) * 1000)) {
            ctx.err(core::tr("ceremony.cli.nothing_to_do"));
            return kExitRefused;
        }
        printShow(ctx, runner.model(now));
        return kExitOk;
    }
    if (command == "show") {
        printShow(ctx, runner.model(now));
        return kExitOk;
    }
    if (command == "message") {
        if (auto tooLong = runner.message(o.text, now)) return fail(ctx, *tooLong);
        return 0;
    }
    if (command == "blackout" || command == "countdown") {
        const bool on = o.text != "off";
        if (command == "blackout") runner.setBlackout(on, now);
        else runner.setCountdown(on, now);
        return 0;
    }
    if (command == "award") {
        if (!runner.markAwardHanded(o.item, !o.undo, now)) return fail(ctx, core::trf("ceremony.cli.no_award", {{"id", o.item}}));
        return 0;
    }
    if (command == "edit") {
        const auto& items = runner.model(now).items;
        auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.id == o.item; });
        if (it == items.end()) return fail(ctx, core::trf("ceremony.edit.gone", {{"id", o.item}}));
        core::ProgramItem item = *it;
        if (o.title) item.title = *o.title;
        if (o.speaker) item.speaker = *o.speaker;
        if (o.kind) item.kind = *o.kind;
        if (o.script) item.script = *o.script;
        if (o.optional) item.optional = *o.optional == "yes";
        if (o.minutes) item.plannedMin = *o.minutes;
        if (o.warn) item.warnSec = *o.warn;
        if (o.danger) item.dangerSec = *o.danger;
        const auto problems = runner.updateItem(item, now);
        for (const auto& p : problems) ctx.err(p.field + ": " + p.message);
        return problems.empty() ? kExitOk : kExitRefused;
    }
    if (command == "move") {
        if (runner.moveItem(o.item, o.by, now)) return kExitOk;
        ctx.err(core::trf("ceremony.cli.cannot_move", {{"id", o.item}}));
        return kExitRefused;
    }
    if (command == "add") {
        ctx.out(runner.addItem(o.item, now));
        return kExitOk;
    }
    if (command == "start-time") {
        if (runner.setPlannedStart(o.text)) return kExitOk;
        ctx.err(core::trf("ceremony.file.bad_time", {{"value", o.text}}));
        return kExitRefused;
    }
    if (command == "export") {
        std::string error;
        if (!services::exportProgramCsv(*db, o.out, error)) return fail(ctx, error);
        return 0;
    }
    if (command == "import") {
        const auto report = services::importProgramCsv(*db, o.file, now);
        for (const auto& e : report.errors) ctx.err(e);
        return report.ok ? kExitOk : kExitRefused;
    }
    if (command == "timeline") {
        const auto t = services::buildTimeline(*db, now);
        if (ctx.json) {
            const std::string text = services::timelineJson(t);
            if (o.out.empty()) {
                ctx.out(text);
                return 0;
            }
            std::FILE* f = std::fopen(o.out.c_str(), "wb");
            if (!f) return fail(ctx, core::trf("ceremony.file.cannot_write", {{"file", o.out}}));
            std::fwrite(text.data(), 1, text.size(), f);
            return std::fclose(f) == 0 ? 0 : fail(ctx, core::trf("ceremony.file.cannot_write", {{"file", o.out}}));
        }
        if (o.out.empty()) return fail(ctx, core::tr("ceremony.cli.need_out"));
        std::string error;
        if (!services::writeTimelineCsv(t, o.out, error)) return fail(ctx, error);
        return 0;
    }
    return fail(ctx, "kiosk program: " + command);
}

} // namespace

void addProgramCommands(CLI::App& app, Context& ctx) {
    auto* program = app.add_subcommand("program", core::tr("ceremony.cli.help"));
    program->require_subcommand(1);
    auto opts = std::make_shared<ProgramOptions>();
    auto add = [&](const char* name, const char* help) {
        auto* sub = program->add_subcommand(name, core::tr(help));
        sub->add_option("--at", opts->at, "ISO 8601");
        sub->add_option("--kiosk", opts->kiosk);
        sub->add_flag("--json", ctx.json, "print machine-readable JSON");
        // Infrastructure errors (a locked database...) are reported by the app's handler.
        sub->callback([opts, name, &ctx] { ctx.exitCode = runProgram(name, *opts, ctx); });
        return sub;
    };
    add("show", "ceremony.cli.show");
    add("start", "ceremony.cli.start");
    add("next", "ceremony.cli.next_help");
    add("prev", "ceremony.cli.prev");
    add("pause", "ceremony.cli.pause");
    add("resume", "ceremony.cli.resume");
    add("skip", "ceremony.cli.skip")->add_option("item", opts->item);
    add("restore", "ceremony.cli.restore")->add_option("item", opts->item)->required();
    add("undo", "ceremony.cli.undo");
    add("adjust", "ceremony.cli.adjust")->add_option("--by", opts->by, "seconds, e.g. 60 or -60")->required();
    add("message", "ceremony.cli.message")->add_option("text", opts->text)->required();
    add("blackout", "ceremony.cli.blackout")->add_option("state", opts->text)->check(CLI::IsMember({"on", "off"}))->required();
    add("countdown", "ceremony.cli.countdown")->add_option("state", opts->text)->check(CLI::IsMember({"on", "off"}))->required();
    auto* award = add("award", "ceremony.cli.award");
    award->add_option("id", opts->item)->required();
    award->add_flag("--undo", opts->undo);
    auto* edit = add("edit", "ceremony.cli.edit");
    edit->add_option("item", opts->item)->required();
    edit->add_option("--title", opts->title);
    edit->add_option("--minutes", opts->minutes);
    edit->add_option("--warn", opts->warn, "seconds");
    edit->add_option("--danger", opts->danger, "seconds");
    edit->add_option("--speaker", opts->speaker);
    edit->add_option("--kind", opts->kind)->check(CLI::IsMember({"", "intro", "awards"}));
    edit->add_option("--script", opts->script);
    edit->add_option("--optional", opts->optional)->check(CLI::IsMember({"yes", "no"}));
    auto* move = add("move", "ceremony.cli.move");
    move->add_option("item", opts->item)->required();
    move->add_option("--by", opts->by, "-1 = up one place, 2 = down two")->required();
    add("add", "ceremony.cli.add")->add_option("--after", opts->item);
    add("start-time", "ceremony.cli.start_time")->add_option("time", opts->text, "HH:MM")->required();
    add("export", "ceremony.cli.export")->add_option("--out", opts->out)->required();
    add("import", "ceremony.cli.import")->add_option("file", opts->file)->required();
    add("timeline", "ceremony.cli.timeline")->add_option("--out", opts->out);
}

} // namespace kiosk::cli
