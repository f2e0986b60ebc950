#pragma once
// Power cuts during the hub's push and pull rounds (the fleet's backlog): gate1's database goes
// through the PowerCutVfs while FleetSync pushes its offline check-ins, refused scans and stage
// messages to a real PostgreSQL hub and pulls gate2's. The local cursors and backlog marks are
// SQLite writes, so the power is cut at a random I/O call of a round; the files are restored from
// what reached the disk and the next round goes on from there. At the end every acknowledged
// record is in the hub exactly once (by uuid, and by text for the kinds that get their uuid at the
// first push), gate1's file passes integrity_check, and gate2, which pulls, holds no double.
// Header-only: tests/hub (ctest) and tests/bench (kiosk_bench hubcut) share it.
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kiosk/services/checkin_desk.hpp"
#include "kiosk/services/fleet_sync.hpp"
#include "kiosk/store/ceremony_repo.hpp"
#include "kiosk/store/fleet_repo.hpp"
#include "tests/hub/hub_support.hpp"
#include "tests/powercut/powercut_vfs.hpp"

namespace kiosk::test::powercut {

struct HubCutReport {
    int rounds = 0;
    int cutsMidRound = 0;  ///< the power went while the round ran (the rest: right after it)
    int cutsAfterCall = 0; ///< of those, right after an I/O call completed (a sync made durable)
    long acknowledged = 0, lost = 0, doubled = 0;                   ///< gate1's records in the hub
    long pulledAcknowledged = 0, pulledLost = 0, pulledDoubled = 0; ///< gate2's, on gate1
    long secondKioskDoubled = 0, secondKioskMissing = 0;            ///< gate1's, on gate2
    std::map<std::string, int> byMode;
    std::vector<std::string> problems;
};

namespace hubcut {

inline std::multiset<std::string> column(store::Database& db, const std::string& sql) {
    std::multiset<std::string> out;
    auto st = db.prepare(sql);
    while (st.step())
        out.insert(st.getText(0));
    return out;
}

inline std::multiset<std::string> hubColumn(const PgCluster& pg, const std::string& sql) {
    std::multiset<std::string> out;
    const std::string text = pg.psql(sql);
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.insert(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

/// Acknowledged keys missing from `have`, and keys of `have` present more than once.
inline std::pair<long, long> lostAndDoubled(const std::vector<std::string>& acked,
                                            const std::multiset<std::string>& have) {
    long lost = 0, doubled = 0;
    for (const auto& k : acked) {
        const auto n = static_cast<long>(have.count(k));
        lost += n == 0;
        doubled += n > 1 ? n - 1 : 0;
    }
    return {lost, doubled};
}

/// One kiosk's acknowledged records: check-in uuids, refused scan texts, stage message texts.
struct Acked {
    std::vector<std::string> checkins, scans, messages;
};

/// Admits one badge (if any), refuses one unknown code and posts one stage message, each committed
/// before it returns; the check-in is marked offline as a gate whose hub did not answer does.
inline void work(const std::string& path, const std::string& kiosk, const std::string* badge,
                 const std::string& tag, Acked& acked) {
    auto session = services::Session::open(path);
    services::CheckinDesk desk(*session);
    services::ScanRequest r;
    r.kiosk = kiosk;
    r.at = at("08:00:00");
    if (badge) {
        r.text = *badge;
        const auto out = desk.scan(r);
        if (!out.checkinUuid.empty()) {
            store::markOffline(session->db(), out.checkinUuid, out.at);
            acked.checkins.push_back(out.checkinUuid);
        }
    }
    r.text = "UNKNOWN-" + tag; // upper case: the desk keeps what it journals in upper case
    desk.scan(r);
    acked.scans.push_back(r.text);
    store::postStageMessage(session->db(), "msg " + tag, *r.at, kiosk);
    acked.messages.push_back("msg " + tag);
}

/// One push+pull round; false when the power went in the middle (the round threw).
inline bool syncRound(const std::string& path) {
    try {
        auto db = store::Database::open(path);
        auto fleet = services::Fleet::open(*db);
        if (!fleet) throw std::runtime_error("not joined: " + path);
        fleet->syncOnce(*db, true);
        return true;
    } catch (const std::exception&) {
        return false; // the Fleet's PostgreSQL connection closed with it: its open transaction
                      // rolled back
    }
}

} // namespace hubcut

/// Runs `cuts` rounds of gate1 (f.gates[0]) under power cuts; gate2 (f.gates[1]) works and syncs
/// with the power on. f needs two gates and at least 2 * cuts badges for as many admissions.
inline HubCutReport runHubCuts(Fleet& f, int cuts, std::uint64_t seed) {
    using namespace hubcut;
    HubCutReport report;
    const std::string& gate1 = f.gates[0];
    const std::string& gate2 = f.gates[1];
    Acked one, two;
    PowerCutVfs vfs(seed);
    // The gate's connection to the hub dies with the machine: the hub must not see one more
    // statement (say a COMMIT) after the power went. Waits until the backend is gone.
    vfs.onCut([&] {
        f.pg.psql(
            "SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity WHERE pid <> "
            "pg_backend_pid() AND backend_type = 'client backend'");
    });
    std::mt19937_64 rng(seed);
    static constexpr CutMode kModes[] = {CutMode::DropAll, CutMode::OrderedPrefix,
                                         CutMode::OutOfOrder, CutMode::Torn};
    std::uint64_t span = 0;
    for (int round = 0; round <= cuts; ++round) {
        const std::string tag = std::to_string(seed) + "-" + std::to_string(round);
        const size_t b1 = 2 * static_cast<size_t>(round), b2 = b1 + 1;
        vfs.armAfter(0);
        try {
            work(gate1, "gate1", b1 < f.badges.size() ? &f.badges[b1] : nullptr, "G1-" + tag, one);
            work(gate2, "gate2", b2 < f.badges.size() ? &f.badges[b2] : nullptr, "G2-" + tag, two);
        } catch (const std::exception& e) {
            report.problems.push_back("round " + tag +
                                      ": work with the power on failed: " + e.what());
            return report;
        }
        if (!syncRound(gate2)) report.problems.push_back("round " + tag + ": gate2's sync failed");
        // Every connection is closed: from here the VFS watches only the files gate1's round opens.
        vfs.reset();
        // Round 0 runs with the power on and counts the I/O calls of a round: the cut points are
        // drawn from a little beyond that range (a later round pulls more).
        const std::uint64_t cutAt = round == 0 ? 0 : 1 + rng() % span;
        const CutMode mode = kModes[rng() % 4];
        // Half the cuts fail the I/O call, half let it complete (between a local commit and the
        // hub's, say) and cut as it returns.
        const bool afterCall = rng() % 2 == 0;
        vfs.armAfter(cutAt, afterCall);
        const bool whole = syncRound(gate1);
        if (round == 0) {
            span = std::max<std::uint64_t>(vfs.opsSeen() * 3 / 2, 8);
            if (!whole) report.problems.push_back("the first round, with the power on, failed");
            vfs.armAfter(0);
            continue;
        }
        const bool mid = vfs.powerOff();
        vfs.cutNow(); // a round that finished loses its power right after
        vfs.restore(mode);
        ++report.rounds;
        report.cutsMidRound += mid ? 1 : 0;
        report.cutsAfterCall += mid && afterCall ? 1 : 0;
        ++report.byMode[cutModeName(mode)];
        // Checked with the production VFS, as the kiosk's next start opens it.
        vfs.makeDefault(false);
        const std::string where = "seed " + std::to_string(seed) + ", round " +
                                  std::to_string(round) + ", cut at I/O " + std::to_string(cutAt) +
                                  (afterCall ? " (after it)" : "") + ", " + cutModeName(mode);
        try {
            auto db = store::Database::open(gate1);
            if (const auto ok = db->integrityCheck(); ok != "ok")
                report.problems.push_back(where + ": integrity_check " + ok);
            const auto [lost, doubled] = lostAndDoubled(
                one.checkins, column(*db, "SELECT uuid FROM checkins WHERE kiosk = 'gate1'"));
            if (lost || doubled)
                report.problems.push_back(where + ": local check-ins lost " + std::to_string(lost));
        } catch (const std::exception& e) {
            report.problems.push_back(where + ": cannot reopen: " + e.what());
        }
        vfs.makeDefault(true);
        vfs.reset();
    }
    vfs.makeDefault(false);
    // The power stays on now: gate1 pushes what is left, gate2 pulls all of it.
    for (int i = 0; i < 3; ++i) {
        syncRound(gate1);
        syncRound(gate2);
    }
    {
        auto db = store::Database::open(gate1);
        if (const auto n = hub::backlog(*db); n != 0)
            report.problems.push_back("gate1's backlog after the last round: " + std::to_string(n));
        if (const auto ok = db->integrityCheck(); ok != "ok")
            report.problems.push_back("gate1 at the end: integrity_check " + ok);
        // What gate1 pulled from gate2 through all the cuts.
        const auto [lc, dc] = lostAndDoubled(
            two.checkins, column(*db, "SELECT uuid FROM checkins WHERE kiosk = 'gate2'"));
        const auto [lm, dm] = lostAndDoubled(
            two.messages, column(*db, "SELECT text FROM stage_messages WHERE kiosk = 'gate2'"));
        report.pulledAcknowledged = static_cast<long>(two.checkins.size() + two.messages.size());
        report.pulledLost = lc + lm;
        report.pulledDoubled = dc + dm;
    }
    // The hub: every record of gate1 once.
    const std::string mine = "FROM kiosk_hub.records WHERE origin = 'gate1' AND kind = ";
    const auto [lc, dc] =
        lostAndDoubled(one.checkins, hubColumn(f.pg, "SELECT uuid::text " + mine + "'checkin'"));
    const auto [ls, ds] =
        lostAndDoubled(one.scans, hubColumn(f.pg, "SELECT body->>'text' " + mine + "'scan'"));
    const auto [lm, dm] = lostAndDoubled(
        one.messages, hubColumn(f.pg, "SELECT body->>'text' " + mine + "'stage_message'"));
    report.acknowledged =
        static_cast<long>(one.checkins.size() + one.scans.size() + one.messages.size());
    report.lost = lc + ls + lm;
    report.doubled = dc + ds + dm;
    // The second kiosk pulled each of them once.
    {
        auto db = store::Database::open(gate2);
        const auto [c2l, c2d] = lostAndDoubled(
            one.checkins, column(*db, "SELECT uuid FROM checkins WHERE kiosk = 'gate1'"));
        const auto [s2l, s2d] =
            lostAndDoubled(one.scans, column(*db, "SELECT text FROM scans WHERE kiosk = 'gate1'"));
        const auto [m2l, m2d] = lostAndDoubled(
            one.messages, column(*db, "SELECT text FROM stage_messages WHERE kiosk = 'gate1'"));
        report.secondKioskMissing = c2l + s2l + m2l;
        report.secondKioskDoubled = c2d + s2d + m2d;
    }
    return report;
}

} // namespace kiosk::test::powercut
