// The command line as a person types it (issue 12, items 1, 22-25, 27): global options on either
// side of the command, help and errors in the user's language, JSON errors, and the fixes the field
// trial asked for. Every case runs the real binary.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <tuple>
#include <vector>

#include "test_support.hpp"

namespace {

using kiosk::test::runKiosk;

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("CLI: global options work before and after the command") {
    kiosk::test::TempDir dir;
    const std::string dbFile = dir.file("e.db");
    // init --pack DIR --db FILE: the order the field trial typed.
    REQUIRE(runKiosk("init --pack " + kiosk::test::defaultPack() + " --db " + dbFile).code == 0);
    const auto before = runKiosk("--db " + dbFile + " --json stats");
    const auto after = runKiosk("stats --json --db " + dbFile);
    CHECK(before.code == 0);
    CHECK(after.code == 0);
    CHECK(has(after.out, "\"list\":\"le\""));
    CHECK(before.out == after.out);
    // Nested commands too, and --lang on either side.
    const auto search = runKiosk("delegates search binh --json --db " + dbFile);
    CHECK(has(search.out, "\"code\":\"D0001\""));
    const auto en = runKiosk("badge NOPE --db " + dbFile + " --lang en");
    CHECK(en.code == 1);
    CHECK(has(en.out, "No delegate has the code NOPE"));
    const auto vi = runKiosk("--lang vi --db " + dbFile + " badge NOPE");
    CHECK(has(vi.out, "Không tìm thấy đại biểu"));
}

TEST_CASE("CLI: kiosk and kiosk help print the help in Vietnamese (English with --lang en), exit 0") {
    const auto bare = runKiosk("");
    CHECK(bare.code == 0);
    CHECK(has(bare.out, "Cách dùng"));
    CHECK(has(bare.out, "điểm danh vào hoặc ra"));
    const auto help = runKiosk("help");
    CHECK(help.code == 0);
    CHECK(help.out == bare.out);
    const auto en = runKiosk("help --lang en");
    CHECK(en.code == 0);
    CHECK(has(en.out, "Usage"));
    CHECK(has(en.out, "check a badge"));
    const auto one = runKiosk("help delegates add");
    CHECK(one.code == 0);
    CHECK(has(one.out, "thành phần (mã hoặc tên"));
    const auto dashH = runKiosk("checkin --help");
    CHECK(dashH.code == 0);
    CHECK(has(dashH.out, "lý do cho vào bằng tay"));
    // Parse errors: Vietnamese first, English on request, exit 2.
    const auto bad = runKiosk("checkin");
    CHECK(bad.code == 2);
    CHECK(has(bad.out, "Thiếu tham số bắt buộc"));
    CHECK(has(runKiosk("--lang en checkin").out, "A required argument is missing"));
}

TEST_CASE("CLI: with --json every error is a JSON document on stdout with the documented exit code") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    // Each: the arguments, the exit code, the error's name; the document is all stdout holds.
    const std::vector<std::tuple<std::string, int, std::string>> cases = {
        {db + " --json badge NOPE", 1, "not_found"},
        {db + " --json checkin D0001 --manual --force", 2, "missing_reason"},
        {db + " --json checkin --force", 2, "usage"},
        {"--db " + dir.file("missing.db") + " stats --json", 2, "database"},
        {db + " checkin X --list nope --json", 2, "unknown_list"},
        {db + " delegates revoke NOPE --json", 1, "not_found"},
        {db + " delegates add --name X --category nope --json", 1, "unknown_category"},
        {db + " --json delegates apologise D0001", 2, "missing_reason"},
    };
    for (const auto& [args, code, name] : cases) {
        INFO(args);
        const auto r = runKiosk(args);
        CHECK(r.code == code);
        CHECK(trimmed(r.out).rfind("{\"error\":\"" + name + "\",\"message\":\"", 0) == 0);
        CHECK(trimmed(r.out).find('\n') == std::string::npos);
    }
}

