// kiosk checkin TEXT [--list ID] [--exit] [--kiosk NAME] [--force --reason R] [--at ISO8601]
#include "kiosk/cli/context.hpp"
#include "kiosk/cli/output.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/fleet_sync.hpp"

namespace kiosk::cli {

void addCheckinCommands(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("checkin", "check a badge (or a delegate code with --manual) in or out");
    auto req = std::make_shared<services::ScanRequest>();
    auto exitFlag = std::make_shared<bool>(false);
    auto manual = std::make_shared<bool>(false);
    auto at = std::make_shared<std::string>();
    cmd->add_option("TEXT", req->text, "the scanned text (badge QR text, or a plain code)")->required();
    cmd->add_option("--list", req->listId, "check-in list: le (ceremony) or hoi (festival)");
    cmd->add_flag("--exit", *exitFlag, "record an exit instead of an entry");
    cmd->add_option("--kiosk", req->kiosk, "name of this kiosk or desk");
    cmd->add_flag("--force", req->force, "admit despite a refusal that identifies the person");
    cmd->add_option("--reason", req->forceReason, "why the admission is forced");
    cmd->add_flag("--manual", *manual, "TEXT is a delegate code picked at the desk, not a badge");
    cmd->add_option("--at", *at, "the time of this check-in (ISO 8601), for tests and late entry");
    cmd->callback([&ctx, req, exitFlag, manual, at] {
        auto& session = ctx.session();
        services::ScanRequest r = *req;
        r.direction = *exitFlag ? core::Direction::Exit : core::Direction::Entry;
        if (!at->empty()) {
            r.at = core::parseIso8601(*at, session.event().utcOffsetMin);
            if (!r.at) throw CLI::ValidationError("--at", "not an ISO 8601 time: " + *at);
        }
        if (!session.list(r.listId)) {
            return ctx.fail(kExitError, "unknown_list", core::trf("checkin.unknown_list", {{"list", r.listId}}));
        }
        if (r.force && r.forceReason.empty()) {
            return ctx.fail(kExitError, "missing_reason", core::tr("checkin.need_reason"));
        }
        services::CheckinDesk desk(session);
        const auto fleet = services::Fleet::open(session.db()); // null unless joined to a hub
        desk.setFleet(fleet.get());
        const auto outcome = *manual ? desk.admitByCode(core::asciiUpper(r.text), r) : desk.scan(r);
        if (ctx.json) {
            core::JsonWriter w;
            writeOutcome(w, session, outcome);
            ctx.out(w.str());
        } else {
            ctx.out(std::string(core::tr("checkin.status." + std::string(core::statusName(outcome.decision.status)))) + ": " +
                    outcome.message);
            if (!outcome.hint.empty()) ctx.out(outcome.hint);
        }
        ctx.exitCode = outcome.decision.status == core::Status::Refused ? kExitRefused : kExitOk;
    });
}

} // namespace kiosk::cli
