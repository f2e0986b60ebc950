#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/core/i18n.hpp"
#include "kiosk/paper/csv_writer.hpp"
#include "kiosk/services/ceremony_pack.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/services/program_runner.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/checkin_repo.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/schema.hpp"

using namespace kiosk;
using core::ActionType;
using core::Millis;

namespace {

constexpr Millis kMin = 60'000;
const Millis kT0 = core::localToMillis(*core::parseDate("2023-08-19"), 8 * 60, 420);
const std::string kPack = std::string(KIOSK_SOURCE_DIR) + "/data/ngay-hoi-antq-2023";

// A fresh database in its own folder with an event, two categories and a few delegates.
struct Fixture {
    std::filesystem::path dir;
    std::unique_ptr<store::Database> db;

    Fixture() {
        dir = std::filesystem::temp_directory_path() /
              ("kiosk-ceremony-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        // The seed's pack on 2023-08-19 (its program and awards come with it), plus a few test delegates.
        services::InitOptions o;
        o.packDir = kPack;
        o.dbPath = (dir / "event.db").string();
        o.date = "2023-08-19";
        const auto init = services::initEvent(o);
        INFO((init.problems.empty() ? std::string() : init.problems.front()));
        REQUIRE(init.ok);
        db = store::Database::open(o.dbPath);
        addDelegate("D001", "Nguyễn Văn Bình", "khach-moi", 1, true);
        addDelegate("D002", "Trần Thị Lan", "lanh-dao-so", 2, true);
        addDelegate("D003", "Lê Văn An", "lanh-dao-so", 1, true);
        addDelegate("D004", "Phạm Thị Hoa", "khach-moi", 9, false);
    }
    ~Fixture() {
        db.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
    void addDelegate(const std::string& code, const std::string& name, const std::string& cat, int rank, bool intro) {
        core::Delegate d;
        d.code = code;
        d.name = name;
        d.categoryId = cat;
        d.rank = rank;
        d.introduce = intro;
        store::upsertDelegate(*db, d, 0);
    }
    void arrive(const std::string& code, Millis at, const std::string& direction = "entry") {
        store::CheckinRecord r;
        r.uuid = code + direction + std::to_string(at);
        r.delegateId = store::findDelegateByCode(*db, code)->id;
        r.listId = "le";
        r.direction = direction;
        r.at = at;
        r.kiosk = "gate";
        store::insertCheckin(*db, r);
    }
    void loadPack() {
        auto report = services::loadCeremonyPack(*db, kPack, 0);
        INFO((report.errors.empty() ? std::string() : report.errors.front()));
        REQUIRE(report.ok);
    }
};

std::string slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("ceremony pack: the default pack's program follows the seed's Phần lễ in order") {
    Fixture fx;
    fx.loadPack();
    const auto items = store::loadProgram(*fx.db);
    REQUIRE(items.size() == 10);
    CHECK(items.front().title == "Lễ chào cờ");
    CHECK(items[1].kind == "intro");
    CHECK(items.back().title == "Tuyên bố kết thúc phần lễ");
    int optional = 0;
    for (const auto& i : items) {
        optional += i.optional;
        CHECK_FALSE(i.script.empty());
        CHECK(i.plannedMin > 0);
    }
    CHECK(optional == 3); // sơ kết, trao thưởng, ra mắt mô hình
    CHECK(store::loadAwards(*fx.db).size() == 8);
    CHECK(store::getSetting(*fx.db, services::kSettingStart) == "08:00");
}

TEST_CASE("ceremony pack: a bad program row refuses the whole file with line and column") {
    Fixture fx;
    fx.loadPack();
    const auto bad = fx.dir / "bad.csv";
    std::ofstream(bad) << "id,title,minutes,kind\na,Chào cờ,3,\na,Lặp lại,x,\nc,,2,party\n";
    auto report = services::importProgramCsv(*fx.db, bad.string(), 0);
    CHECK_FALSE(report.ok);
    REQUIRE(report.errors.size() == 4);
    CHECK(report.errors[0].find("bad.csv:3:minutes") == 0);
    CHECK(report.errors[1].find("bad.csv:3:id") == 0);
    CHECK(report.errors[2].find("bad.csv:4:title") == 0);
    CHECK(report.errors[3].find("bad.csv:4:kind") == 0);
    CHECK(store::loadProgram(*fx.db).size() == 10); // untouched
}

TEST_CASE("ceremony pack: program export then import gives the same program") {
    Fixture fx;
    fx.loadPack();
    const auto before = store::loadProgram(*fx.db);
    std::string error;
    const auto out = fx.dir / "program.csv";
    REQUIRE(services::exportProgramCsv(*fx.db, out.string(), error));
    CHECK(slurp(out).rfind("\xEF\xBB\xBFid,order,title", 0) == 0);
    store::saveProgram(*fx.db, {}, 0);
    auto report = services::importProgramCsv(*fx.db, out.string(), 0);
    REQUIRE(report.ok);
    const auto after = store::loadProgram(*fx.db);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].id == before[i].id);
        CHECK(after[i].script == before[i].script); // multi-line scripts survive the round trip
        CHECK(after[i].plannedMin == before[i].plannedMin);
        CHECK(after[i].optional == before[i].optional);
    }
}