TEST_CASE("CLI: walk-in by category name, reissue prints just the badge, backup refuses to overwrite") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    const auto added = runKiosk(db + " delegates add --name 'Lương Thị Thảo' --category 'Khách mời'");
    CHECK(added.code == 0);
    CHECK(trimmed(added.out) == "W0001");
    CHECK(runKiosk(db + " delegates add --name X --category 'khach moi'").code == 0);
    CHECK(runKiosk(db + " delegates add --name X --category 'không có'").code == 1);

    // Only the new badge text: what a script captures.
    const auto reissued = runKiosk(db + " delegates reissue D0001");
    CHECK(reissued.code == 0);
    CHECK(trimmed(reissued.out).rfind("ANTQ23-D0001-2-", 0) == 0);
    CHECK(trimmed(reissued.out).find('\n') == std::string::npos);
    CHECK(trimmed(reissued.out) == trimmed(runKiosk(db + " badge D0001").out));

    CHECK(runKiosk(db + " backup " + dir.file("b.db")).code == 0);
    const auto again = runKiosk(db + " backup " + dir.file("b.db"));
    CHECK(again.code == 1);
    CHECK(has(again.out, "--force"));
    CHECK(runKiosk(db + " backup --force " + dir.file("b.db")).code == 0);
}

TEST_CASE("CLI: the documented `kiosk results record --contest ID TEAM VALUE` works") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    const auto contests = runKiosk(db + " --json results");
    REQUIRE(contests.code == 0);
    // The first sports contest and one of its teams, from the results listing.
    const auto sportsAt = contests.out.find("\"kind\":\"sports\"");
    REQUIRE(sportsAt != std::string::npos);
    const auto idAt = contests.out.rfind("\"contest\":\"", sportsAt);
    const std::string contest = contests.out.substr(idAt + 11, contests.out.find('"', idAt + 11) - idAt - 11);
    const auto teamAt = contests.out.find("\"id\":\"", sportsAt);
    REQUIRE(teamAt != std::string::npos);
    const std::string team = contests.out.substr(teamAt + 6, contests.out.find('"', teamAt + 6) - teamAt - 6);
    const auto rec = runKiosk(db + " results record --contest " + contest + " " + team + " 12.5");
    CHECK(rec.code == 0);
}

TEST_CASE("CLI: an import without some columns leaves those fields alone, --dry-run names what changes") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    const std::string ext = dir.file("x.csv");
    writeFile(ext, "code,name,category,external_code,introduce\nD0043,Đào Đình Phong,can-bo,EXT-43,1\n");
    REQUIRE(runKiosk(db + " delegates import " + ext).code == 0);
    const std::string before = runKiosk(db + " --json delegates search D0043").out;
    REQUIRE(has(before, "\"unit\":\""));

    // The field trial's file: only code, name, category (the same values as stored).
    const std::string thin = dir.file("p.csv");
    writeFile(thin, "code,name,category\nD0043,Đào Đình Phong,can-bo\n");
    const auto dry = runKiosk(db + " --json delegates import --dry-run " + thin);
    CHECK(dry.code == 0);
    CHECK(has(dry.out, "\"updated\":0"));
    CHECK(has(dry.out, "\"changes\":[]"));
    REQUIRE(runKiosk(db + " delegates import " + thin).code == 0);
    CHECK(runKiosk(db + " --json delegates search D0043").out == before);
    // The external code still scans as the delegate.
    CHECK(runKiosk(db + " --json checkin EXT-43 --at 2023-08-04T07:42:00").out.find("\"code\":\"D0043\"") != std::string::npos);

    // A present, empty column clears; the dry run says which fields change, per delegate.
    const std::string clear = dir.file("c.csv");
    writeFile(clear, "code,name,category,seat,title\nD0043,Đào Đình Phong,can-bo,,Cán bộ mới\n");
    const auto dry2 = runKiosk(db + " --json delegates import --dry-run " + clear);
    CHECK(has(dry2.out, "{\"code\":\"D0043\",\"fields\":[\"title\",\"seat\"]}"));
    const auto text = runKiosk(db + " delegates import --dry-run " + clear);
    CHECK(has(text.out, "D0043: đổi chức vụ, ghế"));
}

