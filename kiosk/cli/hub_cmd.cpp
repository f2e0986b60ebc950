// kiosk hub setup [URL] | join [URL] --kiosk NAME | sync | status | conflicts | kiosks
// A URL that carries a password is refused on the command line (ps shows it): give it in
// $KIOSK_HUB_URL, or as "-" to read it from stdin, or keep the password in $PGPASSWORD/~/.pgpass.
#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include "kiosk/cli/context.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/json.hpp"
#include "kiosk/core/uuid.hpp"
#include "kiosk/hub/hub.hpp"
#include "kiosk/services/event_admin.hpp"
#include "kiosk/services/fleet_membership.hpp"
#include "kiosk/services/fleet_sync.hpp"

namespace kiosk::cli {

namespace {

constexpr auto kSetupBudget = std::chrono::seconds(10);

// Where the URL comes from: an argument without a password, "-" (stdin), or $KIOSK_HUB_URL.
std::optional<std::string> hubUrl(Context& ctx, const std::string& arg) {
    std::string url = arg;
    if (url == "-") std::getline(std::cin, url);
    else if (url.empty()) {
        const char* env = std::getenv("KIOSK_HUB_URL");
        url = env ? env : "";
    } else if (hub::urlHasPassword(url)) {
        ctx.err(core::tr("hub.password_in_argument"));
        return std::nullopt;
    }
    if (url.empty()) {
        ctx.err(core::tr("hub.no_url"));
        return std::nullopt;
    }
    return url;
}

// The event database holds the hub's password from now on: only its owner may read it.
void restrictFile(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) ::chmod((path + suffix).c_str(), S_IRUSR | S_IWUSR);
}

struct SetupOptions {
    std::string kiosk = "organizer";
    std::string role;         ///< the event role's name (default kiosk_<database>_ev<id>)
    bool newPassword = false; ///< give the role a new password: every kiosk must join again
};

int fail(Context& ctx, const std::string& key, const std::vector<std::pair<std::string, std::string>>& values = {}) {
    ctx.err(core::trf(key, values));
    return kExitError;
}

// The URL this machine keeps: the event role's credentials when the hub has a role for the event.
std::string kioskUrl(const std::string& url, const std::optional<hub::EventRole>& role) {
    return role && !role->password.empty() ? hub::withCredentials(url, role->name, role->password) : url;
}

int setup(Context& ctx, const std::string& arg, const SetupOptions& o) {
    const auto url = hubUrl(ctx, arg);
    if (!url) return kExitError;
    auto& db = ctx.session().db();
    auto conn = hub::PgConn::connect(*url, kSetupBudget);
    conn->setBudget(kSetupBudget);
    const int migrated = hub::migrateHub(*conn);
    const std::string instance = services::fleetInstance(db);
    const auto eventId = hub::publishEvent(*conn, db, o.kiosk);
    const int no = hub::registerKiosk(*conn, eventId, o.kiosk, instance);
    if (no < 0) return fail(ctx, "hub.name_taken", {{"kiosk", o.kiosk}});
    const auto role = hub::ensureEventRole(*conn, eventId, o.role, o.newPassword);
    if (!role) ctx.err(core::tr("hub.no_role"));
    services::saveFleetMembership(db, {kioskUrl(*url, role), o.kiosk, eventId, no, true}, instance);
    restrictFile(db.path());
    auto fleet = services::storedFleet(db);
    // The round publishes the definitions that differ from the hub's (tombstones included).
    hub::seedDefinitions(*conn, db, fleet->membership());
    const auto round = fleet->syncOnce(db);
    hub::uploadSnapshot(*conn, db, eventId);
    if (ctx.json) {
        core::JsonWriter w;
        w.beginObject().field("event_id", eventId).field("event", ctx.session().event().id).field("kiosk", o.kiosk);
        w.field("hub", hub::redactUrl(*url)).field("migrations", migrated).field("pushed", round.pushedRecords);
        w.field("role", role ? role->name : "").endObject();
        ctx.out(w.str());
    } else {
        ctx.out(core::trf("hub.setup_done", {{"event", ctx.session().event().id}, {"hub", hub::redactUrl(*url)}, {"kiosk", o.kiosk}}));
        if (role) ctx.out(core::trf("hub.setup_role", {{"role", role->name}}));
    }
    return round.connected ? kExitOk : kExitError;
}

int join(Context& ctx, const std::string& arg, const std::string& kiosk, const std::string& eventCode) {
    const auto url = hubUrl(ctx, arg);
    if (!url) return kExitError;
    namespace fs = std::filesystem;
    if (fs::exists(ctx.dbPath)) {
        auto db = services::Session::create(ctx.dbPath);
        if (auto m = hub::membership(*db)) return fail(ctx, "hub.already_joined", {{"kiosk", m->kiosk}, {"db", ctx.dbPath}});
        return fail(ctx, "hub.db_exists", {{"db", ctx.dbPath}});
    }
    auto conn = hub::PgConn::connect(*url, kSetupBudget);
    conn->setBudget(kSetupBudget);
    const auto events = hub::hubEvents(*conn);
    std::optional<hub::HubEvent> event;
    for (const auto& e : events)
        if (e.code == eventCode || (eventCode.empty() && events.size() == 1)) event = e;
    if (!event) return fail(ctx, events.empty() ? "hub.no_event" : "hub.which_event", {{"event", eventCode}});
    const std::string tmp = ctx.dbPath + ".joining";
    fs::remove(tmp);
    if (!fs::path(ctx.dbPath).parent_path().empty()) fs::create_directories(fs::path(ctx.dbPath).parent_path());
    if (!hub::downloadSnapshot(*conn, event->id, tmp)) return fail(ctx, "hub.no_snapshot", {{"event", event->code}});
    const std::string instance = core::newUuid();
    {
        auto db = services::Session::create(tmp);
        const int no = hub::registerKiosk(*conn, event->id, kiosk, instance);
        if (no < 0) {
            db.reset();
            fs::remove(tmp);
            return fail(ctx, "hub.name_taken", {{"kiosk", kiosk}});
        }
        // The copy's records are the organizer's, already in the hub: never push them again.
        services::adoptJoinedCopy(*db, {kioskUrl(*url, hub::eventRole(*conn, event->id)), kiosk, event->id, no, false},
                                  instance);
    }
    restrictFile(tmp);
    fs::rename(tmp, ctx.dbPath);
    fs::remove(tmp + "-wal");
    fs::remove(tmp + "-shm");
    auto& db = ctx.session().db();
    auto fleet = services::storedFleet(db);
    const auto round = fleet->syncOnce(db);
    if (ctx.json) {
        core::JsonWriter w;
        w.beginObject().field("event_id", event->id).field("event", event->code).field("kiosk", kiosk);
        w.field("kiosk_no", fleet->membership().kioskNo).field("pulled", round.pulledRecords).endObject();
        ctx.out(w.str());
    } else {
        ctx.out(core::trf("hub.join_done", {{"event", event->code}, {"kiosk", kiosk}, {"db", ctx.dbPath}}));
    }
    return round.connected ? kExitOk : kExitError;
}

std::unique_ptr<services::Fleet> joinedFleet(Context& ctx) {
    auto fleet = services::Fleet::open(ctx.session().db());
    if (!fleet) ctx.err(core::tr("hub.not_joined"));
    return fleet;
}

int sync(Context& ctx) {
    auto fleet = joinedFleet(ctx);
    if (!fleet) return kExitError;
    auto& db = ctx.session().db();
    const auto round = fleet->syncOnce(db);
    if (ctx.json) {
        core::JsonWriter w;
        w.beginObject().field("connected", round.connected).field("pushed", round.pushedRecords).field("pulled", round.pulledRecords);
        w.field("published", round.published)
            .field("backlog", hub::backlog(db))
            .field("conflicts", services::fleetConflictCount(ctx.session()))
            .endObject();
        ctx.out(w.str());
    } else if (round.connected) {
        ctx.out(core::trf("hub.sync_done", {{"pushed", std::to_string(round.pushedRecords)}, {"pulled", std::to_string(round.pulledRecords)}}));
    }
    if (!round.connected) ctx.err(core::trf("hub.unreachable", {{"hub", hub::redactUrl(fleet->membership().url)}}));
    return round.pushed && round.pulled ? kExitOk : kExitError;
}

void writeTime(core::JsonWriter& w, const char* key, core::Millis at, int offset) {
    w.key(key);
    if (at) w.value(core::formatIso(at, offset));
    else w.null();
}

int status(Context& ctx) {
    auto fleet = joinedFleet(ctx);
    if (!fleet) return kExitError;
    auto& db = ctx.session().db();
    // A status is a probe: it says whether the hub answers now, within the budget.
    if (auto* c = fleet->link().connection(db, true)) {
        try {
            hub::heartbeat(*c, db, fleet->membership());
        } catch (const hub::PgError&) {
            fleet->link().lost(db);
        }
    }
    auto s = fleet->status(db);
    s.connected = fleet->link().connected();
    const int offset = ctx.session().event().utcOffsetMin;
    if (ctx.json) {
        core::JsonWriter w;
        w.beginObject().field("connected", s.connected).field("hub", s.hub).field("kiosk", s.kiosk).field("backlog", s.backlog);
        writeTime(w, "last_push", s.lastPush, offset);
        writeTime(w, "last_pull", s.lastPull, offset);
        w.field("conflicts", s.conflicts);
        writeTime(w, "offline_since", s.offlineSince, offset);
        w.endObject();
        ctx.out(w.str());
    } else {
        ctx.out(s.hub + " (" + s.kiosk + "): " + services::describeFleet(s, offset));
    }
    return kExitOk;
}

int conflicts(Context& ctx) {
    auto fleet = joinedFleet(ctx);
    if (!fleet) return kExitError;
    auto& db = ctx.session().db();
    if (auto* c = fleet->link().connection(db, true)) {
        try {
            hub::pull(*c, db, fleet->membership());
        } catch (const hub::PgError&) {
            fleet->link().lost(db); // list what is known here
        }
    }
    const int offset = ctx.session().event().utcOffsetMin;
    const auto all = services::storedConflicts(ctx.session());
    core::JsonWriter w;
    w.beginArray();
    for (const auto& c : all) {
        if (ctx.json) {
            w.beginObject().field("list", c.listId).field("delegate", c.delegateCode).field("first_kiosk", c.firstKiosk);
            w.field("first_at", core::formatIso(c.firstAt, offset)).field("second_kiosk", c.secondKiosk);
            w.field("second_at", core::formatIso(c.secondAt, offset)).endObject();
        } else {
            ctx.out(core::trf("hub.conflict_line", {{"list", c.listId}, {"code", c.delegateCode}, {"first", c.firstKiosk},
                                                    {"first_at", core::formatClockSeconds(c.firstAt, offset)}, {"second", c.secondKiosk},
                                                    {"second_at", core::formatClockSeconds(c.secondAt, offset)}}));
        }
    }
    w.endArray();
    if (ctx.json) ctx.out(w.str());
    else if (all.empty()) ctx.out(core::tr("hub.no_conflicts"));
    return kExitOk;
}

int kiosksCmd(Context& ctx) {
    auto fleet = joinedFleet(ctx);
    if (!fleet) return kExitError;
    auto* c = fleet->link().connection(ctx.session().db(), true);
    if (!c) return fail(ctx, "hub.unreachable", {{"hub", hub::redactUrl(fleet->membership().url)}});
    core::JsonWriter w;
    w.beginArray();
    for (const auto& k : hub::kiosks(*c, fleet->membership())) {
        if (ctx.json)
            w.beginObject().field("name", k.name).field("no", k.no).field("last_contact", k.lastContact).field("backlog", k.backlog)
                .field("clock_offset_ms", k.clockOffsetMs).endObject();
        else
            ctx.out(core::trf("hub.kiosk_line", {{"no", std::to_string(k.no)}, {"name", k.name}, {"seen", k.lastContact},
                                                 {"backlog", std::to_string(k.backlog)}, {"offset", std::to_string(k.clockOffsetMs)}}));
    }
    w.endArray();
    if (ctx.json) ctx.out(w.str());
    return kExitOk;
}

// Turns a hub failure into a clear message and exit 2 (unreachable) instead of a crash.
template <class F> void guarded(Context& ctx, F&& f) {
    try {
        ctx.exitCode = f();
    } catch (const hub::PgError& e) {
        ctx.err(core::trf(e.unreachable() ? "hub.unreachable_detail" : "hub.refused", {{"detail", hub::redactUrl(e.what())}}));
        ctx.exitCode = kExitError;
    }
}

} // namespace

