// The console's device tab lists offline double admissions (conflicts) the hub reported: from a
// real event database holding a pulled conflict to the rows the organizer sees.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "kiosk/services/session.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/fleet_repo.hpp"
#include "kiosk/ui/services_backend.hpp"
#include "temp_event.hpp"

using kiosk::test::Harness;
using kiosk::ui::ShellKey;

namespace {

void unlockOrganizer(Harness& h) {
    h.shell.key(ShellKey::Escape, 0, h.ticks);
    for (char c : std::string("2468"))
        h.shell.key(ShellKey::Digit, c, h.ticks);
    h.shell.key(ShellKey::Enter, 0, h.ticks);
    h.settle();
}

} // namespace

TEST_CASE("console: the device tab lists conflicts with the delegate, the list, both gates and "
          "both times",
          "[ui][console]") {
    kiosk::test::TempEvent ev("console-conflicts");
    std::vector<kiosk::services::ConflictRow> rows;
    std::string name;
    {
        auto session = kiosk::services::Session::open(ev.db);
        const auto d = kiosk::store::allDelegates(session->db()).front();
        name = d.name;
        // As a pull from the hub stores it.
        kiosk::store::addConflict(session->db(),
                                  kiosk::store::FleetConflict{7, "le", d.code, "gate1", "gate2", "",
                                                              "u2", 1692320400000, 1692320460000});
    }
    {
        kiosk::ui::ServicesBackend backend(kiosk::services::Session::open(ev.db));
        rows = backend.snapshot().conflicts;
    }
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].name == name);
    CHECK(rows[0].listName != "le"); // the list's name, not its id
    CHECK(rows[0].firstKiosk == "gate1");
    CHECK(rows[0].secondKiosk == "gate2");
    CHECK(rows[0].secondAt == 1692320460000);

    Harness h("organizer");
    unlockOrganizer(h);
    REQUIRE(h.click("tab_devices"));
    CHECK(h.shell.hotspots().count("conflict_0") == 0); // none yet: no list drawn
    h.backend.setConflicts(rows);
    h.settle();
    CHECK(h.shell.hotspots().count("conflict_0") == 1);
    CHECK(h.shell.hotspots().count("conflict_1") == 0);
}
