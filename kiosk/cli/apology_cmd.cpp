// kiosk delegates apologise CODE --reason R [--withdraw]; kiosk delegates awaited
#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/core/limits.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/services/awaited.hpp"

namespace kiosk::cli {

namespace {

void addApologise(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("apologise", "mark a delegate \"đã báo vắng\" (sent apologies), with a reason");
    cmd->alias("apologize");
    auto code = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto withdraw = std::make_shared<bool>(false);
    auto kiosk = std::make_shared<std::string>("cli");
    cmd->add_option("CODE", *code, "delegate code")->required();
    cmd->add_option("--reason", *reason, "why (required unless --withdraw)");
    cmd->add_flag("--withdraw", *withdraw, "withdraw the mark: the delegate is expected after all");
    cmd->add_option("--kiosk", *kiosk, "name of this desk");
    cmd->callback([&ctx, code, reason, withdraw, kiosk] {
        auto& db = ctx.session().db();
        const auto error = *withdraw ? services::withdrawApology(db, *code, *kiosk, core::nowMillis())
                                     : services::apologise(db, *code, *reason, *kiosk, core::nowMillis());
        if (error == services::ApologyError::MissingReason)
            return ctx.fail(kExitError, "missing_reason", core::tr("delegates.apology_needs_reason"));
        if (error == services::ApologyError::TooLong)
            // The same check as the service's, on the untrimmed text: it is at least as long.
            return ctx.fail(kExitError, "too_long", *core::lengthProblem(core::TextField::Reason, *reason));
        if (error == services::ApologyError::NotFound)
            return ctx.fail(kExitRefused, "not_found", core::trf("delegates.not_found", {{"code", *code}}));
        if (ctx.json) {
            core::JsonWriter w;
            w.beginObject().field("ok", true).field("code", core::asciiUpper(*code)).field("apologised", !*withdraw);
            if (!*withdraw) w.field("reason", *reason);
            ctx.out(w.endObject().str());
        } else {
            ctx.out(core::trf(*withdraw ? "delegates.apology_withdrawn" : "delegates.apologised", {{"code", *code}}));
        }
    });
}

void addAwaited(CLI::App& parent, Context& ctx) {
    auto* cmd = parent.add_subcommand("awaited", "delegates the ceremony waits for who have not arrived");
    cmd->callback([&ctx] {
        auto& session = ctx.session();
        const auto list = services::awaitedDelegates(session.db());
        const int offset = session.event().utcOffsetMin;
        if (ctx.json) {
            core::JsonWriter w;
            w.beginObject().field("list", list.listId);
            w.key("planned_start");
            if (list.plannedStart) w.value(core::formatIso(list.plannedStart, offset));
            else w.null();
            w.field("expected", list.expected).field("arrived", list.arrived).field("apologised", list.apologised);
            w.key("missing").beginArray();
            for (const auto& a : list.missing) {
                w.beginObject().field("code", a.delegate.code).field("name", a.delegate.name).field("title", a.delegate.title);
                w.field("unit", a.delegate.unit).field("phone", a.delegate.phone).field("category", a.categoryName);
                w.field("apologised", a.apologised);
                if (a.apologised) w.field("reason", a.apologyReason);
                w.endObject();
            }
            ctx.out(w.endArray().endObject().str());
            return;
        }
        ctx.out(core::trf("delegates.awaited_header", {{"missing", std::to_string(list.missing.size())},
                                                       {"expected", std::to_string(list.expected)},
                                                       {"start", list.plannedStart ? core::formatClock(list.plannedStart, offset) : "--:--"}}));
        for (const auto& a : list.missing) {
            std::string line = a.delegate.code + "  " + a.delegate.name + "  " + a.delegate.title + "  " + a.delegate.unit;
            if (!a.delegate.phone.empty()) line += "  " + a.delegate.phone;
            if (a.apologised) line += "  [" + core::trf("delegates.apology_mark", {{"reason", a.apologyReason}}) + "]";
            ctx.out(line);
        }
    });
}

} // namespace

void addApologyCommands(CLI::App& delegates, Context& ctx) {
    addApologise(delegates, ctx);
    addAwaited(delegates, ctx);
}

} // namespace kiosk::cli
