#pragma once
// The record kinds that travel through the hub (replicate.cpp): one local append-only table
// each. Internal to kiosk/hub.
#include <cstdint>
#include <vector>

#include "kiosk/store/db.hpp"

namespace kiosk::hub::detail {

/// A column that names another replicated row by its local id: it travels as that row's uuid
/// (from fleet_uuids) under "<column>_uuid" and is translated back to a local id on pull.
struct Ref {
    const char* column;
    const char* table;
    const char* fallback; ///< when the row is unknown here: an SQL value (NULL, 0)
};

/// One replicated table: its columns besides id and uuid, whether delegate_id travels as the
/// delegate's code (local ids differ between machines), whether the table has its own uuid column
/// (otherwise fleet_uuids gives each row one at its first push), and which column names the kiosk
/// (nullptr: the pushing kiosk's own name).
struct Kind {
    const char* name;
    const char* table;
    std::vector<const char*> columns;
    bool delegate;
    bool delegateRequired;
    bool ownUuid;
    const char* kiosk;
    std::vector<Ref> refs = {};
    /// Pull: the record is applied only when this holds (?2 is the body), e.g. its contest is
    /// known.
    const char* guard = nullptr;
    /// The table keeps the hub's order of its rows in hub_seq (learnt on push and on pull).
    bool hubSeq = false;
    /// Pull: runs after a row was applied (moves derived state: presence, the current sheet).
    void (*applied)(store::Database& db, std::int64_t row) = nullptr;
};

/// The festival's kinds (replicate_festival.cpp), in push order: a referenced table first.
std::vector<Kind> festivalKinds();

} // namespace kiosk::hub::detail
