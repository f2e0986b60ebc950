// The services the screens read through (services/event_feed, ceremony_feed, festival_feed) on a
// real event database: what they read follows other connections' commits, and a database that
// cannot be opened is a value (festival) or a DbError that leaves nothing half open (ceremony).
#include <catch2/catch.hpp>

#include <algorithm>

#include "kiosk/services/ceremony_feed.hpp"
#include "kiosk/services/event_admin.hpp"
#include "kiosk/services/event_feed.hpp"
#include "kiosk/services/festival_feed.hpp"
#include "test_support.hpp"

using namespace kiosk;

TEST_CASE("event feed: reads the event and sees another connection's commits",
          "[services][feeds]") {
    test::TempDir dir;
    const std::string path = dir.file("event.db");
    test::makeEventDb(path);
    auto session = services::Session::open(path);
    services::EventFeed feed(*session);
    const auto first = feed.read();
    CHECK(first.dbPath == path);
    CHECK(first.delegates > 0);
    CHECK(first.delegates == services::delegateCount(*session));
    CHECK_FALSE(first.lists.empty());
    CHECK(first.kiosks.empty());
    CHECK(feed.kioskName().empty());
    CHECK_FALSE(feed.othersCommitted());

    // Another process names its kiosk and reports in.
    {
        auto other = services::Session::open(path);
        services::EventFeed otherFeed(*other);
        otherFeed.setKioskName("Cổng 2");
        otherFeed.heartbeat("Cổng 2", "checkin", "", test::at("08:00:00"));
    }
    CHECK(feed.othersCommitted());
    CHECK(feed.kioskName() == "Cổng 2");
    const auto second = feed.read();
    REQUIRE(second.kiosks.size() == 1);
    CHECK(second.kiosks[0].name == "Cổng 2");
    CHECK(second.kiosks[0].role == "checkin");
}

TEST_CASE("event feed: the organizer PIN and its lockout", "[services][feeds]") {
    test::TempDir dir;
    const std::string path = dir.file("event.db");
    test::makeEventDb(path); // PIN 2468
    auto session = services::Session::open(path);
    services::EventFeed feed(*session);
    CHECK(feed.read().pinSet);
    CHECK(feed.checkPin("2468"));
    CHECK_FALSE(feed.checkPin("1357"));
    CHECK_FALSE(feed.tryPin("1357", "Cổng 1", test::at("08:00:00")).first);
    CHECK(feed.tryPin("2468", "Cổng 1", test::at("08:00:05")).first);
}

TEST_CASE("ceremony feed: a missing database throws and is retried, then the runner works",
          "[services][feeds]") {
    test::TempDir dir;
    const std::string path = dir.file("event.db");
    services::CeremonyFeed feed(path, "MC");
    CHECK_THROWS_AS(feed.runner(), services::DbError);
    CHECK(feed.opened() == nullptr);
    CHECK_FALSE(std::filesystem::exists(path)); // nothing was created by the failed try
    test::makeEventDb(path);
    auto& runner = feed.runner();
    CHECK(feed.opened() == &runner);
    runner.refresh();
    CHECK_FALSE(runner.model(test::at("08:00:00")).items.empty());
}

TEST_CASE("festival feed: no database is a message, and the screens' services start on the first contests",
          "[services][feeds]") {
    services::FestivalFeed none("");
    CHECK_FALSE(none.open());
    CHECK(none.error() == core::tr("festival.gui.no_database"));
    CHECK(none.dataVersion() == -1);

    test::TempDir dir;
    services::FestivalFeed missing(dir.file("nowhere/event.db"));
    CHECK_FALSE(missing.open());
    CHECK_FALSE(missing.error().empty());

    const std::string path = dir.file("event.db");
    test::makeEventDb(path);
    services::FestivalFeed feed(path);
    REQUIRE(feed.open());
    CHECK(feed.error().empty());
    const auto host = feed.quizHost("quiz:test");
    CHECK(host->snapshot().contest.kind == core::ContestKind::Quiz);
    const auto panel = feed.judgePanel();
    CHECK(panel->snapshot().contest.kind == core::ContestKind::Judged);
    CHECK(feed.stageShown().mode.mode == services::StageFestivalMode::None);

    // The organizer puts the leaderboard on stage from another connection.
    const auto before = feed.dataVersion();
    auto session = services::Session::open(path);
    const std::string quiz = services::firstContest(*session, core::ContestKind::Quiz);
    CHECK(quiz == host->snapshot().contest.id);
    services::showOnStage(*session, {services::StageFestivalMode::Leaderboard, quiz});
    CHECK(feed.dataVersion() != before);
    const auto shown = feed.stageShown();
    CHECK(shown.mode.mode == services::StageFestivalMode::Leaderboard);
    REQUIRE(shown.quiz);
    CHECK(shown.quiz->contest.id == quiz);
    CHECK_FALSE(shown.results);
}
