// The stage display (role stage), on the hall's projector: the event banner in the seed's
// template, the current item's title, the speaker countdown when the MC turns it on, the MC's
// short message, slogans between items, and a black screen on blackout.
#include <imgui.h>

#include <cfloat>

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/ceremony_view_base.hpp"
#include "kiosk/ui/festival_views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

constexpr core::Millis kSloganMs = 8000;

} // namespace

float drawStage(ViewContext& ctx, const services::CeremonyModel& m) {
    if (m.stage.blackout) {
        beginFullScreen("##stage", IM_COL32(0, 0, 0, 255));
        endFullScreen();
        return 0;
    }
    beginFullScreen("##stage", color::kBackground);
    const ImVec2 o = ImGui::GetWindowPos();
    const ImVec2 s = ImGui::GetWindowSize();
    const float pad = 32 * ctx.scale;
    const float x0 = o.x + pad, x1 = o.x + s.x - pad;
    const core::Event& ev = m.hasEvent ? m.event : ctx.snap.event;
    const float bannerBottom = eventBanner(ctx, ev, o.x, o.x + s.x, o.y);

    const auto* cur = m.current();
    const auto& show = m.show;
    const float messageH = m.stage.message.empty() ? 0 : ctx.fonts.large->FontSize * 1.6f;
    const float room = o.y + s.y - messageH - pad - (bannerBottom + pad);
    // The hall reads this from far away: the text grows with the screen until it fills most of the
    // space between the banner and the message strip (measured first, then drawn).
    float y = 0, grow = 1.0f;
    bool drawing = false;
    auto text = [&](ImFont* f, const std::string& t, ImU32 colour, float after) {
        y += centredText(f, t, colour, x0, x1, y, drawing, nullptr, f->FontSize * grow) + after;
    };
    auto content = [&] {
        if (cur) {
            text(ctx.fonts.large, cur->title, color::kGold, pad * 0.5f);
            if (!cur->speaker.empty())
                text(ctx.fonts.title, cur->speaker, color::kText, pad * 0.5f);
            if (m.stage.countdown && cur->plannedMin > 0) {
                // The speaker sees what is left, past zero the overrun, on the phase's colour as
                // the MC sees it.
                const bool over = show.remaining < 0;
                const std::string t = (over ? "+" : "") +
                                      core::formatDuration(over ? -show.remaining : show.remaining);
                const float px = ctx.fonts.huge->FontSize * grow;
                const float tw =
                    ctx.fonts.huge->CalcTextSizeA(px, FLT_MAX, 0, t.c_str()).x + 2 * pad;
                const float cx = (x0 + x1) / 2;
                if (drawing)
                    ImGui::GetWindowDrawList()->AddRectFilled(
                        ImVec2(cx - tw / 2, y), ImVec2(cx + tw / 2, y + px * 1.15f),
                        phaseColour(show.phase), 12 * ctx.scale);
                text(ctx.fonts.huge, t, color::kText, 0);
            }
        } else {
            // Before, after, and between items: the slogans take turns.
            const char* key = show.state == core::ShowState::Finished ? "ceremony.stage.finished"
                                                                      : "ceremony.stage.welcome";
            text(ctx.fonts.large, core::tr(key), color::kGold, pad);
            if (!ev.slogans.empty()) {
                const auto i = static_cast<std::size_t>(show.now / kSloganMs) % ev.slogans.size();
                text(ctx.fonts.title, ev.slogans[i], color::kText, 0);
            }
        }
    };
    growToFit(grow, y, content, room * 0.9f, ev.textScale);
    drawing = true;
    y = bannerBottom + pad;
    content();

    // The MC's message, as a strip along the bottom.
    if (!m.stage.message.empty()) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float h = ctx.fonts.large->FontSize * 1.6f;
        dl->AddRectFilled(ImVec2(o.x, o.y + s.y - h), ImVec2(o.x + s.x, o.y + s.y), color::kWarn);
        centredText(ctx.fonts.large, m.stage.message, color::kText, x0, x1, o.y + s.y - h + ctx.fonts.large->FontSize * 0.3f);
    }
    endFullScreen();
    return cur ? ctx.fonts.large->FontSize * grow : 0;
}

namespace {

class StageView final : public CeremonyViewBase {
public:
    void draw(ViewContext& ctx) override {
        const services::CeremonyModel* m = model(ctx);
        // The festival (quiz question, leaderboard, results) takes the stage when put there, except in a blackout.
        if (!(m && m->stage.blackout) && m_festival.active(ctx)) {
            beginFullScreen("##stage", color::kBackground);
            m_festival.draw(ctx, ImGui::GetWindowPos(), ImGui::GetWindowSize());
            endFullScreen();
            return;
        }
        if (!m) {
            beginFullScreen("##stage", color::kBackground);
            eventBanner(ctx, ctx.snap.event, 0, ImGui::GetWindowSize().x, 0);
            endFullScreen();
            return;
        }
        m_titlePx = drawStage(ctx, *m);
        m_blackout = m->stage.blackout;
        m_countdown = m->stage.countdown;
        m_message = m->stage.message;
        m_title = m->current() ? m->current()->title : std::string();
        wakeForTimers(ctx);
    }
    void dumpState(core::JsonWriter& json) const override {
        json.field("screen", "stage").field("blackout", m_blackout).field("countdown", m_countdown);
        json.field("message", m_message).field("title", m_title).field("error", error());
        json.field("title_px", static_cast<std::int64_t>(m_titlePx + 0.5f));
        m_festival.dumpState(json);
    }

private:
    bool m_blackout = false, m_countdown = false;
    std::string m_message, m_title;
    float m_titlePx = 0; ///< the pixel size the item's title was drawn at
    StageFestival m_festival;
};

} // namespace

std::unique_ptr<View> makeStageView() { return std::make_unique<StageView>(); }

} // namespace kiosk::ui
