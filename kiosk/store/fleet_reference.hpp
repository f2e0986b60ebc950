#pragma once
// The organizer's reference definitions as they travel through the hub (docs/FLEET.md,
// "Reference data"): categories, lists with their windows, program items, contests with their
// teams, rounds, questions, criteria, performances and judges. Each row travels as one JSON body
// (its columns by name) under a stable key made of its text ids, never a local integer id. The
// organizer remembers what it last published (fleet_ref_sent, migration fleet-ref-1), so a round
// sends only what changed, and a tombstone for what was deleted.
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/store/db.hpp"

namespace kiosk::store {

/// One definition: kind (a table's name), key (a JSON array of its key columns), body (a JSON
/// object of its columns; a tombstone's body holds at least the key columns).
struct RefRow {
    std::string kind, key, body;
    bool deleted = false;
};

/// The kinds, in the order they must be applied (a question needs its round, a list its
/// categories); deletions apply in the reverse order.
std::vector<std::string> referenceKindNames();

/// What changed since the last markPublished: new or edited rows, then tombstones. At most limit.
std::vector<RefRow> changedDefinitions(Database& db, int limit = 500);
/// The hub committed these: remember them as published (tombstones are forgotten).
void markPublished(Database& db, const std::vector<RefRow>& rows);
/// Replaces what this database believes it published with what the hub holds (setup: the diff is
/// then against the hub itself, so a row deleted while no round ran still gets its tombstone).
void seedPublished(Database& db, const std::vector<RefRow>& rows);

/// Applies pulled definitions by key, inside the caller's transaction: upserts in dependency
/// order, then deletions in reverse order. A deletion that records still depend on (a contest
/// with scores) is skipped and the row kept. Unknown kinds and columns are ignored. Returns how
/// many rows changed.
int applyDefinitions(Database& db, std::vector<RefRow> rows);

} // namespace kiosk::store
