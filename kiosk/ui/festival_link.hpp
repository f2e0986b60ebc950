#pragma once
// The festival screens' way to their services (the Snapshot has no festival data): a
// services::FestivalFeed on the snapshot's file, made lazily, and a way to know when any process
// committed since the last frame, so the services' snapshots are re-read only then.
#include <cstdint>
#include <memory>
#include <string>

#include "kiosk/services/festival_feed.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

class FestivalLink {
public:
    /// The feed with its database open, or nullptr (with error() set) when it cannot be opened.
    services::FestivalFeed* feed(const ViewContext& ctx);
    /// True once per change of the snapshot's version (and on the first call).
    bool changed(const ViewContext& ctx);
    const std::string& error() const { return m_error; }
    /// Uses a feed the caller keeps instead of one on the snapshot's file (headless tests).
    void attach(services::FestivalFeed* feed) { m_external = feed; }

private:
    std::unique_ptr<services::FestivalFeed> m_own;
    services::FestivalFeed* m_external = nullptr;
    std::string m_path;
    std::string m_error;
    std::int64_t m_version = -1;
    std::int64_t m_dataVersion = -1;
};

/// Draws a localized error line (database missing, locked...).
void festivalError(ViewContext& ctx, const std::string& message);

} // namespace kiosk::ui
