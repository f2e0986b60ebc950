#pragma once
// Delegates at the desk: search, walk-in registration, revoke and reissue, badge texts.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/search.hpp"
#include "kiosk/services/session.hpp"

namespace kiosk::services {

/// A walk-in's details as typed at the desk.
struct WalkIn {
    std::string name;
    std::string title;
    std::string unit;
    std::string categoryId; ///< id or name (core::findCategory)
    std::string seat;
    std::string phone;
};

/// Why a delegate operation did not happen (values, not exceptions).
enum class DirectoryError { None, NotFound, MissingName, UnknownCategory };

class DelegateDirectory {
public:
    explicit DelegateDirectory(Session& session) : m_session(session) {}

    /// Ranked matches; the index is rebuilt only when delegates changed.
    std::vector<core::Delegate> search(const std::string& query, size_t limit);

    /// Registers a walk-in with a new "W" code; returns the delegate.
    std::optional<core::Delegate> addWalkIn(const WalkIn& walkIn, DirectoryError& error);
    /// Revokes (the badge is refused from now on).
    DirectoryError revoke(const std::string& code);
    /// Issues a new badge; the old one is refused from now on. Returns the new badge text.
    std::optional<std::string> reissue(const std::string& code, DirectoryError& error);

    /// The QR text of a delegate's current badge.
    std::string badgeText(const core::Delegate& delegate) const;

private:
    void ensureIndex();
    Session& m_session;
    core::SearchIndex m_index;
    std::int64_t m_indexRevision = -1;
};

} // namespace kiosk::services
