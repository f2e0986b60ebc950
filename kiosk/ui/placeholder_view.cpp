#include "kiosk/ui/placeholder_view.hpp"

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

class PlaceholderView final : public View {
public:
    PlaceholderView(std::string roleId, std::string titleKey) : m_role(std::move(roleId)), m_titleKey(std::move(titleKey)) {}

    void draw(ViewContext& ctx) override {
        beginFullScreen("##placeholder", color::kBackground, false);
        const ImVec2 o = ImGui::GetWindowPos();
        const ImVec2 s = ImGui::GetWindowSize();
        const float pad = 32 * ctx.scale;
        float y = o.y + s.y * 0.25f;
        y += centredText(ctx.fonts.large, core::tr(m_titleKey), color::kGold, o.x + pad, o.x + s.x - pad, y) + pad;
        y += centredText(ctx.fonts.title, core::tr("gui.placeholder.not_installed"), color::kText, o.x + pad,
                         o.x + s.x - pad, y) + pad;
        centredText(ctx.fonts.body, core::tr("gui.placeholder.hint"), color::kMuted, o.x + pad, o.x + s.x - pad, y);
        endFullScreen();
    }

    void dumpState(core::JsonWriter& json) const override {
        json.field("screen", "placeholder");
        json.field("placeholder_role", m_role);
    }

private:
    std::string m_role;
    std::string m_titleKey;
};

} // namespace

std::unique_ptr<View> makePlaceholderView(std::string roleId, std::string titleKey) {
    return std::make_unique<PlaceholderView>(std::move(roleId), std::move(titleKey));
}

} // namespace kiosk::ui