TEST_CASE("CLI: the desk marks apologies, awaited lists the delegates to introduce who have not arrived") {
    kiosk::test::TempDir dir;
    const std::string db = "--db " + dir.file("e.db");
    REQUIRE(runKiosk(db + " init").code == 0);
    const std::string badge = trimmed(runKiosk(db + " badge D0002").out);
    REQUIRE(runKiosk(db + " checkin " + badge + " --at 2023-08-04T07:42:00").code == 0);
    const auto list = runKiosk(db + " --json delegates awaited");
    CHECK(list.code == 0);
    CHECK_FALSE(has(list.out, "\"code\":\"D0002\""));
    // Protocol order: D0001 (rank 100) before D0003 (110).
    CHECK(has(list.out, "\"code\":\"D0001\""));
    CHECK(list.out.find("\"code\":\"D0001\"") < list.out.find("\"code\":\"D0003\""));
    CHECK(has(list.out, "\"arrived\":1"));

    CHECK(runKiosk(db + " delegates apologise d0001").code == 2); // no reason
    CHECK(runKiosk(db + " delegates apologise NOPE --reason x").code == 1);
    CHECK(runKiosk(db + " delegates apologise d0001 --reason 'Họp UBND tỉnh'").code == 0);
    const auto marked = runKiosk(db + " --json delegates awaited");
    CHECK(has(marked.out, "\"code\":\"D0001\",\"name\":\"Nguyễn Văn Bình\""));
    CHECK(has(marked.out, "\"apologised\":true,\"reason\":\"Họp UBND tỉnh\""));
    CHECK(has(marked.out, "\"apologised\":1"));
    const auto text = runKiosk(db + " delegates awaited");
    CHECK(has(text.out, "đã báo vắng: Họp UBND tỉnh"));
    CHECK(runKiosk(db + " delegates apologise D0001 --withdraw").code == 0);
    CHECK(has(runKiosk(db + " --json delegates awaited").out, "\"apologised\":0"));
}

namespace {

// The "name  description" lines under a help text's list of commands.
std::vector<std::pair<std::string, std::string>> commandLines(const std::string& help) {
    std::vector<std::pair<std::string, std::string>> out;
    std::istringstream in(help);
    std::string line;
    bool inList = false;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == ':' && line[0] != ' ') {
            inList = line == "Các lệnh:" || line == "Subcommands:";
            continue;
        }
        if (!inList || line.rfind("  ", 0) != 0) continue;
        const size_t nameEnd = line.find(' ', 2);
        if (nameEnd == std::string::npos) continue;
        std::string name = line.substr(2, nameEnd - 2);
        if (!name.empty() && name.back() == ',') name.pop_back(); // "apologise, apologize"
        const size_t desc = line.find_first_not_of(' ', nameEnd);
        out.emplace_back(name, desc == std::string::npos ? "" : line.substr(desc));
    }
    return out;
}

} // namespace

TEST_CASE("CLI: every command's help line is in Vietnamese first, English with --lang en") {
    std::vector<std::string> parents = {""};
    for (const auto& [name, _] : commandLines(runKiosk("help").out))
        if (name != "help") parents.push_back(name);
    REQUIRE(parents.size() > 10);
    int checked = 0;
    for (const std::string& parent : parents) {
        const auto vi = commandLines(runKiosk("help " + parent).out);
        const auto en = commandLines(runKiosk("--lang en help " + parent).out);
        REQUIRE(vi.size() == en.size());
        for (size_t i = 0; i < vi.size(); ++i) {
            INFO("kiosk help " << parent << ": " << vi[i].first);
            CHECK(vi[i].first == en[i].first);
            CHECK(vi[i].second != en[i].second); // a text the string table left in English
            ++checked;
        }
    }
    CHECK(checked > 60);
}

TEST_CASE("CLI: a command group named alone prints its help; parse errors keep only the names in English") {
    for (const std::string group : {"delegates", "hub", "program"}) {
        INFO("kiosk " << group);
        const auto r = runKiosk(group);
        CHECK(r.code == 0);
        CHECK(has(r.out, "Cách dùng: kiosk " + group));
        CHECK_FALSE(has(r.out, "subcommand is required"));
    }
    CHECK(has(runKiosk("--lang en hub").out, "Usage: kiosk hub"));
    const auto extra = runKiosk("stats --bogus-flag");
    CHECK(extra.code == 2);
    CHECK(has(extra.out, "Có tham số không dùng được ở đây: --bogus-flag"));
    CHECK_FALSE(has(extra.out, "not expected"));
    const auto missing = runKiosk("delegates add");
    CHECK(has(missing.out, "Thiếu tham số bắt buộc: --name"));
    CHECK_FALSE(has(missing.out, "is required"));
    kiosk::test::TempDir dir;
    const auto noDb = runKiosk("--db " + dir.file("none.db") + " stats");
    CHECK(noDb.code == 2);
    CHECK(has(noDb.out, "Chưa có cơ sở dữ liệu sự kiện tại"));
}