TEST_CASE("ceremony pack: an import without some columns leaves those fields of known items alone") {
    Fixture fx;
    fx.loadPack();
    const auto before = store::loadProgram(*fx.db);
    REQUIRE_FALSE(before.empty());
    REQUIRE_FALSE(before[0].script.empty());
    const auto file = fx.dir / "titles.csv";
    {
        std::ofstream out(file);
        out << "id,order,title,minutes\n";
        for (const auto& i : before) {
            std::string title;
            paper::appendCsvField(title, i.title, ',');
            out << i.id << "," << i.order << "," << title << "," << i.plannedMin + 1 << "\n";
        }
        out << "moi,999,Mục mới,5\n";
    }
    const auto report = services::importProgramCsv(*fx.db, file.string(), 0);
    INFO((report.errors.empty() ? std::string() : report.errors.front()));
    REQUIRE(report.ok);
    const auto after = store::loadProgram(*fx.db);
    REQUIRE(after.size() == before.size() + 1);
    for (std::size_t i = 0; i < before.size(); ++i) {
        INFO(before[i].id);
        CHECK(after[i].plannedMin == before[i].plannedMin + 1); // the columns present apply
        CHECK(after[i].script == before[i].script);            // the absent ones are left alone
        CHECK(after[i].speaker == before[i].speaker);
        CHECK(after[i].kind == before[i].kind);
        CHECK(after[i].warnSec == before[i].warnSec);
        CHECK(after[i].dangerSec == before[i].dangerSec);
        CHECK(after[i].optional == before[i].optional);
    }
    CHECK(after.back().id == "moi"); // a new item takes the defaults
    CHECK(after.back().script.empty());
    CHECK(after.back().warnSec == 60);

    // A column present and empty clears the field.
    std::ofstream(file) << "id,title,minutes,script\nmoi,Mục mới,5,\n" << before[0].id << ",Chào cờ,3,\n";
    REQUIRE(services::importProgramCsv(*fx.db, file.string(), 0).ok);
    const auto cleared = store::loadProgram(*fx.db);
    REQUIRE(cleared.size() == 2);
    CHECK(cleared[1].id == before[0].id);
    CHECK(cleared[1].script.empty());
    CHECK(cleared[1].speaker == before[0].speaker);
}

TEST_CASE("program runner: steps are committed and a second runner resumes on the same item") {
    Fixture fx;
    fx.loadPack();
    services::ProgramRunner mc(*fx.db, "mc");
    mc.refresh();
    CHECK(mc.plannedStart() == kT0);
    REQUIRE(mc.act(ActionType::Start, kT0 + 2 * kMin));
    REQUIRE(mc.act(ActionType::Next, kT0 + 5 * kMin));
    CHECK_FALSE(mc.act(ActionType::Resume, kT0 + 5 * kMin));
    REQUIRE(mc.act(ActionType::Skip, kT0 + 6 * kMin, "so-ket"));
    const auto& m = mc.model(kT0 + 7 * kMin);
    REQUIRE(m.current());
    CHECK(m.current()->id == "ly-do");
    CHECK(m.show.elapsed == 2 * kMin);
    CHECK(core::formatDrift(m.show.drift) == "sớm 6 phút"); // 2 late, 8 saved by the skip

    // A restarted kiosk (or another process on the same file) replays the committed log.
    auto other = store::Database::open(fx.db->path());
    services::ProgramRunner restarted(*other, "mc");
    restarted.refresh();
    const auto& r = restarted.model(kT0 + 7 * kMin);
    REQUIRE(r.current());
    CHECK(r.current()->id == "ly-do");
    CHECK(r.show.elapsed == 2 * kMin);
    CHECK(r.show.timeline[3].status == core::ItemStatus::Skipped);
    // It sees the first runner's next step after a refresh, without being told.
    REQUIRE(mc.act(ActionType::Next, kT0 + 8 * kMin));
    CHECK(restarted.refresh());
    CHECK(restarted.model(kT0 + 8 * kMin).current()->id == "dien-van");
    // Undo from the other process takes back that step.
    REQUIRE(restarted.act(ActionType::Undo, kT0 + 9 * kMin));
    mc.refresh();
    CHECK(mc.model(kT0 + 9 * kMin).current()->id == "ly-do");
}

