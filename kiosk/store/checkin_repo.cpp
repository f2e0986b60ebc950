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
    auto& p = db.cached("INSERT INTO presence(delegate_id, list_id, inside, first_at, first_kiosk, last_at) VALUES(?,?,?,?,?,?) "
                        "ON CONFLICT(delegate_id, list_id) DO UPDATE SET inside = excluded.inside, last_at = excluded.last_at");
    const bool entry = r.direction == "entry";
    p.bind(1, r.delegateId).bind(2, r.listId).bind(3, entry).bind(4, r.at).bind(5, r.kiosk).bind(6, r.at).run();
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
    auto& st = db.cached("SELECT inside, first_at, first_kiosk FROM presence WHERE delegate_id = ? AND list_id = ?");
    st.bind(1, delegateId).bind(2, listId);
    if (st.step()) {
        s.everEntered = true;
        s.inside = st.getInt(0) != 0;
        s.firstEntryAt = st.getInt(1);
        s.firstEntryKiosk = st.getText(2);
    }
    st.reset();
    return s;
}

std::vector<ScanRecord> recentScans(Database& db, int limit) {
    std::vector<ScanRecord> out;
    auto st = db.prepare(std::string("SELECT ") + kScanColumns + " FROM scans ORDER BY at DESC, id DESC LIMIT ?");
    st.bind(1, limit);
    while (st.step()) out.push_back(readScan(st));
    return out;
}

namespace {

// Expected: delegates whose category the list admits (all categories when the list names none).
// `present` and `expected` name the relations the counts come from (`with` may define them).
std::vector<AttendanceCount> readCounts(Database& db, const std::string& with, const std::string& present,
                                        const std::string& expected) {
    // A list's admitted categories always show; any other category shows when someone of it was
    // admitted anyway (forced in by an organizer): the people in the hall are counted, but they
    // were not expected there. Every table, chart and export counts through here.
    auto st = db.prepare(with + R"SQL(
SELECT lid, cid, present, inside, CASE WHEN admitted THEN expected ELSE 0 END FROM (
  SELECT l.id AS lid, c.id AS cid, coalesce(p.present, 0) AS present, coalesce(p.inside, 0) AS inside,
         coalesce(e.expected, 0) AS expected, l.pos AS lpos, c.rank AS crank,
         (NOT EXISTS (SELECT 1 FROM list_categories lc WHERE lc.list_id = l.id)
          OR EXISTS (SELECT 1 FROM list_categories lc WHERE lc.list_id = l.id AND lc.category_id = c.id)) AS admitted
  FROM lists l JOIN categories c
  LEFT JOIN )SQL" + present + R"SQL( p ON p.list_id = l.id AND p.category_id = c.id
  LEFT JOIN )SQL" + expected + R"SQL( e ON e.category_id = c.id)
WHERE admitted OR present > 0
ORDER BY lpos, crank
)SQL");
    std::vector<AttendanceCount> out;
    while (st.step()) out.push_back(AttendanceCount{st.getText(0), st.getText(1), st.getInt(2), st.getInt(3), st.getInt(4)});
    return out;
}

} // namespace

std::vector<AttendanceCount> attendanceCounts(Database& db) {
    return readCounts(db, "", "presence_counts", "expected_counts");
}

std::vector<AttendanceCount> recountAttendance(Database& db) {
    return readCounts(db, R"SQL(
WITH present AS (
  SELECT p.list_id, d.category_id, count(*) AS present, sum(p.inside) AS inside
  FROM presence p JOIN delegates d ON d.id = p.delegate_id GROUP BY p.list_id, d.category_id),
expected AS (SELECT category_id, count(*) AS expected FROM delegates WHERE revoked = 0 GROUP BY category_id))SQL",
                      "present", "expected");
}

std::vector<std::pair<core::Millis, int>> arrivalsHistogram(Database& db, const std::string& listId, core::Millis bucketMs) {
    constexpr core::Millis kMinute = 60'000;
    // Whole-minute buckets add up the per-minute counts; any other size reads the presence rows.
    auto st = db.prepare(bucketMs % kMinute == 0 ? R"SQL(
SELECT (minute * 60000 / ?1) * ?1 AS bucket, sum(n) FROM arrival_minutes WHERE (?2 = '' OR list_id = ?2)
GROUP BY bucket HAVING sum(n) > 0 ORDER BY bucket)SQL"
                                                 : R"SQL(
SELECT (first_at / ?1) * ?1 AS bucket, count(*) FROM presence WHERE (?2 = '' OR list_id = ?2)
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
