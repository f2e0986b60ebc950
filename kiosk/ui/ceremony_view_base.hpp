#pragma once
// What the MC and stage views share: their own services::CeremonyFeed (the program runner on its
// own connection to the event database), the ceremony clock, and a cheap refresh (twice a second at most).
#include <memory>
#include <optional>
#include <string>

#include "kiosk/services/ceremony_feed.hpp"
#include "kiosk/ui/ceremony_views.hpp"

namespace kiosk::ui {

/// Base of the ceremony views: call model() at the top of draw().
class CeremonyViewBase : public View {
protected:
    /// The model at the ceremony clock's now, or nullptr (error() says why) when the database cannot be read.
    const services::CeremonyModel* model(ViewContext& ctx);
    services::ProgramRunner* runner() { return m_feed ? m_feed->opened() : nullptr; }
    /// The feed, once model() made it (nullptr before).
    services::CeremonyFeed* feed() { return m_feed.get(); }
    const std::string& error() const { return m_error; }
    core::Millis showNow() const { return m_showNow; }
    /// Asks the shell to draw again at the next whole second of the ceremony clock.
    void wakeForTimers(ViewContext& ctx) const;
    /// Runs an intent through the runner, keeping the screen alive if the database fails.
    template <class F> void guarded(F&& f) {
        try {
            f();
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    }

private:
    CeremonyClock m_clock;
    std::unique_ptr<services::CeremonyFeed> m_feed;
    std::string m_error;
    core::Millis m_nextRefresh = 0;
    core::Millis m_showNow = 0;
};

} // namespace kiosk::ui
