#include "kiosk/store/checkin_repo.hpp"

namespace kiosk::store {

namespace {

ScanRecord readScan(const Statement& st) {
    ScanRecord r;
    r.id = st.getInt(0);
    r.uuid = st.getText(1);
    r.at = st.getInt(2);
    r.kiosk = st.getText(3);
    r.listId = st.getText(4);
    r.direction = st.getText(5);
    r.text = st.getText(6);
    r.status = st.getText(7);
    r.reason = st.getText(8);
    if (!st.isNull(9)) r.delegateId = st.getInt(9);
    r.forced = st.getInt(10) != 0;
    r.forceReason = st.getText(11);
    r.source = st.getText(12);
    return r;
}

const char* kScanColumns = "id, uuid, at, kiosk, list_id, direction, text, status, reason, delegate_id, forced, force_reason, source";

} // namespace

void insertScan(Database& db, const ScanRecord& r) {
    auto& st = db.cached("INSERT INTO scans(uuid, at, kiosk, list_id, direction, text, status, reason, delegate_id, "
                         "forced, force_reason, source) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, r.uuid).bind(2, r.at).bind(3, r.kiosk).bind(4, r.listId).bind(5, r.direction).bind(6, r.text);
    st.bind(7, r.status).bind(8, r.reason).bind(9, r.delegateId).bind(10, r.forced).bind(11, r.forceReason).bind(12, r.source);
    st.run();
}

void insertCheckin(Database& db, const CheckinRecord& r) {
    auto& st = db.cached("INSERT INTO checkins(uuid, delegate_id, list_id, direction, at, kiosk, forced, overridden, "
                         "force_reason, scan_uuid) VALUES(?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, r.uuid).bind(2, r.delegateId).bind(3, r.listId).bind(4, r.direction).bind(5, r.at).bind(6, r.kiosk);
    st.bind(7, r.forced).bind(8, r.overridden).bind(9, r.forceReason).bind(10, r.scanUuid);
    st.run();
}

std::optional<core::Millis> lastScanAt(Database& db, const std::string& kiosk, const std::string& text) {
    auto& st = db.cached("SELECT max(at) FROM scans WHERE kiosk = ? AND text = ?");
    st.bind(1, kiosk).bind(2, text);
    std::optional<core::Millis> out;
    if (st.step() && !st.isNull(0)) out = st.getInt(0);
    st.reset();
    return out;
}

core::ListState listState(Database& db, std::int64_t delegateId, const std::string& listId) {
    core::ListState s;
    auto& first = db.cached("SELECT at, kiosk FROM checkins WHERE delegate_id = ? AND list_id = ? AND direction = 'entry' "
                            "ORDER BY at, id LIMIT 1");
    first.bind(1, delegateId).bind(2, listId);
    if (first.step()) {
        s.everEntered = true;
        s.firstEntryAt = first.getInt(0);
        s.firstEntryKiosk = first.getText(1);
    }
    first.reset();
    auto& last = db.cached("SELECT direction FROM checkins WHERE delegate_id = ? AND list_id = ? ORDER BY at DESC, id DESC LIMIT 1");
    last.bind(1, delegateId).bind(2, listId);
    if (last.step()) s.inside = last.getText(0) == "entry";
    last.reset();
    return s;
}

std::vector<ScanRecord> recentScans(Database& db, int limit) {
    std::vector<ScanRecord> out;
    auto st = db.prepare(std::string("SELECT ") + kScanColumns + " FROM scans ORDER BY at DESC, id DESC LIMIT ?");
    st.bind(1, limit);
    while (st.step()) out.push_back(readScan(st));
    return out;
}

std::vector<ScanRecord> allScans(Database& db) {
    std::vector<ScanRecord> out;
    auto st = db.prepare(std::string("SELECT ") + kScanColumns + " FROM scans ORDER BY at, id");
    while (st.step()) out.push_back(readScan(st));
    return out;
}

std::vector<CheckinRecord> allCheckins(Database& db) {
    std::vector<CheckinRecord> out;
    auto st = db.prepare("SELECT id, uuid, delegate_id, list_id, direction, at, kiosk, forced, overridden, force_reason, "
                         "scan_uuid FROM checkins ORDER BY at, id");
    while (st.step()) {
        CheckinRecord r;
        r.id = st.getInt(0);
        r.uuid = st.getText(1);
        r.delegateId = st.getInt(2);
        r.listId = st.getText(3);
        r.direction = st.getText(4);
        r.at = st.getInt(5);
        r.kiosk = st.getText(6);
        r.forced = st.getInt(7) != 0;
        r.overridden = st.getText(8);
        r.forceReason = st.getText(9);
        r.scanUuid = st.getText(10);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<AttendanceCount> attendanceCounts(Database& db) {
    // Expected: delegates whose category the list admits (all categories when the list names none).
    auto st = db.prepare(R"SQL(
WITH admitted AS (
  SELECT l.id AS list_id, c.id AS category_id FROM lists l JOIN categories c
  WHERE NOT EXISTS (SELECT 1 FROM list_categories lc WHERE lc.list_id = l.id)
     OR EXISTS (SELECT 1 FROM list_categories lc WHERE lc.list_id = l.id AND lc.category_id = c.id)
),
last_dir AS (
  SELECT delegate_id, list_id,
         (SELECT direction FROM checkins c2 WHERE c2.delegate_id = c1.delegate_id AND c2.list_id = c1.list_id
          ORDER BY at DESC, id DESC LIMIT 1) AS dir
  FROM checkins c1 GROUP BY delegate_id, list_id
)
SELECT a.list_id, a.category_id,
  (SELECT count(*) FROM last_dir ld JOIN delegates d ON d.id = ld.delegate_id
     WHERE ld.list_id = a.list_id AND d.category_id = a.category_id),
  (SELECT count(*) FROM last_dir ld JOIN delegates d ON d.id = ld.delegate_id
     WHERE ld.list_id = a.list_id AND d.category_id = a.category_id AND ld.dir = 'entry'),
  (SELECT count(*) FROM delegates d WHERE d.category_id = a.category_id AND d.revoked = 0)
FROM admitted a JOIN lists l ON l.id = a.list_id JOIN categories c ON c.id = a.category_id
ORDER BY l.pos, c.rank
)SQL");
    std::vector<AttendanceCount> out;
    while (st.step()) out.push_back(AttendanceCount{st.getText(0), st.getText(1), st.getInt(2), st.getInt(3), st.getInt(4)});
    return out;
}

std::vector<std::pair<core::Millis, int>> arrivalsHistogram(Database& db, const std::string& listId, core::Millis bucketMs) {
    auto st = db.prepare(R"SQL(
SELECT (first_at / ?1) * ?1 AS bucket, count(*) FROM (
  SELECT min(at) AS first_at FROM checkins WHERE direction = 'entry' AND (?2 = '' OR list_id = ?2)
  GROUP BY delegate_id, list_id)
GROUP BY bucket ORDER BY bucket)SQL");
    st.bind(1, bucketMs).bind(2, listId);
    std::vector<std::pair<core::Millis, int>> out;
    while (st.step()) out.emplace_back(st.getInt(0), static_cast<int>(st.getInt(1)));
    return out;
}

void heartbeat(Database& db, const std::string& kiosk, const std::string& role, core::Millis now, const std::string& info) {
    auto& st = db.cached("INSERT INTO kiosks(name, role, last_seen, info) VALUES(?,?,?,?) ON CONFLICT(name) DO UPDATE SET "
                         "role = excluded.role, last_seen = excluded.last_seen, info = excluded.info");
    st.bind(1, kiosk).bind(2, role).bind(3, now).bind(4, info).run();
}

std::vector<KioskSeen> kiosksSeen(Database& db) {
    std::vector<KioskSeen> out;
    auto st = db.prepare("SELECT name, role, info, last_seen FROM kiosks ORDER BY last_seen DESC");
    while (st.step()) out.push_back(KioskSeen{st.getText(0), st.getText(1), st.getText(2), st.getInt(3)});
    return out;
}

} // namespace kiosk::store
