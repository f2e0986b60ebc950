#pragma once
// Rotating the event's badge key mid-event (a kiosk or a database copy was stolen): a new key from
// libsodium's CSPRNG replaces the old one in one transaction, written to the audit log. Every badge
// printed before is refused from then on (bad_signature); check-ins already recorded stay.
#include "kiosk/store/db.hpp"

namespace kiosk::services {

/// Replaces settings.badge_key; other processes on the file pick it up at their next refresh.
void rotateBadgeKey(store::Database& db, const std::string& actor);

} // namespace kiosk::services
