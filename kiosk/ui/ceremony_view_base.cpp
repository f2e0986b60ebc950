#include "kiosk/ui/ceremony_view_base.hpp"

#include <cstdlib>

#include "kiosk/services/session.hpp"
#include "kiosk/services/failure.hpp"

namespace kiosk::ui {

CeremonyClock::CeremonyClock() {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in kiosk calls setenv
    if (const char* s = std::getenv("KIOSK_TIME_SCALE"); s && *s) {
        const double v = std::atof(s);
        if (v > 0) m_scale = v;
    }
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in kiosk calls setenv
    if (const char* s = std::getenv("KIOSK_CLOCK_START"); s && *s) m_start = core::parseIso8601(s, 420);
}

core::Millis CeremonyClock::now(core::Millis wall) {
    if (m_scale == 1.0 && !m_start) return wall;
    if (m_wallAnchor == 0) m_wallAnchor = wall;
    const core::Millis base = m_start.value_or(m_wallAnchor);
    return base + static_cast<core::Millis>(static_cast<double>(wall - m_wallAnchor) * m_scale);
}

const services::CeremonyModel* CeremonyViewBase::model(ViewContext& ctx) {
    m_showNow = m_clock.now(ctx.now);
    try {
        // Until the database opens, each try takes the snapshot's path and the kiosk's name anew.
        if (!runner()) {
            const std::string path = ctx.snap.dbPath.empty() ? services::defaultDbPath() : ctx.snap.dbPath;
            m_feed = std::make_unique<services::CeremonyFeed>(path, ctx.settings.kiosk);
        }
        services::ProgramRunner& runner = m_feed->runner();
        if (ctx.now >= m_nextRefresh) {
            runner.refresh();
            m_nextRefresh = ctx.now + 500;
        }
        m_error.clear();
        return &runner.model(m_showNow);
    } catch (const std::exception& e) {
        // Keep drawing: a locked or missing database is shown, and retried next frame.
        m_error = services::describeDbError(e);
        ctx.wakeBy(ctx.now + 1000);
        return runner() ? &runner()->model(m_showNow) : nullptr;
    }
}

void CeremonyViewBase::wakeForTimers(ViewContext& ctx) const {
    // Timers tick once a second of ceremony time, which is less than a wall second when scaled.
    const double scale = m_clock.scale();
    const core::Millis toNextSecond = 1000 - (m_showNow % 1000);
    ctx.wakeBy(ctx.now + std::max<core::Millis>(16, static_cast<core::Millis>(toNextSecond / scale)));
    ctx.wakeBy(m_nextRefresh > ctx.now ? m_nextRefresh : ctx.now + 250);
}

} // namespace kiosk::ui
