// A process doing check-ins is killed with SIGKILL mid-stream; every check-in it acknowledged
// (reported after scan() returned) must be in the database, and the file must be intact.
#include <catch2/catch.hpp>

#include <csignal>
#include <optional>
#include <cstdio>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/store/checkpointer.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "test_support.hpp"

using namespace kiosk;

TEST_CASE("SIGKILL during a stream of check-ins loses no acknowledged record") {
    // As the CLI commits (checkpoints inside commits) and as the GUI does (a background checkpointer
    // copying the WAL into the database every few milliseconds while the kill lands).
    const bool backgroundCheckpoints = GENERATE(false, true);
    INFO("background checkpointer: " << backgroundCheckpoints);
    test::TempDir dir;
    const std::string path = dir.file("e.db");
    test::makeEventDb(path, true);

    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        close(fds[0]);
        try {
            auto session = services::Session::open(path);
            services::DelegateDirectory dir2(*session);
            services::CheckinDesk desk(*session);
            std::optional<store::Checkpointer> checkpointer;
            if (backgroundCheckpoints) checkpointer.emplace(session->db(), std::chrono::milliseconds(5));
            const auto all = store::allDelegates(session->db());
            for (size_t i = 0;; ++i) {
                const auto& d = all[i % all.size()];
                services::ScanRequest r;
                r.text = dir2.badgeText(d);
                r.listId = "le";
                r.kiosk = "crash";
                r.at = test::at("07:00:00") + static_cast<core::Millis>(i) * 5000;
                r.direction = (i / all.size()) % 2 == 0 ? core::Direction::Entry : core::Direction::Exit;
                const auto o = desk.scan(r);
                if (!o.checkinUuid.empty()) {
                    // Acknowledged only now, after the commit returned.
                    const std::string line = o.checkinUuid + "\n";
                    if (write(fds[1], line.data(), line.size()) < 0) _exit(3);
                }
            }
        } catch (...) {
            _exit(2);
        }
    }
    close(fds[1]);
    std::set<std::string> acknowledged;
    std::string buffer;
    char chunk[4096];
    while (acknowledged.size() < 300) {
        const ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n <= 0) break;
        buffer.append(chunk, static_cast<size_t>(n));
        size_t nl;
        while ((nl = buffer.find('\n')) != std::string::npos) {
            acknowledged.insert(buffer.substr(0, nl));
            buffer.erase(0, nl + 1);
        }
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(fds[0]);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(acknowledged.size() >= 300);

    auto db = store::Database::open(path);
    CHECK(db->integrityCheck() == "ok");
    std::set<std::string> stored;
    auto st = db->prepare("SELECT uuid FROM checkins");
    while (st.step()) stored.insert(st.getText(0));
    size_t missing = 0;
    for (const auto& u : acknowledged) missing += stored.count(u) ? 0 : 1;
    CHECK(missing == 0);
    CHECK(stored.size() >= acknowledged.size());
}
