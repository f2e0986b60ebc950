#include "kiosk/ui/festival_link.hpp"

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

services::FestivalFeed* FestivalLink::feed(const ViewContext& ctx) {
    services::FestivalFeed* f = m_external;
    if (!f) {
        if (!m_own || m_path != ctx.snap.dbPath) {
            m_path = ctx.snap.dbPath;
            m_own = std::make_unique<services::FestivalFeed>(m_path);
        }
        f = m_own.get();
    }
    if (!f->open()) {
        m_error = f->error();
        return nullptr;
    }
    m_error.clear();
    return f;
}

bool FestivalLink::changed(const ViewContext& ctx) {
    bool changed = m_version != ctx.snap.version;
    m_version = ctx.snap.version;
    // Our own connection also notices commits the shell's poll has not reported yet.
    if (auto* f = feed(ctx)) {
        if (const auto v = f->dataVersion(); v != -1) {
            changed |= v != m_dataVersion;
            m_dataVersion = v;
        }
    }
    return changed;
}

void festivalError(ViewContext& ctx, const std::string& message) {
    const ImVec2 o = ImGui::GetWindowPos();
    const ImVec2 s = ImGui::GetWindowSize();
    centredText(ctx.fonts.title, message, color::kWarn, o.x + 20, o.x + s.x - 20, o.y + s.y * 0.4f);
}

} // namespace kiosk::ui
