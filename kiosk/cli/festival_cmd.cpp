// `kiosk quiz ...`, `kiosk judge ...`, `kiosk results ...`: the festival from the command line,
// through the same QuizHost / JudgePanel / results services the quiz, judge and stage screens use.
// Exit codes: 0 done, 1 refused, 2 usage or infrastructure.
#include <memory>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/judge_panel.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/services/event_admin.hpp"

namespace kiosk::cli {

namespace {

struct FestivalOptions {
    std::string contest;
    std::string at;       ///< ISO 8601 ("" = now); milliseconds allowed for buzzer presses
    std::string actor = "cli";
    std::vector<std::string> args;
    std::string key;
    std::string judge;
    std::string pin;
    std::string reason;
    std::string csv;
    bool next = false;
};

core::Millis whenOf(Context& ctx, const FestivalOptions& o) {
    if (o.at.empty()) return core::nowMillis();
    auto t = core::parseIso8601(o.at, ctx.session().event().utcOffsetMin);
    if (!t) throw CLI::ValidationError("--at", "not an ISO 8601 time: " + o.at);
    return *t;
}

/// The contest named, or the first of the kind.
std::string contestOf(Context& ctx, const FestivalOptions& o, core::ContestKind kind) {
    if (!o.contest.empty()) return o.contest;
    return services::firstContest(ctx.session(), kind);
}

void report(Context& ctx, const services::ActionResult& r) {
    if (ctx.json) {
        core::JsonWriter w;
        w.beginObject().field("ok", r.ok).field("message", r.message).endObject();
        ctx.out(w.str());
    } else if (!r.message.empty()) {
        (r.ok ? ctx.out(r.message) : ctx.err(r.message));
    }
    ctx.exitCode = r.ok ? kExitOk : kExitRefused;
}

void printQuiz(Context& ctx, const services::QuizSnapshot& s) {
    const int offset = ctx.session().event().utcOffsetMin;
    core::JsonWriter w;
    w.beginObject().field("contest", s.contest.id).field("phase", std::string(core::questionPhaseCode(s.saved.state.phase)));
    w.key("question");
    if (s.question) w.beginObject().field("id", s.question->id).field("text", s.question->text).field("answer", s.question->answer).endObject();
    else w.null();
    w.key("standings").beginArray();
    for (const auto& st : s.standings) {
        const auto* t = s.team(st.teamId);
        w.beginObject().field("rank", st.rank).field("team", st.teamId).field("name", t ? t->name : st.teamId);
        w.field("score", st.score).field("tiebreak", st.tieBreakScore).endObject();
    }
    w.endArray().key("presses").beginArray();
    for (const auto& p : s.presses) {
        w.beginObject().field("team", p.teamId).field("kind", core::pressKindCode(p.kind)).field("order", p.order);
        w.field("ms_after_open", std::int64_t(p.sinceOpen)).field("at", core::formatIso(p.at, offset)).endObject();
    }
    w.endArray().key("turn");
    if (s.turn) w.value(*s.turn);
    else w.null();
    w.key("ties").beginArray();
    for (const auto& g : s.ties) {
        w.beginArray();
        for (const auto& id : g) w.value(id);
        w.endArray();
    }
    w.endArray().endObject();
    if (ctx.json) return ctx.out(w.str());
    if (s.question) ctx.out(s.question->id + " [" + std::string(core::questionPhaseCode(s.saved.state.phase)) + "] " + s.question->text);
    for (const auto& p : s.presses)
        ctx.out("  " + std::to_string(p.order) + ". " + p.teamId + " +" + std::to_string(p.sinceOpen) + " ms (" +
                core::pressKindCode(p.kind) + ")");
    for (const auto& st : s.standings) {
        const auto* t = s.team(st.teamId);
        ctx.out(std::to_string(st.rank) + ". " + (t ? t->name : st.teamId) + ": " + std::to_string(st.score) +
                (st.tieBreakScore ? " (+" + std::to_string(st.tieBreakScore) + ")" : ""));
    }
}

void printResults(Context& ctx, const std::vector<services::ContestResults>& all) {
    core::JsonWriter w;
    w.beginArray();
    for (const auto& r : all) {
        w.beginObject().field("contest", r.contest.id).field("name", r.contest.name);
        w.field("kind", std::string(core::contestKindCode(r.contest.kind))).field("pending", r.pending);
        w.key("lines").beginArray();
        for (const auto& l : r.lines) {
            w.beginObject().field("rank", l.rank).field("id", l.entryId).field("name", l.name).field("unit", l.unit);
            w.field("total", l.total).field("total_text", l.totalText).field("prize", std::string(core::prizeCode(l.prize)));
            w.field("has_result", l.hasResult).field("tie_break_pending", l.tieBreakPending).endObject();
        }
        w.endArray().endObject();
        if (ctx.json) continue;
        ctx.out("== " + r.contest.name);
        for (const auto& l : r.lines) {
            std::string prize = l.prize == core::Prize::None ? "" : "  " + core::tr(core::prizeKey(l.prize));
            if (l.tieBreakPending) prize = "  (" + core::tr("festival.results.tie_break") + ")";
            ctx.out((l.hasResult ? std::to_string(l.rank) + ". " : "-  ") + l.name + "  " + l.totalText + prize);
        }
    }
    w.endArray();
    if (ctx.json) ctx.out(w.str());
}

} // namespace

void addFestivalCommands(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<FestivalOptions>();
    auto common = [o](CLI::App* c) {
        c->add_option("--contest", o->contest, "contest id (default: the first of its kind)");
        c->add_option("--at", o->at, "the time of this action (ISO 8601, ms allowed), for tests and replays");
        c->add_option("--by", o->actor, "who does it (kept with every score change)");
    };

    auto* quiz = app.add_subcommand("quiz", "run the team quiz: show, start, buzz, mark, undo, tie-break");
    quiz->require_subcommand(1);
    auto quizCmd = [&ctx, o, common, quiz](const std::string& name, const std::string& help, int nargs, auto&& act) {
        auto* c = quiz->add_subcommand(name, help);
        common(c);
        if (nargs > 0) c->add_option("ARGS", o->args)->expected(nargs);
        c->callback([&ctx, o, act] {
            services::QuizHost host(ctx.session().db(), contestOf(ctx, *o, core::ContestKind::Quiz), o->actor);
            act(host, whenOf(ctx, *o));
        });
        return c;
    };
    quizCmd("status", "print the question on stage, buzzer presses and standings", 0,
            [&ctx](services::QuizHost& h, core::Millis) { printQuiz(ctx, h.snapshot()); });
    auto* show = quizCmd("show", "put a question on stage (QUESTION or --next)", 0, [&ctx, o](services::QuizHost& h, core::Millis t) {
        std::string id = o->args.empty() ? h.nextQuestionId().value_or("") : o->args[0];
        report(ctx, h.show(id, t));
    });
    show->add_option("QUESTION", o->args);
    show->add_flag("--next", o->next, "the next question not shown yet (the default)");
    quizCmd("start", "start the countdown; buzzers open", 0, [&ctx](services::QuizHost& h, core::Millis t) { report(ctx, h.start(t)); });
    quizCmd("reveal", "show the answer", 0, [&ctx](services::QuizHost& h, core::Millis t) { report(ctx, h.reveal(t)); });
    quizCmd("clear", "back to the leaderboard", 0, [&ctx](services::QuizHost& h, core::Millis t) { report(ctx, h.clear(t)); });
    quizCmd("undo", "take back the last score change", 0, [&ctx](services::QuizHost& h, core::Millis t) { report(ctx, h.undo(t)); });
    auto* buzz = quizCmd("buzz", "a buzzer press: TEAM, or --key K", 0, [&ctx, o](services::QuizHost& h, core::Millis t) {
        report(ctx, o->key.empty() ? h.buzz(o->args.empty() ? "" : o->args[0], t) : h.buzzKey(o->key, t));
    });
    buzz->add_option("TEAM", o->args);
    buzz->add_option("--key", o->key, "the key the buzzer box sent");
    quizCmd("mark", "mark TEAM right|wrong", 2, [&ctx, o](services::QuizHost& h, core::Millis t) {
        if (o->args[1] != "right" && o->args[1] != "wrong") throw CLI::ValidationError("mark", "right or wrong");
        report(ctx, h.mark(o->args[0], o->args[1] == "right", t));
    });
    auto* adjust = quizCmd("adjust", "change TEAM's score by DELTA with --reason", 2, [&ctx, o](services::QuizHost& h, core::Millis t) {
        report(ctx, h.adjust(o->args[0], std::stoi(o->args[1]), o->reason, t));
    });
    adjust->add_option("--reason", o->reason, "why");
    quizCmd("tiebreak", "start|end a tie-break between the tied teams", 1, [&ctx, o](services::QuizHost& h, core::Millis t) {
        report(ctx, o->args[0] == "end" ? h.endTieBreak(t) : h.startTieBreak(t));
    });

    auto* judge = app.add_subcommand("judge", "enter, submit and reopen judges' score sheets");
    judge->require_subcommand(1);
    auto judgeCmd = [&ctx, o, common, judge](const std::string& name, const std::string& help, int nargs, auto&& act) {
        auto* c = judge->add_subcommand(name, help);
        common(c);
        c->add_option("--judge", o->judge, "judge id")->required();
        c->add_option("--pin", o->pin, "the judge's PIN")->required();
        if (nargs > 0) c->add_option("ARGS", o->args)->expected(nargs);
        c->callback([&ctx, o, act] {
            services::JudgePanel panel(ctx.session().db(), contestOf(ctx, *o, core::ContestKind::Judged));
            auto login = panel.login(o->judge, o->pin);
            if (!login.ok) return report(ctx, login);
            act(panel, whenOf(ctx, *o));
        });
        return c;
    };
    judgeCmd("score", "PERFORMANCE CRITERION VALUE", 3, [&ctx, o](services::JudgePanel& p, core::Millis t) {
        report(ctx, p.enter(o->args[0], o->args[1], o->args[2], t));
    });
    judgeCmd("submit", "submit (and lock) the sheet of PERFORMANCE", 1,
             [&ctx, o](services::JudgePanel& p, core::Millis t) { report(ctx, p.submit(o->args[0], t)); });
    auto* reopen = judgeCmd("reopen", "head judge: reopen PERFORMANCE JUDGE's sheet --reason R", 2,
                            [&ctx, o](services::JudgePanel& p, core::Millis t) { report(ctx, p.reopen(o->args[0], o->args[1], o->reason, t)); });
    reopen->add_option("--reason", o->reason, "why the sheet is reopened (kept beside the original)");

    auto* results = app.add_subcommand("results", "ranked results and prizes of the festival's contests");
    common(results);
    results->add_option("--csv", o->csv, "also write the results (of --contest, or the first contest) to this CSV file");
    auto* record = results->add_subcommand("record", "record a sports result: TEAM VALUE (a number or m:ss.cc; - = none)");
    record->add_option("ARGS", o->args)->expected(2)->required();
    record->callback([&ctx, o] {
        auto& db = ctx.session().db();
        report(ctx, services::recordSportsResult(db, contestOf(ctx, *o, core::ContestKind::Sports), o->args[0], o->args[1],
                                                 o->actor, whenOf(ctx, *o)));
    });
    auto* stage = results->add_subcommand("stage", "show a contest's results (or: leaderboard, question, none) on stage");
    stage->add_option("MODE", o->args)->expected(1);
    stage->callback([&ctx, o] {
        auto mode = services::parseStageFestivalMode(o->args.empty() ? "results" : o->args[0]);
        if (!mode) throw CLI::ValidationError("MODE", "results, leaderboard, question or none");
        std::string contest = o->contest.empty() ? contestOf(ctx, *o, core::ContestKind::Quiz) : o->contest;
        services::showOnStage(ctx.session(), {*mode, contest});
    });
    results->callback([&ctx, o, results] {
        if (results->get_subcommands().size() > 0) return;
        auto& db = ctx.session().db();
        auto all = o->contest.empty() ? services::allResults(db)
                                      : std::vector<services::ContestResults>{services::contestResults(db, o->contest)};
        printResults(ctx, all);
        if (!o->csv.empty() && !all.empty()) {
            paper::CsvTableSink sink(o->csv);
            services::writeResults(sink, all);
            auto status = sink.finish();
            if (!status.ok()) {
                ctx.err(status.error);
                ctx.exitCode = kExitError;
            }
        }
    });
}

} // namespace kiosk::cli
