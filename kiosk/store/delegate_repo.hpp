#pragma once
// Delegates in the database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/model.hpp"
#include "kiosk/store/db.hpp"

namespace kiosk::store {

std::optional<core::Delegate> findDelegateByCode(Database& db, const std::string& code);
std::optional<core::Delegate> findDelegateByExternalCode(Database& db, const std::string& code);
std::optional<core::Delegate> findDelegateById(Database& db, std::int64_t id);
std::vector<core::Delegate> allDelegates(Database& db); ///< by rank, then name
std::int64_t countDelegates(Database& db);

/// Inserts or updates by code (serial, revoked and walk-in status are kept on update).
/// Returns true when a row was inserted. The caller calls touchDelegates() once per transaction.
bool upsertDelegate(Database& db, const core::Delegate& d, core::Millis now);

/// The next free code with the given prefix ("W" -> "W0001").
std::string nextDelegateCode(Database& db, const std::string& prefix);

void setRevoked(Database& db, std::int64_t id, bool revoked, core::Millis now);
/// Bumps the badge serial (old badges become invalid); returns the new serial.
int bumpBadgeSerial(Database& db, std::int64_t id, core::Millis now);

/// Marks the delegates as changed (bumps the revision readers compare).
void touchDelegates(Database& db);
/// A counter that changes whenever any delegate row changes.
std::int64_t delegatesRevision(Database& db);

} // namespace kiosk::store
