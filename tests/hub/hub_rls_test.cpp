// The per-event role with row-level security, against a real hub holding two events: a kiosk of
// event A holds A's role, reads and writes A's rows only, and the fleet flow works under it; the
// organizer rotates or revokes the role.
#include <catch2/catch.hpp>

#include "hub_support.hpp"
#include "kiosk/hub/pg.hpp"
#include "kiosk/store/fleet_repo.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::string storedUrl(const std::string& db) {
    auto d = store::Database::open(db);
    return store::fleetGet(*d, "hub_url").value_or("");
}

// The SQLSTATE of a statement the hub refuses ("" when it runs).
std::string refusal(hub::PgConn& c, const std::string& sql) {
    try {
        c.exec(sql, {}, hub::Clock::now() + std::chrono::seconds(5));
        return "";
    } catch (const hub::PgError& e) {
        return e.sqlstate();
    }
}

} // namespace

TEST_CASE("a kiosk's role reads and writes only its own event's rows") {
    Fleet f(1);
    const auto& gate = f.gates[0];
    // A second event on the same hub, with a check-in of its own.
    const std::string orgB = f.dir.file("org-b.db");
    makeEventDb(orgB, true);
    {
        auto db = store::Database::open(orgB);
        db->exec("UPDATE event SET code = 'ev-b', name = 'Sự kiện B'");
    }
    ::setenv("KIOSK_HUB_URL", f.pg.url().c_str(), 1);
    const auto setupB = runKiosk("--db " + q(orgB) + " --json hub setup --kiosk desk-b");
    ::unsetenv("KIOSK_HUB_URL");
    REQUIRE(setupB.code == 0);
    CHECK(setupB.out.find("\"role\":\"kiosk_postgres_ev2\"") != std::string::npos);
    std::string badgeB;
    {
        auto s = services::Session::open(orgB);
        const auto d = store::allDelegates(s->db()).front();
        badgeB = core::makeBadgeText(s->badgeKey(), s->event().prefix, d.code, d.badgeSerial);
    }
    REQUIRE(runKiosk("--db " + q(orgB) + " checkin " + q(badgeB) +
                     " --kiosk desk-b --at 2023-08-04T08:00:00+07:00")
                .code == 0);
    const std::string eventB = f.pg.psql("SELECT id FROM kiosk_hub.events WHERE code = 'ev-b'");
    REQUIRE(std::stoll(f.pg.psql("SELECT count(*) FROM kiosk_hub.records WHERE event_id = " +
                                 eventB)) > 0);

    // Every machine keeps its event's role, never the owner's credentials.
    const auto urlA = storedUrl(gate);
    CHECK(urlA.find("user='kiosk_postgres_ev1'") != std::string::npos);
    CHECK(urlA.find(PgCluster::kPassword) == std::string::npos);
    CHECK(storedUrl(f.org).find("user='kiosk_postgres_ev1'") != std::string::npos);
    CHECK(storedUrl(orgB).find("user='kiosk_postgres_ev2'") != std::string::npos);

    auto c = hub::PgConn::connect(urlA, std::chrono::seconds(5));
    CHECK(c->exec("SELECT string_agg(code, ',') FROM kiosk_hub.events").text(0, 0) ==
          f.pg.psql("SELECT code FROM kiosk_hub.events WHERE id <> " + eventB));
    CHECK(c->exec("SELECT count(*) FROM kiosk_hub.records WHERE event_id = " + eventB)
              .integer(0, 0) == 0);
    CHECK(c->exec("SELECT count(*) FROM kiosk_hub.kiosks").integer(0, 0) == 2);
    CHECK(c->exec("SELECT count(*) FROM kiosk_hub.reference WHERE event_id = " + eventB)
              .integer(0, 0) == 0);
    // Writing into event B: refused by the policy (42501), or touching nothing.
    CHECK(refusal(*c, "INSERT INTO kiosk_hub.records(event_id, uuid, kind, kiosk, origin, at, "
                      "body) VALUES(" +
                          eventB + ", gen_random_uuid(), 'scan', 'x', 'x', 0, '{}')") == "42501");
    CHECK(refusal(*c, "INSERT INTO kiosk_hub.presence(event_id, list_id, delegate_code) VALUES(" +
                          eventB + ", 'le', 'X')") == "42501");
    CHECK(
        c->exec("UPDATE kiosk_hub.kiosks SET backlog = 99 WHERE event_id = " + eventB).affected() ==
        0);
    CHECK(c->exec("UPDATE kiosk_hub.presence SET inside = false WHERE event_id = " + eventB)
              .affected() == 0);
    // Records are append-only for a kiosk, and the roles' table is the owner's alone.
    CHECK(refusal(*c, "DELETE FROM kiosk_hub.records") == "42501");
    CHECK(refusal(*c, "UPDATE kiosk_hub.records SET kiosk = 'x'") == "42501");
    CHECK(refusal(*c, "SELECT * FROM kiosk_hub.event_roles") == "42501");
    CHECK(refusal(*c, "UPDATE kiosk_hub.events SET name = 'x'") == "42501");
    CHECK(f.pg.psql("SELECT backlog FROM kiosk_hub.kiosks WHERE event_id = " + eventB) == "0");

    // The fleet works under the role: online admission, a round, the other event untouched.
    const auto in = runKiosk("--db " + q(gate) + " --json checkin " + q(f.badges[0]) +
                             " --kiosk gate1 --at 2023-08-04T08:00:00+07:00");
    CHECK(in.out.find("\"offline\":false") != std::string::npos);
    CHECK(runKiosk("--db " + q(gate) + " hub sync").code == 0);
    CHECK(runKiosk("--db " + q(f.org) + " hub sync").code == 0);
    CHECK(count(f.org, "SELECT count(*) FROM checkins WHERE kiosk = 'gate1'") == 1);
    CHECK(count(orgB, "SELECT count(*) FROM checkins WHERE kiosk = 'gate1'") == 0);
    REQUIRE(runKiosk("--db " + q(orgB) + " hub sync").code == 0);
    CHECK(count(orgB, "SELECT count(*) FROM checkins WHERE kiosk = 'gate1'") == 0);

    SECTION("setup again keeps the role and its password; --new-password locks the kiosks out") {
        ::setenv("KIOSK_HUB_URL", f.pg.url().c_str(), 1);
        REQUIRE(runKiosk("--db " + q(f.org) + " hub setup").code == 0);
        ::unsetenv("KIOSK_HUB_URL");
        CHECK(runKiosk("--db " + q(gate) + " hub sync").code == 0);
        ::setenv("KIOSK_HUB_URL", f.pg.url().c_str(), 1);
        REQUIRE(runKiosk("--db " + q(f.org) + " hub setup --new-password").code == 0);
        ::unsetenv("KIOSK_HUB_URL");
        CHECK(runKiosk("--db " + q(gate) + " hub sync").code == 2);
        CHECK(runKiosk("--db " + q(f.org) + " hub sync").code == 0); // it stored the new one
    }
    SECTION("revoked by the organizer: the role's kiosks are cut off, the other event goes on") {
        f.pg.psql("ALTER ROLE kiosk_postgres_ev1 NOLOGIN");
        CHECK(runKiosk("--db " + q(gate) + " hub sync").code == 2);
        CHECK(runKiosk("--db " + q(orgB) + " hub sync").code == 0);
    }
}