TEST_CASE("program runner: delegates to introduce are the present ones in protocol order, new ones marked") {
    Fixture fx;
    fx.loadPack();
    fx.arrive("D001", kT0 - 20 * kMin);
    fx.arrive("D002", kT0 - 15 * kMin);
    fx.arrive("D004", kT0 - 15 * kMin); // present but not to be introduced
    services::ProgramRunner mc(*fx.db, "mc");
    mc.act(ActionType::Start, kT0);
    mc.act(ActionType::Next, kT0 + 3 * kMin); // the introduction begins
    auto names = [&] {
        std::vector<std::string> out;
        for (const auto& e : mc.model(kT0 + 4 * kMin).intro) out.push_back(e.delegate.code + (e.isNew ? "*" : ""));
        return out;
    };
    CHECK(names() == std::vector<std::string>{"D002", "D001"});
    // A late arrival of higher rank goes to the top, marked new; someone who left is dropped.
    fx.arrive("D003", kT0 + 4 * kMin);
    fx.arrive("D001", kT0 + 4 * kMin, "exit");
    mc.refresh();
    CHECK(names() == std::vector<std::string>{"D003*", "D002"});
    // The MC reopens the list: nobody is new any more.
    mc.setIntroSince(kT0 + 5 * kMin);
    CHECK(names() == std::vector<std::string>{"D003", "D002"});
}

TEST_CASE("program runner: awards show recipient presence and are ticked off as handed") {
    Fixture fx;
    fx.loadPack();
    // Point one individual award at a delegate.
    auto awards = store::loadAwards(*fx.db);
    awards[4].delegateCode = "D002";
    store::saveAwards(*fx.db, awards);
    services::ProgramRunner mc(*fx.db, "mc");
    mc.refresh();
    CHECK_FALSE(mc.model(kT0).awards[4].recipientPresent);
    CHECK(mc.model(kT0).awards[4].recipientIsDelegate);
    fx.arrive("D002", kT0);
    mc.refresh();
    CHECK(mc.model(kT0).awards[4].recipientPresent);
    REQUIRE(mc.markAwardHanded("cn-01", true, kT0 + kMin));
    CHECK(store::loadAwards(*fx.db)[4].handedAt == kT0 + kMin);
    REQUIRE(mc.markAwardHanded("cn-01", false, kT0 + kMin));
    CHECK_FALSE(store::loadAwards(*fx.db)[4].handedAt.has_value());
    CHECK_FALSE(mc.markAwardHanded("nobody", true, kT0));
}

TEST_CASE("program runner: stage message, blackout and countdown are stored for the stage") {
    Fixture fx;
    services::ProgramRunner mc(*fx.db, "mc");
    mc.message("Còn 1 phút", kT0);
    mc.setBlackout(true, kT0);
    mc.setCountdown(true, kT0);
    const auto s = store::loadStageState(*fx.db);
    CHECK(s.message == "Còn 1 phút");
    CHECK(s.blackout);
    CHECK(s.countdown);
    mc.message("", kT0 + 1);
    CHECK(store::loadStageState(*fx.db).message.empty());
}

TEST_CASE("program runner: organizer edits reorder and change durations") {
    Fixture fx;
    fx.loadPack();
    services::ProgramRunner org(*fx.db, "organizer");
    REQUIRE(org.moveItem("ket-thuc", -1, 0));
    auto items = store::loadProgram(*fx.db);
    CHECK(items[8].id == "ket-thuc");
    CHECK(items[9].id == "ra-mat");
    CHECK_FALSE(org.moveItem("chao-co", -1, 0));
    items[0].plannedMin = 13;
    REQUIRE(org.updateItem(items[0], 0).empty());
    org.refresh();
    CHECK(org.model(kT0).show.plannedEnd == kT0 + 88 * kMin);
}

