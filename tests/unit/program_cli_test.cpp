#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk/store/db.hpp"



namespace {

struct Run {
    int rc = -1;
    std::string out;
};

// Runs the real binary (stdout captured, stderr dropped).
Run runKiosk(const std::string& args) {
    Run r;
    const std::string cmd = std::string(KIOSK_BIN) + " " + args + " 2>/dev/null";
    std::FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

} // namespace

TEST_CASE("kiosk program: the CLI runs the ceremony and exports its timeline") {
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-program-cli-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "event.db").string();
    const std::string pack = std::string(KIOSK_SOURCE_DIR) + "/data/ngay-hoi-antq-2023";
    const std::string g = "--db " + db + " program ";
    // init loads the program with the rest of the pack.
    REQUIRE(runKiosk("--db " + db + " init --pack " + pack + " --date 2023-08-19").rc == 0);
    auto fresh = runKiosk(g + "show --json --at 2023-08-19T07:30");
    CHECK(fresh.out.find("\"next\":{\"id\":\"chao-co\"") != std::string::npos);
    CHECK(fresh.out.find("\"planned_end\":\"2023-08-19T09:18:00+07:00\"") != std::string::npos);
    CHECK(runKiosk(g + "export --out " + (dir / "p.csv").string()).rc == 0);
    CHECK(runKiosk(g + "import " + (dir / "p.csv").string()).rc == 0);
    CHECK(runKiosk(g + "next --at 2023-08-19T08:00").rc == 1); // not started yet
    CHECK(runKiosk(g + "start --at 2023-08-19T08:00").rc == 0);
    auto next = runKiosk(g + "next --json --at 2023-08-19T08:04");
    CHECK(next.rc == 0);
    CHECK(next.out.find("\"current\":{\"id\":\"ly-do\"") != std::string::npos);
    CHECK(next.out.find("\"drift\":\"chậm 1 phút\"") != std::string::npos);
    auto adjusted = runKiosk(g + "adjust --by 30 --json --at 2023-08-19T08:04");
    CHECK(adjusted.rc == 0);
    CHECK(adjusted.out.find("\"elapsed_s\":30") != std::string::npos); // ly-do began at 08:04, corrected to 08:03:30
    CHECK(runKiosk(g + "undo --at 2023-08-19T08:04").rc == 0);
    CHECK(runKiosk(g + "award cn-01 --at 2023-08-19T08:04").rc == 0);
    CHECK(runKiosk(g + "award nobody").rc == 2);
    CHECK(runKiosk(g + "undo --at 2023-08-19T08:05").rc == 0);
    auto show = runKiosk(g + "show --json --at 2023-08-19T08:05");
    CHECK(show.out.find("\"current\":{\"id\":\"chao-co\",\"title\":\"Lễ chào cờ\",\"elapsed_s\":300") != std::string::npos);
    CHECK(runKiosk(g + "message \"Còn 1 phút\"").rc == 0);
    CHECK(runKiosk(g + "timeline --out " + (dir / "t.csv").string() + " --at 2023-08-19T08:06").rc == 0);
    std::ifstream f(dir / "t.csv");
    std::stringstream ss;
    ss << f.rdbuf();
    CHECK(ss.str().find("chao-co,Lễ chào cờ,0,current") != std::string::npos);
    CHECK(runKiosk(g + "restore nothing-skipped").rc == 1);
    CHECK(runKiosk(g + "import " + (dir / "missing.csv").string()).rc == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("kiosk program: organizers edit, move and add items and set the planned start") {
    const auto dir = std::filesystem::temp_directory_path() / ("kiosk-program-edit-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "event.db").string();
    const std::string g = "--db " + db + " program ";
    REQUIRE(runKiosk("--db " + db + " init --pack " + KIOSK_SOURCE_DIR + "/data/ngay-hoi-antq-2023 --date 2023-08-19").rc == 0);
    auto plannedEnd = [&] {
        const auto out = runKiosk(g + "show --json --at 2023-08-19T07:00").out;
        const auto at = out.find("\"planned_end\":\"");
        return at == std::string::npos ? std::string() : out.substr(at + 15, 25);
    };
    CHECK(runKiosk(g + "start-time 07:30").rc == 0);
    CHECK(plannedEnd() == "2023-08-19T08:48:00+07:00");
    CHECK(runKiosk(g + "start-time 7h30").rc == 1);
    CHECK(runKiosk(g + "edit chao-co --minutes 13 --speaker \"Ban tổ chức\"").rc == 0);
    CHECK(plannedEnd() == "2023-08-19T08:58:00+07:00");
    CHECK(runKiosk(g + "edit chao-co --warn 10 --danger 20").rc == 1); // red after amber: refused
    CHECK(runKiosk(g + "edit khong-co --minutes 1").rc == 2);
    CHECK(runKiosk(g + "move ket-thuc --by -1").rc == 0);
    CHECK(runKiosk(g + "move ket-thuc --by 5").rc == 1);
    const auto added = runKiosk(g + "add --after chao-co");
    CHECK(added.rc == 0);
    CHECK(added.out == "muc-11\n");
    CHECK(runKiosk(g + "export --out " + (dir / "p.csv").string()).rc == 0);
    std::ifstream f(dir / "p.csv");
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string csv = ss.str();
    CHECK(csv.find("chao-co,1,Lễ chào cờ,13,0,30,10,Ban tổ chức") != std::string::npos);
    CHECK(csv.find("muc-11,2,") != std::string::npos);
    CHECK(csv.find("ket-thuc,10,") != std::string::npos);
    CHECK(csv.find("ra-mat,11,") != std::string::npos);
    std::filesystem::remove_all(dir);
}
