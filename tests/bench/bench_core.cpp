// Check-in decide+commit, desk search and CSV import at 100k scale, each beside a peer.
#include <chrono>
#include <filesystem>
#include <random>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/store/checkpointer.hpp"
#include "kiosk/services/delegate_directory.hpp"
#include "kiosk/services/delegate_import.hpp"
#include "kiosk/services/event_pack.hpp"
#include "kiosk/store/delegate_repo.hpp"
#include "tests/bench/bench.hpp"
#include "tests/bench/synthetic.hpp"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

std::string tempDb(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / "kiosk-bench";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

std::string packDir() { return core::dataDir() + "/ngay-hoi-antq-2023"; }

void initDb(const std::string& path) {
    services::InitOptions o;
    o.packDir = packDir();
    o.dbPath = path;
    o.force = true;
    o.wholeDayWindows = true;
    if (!services::initEvent(o).ok) throw std::runtime_error("init failed");
}

// A database with 100k delegates and 100k earlier check-ins, built once.
std::string bigDb() {
    static std::string path;
    if (!path.empty()) return path;
    path = tempDb("big.db");
    initDb(path);
    auto s = services::Session::open(path);
    const auto ds = bench::syntheticDelegates(100000);
    {
        store::Transaction tx(s->db());
        for (const auto& d : ds) store::upsertDelegate(s->db(), d, 0);
        tx.commit();
    }
    // 100k prior check-ins: every synthetic delegate entered the festival list.
    store::Transaction tx(s->db());
    auto st = s->db().prepare("INSERT INTO checkins(uuid, delegate_id, list_id, direction, at, kiosk) "
                              "SELECT 'seed-' || id, id, 'hoi', 'entry', 1692320000000 + id, 'seed' FROM delegates WHERE code LIKE 'S%'");
    st.run();
    s->db().exec("INSERT INTO presence(delegate_id, list_id, inside, first_at, first_kiosk, last_at) "
                 "SELECT delegate_id, list_id, 1, at, kiosk, at FROM checkins WHERE kiosk = 'seed'");
    tx.commit();
    return path;
}

static bench::Register checkin("checkin", [](bench::Report& report) {
    auto s = services::Session::open(bigDb());
    services::DelegateDirectory dir(*s);
    services::CheckinDesk desk(*s);
    // 2000 scans of different people, as a gate sees them; `offset` picks another 2000 for a second run.
    auto scans = [&](int offset) {
        std::vector<std::string> badges;
        for (int i = 0; i < 2000; ++i) {
            const std::string n = std::to_string(i * 37 + offset);
            const auto d = store::findDelegateByCode(s->db(), "S" + std::string(6 - n.size(), '0') + n);
            badges.push_back(dir.badgeText(*d));
        }
        std::vector<double> ms;
        const core::Millis base = *core::parseIso8601("2023-08-04T07:30:00", 420);
        for (size_t i = 0; i < badges.size(); ++i) {
            services::ScanRequest r;
            r.text = badges[i];
            r.listId = "le";
            r.kiosk = "bench";
            r.at = base + static_cast<core::Millis>(i) * 4000;
            const auto t0 = Clock::now();
            const auto o = desk.scan(r);
            ms.push_back(bench::msSince(t0));
            if (o.decision.status != core::Status::Accepted) throw std::runtime_error("bench scan refused");
        }
        return ms;
    };
    // As the CLI commits: SQLite's automatic checkpoint runs inside whichever commit crosses 1000 pages.
    auto inCommit = scans(1);
    // As the GUI runs: a background checkpointer keeps the WAL short (store::Checkpointer).
    std::vector<double> ours;
    {
        store::Checkpointer checkpointer(s->db());
        ours = scans(2);
    }
    // Peer: the floor of any durable check-in, one bare INSERT committed with synchronous=FULL.
    s->db().exec("CREATE TABLE IF NOT EXISTS bench_peer(id INTEGER PRIMARY KEY, uuid TEXT, at INTEGER)");
    std::vector<double> peer;
    for (size_t i = 0; i < 2000; ++i) {
        const auto t0 = Clock::now();
        store::Transaction tx(s->db());
        auto st = s->db().prepare("INSERT INTO bench_peer(uuid, at) VALUES(?, ?)");
        st.bind(1, "bench-peer-" + std::to_string(i)).bind(2, static_cast<std::int64_t>(i)).run();
        tx.commit();
        peer.push_back(bench::msSince(t0));
    }
    const double om = bench::quantile(ours, 0.5), op = bench::quantile(ours, 0.99);
    const double cm = bench::quantile(inCommit, 0.5), cq = bench::quantile(inCommit, 0.99);
    const double pm = bench::quantile(peer, 0.5), pp = bench::quantile(peer, 0.99);
    report.add({"check-in", "decide + commit, 100k delegates, 100k check-ins (2000 scans, GUI: background checkpointer)",
                bench::fmt("median %.3f ms", om) + bench::fmt(", p99 %.3f ms", op),
                bench::fmt("bare durable INSERT: median %.3f ms", pm) + bench::fmt(", p99 %.3f ms", pp),
                bench::fmt("ratio of medians %.2f, of p99 %.2f; goal p99 < 5 ms", om / pm, op / pp)});
    report.add({"check-in", "the same, checkpoints inside commits (CLI; SQLite's default)",
                bench::fmt("median %.3f ms", cm) + bench::fmt(", p99 %.3f ms", cq), "same peer",
                bench::fmt("p99 %.2fx the background checkpointer's", cq / op)});
});

static bench::Register search("search", [](bench::Report& report) {
    auto s = services::Session::open(bigDb());
    services::DelegateDirectory dir(*s);
    auto t0 = Clock::now();
    dir.search("warm", 1);
    const double build = bench::msSince(t0);
    // Queries as a person types them: prefixes of real names, without diacritics.
    std::vector<std::string> queries;
    std::mt19937 rng(7);
    const auto all = bench::syntheticDelegates(100000);
    for (int i = 0; i < 1000; ++i) {
        const auto toks = core::tokens(core::fold(all[rng() % all.size()].name));
        std::string q;
        for (const auto& t : toks)
            if (rng() % 3 != 0) q += (q.empty() ? "" : " ") + t.substr(0, 1 + rng() % t.size());
        queries.push_back(q.empty() ? toks.back() : q);
    }
    core::SearchIndex index;
    {
        std::vector<core::SearchDoc> docs;
        auto st = s->db().prepare("SELECT id, name, unit, code FROM delegates");
        while (st.step()) docs.push_back({st.getInt(0), st.getText(1), st.getText(2), st.getText(3)});
        index.build(docs);
    }
    std::vector<double> ours;
    for (const auto& q : queries) {
        t0 = Clock::now();
        auto hits = index.search(q, 20);
        ours.push_back(bench::msSince(t0));
    }
    // Peer: SQLite LIKE over a pre-folded column (the usual quick answer), one LIKE per word.
    s->db().exec("DROP TABLE IF EXISTS bench_folded; CREATE TABLE bench_folded(id INTEGER PRIMARY KEY, folded TEXT)");
    {
        store::Transaction tx(s->db());
        auto ins = s->db().prepare("INSERT INTO bench_folded(id, folded) VALUES(?, ?)");
        auto st = s->db().prepare("SELECT id, name || ' ' || unit || ' ' || code FROM delegates");
        while (st.step()) {
            ins.reset();
            ins.bind(1, st.getInt(0)).bind(2, core::fold(st.getText(1))).run();
        }
        tx.commit();
    }
    std::vector<double> peer;
    for (const auto& q : queries) {
        const auto toks = core::tokens(q);
        std::string sql = "SELECT id FROM bench_folded WHERE 1";
        for (size_t i = 0; i < toks.size(); ++i) sql += " AND folded LIKE ?";
        sql += " LIMIT 20";
        t0 = Clock::now();
        auto st = s->db().prepare(sql);
        for (size_t i = 0; i < toks.size(); ++i) st.bind(static_cast<int>(i) + 1, "%" + toks[i] + "%");
        while (st.step()) {
        }
        peer.push_back(bench::msSince(t0));
    }
    const double om = bench::quantile(ours, 0.5), op = bench::quantile(ours, 0.99);
    const double pm = bench::quantile(peer, 0.5), pp = bench::quantile(peer, 0.99);
    report.add({"search", "1000 typed queries over 100k delegates, top 20", bench::fmt("median %.3f ms", om) + bench::fmt(", p99 %.3f ms", op),
                bench::fmt("SQLite LIKE: median %.3f ms", pm) + bench::fmt(", p99 %.3f ms", pp),
                bench::fmt("p99 ratio %.1fx faster; index build %.0f ms (once per change); goal p99 < 5 ms", pp / op, build)});
});

static bench::Register import("import", [](bench::Report& report) {
    const auto ds = bench::syntheticDelegates(100000, 99);
    const std::string csv = bench::syntheticCsv(ds);
    std::vector<double> ours, peer;
    for (int run = 0; run < 3; ++run) {
        const std::string path = tempDb("import.db");
        initDb(path);
        auto db = store::Database::open(path);
        auto t0 = Clock::now();
        const auto rep = services::importDelegatesCsv(*db, csv, false);
        ours.push_back(bench::msSince(t0));
        if (!rep.ok || rep.inserted != 100000) throw std::runtime_error("bench import failed");
        // Peer: the same rows into a bare table with one prepared INSERT per row, one transaction,
        // no parsing of quotes, no validation, no upsert.
        db->exec("CREATE TABLE peer(code TEXT PRIMARY KEY, name TEXT, title TEXT, unit TEXT, category TEXT, seat TEXT)");
        t0 = Clock::now();
        store::Transaction tx(*db);
        auto st = db->prepare("INSERT INTO peer VALUES(?,?,?,?,?,?)");
        for (const auto& d : ds) {
            st.reset();
            st.bind(1, d.code).bind(2, d.name).bind(3, d.title).bind(4, d.unit).bind(5, d.categoryId).bind(6, d.seat).run();
        }
        tx.commit();
        peer.push_back(bench::msSince(t0));
    }
    const double om = bench::quantile(ours, 0.5), pm = bench::quantile(peer, 0.5);
    report.add({"import", "100k CSV rows, validated, all-or-nothing upsert (median of 3)", bench::fmt("%.0f ms", om),
                bench::fmt("bare INSERT of pre-split rows: %.0f ms", pm), bench::fmt("ratio %.2f; goal < 2 s", om / pm)});
});

} // namespace
