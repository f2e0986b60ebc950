#pragma once
// Badge printing: the sheet of badges for chosen delegates (all, some codes, one category),
// each with its current signed badge text.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/paper/pdf_badges.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::services {

/// Which badges to print; empty fields select everyone not revoked.
struct BadgeSelection {
    std::vector<std::string> codes; ///< delegate codes, printed in this order
    std::string categoryId;
};

/// The title lines at the top of every badge: the organizing unit and the banner's title,
/// without the banner's place-and-date line.
std::vector<std::string> badgeEventLines(const core::Event& event);

/// The sheet for a selection; nullopt and a localized error when a code is unknown or
/// revoked, or the category does not exist.
std::optional<paper::BadgeSheet> buildBadgeSheet(Session& session, const BadgeSelection& selection, std::string& error);

} // namespace kiosk::services
