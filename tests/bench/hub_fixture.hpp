#pragma once
// The hub benchmarks' event: a throwaway PostgreSQL 15 hub, the organizer's database with
// synthetic delegates published to it, a local-only copy (the peer), and N joined gate databases.
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "../hub/pg_cluster.hpp"
#include "kiosk/core/i18n.hpp"
#include "kiosk/core/uuid.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/fleet_sync.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/fleet_repo.hpp"
#include "synthetic.hpp"

namespace kiosk::bench {

struct HubFixture {
    test::PgCluster pg;
    std::string dir;
    std::string org, local;
    std::vector<std::string> gates;  ///< joined gate databases
    std::vector<std::string> badges; ///< synthetic delegates' badge texts
    std::vector<std::string> codes;

    HubFixture(int gateCount, int badgeCount) {
        char tmpl[] = "/tmp/kiosk-bench-hub-XXXXXX";
        dir = ::mkdtemp(tmpl);
        org = dir + "/org.db";
        services::InitOptions o;
        o.packDir = core::dataDir() + "/ngay-hoi-antq-2023";
        o.dbPath = org;
        o.force = true;
        o.wholeDayWindows = true;
        if (!services::initEvent(o).ok) throw std::runtime_error("init failed");
        {
            auto s = services::Session::open(org);
            store::Transaction tx(s->db());
            for (auto& d : syntheticDelegates(static_cast<size_t>(badgeCount))) {
                store::upsertDelegate(s->db(), d, core::nowMillis());
                badges.push_back(core::makeBadgeText(s->badgeKey(), s->event().prefix, d.code, 1));
                codes.push_back(d.code);
            }
            store::touchDelegates(s->db());
            tx.commit();
            s->db().backupTo(dir + "/local.db");
        }
        local = dir + "/local.db";
        auto c = hub::PgConn::connect(pg.url(), std::chrono::seconds(10));
        c->setBudget(std::chrono::seconds(60));
        hub::migrateHub(*c);
        auto db = store::Database::open(org);
        const auto ev = hub::publishEvent(*c, *db, "organizer");
        member(*db, *c, ev, "organizer", true);
        auto fleet = services::Fleet::open(*db);
        fleet->syncOnce(*db);
        for (int g = 0; g < gateCount; ++g) {
            const std::string name = "gate" + std::to_string(g);
            gates.push_back(dir + "/" + name + ".db");
            db->backupTo(gates.back());
            auto gate = store::Database::open(gates.back());
            gate->exec("DELETE FROM fleet_config; DELETE FROM fleet_cursor;");
            member(*gate, *c, ev, name, false);
            hub::skipExistingRows(*gate);
        }
    }
    ~HubFixture() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    HubFixture(const HubFixture&) = delete;
    HubFixture& operator=(const HubFixture&) = delete;

    void member(store::Database& db, hub::PgConn& c, std::int64_t ev, const std::string& name,
                bool organizer) {
        const auto no = hub::registerKiosk(c, ev, name, core::newUuid());
        store::fleetSet(db, "hub_url", pg.url());
        store::fleetSet(db, "kiosk", name);
        store::fleetSet(db, "event_id", std::to_string(ev));
        store::fleetSet(db, "kiosk_no", std::to_string(no));
        store::fleetSet(db, "organizer", organizer ? "1" : "0");
    }
};

/// 08:00 on the default pack's day, inside every list's window.
inline core::Millis eventMorning() {
    return *core::parseIso8601("2023-08-04T08:00:00+07:00", 420);
}

} // namespace kiosk::bench
