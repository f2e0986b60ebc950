#pragma once
// What the screens and commands say when the database fails: the services' error type and its
// message in plain words, so callers above services never reach into the store for either.
#include <exception>
#include <string>

#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// A database failure (locked, disk full, missing file...), as services throw it.
using DbError = store::DbError;

/// The message for a failure, in plain words: a database failure by its kind, anything else as it
/// says.
std::string describeDbError(const std::exception& e);

} // namespace kiosk::services
