// Length limits on typed and imported text (core/limits.hpp): a clear refusal in the user's
// language, never a 20 KB name stored (and later drawn on a badge).
#include <catch2/catch.hpp>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/limits.hpp"
#include <fstream>

#include "kiosk/services/awaited.hpp"
#include "kiosk/services/delegate_import.hpp"
#include "kiosk/services/program_runner.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "test_support.hpp"

using namespace kiosk;

namespace {
std::int64_t countRows(const std::string& path, const std::string& sql) {
    auto db = store::Database::open(path);
    auto st = db->prepare(sql);
    return st.step() ? st.getInt(0) : -1;
}
} // namespace

TEST_CASE("limits count characters so a Vietnamese name gets the room of an ASCII one") {
    const std::string vietnamese = "Nguyễn Thị Thùy Dương"; // 21 characters, 30 bytes
    CHECK(core::charCount(vietnamese) == 21);
    std::string fits;
    while (core::charCount(fits) + 21 <= core::maxLength(core::TextField::Name))
        fits += vietnamese;
    CHECK(fits.size() > core::maxLength(core::TextField::Name));   // more bytes than the limit...
    CHECK_FALSE(core::lengthProblem(core::TextField::Name, fits)); // ...and accepted
    const auto refused = core::lengthProblem(core::TextField::Name, fits + std::string(21, 'x'));
    REQUIRE(refused);
    CHECK(refused->find(std::to_string(core::maxLength(core::TextField::Name))) !=
          std::string::npos);
    CHECK(core::pinProblem("2468") == std::nullopt);
    CHECK(core::pinProblem("246") != std::nullopt);
    CHECK(core::pinProblem("24a8") != std::nullopt);
    CHECK(core::pinProblem(std::string(13, '1')) != std::nullopt);
}

TEST_CASE("an import with a 20 KB name is refused and says which line and column and limit") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    auto db = store::Database::open(dir.file("e.db"));
    const std::string csv = "code,name,category,unit\nX0001,Lê Văn An,can-bo,Sở Y tế\nX0002," +
                            std::string(20480, 'A') + ",can-bo,Sở Y tế\nX0003,Trần Bình,can-bo," +
                            std::string(300, 'u') + "\n";
    const auto before = store::allDelegates(*db).size();
    const auto r = services::importDelegatesCsv(*db, csv, false);
    CHECK_FALSE(r.ok);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].code == "too_long");
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].column == 2);
    CHECK(r.problems[0].message.find("20480") != std::string::npos);
    CHECK(r.problems[1].line == 4);
    CHECK(r.problems[1].column == 4);
    CHECK(store::allDelegates(*db).size() == before); // nothing stored
}

TEST_CASE("CLI: a walk-in with a 20 KB name and a long force reason and a bad PIN are refused in "
          "the user's language") {
    test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(test::runKiosk(db + " init").code == 0);
    const std::string big(20480, 'A');
    auto vi = test::runKiosk(db + " delegates add --name " + big + " --category can-bo");
    CHECK(vi.code == 1);
    CHECK(vi.out.find("quá dài: 20480 ký tự, tối đa 120") != std::string::npos);
    auto en = test::runKiosk(db + " --lang en delegates add --name " + big + " --category can-bo");
    CHECK(en.out.find("The name is too long: 20480 characters, at most 120.") != std::string::npos);
    CHECK(test::runKiosk(db + " --json delegates search AAAA").out.find(big.substr(0, 200)) ==
          std::string::npos);

    auto reason = test::runKiosk(db + " --lang en checkin D0001 --manual --force --reason " +
                                 std::string(400, 'r'));
    CHECK(reason.code == 2);
    CHECK(reason.out.find("The reason is too long") != std::string::npos);

    auto pin = test::runKiosk("--db " + dir.file("p.db") + " --lang en init --pin 12ab");
    CHECK(pin.code != 0);
    CHECK(pin.out.find("The PIN must be 4 to 12 digits.") != std::string::npos);
}

TEST_CASE("a stage message over the limit is refused, on the MC's screen and from the CLI") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    {
        auto db = store::Database::open(dir.file("e.db"));
        services::ProgramRunner mc(*db, "mc");
        const core::Millis now = test::at("08:00:00");
        const std::string fits(core::maxLength(core::TextField::Message), 'm');
        CHECK_FALSE(mc.message(fits, now));
        CHECK(mc.model(now).stage.message == fits);
        const auto refused = mc.message(fits + "m", now + 1000);
        REQUIRE(refused);
        CHECK(refused->find("1001") != std::string::npos);
        CHECK(mc.model(now + 1000).stage.message == fits); // the earlier message stays on stage
    }
    const std::string db = "--db " + dir.file("e.db");
    const auto cli = test::runKiosk(db + " --lang en program message " + std::string(20480, 'x'));
    CHECK(cli.code != 0);
    CHECK(cli.out.find("The message is too long: 20480 characters, at most 1000.") != std::string::npos);
    CHECK(countRows(dir.file("e.db"), "SELECT count(*) FROM stage_messages WHERE length(text) > 1000") == 0);
}

TEST_CASE("an apology reason over the limit is refused and nothing is recorded") {
    test::TempDir dir;
    test::makeEventDb(dir.file("e.db"));
    {
        auto db = store::Database::open(dir.file("e.db"));
        CHECK(services::apologise(*db, "D0003", std::string(301, 'r'), "desk", 0) ==
              services::ApologyError::TooLong);
        CHECK(services::apologise(*db, "D0003", std::string(300, 'r'), "desk", 0) == services::ApologyError::None);
    }
    const auto before = countRows(dir.file("e.db"), "SELECT count(*) FROM apologies");
    const auto cli = test::runKiosk("--db " + dir.file("e.db") + " --lang en delegates apologise D0004 --reason " +
                                    std::string(20480, 'r'));
    CHECK(cli.code != 0);
    CHECK(cli.out.find("The reason is too long: 20480 characters, at most 300.") != std::string::npos);
    CHECK(countRows(dir.file("e.db"), "SELECT count(*) FROM apologies") == before);
}

TEST_CASE("a festival pack with a 20 KB team name is refused with the file and the team") {
    test::TempDir dir;
    const std::filesystem::path pack = test::copyDefaultPack(dir);
    {
        std::ofstream out(pack / "teams.csv", std::ios::app);
        out << "T-BIG," << std::string(20480, 'N') << ",Sở Y tế,9\n";
    }
    const auto r = test::initPack(pack.string(), dir.file("e.db"));
    CHECK_FALSE(r.ok);
    bool named = false;
    for (const auto& p : r.problems)
        named = named || (p.find("T-BIG") != std::string::npos && p.find("20480") != std::string::npos);
    CHECK(named);
}
