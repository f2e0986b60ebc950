// A venue's load on one hub: 20 gate processes (each with its own SQLite database, its check-in
// desk and the GUI's background sync every 250 ms) scanning one badge per second each for 10
// minutes, every 10th second also a badge that the next door scans in the same second. Measured:
// the hub's CPU (the postmaster and its backends, from /proc), each scan's latency (p99 beside one
// gate alone on an idle hub, same run), and the books: every admission in the hub exactly once.
// Long: run it by name (`kiosk_bench hub-load`); KIOSK_BENCH_LOAD_S and KIOSK_BENCH_GATES shorten
// it.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "bench.hpp"
#include "hub_fixture.hpp"
#include "kiosk/services/checkin_desk.hpp"

namespace kiosk::bench {
namespace {

int envInt(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

/// CPU seconds of the hub: the postmaster, its reaped backends, and the live ones.
double hubCpuSeconds(const std::string& clusterDir) {
    std::ifstream pidFile(clusterDir + "/data/postmaster.pid");
    long postmaster = 0;
    pidFile >> postmaster;
    auto fields = [](long pid) {
        std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
        std::string all((std::istreambuf_iterator<char>(in)), {});
        std::vector<std::string> out;
        const auto close = all.rfind(')'); // the command name may hold spaces
        if (close == std::string::npos) return out;
        std::istringstream rest(all.substr(close + 2));
        for (std::string f; rest >> f;)
            out.push_back(f);
        return out; // out[0] is field 3 (state): field n is out[n - 3]
    };
    double ticks = 0;
    const auto pm = fields(postmaster);
    if (pm.size() > 14)
        for (int n : {14, 15, 16, 17})
            ticks += std::stod(pm[static_cast<size_t>(n - 3)]);
    for (const auto& e : std::filesystem::directory_iterator("/proc")) {
        const std::string name = e.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const auto f = fields(std::stol(name));
        if (f.size() > 12 && std::stol(f[1]) == postmaster)
            ticks += std::stod(f[11]) + std::stod(f[12]);
    }
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double loadAverage() {
    std::ifstream in("/proc/loadavg");
    double one = 0;
    in >> one;
    return one;
}

/// One gate process: scans on its schedule, writes "ms accepted offline" per scan, then a final
/// sync until its backlog is empty.
[[noreturn]] void gateProcess(const HubFixture& h, int g, int gates, int seconds,
                              std::chrono::steady_clock::time_point start) {
    int code = 0;
    try {
        auto session = services::Session::open(h.gates[static_cast<size_t>(g)]);
        services::CheckinDesk desk(*session);
        auto fleet = services::Fleet::open(session->db());
        desk.setFleet(fleet.get());
        std::ofstream out(h.dir + "/load-" + std::to_string(g) + ".txt");
        {
            services::FleetSyncThread sync(h.gates[static_cast<size_t>(g)], 250);
            services::ScanRequest r;
            r.kiosk = "gate" + std::to_string(g);
            for (int i = 0; i < seconds; ++i) {
                // A fixed rate, staggered across the doors: a load generator's clock, not a wait.
                std::this_thread::sleep_until(
                    start + std::chrono::milliseconds(1000 * i + 1000 * g / gates));
                std::vector<size_t> todo{static_cast<size_t>(i * gates + g)};
                if (i % 10 == 0) todo.push_back(static_cast<size_t>(i * gates + (g + 1) % gates));
                for (const auto k : todo) {
                    r.text = h.badges[k];
                    r.at = eventMorning() + 1000LL * i;
                    const auto t0 = std::chrono::steady_clock::now();
                    const auto o = desk.scan(r);
                    out << msSince(t0) << ' ' << (o.decision.status == core::Status::Accepted)
                        << ' ' << o.offline << '\n';
                }
            }
        }
        for (int round = 0; round < 50 && fleet->status(session->db()).backlog > 0; ++round)
            fleet->syncOnce(session->db());
        out << "done " << fleet->status(session->db()).backlog << '\n';
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gate %d: %s\n", g, e.what());
        code = 1;
    }
    std::_Exit(code); // no destructors: the cluster and the folder belong to the parent
}

Register reg("hub-load", [](Report& rep) {
    ::setenv("KIOSK_HUB_BUDGET_MS", "300", 0); // the shipped default: offline is part of the result
    const int gates = envInt("KIOSK_BENCH_GATES", 20);
    const int seconds = envInt("KIOSK_BENCH_LOAD_S", 600);
    HubFixture h(gates, gates * seconds + 300);

    // Peer, same run: one gate alone on the idle hub.
    std::vector<double> idle;
    {
        auto session = services::Session::open(h.gates[0]);
        services::CheckinDesk desk(*session);
        auto fleet = services::Fleet::open(session->db());
        desk.setFleet(fleet.get());
        services::ScanRequest r;
        r.kiosk = "gate0";
        r.at = eventMorning();
        for (int i = 0; i < 300; ++i) {
            r.text = h.badges[static_cast<size_t>(gates * seconds + i)]; // not among the load's
            const auto t0 = std::chrono::steady_clock::now();
            desk.scan(r);
            idle.push_back(msSince(t0));
        }
        fleet->syncOnce(session->db());
    }

    const double load0 = loadAverage();
    const double cpu0 = hubCpuSeconds(h.pg.dir());
    const auto start = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    std::vector<pid_t> kids;
    for (int g = 0; g < gates; ++g) {
        const pid_t pid = ::fork();
        if (pid == 0) gateProcess(h, g, gates, seconds, start);
        kids.push_back(pid);
    }
    double gateCpu = 0;
    bool failed = false;
    for (const pid_t pid : kids) {
        int status = 0;
        rusage use{};
        ::wait4(pid, &status, 0, &use);
        failed = failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0;
        gateCpu += static_cast<double>(use.ru_utime.tv_sec + use.ru_stime.tv_sec) +
                   static_cast<double>(use.ru_utime.tv_usec + use.ru_stime.tv_usec) / 1e6;
    }
    const double wall = msSince(start) / 1000.0;
    const double cpu = hubCpuSeconds(h.pg.dir()) - cpu0;
    const double load1 = loadAverage();
    if (failed) throw std::runtime_error("a gate process failed");

    std::vector<double> ms;
    long accepted = 0, offline = 0, leftOver = 0;
    for (int g = 0; g < gates; ++g) {
        std::ifstream in(h.dir + "/load-" + std::to_string(g) + ".txt");
        for (std::string line; std::getline(in, line);) {
            std::istringstream f(line);
            if (line.rfind("done", 0) == 0) {
                std::string word;
                long backlog = 0;
                f >> word >> backlog;
                leftOver += backlog;
                continue;
            }
            double t = 0;
            int a = 0, o = 0;
            f >> t >> a >> o;
            ms.push_back(t);
            accepted += a;
            offline += o;
        }
    }
    // The books: the load's admissions (the idle peer's 300 are on the hub too), each once.
    const long hubEntries = std::stol(h.pg.psql(
        "SELECT count(*) FROM kiosk_hub.records WHERE kind = 'checkin' AND kiosk <> 'organizer'"));
    const long hubPeople = std::stol(h.pg.psql("SELECT count(DISTINCT body->>'delegate_code') FROM "
                                               "kiosk_hub.records WHERE kind = 'checkin'"));
    const long conflicts = std::stol(h.pg.psql("SELECT count(*) FROM kiosk_hub.conflicts"));
    const long expected = static_cast<long>(gates) * seconds;
    if (leftOver != 0 || hubEntries != accepted + 300 || hubPeople != expected + 300 ||
        accepted != expected + conflicts)
        throw std::runtime_error(
            fmt("books do not balance: admitted %ld, hub entries %ld, people %ld, "
                "conflicts %ld, backlog left %ld",
                accepted, hubEntries, hubPeople, conflicts, leftOver));
    const size_t scans = ms.size();
    rep.add(
        {"hub",
         fmt("%d gates x 1 scan/s x %d s (%zu scans; %ld offline decisions): check-in median / p99",
             gates, seconds, scans, offline),
         fmt("%.2f / %.2f ms", quantile(ms, 0.5), quantile(ms, 0.99)),
         fmt("%.2f / %.2f ms one gate, idle hub", quantile(idle, 0.5), quantile(idle, 0.99)),
         fmt("p99 ratio %.1f; machine load %.1f -> %.1f", quantile(ms, 0.99) / quantile(idle, 0.99),
             load0, load1)});
    rep.add(
        {"hub", fmt("hub CPU under that load (postmaster + backends, %.0f s)", wall),
         fmt("%.1f%% of one core", 100.0 * cpu / wall),
         fmt("%.1f%% of one core: the %d gate processes together", 100.0 * gateCpu / wall, gates),
         fmt("admitted %ld = %ld people + %ld offline conflicts; each record once in the hub",
             accepted, expected, conflicts)});
});

} // namespace
} // namespace kiosk::bench
