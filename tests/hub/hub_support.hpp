#pragma once
// What the hub tests share: a fleet of event databases joined to a throwaway hub, badge texts,
// counting what each database and the hub hold.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <vector>

#include "../unit/test_support.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "pg_cluster.hpp"
#include <thread>

namespace kiosk::test {

/// Quotes one argument for the shell.
inline std::string q(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline std::int64_t count(const std::string& dbPath, const std::string& sql) {
    auto db = store::Database::open(dbPath);
    auto st = db->prepare(sql);
    return st.step() ? st.getInt(0) : -1;
}

/// The organizer's database set up on a fresh hub, and n gates joined to it.
struct Fleet {
    PgCluster pg;
    TempDir dir;
    std::string org = dir.file("org.db");
    std::vector<std::string> gates;
    std::vector<std::string> badges; ///< the signed badge texts of the first 150 delegates on "le"

    std::unique_ptr<TcpProxy> proxy; ///< in front of the hub for the gate named at construction

    /// n gates; gate number proxied (1-based, 0 = none) reaches the hub through a TCP proxy.
    explicit Fleet(int n, int proxied = 0) {
        if (proxied) proxy = std::make_unique<TcpProxy>(pg.port());
        makeEventDb(org, true);
        ::setenv("KIOSK_HUB_URL", pg.url().c_str(), 1);
        const auto setup = runKiosk("--db " + q(org) + " hub setup");
        if (setup.code != 0) throw std::runtime_error("hub setup: " + setup.out);
        for (int i = 1; i <= n; ++i) {
            const int port = i == proxied ? proxy->port() : 0;
            ::setenv("KIOSK_HUB_URL", pg.url(true, port).c_str(), 1);
            gates.push_back(dir.file("gate" + std::to_string(i) + ".db"));
            const auto r =
                runKiosk("--db " + q(gates.back()) + " hub join --kiosk gate" + std::to_string(i));
            if (r.code != 0) throw std::runtime_error("hub join: " + r.out);
        }
        ::unsetenv("KIOSK_HUB_URL"); // from here on each database uses the URL it stored
        auto session = services::Session::open(org);
        for (const auto& d : store::allDelegates(session->db())) {
            if (badges.size() == 150) break;
            badges.push_back(core::makeBadgeText(session->badgeKey(), session->event().prefix,
                                                 d.code, d.badgeSerial));
        }
    }
    ~Fleet() { ::unsetenv("KIOSK_HUB_URL"); }

    /// A shell script that checks every badge in (a shuffled copy of) the list in at one gate.
    std::string gateScript(int gate, unsigned seed, const std::vector<std::string>& list) const {
        auto order = list;
        std::mt19937 rng(seed);
        std::shuffle(order.begin(), order.end(), rng);
        const std::string file =
            dir.file("badges" + std::to_string(gate) + "-" + std::to_string(seed) + ".txt");
        std::ofstream out(file);
        for (const auto& b : order)
            out << b << "\n";
        return "while IFS= read -r b; do " + std::string(KIOSK_BIN) + " --db " + q(gates[gate]) +
               " --json checkin \"$b\" --kiosk gate" + std::to_string(gate + 1) +
               " --at 2023-08-04T08:00:00+07:00; done < " + q(file);
    }
};

/// Runs a shell command, returns what it printed on stdout.
inline std::string shellOut(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
        out.append(buf.data(), n);
    pclose(p);
    return out;
}

/// Runs the gates' scripts at the same time; returns each gate's output.
inline std::vector<std::string> runConcurrently(const std::vector<std::string>& scripts) {
    std::vector<std::string> outs(scripts.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < scripts.size(); ++i)
        threads.emplace_back([&, i] { outs[i] = shellOut(scripts[i]); });
    for (auto& t : threads)
        t.join();
    return outs;
}

/// Counts "needle" in text.
inline int occurrences(const std::string& text, const std::string& needle) {
    int n = 0;
    for (size_t at = 0; (at = text.find(needle, at)) != std::string::npos; at += needle.size())
        ++n;
    return n;
}

/// Waits for a condition with a deadline (polling, never sleeping as synchronisation).
template <class F> bool waitFor(F&& done, std::chrono::milliseconds deadline) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < end) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

/// Starts `kiosk --db DB hub sync`, kills it with SIGKILL as soon as started() holds (or after 60 s);
/// returns whether it held, i.e. the push was really under way when it was killed.
template <class F> bool syncKilledWhen(const std::string& db, F&& started) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execl(KIOSK_BIN, KIOSK_BIN, "--db", db.c_str(), "hub", "sync", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const bool held = waitFor(started, std::chrono::seconds(60));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    return held;
}

} // namespace kiosk::test