void addHubCommands(CLI::App& app, Context& ctx) {
    auto* hubCmd = app.add_subcommand("hub", "several machines, one event: a PostgreSQL hub (docs/FLEET.md)");
    hubCmd->require_subcommand(1);
    hubCmd->fallthrough(); // --db, --json, --lang also after the subcommand (inherited by the ones below)
    auto url = std::make_shared<std::string>();
    auto setupOpts = std::make_shared<SetupOptions>();
    auto event = std::make_shared<std::string>();

    auto* setupCmd = hubCmd->add_subcommand("setup", "create or migrate the hub schema and publish this event (organizer's machine)");
    setupCmd->add_option("URL", *url, "PostgreSQL URL without password, or - to read it from stdin (default $KIOSK_HUB_URL)");
    setupCmd->add_option("--kiosk", setupOpts->kiosk, "this machine's name in the fleet (default organizer)");
    setupCmd->add_option("--role", setupOpts->role, core::tr("hub.cli.role"));
    setupCmd->add_flag("--new-password", setupOpts->newPassword, core::tr("hub.cli.new_password"));
    setupCmd->callback([&ctx, url, setupOpts] { guarded(ctx, [&] { return setup(ctx, *url, *setupOpts); }); });

    auto joinName = std::make_shared<std::string>();
    auto* joinCmd = hubCmd->add_subcommand("join", "create the database at --db from the hub and join the event");
    joinCmd->add_option("URL", *url, "PostgreSQL URL without password, or - to read it from stdin (default $KIOSK_HUB_URL)");
    joinCmd->add_option("--kiosk", *joinName, "this machine's name in the fleet, unique in the event")->required();
    joinCmd->add_option("--event", *event, "the event's code when the hub holds several");
    joinCmd->callback([&ctx, url, joinName, event] { guarded(ctx, [&] { return join(ctx, *url, *joinName, *event); }); });

    hubCmd->add_subcommand("sync", "one push-and-pull round (exit 2 when the hub is unreachable)")->callback([&ctx] {
        guarded(ctx, [&] { return sync(ctx); });
    });
    hubCmd->add_subcommand("status", "connected, backlog, last push and pull, conflicts")->callback([&ctx] {
        guarded(ctx, [&] { return status(ctx); });
    });
    hubCmd->add_subcommand("conflicts", "admissions made offline on two machines")->callback([&ctx] {
        guarded(ctx, [&] { return conflicts(ctx); });
    });
    hubCmd->add_subcommand("kiosks", "every machine of the event: last contact, backlog, clock offset")->callback([&ctx] {
        guarded(ctx, [&] { return kiosksCmd(ctx); });
    });
}

} // namespace kiosk::cli
