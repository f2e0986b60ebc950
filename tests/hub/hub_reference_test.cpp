// The organizer's definitions after the join, through a real hub: a list's window, program edits
// (title, duration, an added item, a deleted one), a quiz question added and one deleted. After
// one round on each side the gate decides with the new window, the MC's machine has the new
// program and the quiz host's machine the new question.
#include <catch2/catch.hpp>

#include "hub_support.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/festival_repo.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::string checkin(const std::string& db, const std::string& badge, const std::string& gate,
                    const std::string& time) {
    return runKiosk("--db " + q(db) + " --json checkin " + q(badge) + " --kiosk " + gate +
                    " --at 2023-08-04T" + time + "+07:00")
        .out;
}

const core::ProgramItem* item(const std::vector<core::ProgramItem>& items, const std::string& id) {
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

const core::QuizQuestion* question(const std::vector<core::QuizQuestion>& qs,
                                   const std::string& id) {
    for (const auto& x : qs)
        if (x.id == id) return &x;
    return nullptr;
}

std::string definitionsSeq(const PgCluster& pg) {
    return pg.psql("SELECT coalesce(max(seq), 0) || '/' || count(*) FROM kiosk_hub.reference "
                   "WHERE kind <> 'delegates'");
}

} // namespace

TEST_CASE("the organizer's lists, program and questions reach every joined kiosk") {
    Fleet f(3);
    const auto& gate = f.gates[0];
    const auto& mc = f.gates[1];
    const auto& quiz = f.gates[2];
    // The join snapshot already has the whole-day window: the gate would admit at 08:00.
    const std::string added = "Phát biểu của đại diện Công an tỉnh";
    {
        auto s = services::Session::open(f.org);
        auto& db = s->db();
        auto lists = s->lists();
        for (auto& l : lists)
            if (l.id == "le") {
                l.opens = "09:00";
                l.closes = "10:00";
                l.toleranceMin = 0;
            }
        store::Transaction tx(db);
        store::saveLists(db, lists);
        auto program = store::loadProgram(db);
        REQUIRE(item(program, "ly-do"));
        REQUIRE(item(program, "chao-co"));
        core::ProgramItem edited = *item(program, "ly-do");
        edited.title = "Tuyên bố lý do, giới thiệu đại biểu (bổ sung)";
        edited.plannedMin = 7;
        store::updateProgramItem(db, edited, core::nowMillis());
        core::ProgramItem extra = edited;
        extra.id = "cong-an";
        extra.title = added;
        extra.plannedMin = 4;
        extra.order = edited.order + 1;
        store::insertProgramItem(db, extra, core::nowMillis());
        db.exec("DELETE FROM program_items WHERE id = 'chao-co'");
        core::QuizQuestion nq;
        nq.id = "c99";
        nq.roundId = "khoi-dong";
        nq.pos = 99;
        nq.text = "Ngày hội toàn dân bảo vệ an ninh Tổ quốc là ngày nào?";
        nq.choices = {"19/8", "2/9", "12/8", "30/4"};
        nq.answer = "A";
        store::saveQuestion(db, "tim-hieu", nq);
        db.exec("DELETE FROM quiz_questions WHERE contest_id = 'tim-hieu' AND id = 'c02'");
        tx.commit();
    }
    // A reorder, as the console's program editor makes it.
    REQUIRE(runKiosk("--db " + q(f.org) + " program move cong-an --by 1").code == 0);
    // One round at the desk, one on each machine.
    REQUIRE(runKiosk("--db " + q(f.org) + " hub sync").code == 0);
    for (const auto& db : f.gates)
        REQUIRE(runKiosk("--db " + q(db) + " hub sync").code == 0);

    // The gate decides with the new window, online and offline alike.
    const auto early = checkin(gate, f.badges[0], "gate1", "08:00:00");
    CHECK(early.find("\"reason\":\"outside_window\"") != std::string::npos);
    const auto inTime = checkin(gate, f.badges[1], "gate1", "09:30:00");
    CHECK(inTime.find("\"status\":\"accepted\"") != std::string::npos);

    {
        auto db = store::Database::open(mc);
        const auto program = store::loadProgram(*db);
        const auto* lyDo = item(program, "ly-do");
        REQUIRE(lyDo);
        CHECK(lyDo->title == "Tuyên bố lý do, giới thiệu đại biểu (bổ sung)");
        CHECK(lyDo->plannedMin == 7);
        REQUIRE(item(program, "cong-an"));
        CHECK(item(program, "cong-an")->title == added);
        CHECK_FALSE(item(program, "chao-co"));
        auto org = store::Database::open(f.org);
        std::vector<std::string> here, there;
        for (const auto& i : program)
            here.push_back(i.id);
        for (const auto& i : store::loadProgram(*org))
            there.push_back(i.id);
        CHECK(here == there); // the same order as at the desk
    }
    // The MC's run of the show starts with the edited program.
    const auto shown = runKiosk("--db " + q(mc) + " --json program start --kiosk mc");
    CHECK(shown.out.find("\"current\":{\"id\":\"ly-do\"") != std::string::npos);
    {
        auto db = store::Database::open(quiz);
        const auto qs = store::loadQuestions(*db, "tim-hieu");
        REQUIRE(question(qs, "c99"));
        CHECK(question(qs, "c99")->text == "Ngày hội toàn dân bảo vệ an ninh Tổ quốc là ngày nào?");
        CHECK(question(qs, "c99")->answer == "A");
        CHECK_FALSE(question(qs, "c02"));
    }

    // Nothing changed: another round publishes nothing, and setup again moves no seq.
    const auto before = definitionsSeq(f.pg);
    REQUIRE(runKiosk("--db " + q(f.org) + " hub sync").code == 0);
    CHECK(definitionsSeq(f.pg) == before);
    CHECK(count(f.org, "SELECT count(*) FROM fleet_ref_sent") ==
          std::stoll(f.pg.psql("SELECT count(*) FROM kiosk_hub.reference WHERE kind <> "
                               "'delegates' AND NOT deleted")));
    ::setenv("KIOSK_HUB_URL", f.pg.url().c_str(), 1);
    CHECK(runKiosk("--db " + q(f.org) + " hub setup").code == 0);
    ::unsetenv("KIOSK_HUB_URL");
    CHECK(definitionsSeq(f.pg) == before);
    CHECK(f.pg.psql("SELECT string_agg(kind || key, ',' ORDER BY kind) FROM kiosk_hub.reference "
                    "WHERE deleted") ==
          "program_items[\"chao-co\"],quiz_questions[\"tim-hieu\",\"c02\"]");
}

TEST_CASE("a definition deleted while no round ran still reaches the kiosks as a tombstone") {
    Fleet f(1);
    {
        auto db = store::Database::open(f.org);
        db->exec("DELETE FROM program_items WHERE id = 'chao-co'");
    }
    // The next thing the organizer runs is setup again (its local memory of what it published
    // is rebuilt from the hub), not a round.
    ::setenv("KIOSK_HUB_URL", f.pg.url().c_str(), 1);
    REQUIRE(runKiosk("--db " + q(f.org) + " hub setup").code == 0);
    ::unsetenv("KIOSK_HUB_URL");
    REQUIRE(runKiosk("--db " + q(f.gates[0]) + " hub sync").code == 0);
    CHECK(count(f.gates[0], "SELECT count(*) FROM program_items WHERE id = 'chao-co'") == 0);
    CHECK(count(f.gates[0], "SELECT count(*) FROM program_items") ==
          count(f.org, "SELECT count(*) FROM program_items"));
}