TEST_CASE("program runner: an edit that breaks a rule, or of a vanished item, changes nothing") {
    Fixture fx;
    fx.loadPack();
    services::ProgramRunner org(*fx.db, "organizer");
    const auto before = store::loadProgram(*fx.db);
    auto item = before[2];
    item.title = "  ";
    item.plannedMin = 601;
    item.dangerSec = item.warnSec + 1;
    const auto problems = org.updateItem(item, 0);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].field == "title");
    CHECK(problems[1].field == "minutes");
    CHECK(problems[2].field == "danger_s");
    item = before[2];
    item.id = "khong-co";
    const auto gone = org.updateItem(item, 0);
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].field == "id");
    CHECK(store::loadProgram(*fx.db) == before);

    // The order an edit carries is ignored: moving is moveItem's job.
    item = before[2];
    item.order = 99;
    item.speaker = "Giám đốc Sở Y tế";
    REQUIRE(org.updateItem(item, 0).empty());
    CHECK(store::loadProgram(*fx.db)[2].order == before[2].order);
    CHECK(store::loadProgram(*fx.db)[2].speaker == "Giám đốc Sở Y tế");

    // Every edit that went through is in the audit log with who made it; the refused ones are not.
    REQUIRE(org.moveItem("ket-thuc", -1, 0));
    REQUIRE(org.setPlannedStart("07:45"));
    auto st = fx.db->prepare("SELECT actor, action, detail FROM audit WHERE action LIKE 'program.%' ORDER BY id");
    std::vector<std::string> rows;
    while (st.step()) rows.push_back(st.getText(0) + " " + st.getText(1) + " " + st.getText(2));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == "organizer program.edit " + before[2].id + ": speaker " + before[2].speaker + " -> Giám đốc Sở Y tế");
    CHECK(rows[1] == "organizer program.move ket-thuc -1");
    CHECK(rows[2] == "organizer program.start_time 07:45");
}

TEST_CASE("program runner: an added item goes right after the chosen one, with a fresh id") {
    Fixture fx;
    fx.loadPack();
    services::ProgramRunner org(*fx.db, "organizer");
    const std::string a = org.addItem("chao-co", 0);
    const std::string b = org.addItem("", 0);
    CHECK(a != b);
    const auto items = store::loadProgram(*fx.db);
    REQUIRE(items.size() == 12);
    CHECK(items[1].id == a);
    CHECK(items.back().id == b);
    CHECK(items[1].title == core::tr("ceremony.edit.new_title"));
    for (std::size_t i = 0; i < items.size(); ++i) CHECK(items[i].order == static_cast<int>(i + 1));
    org.refresh();
    CHECK(org.model(kT0).show.plannedEnd == kT0 + 88 * kMin); // 78 planned + two new 5-minute items
}

TEST_CASE("ceremony pack: an import may not drop an item the show has already run or skipped") {
    Fixture fx;
    fx.loadPack();
    services::ProgramRunner mc(*fx.db, "mc");
    mc.act(ActionType::Start, kT0);
    mc.act(ActionType::Skip, kT0, "so-ket");
    const auto before = store::loadProgram(*fx.db);
    const auto file = fx.dir / "short.csv";
    std::ofstream(file) << "id,title,minutes\nly-do,Tuyên bố lý do,5\nthao-luan,Thảo luận,20\n";
    const auto report = services::importProgramCsv(*fx.db, file.string(), 0);
    CHECK_FALSE(report.ok);
    REQUIRE(report.errors.size() == 2); // chao-co ran, so-ket was skipped
    CHECK(report.errors[0].find("chao-co") != std::string::npos);
    CHECK(report.errors[1].find("so-ket") != std::string::npos);
    CHECK(store::loadProgram(*fx.db) == before);
}

TEST_CASE("timeline: planned vs actual as CSV and JSON") {
    Fixture fx;
    fx.loadPack();
    services::ProgramRunner mc(*fx.db, "mc");
    mc.act(ActionType::Start, kT0 + kMin);
    mc.act(ActionType::Next, kT0 + 5 * kMin);
    const auto t = services::buildTimeline(*fx.db, kT0 + 6 * kMin);
    REQUIRE(t.rows.size() == 10);
    CHECK(t.rows[0].status == "done");
    CHECK(t.rows[0].elapsed == 4 * kMin);
    std::string error;
    const auto out = fx.dir / "timeline.csv";
    REQUIRE(services::writeTimelineCsv(t, out.string(), error));
    const std::string csv = slurp(out);
    CHECK(csv.find("10,chao-co,Lễ chào cờ,0,done,3,08:00:00,08:03:00,08:01:00,08:05:00,04:00,01:00") != std::string::npos);
    CHECK(csv.find("chậm 2 phút") != std::string::npos);
    const std::string json = services::timelineJson(t);
    CHECK(json.find("\"actual_start\":\"2023-08-19T08:01:00+07:00\"") != std::string::npos);
    CHECK(json.find("\"drift_s\":120") != std::string::npos);
}
