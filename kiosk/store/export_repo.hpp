#pragma once
// Read-only queries for exports and the report: check-ins folded per delegate and list, and the
// scan journal joined to delegates, both filtered by list, category and time.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kiosk/core/time.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::store {

/// Which records an export covers; empty fields do not filter.
struct ExportFilter {
    std::string listId;
    std::string categoryId;
    std::optional<core::Millis> from; ///< inclusive
    std::optional<core::Millis> to;   ///< exclusive
};

/// One delegate's check-ins on one list, folded.
struct ListPresence {
    std::string listId;
    std::optional<core::Millis> firstEntry;
    std::optional<core::Millis> lastEntry;
    std::optional<core::Millis> lastExit;
    int entries = 0;
    int exits = 0;
    bool forced = false;  ///< at least one admission was forced
    bool inside() const { return lastEntry && (!lastExit || *lastExit < *lastEntry); }
};

/// Delegate id -> presence on each list that has check-ins in the filter.
std::unordered_map<std::int64_t, std::vector<ListPresence>> presenceByDelegate(Database& db, const ExportFilter& filter);

/// One scan attempt with the delegate it named (when it named one).
struct ScanExportRow {
    core::Millis at = 0;
    std::string kiosk, listId, direction, status, reason, text, forceReason, source;
    bool forced = false;
    std::string delegateCode, delegateName, categoryId;
};

/// Streams the scan journal in time order; returns the number of rows.
std::int64_t forEachScan(Database& db, const ExportFilter& filter, const std::function<void(const ScanExportRow&)>& fn);

/// The day in a few numbers, for the report's opening.
struct EventFigures {
    std::int64_t invited = 0;          ///< delegates not revoked
    std::int64_t walkIns = 0;          ///< of which registered at the desk
    std::int64_t present = 0;          ///< delegates with at least one entry on any list
    std::int64_t refusedScans = 0;
    std::int64_t forcedAdmissions = 0;
};
EventFigures eventFigures(Database& db);

} // namespace kiosk::store
