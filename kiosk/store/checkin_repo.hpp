#pragma once
// The scan journal and the check-in records (both append-only).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/checkin_rules.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::store {

/// One scan attempt as journaled.
struct ScanRecord {
    std::int64_t id = 0;
    std::string uuid;
    core::Millis at = 0;
    std::string kiosk;
    std::string listId;
    std::string direction;
    std::string text;
    std::string status;
    std::string reason;
    std::optional<std::int64_t> delegateId;
    bool forced = false;
    std::string forceReason;
    std::string source; ///< "camera", "keyboard", "serial", "manual", "cli"
};

/// One accepted entry or exit.
struct CheckinRecord {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t delegateId = 0;
    std::string listId;
    std::string direction;
    core::Millis at = 0;
    std::string kiosk;
    bool forced = false;
    std::string overridden;
    std::string forceReason;
    std::string scanUuid;
};

void insertScan(Database& db, const ScanRecord& r);
void insertCheckin(Database& db, const CheckinRecord& r);

/// When this kiosk last journaled exactly this text (for the duplicate-scan rule).
std::optional<core::Millis> lastScanAt(Database& db, const std::string& kiosk, const std::string& text);

/// What the records say about one delegate on one list.
core::ListState listState(Database& db, std::int64_t delegateId, const std::string& listId);

/// Newest first.
std::vector<ScanRecord> recentScans(Database& db, int limit);

/// Present (entered at least once) and expected (admitted categories, not revoked) per list and category.
struct AttendanceCount {
    std::string listId;
    std::string categoryId;
    std::int64_t present = 0;
    std::int64_t inside = 0;
    std::int64_t expected = 0;
    bool operator==(const AttendanceCount&) const = default;
};
/// Per list and admitted category, from the counts the core-2 triggers keep (a few rows).
std::vector<AttendanceCount> attendanceCounts(Database& db);
/// The same recomputed from every presence row and delegate: slow at 100k, for `kiosk check`
/// (the kept counts must equal it) and as the tests' and benchmark's reference.
std::vector<AttendanceCount> recountAttendance(Database& db);

/// First entries per bucket of bucketMs, for a list ("" = any list).
std::vector<std::pair<core::Millis, int>> arrivalsHistogram(Database& db, const std::string& listId, core::Millis bucketMs);

/// Records the kiosk as alive (device status on the console).
void heartbeat(Database& db, const std::string& kiosk, const std::string& role, core::Millis now, const std::string& info);
struct KioskSeen {
    std::string name, role, info;
    core::Millis lastSeen = 0;
};
std::vector<KioskSeen> kiosksSeen(Database& db);

} // namespace kiosk::store
