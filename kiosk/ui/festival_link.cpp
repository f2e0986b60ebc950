#include "kiosk/ui/festival_link.hpp"

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

store::Database* FestivalLink::db(const ViewContext& ctx) {
    if (m_external) return m_external;
    if (m_db && m_path == ctx.snap.dbPath) return m_db.get();
    m_db.reset();
    m_path = ctx.snap.dbPath;
    if (m_path.empty()) {
        m_error = core::tr("festival.gui.no_database");
        return nullptr;
    }
    try {
        m_db = store::Database::open(m_path);
        m_error.clear();
    } catch (const std::exception& e) {
        m_error = core::trf("festival.gui.db_error", {{"detail", e.what()}});
    }
    return m_db.get();
}

bool FestivalLink::changed(const ViewContext& ctx) {
    bool changed = m_version != ctx.snap.version;
    m_version = ctx.snap.version;
    // Our own connection also notices commits the shell's poll has not reported yet.
    if (auto* d = db(ctx)) {
        try {
            auto v = d->dataVersion();
            changed |= v != m_dataVersion;
            m_dataVersion = v;
        } catch (const std::exception&) {
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
