// The check-in gate: the event banner while idle, a result card for a few seconds after each scan.
#include <algorithm>

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

using core::Millis;

constexpr Millis kSloganMs = 7000;
constexpr float kCardFill = 0.8f; // the card's text may take this much of the height

enum class CardKind { Welcome, Warn, Refuse, Error };

CardKind kindOf(const ScanOutcome& out) {
    if (!out.committed) return CardKind::Error;
    if (out.status == core::Status::Accepted) return CardKind::Welcome;
    if (out.reason == core::Reason::AlreadyCheckedIn) return CardKind::Warn;
    return CardKind::Refuse;
}

Millis cardDuration(CardKind kind) {
    switch (kind) {
    case CardKind::Welcome: return 4000;
    case CardKind::Warn: return 6000;
    default: return 8000;
    }
}

const char* kindName(CardKind kind) {
    switch (kind) {
    case CardKind::Welcome: return "welcome";
    case CardKind::Warn: return "warn";
    case CardKind::Refuse: return "refuse";
    default: return "error";
    }
}

std::string listLine(const ViewContext& ctx) {
    const core::CheckinList* list = ctx.snap.list(ctx.settings.listId);
    const std::string& mode =
        core::tr(ctx.settings.direction == core::Direction::Entry ? "gui.gate.mode_entry" : "gui.gate.mode_exit");
    return core::trf("gui.gate.status_line", {{"list", list ? list->name : ctx.settings.listId},
                                              {"mode", mode},
                                              {"kiosk", ctx.settings.kiosk},
                                              {"clock", core::formatClock(ctx.now, ctx.snap.event.utcOffsetMin)}});
}

class GateView final : public View {
public:
    void draw(ViewContext& ctx) override {
        if (m_card && ctx.now >= m_shownAt + cardDuration(m_kind)) m_card.reset();
        if (m_card) {
            drawCard(ctx);
            ctx.wakeBy(m_shownAt + cardDuration(m_kind));
        } else {
            drawIdle(ctx);
            ctx.wakeBy((ctx.now / kSloganMs + 1) * kSloganMs);
        }
        // The clock on the status line changes every minute.
        ctx.wakeBy((ctx.now / 60000 + 1) * 60000);
    }

    bool onScan(ViewContext& ctx, const std::string& text, const std::string& source) override {
        ScanRequest req;
        req.text = text;
        req.listId = ctx.settings.listId;
        req.direction = ctx.settings.direction;
        req.kiosk = ctx.settings.kiosk;
        req.source = source;
        ScanOutcome out = ctx.backend.scan(req, ctx.now);
        ++m_scans;
        // The same badge held in front of the camera again: already on screen, stay quiet.
        if (out.committed && out.status == core::Status::Ignored) return true;
        m_card = std::move(out);
        m_kind = kindOf(*m_card);
        m_shownAt = ctx.now;
        ctx.cue = m_kind == CardKind::Welcome ? platform::Cue::Accept
                  : m_kind == CardKind::Warn  ? platform::Cue::Warn
                                              : platform::Cue::Refuse;
        return true;
    }

    void dumpState(core::JsonWriter& json) const override {
        json.field("screen", m_card ? "card" : "idle");
        json.field("scans", static_cast<std::int64_t>(m_scans));
        if (m_card) {
            json.field("card", kindName(m_kind));
            json.field("reason", std::string(core::reasonName(m_card->reason)));
            json.field("committed", m_card->committed);
            json.field("name", m_card->delegate ? m_card->delegate->name : std::string());
            json.field("card_fill_percent", static_cast<std::int64_t>(m_fillPercent));
            json.field("name_px", static_cast<std::int64_t>(m_namePx + 0.5f));
        }
    }

private:
    void drawIdle(ViewContext& ctx) {
        beginFullScreen("##gate", color::kBackground, false);
        const ImVec2 o = ImGui::GetWindowPos();
        const ImVec2 s = ImGui::GetWindowSize();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const core::Event& ev = ctx.snap.event;
        const float pad = 24 * ctx.scale;

        // The banner, in the seed's template: unit / NGÀY HỘI / the event's name and year / place and date.
        const float bannerBottom = eventBanner(ctx, ev, o.x, o.x + s.x, o.y);

        // The middle: the camera (when one is used), the prompt and the count.
        const float footerTop = o.y + s.y - ctx.fonts.title->FontSize * 2.6f - ctx.fonts.body->FontSize * 1.6f;
        float x0 = o.x + pad;
        const float midTop = bannerBottom + pad;
        if (ctx.camera && ctx.camera->texture && ctx.camera->width > 0) {
            const float h = footerTop - midTop - pad;
            const float w = h * static_cast<float>(ctx.camera->width) / static_cast<float>(ctx.camera->height);
            dl->AddImage(ctx.camera->texture, ImVec2(x0, midTop), ImVec2(x0 + w, midTop + h));
            x0 += w + pad;
        } else if (!ctx.settings.camera.empty() && !ctx.settings.cameraStatus.empty()) {
            centredText(ctx.fonts.body, ctx.settings.cameraStatus, color::kMuted, x0, x0 + s.x * 0.25f, midTop);
        }
        float my = midTop;
        my += centredText(ctx.fonts.title, core::tr("gui.gate.prompt"), color::kText, x0, o.x + s.x - pad, my) + pad * 0.5f;
        const auto [present, expected] = ctx.snap.totals(ctx.settings.listId);
        const std::string count = std::to_string(present) + " / " + std::to_string(expected);
        my += centredText(ctx.fonts.huge, count, color::kGold, x0, o.x + s.x - pad, my);
        centredText(ctx.fonts.body, core::tr("gui.gate.present_expected"), color::kMuted, x0, o.x + s.x - pad, my);

        // The footer: a slogan that changes every few seconds, then the list, mode, kiosk and clock.
        dl->AddRectFilled(ImVec2(o.x, footerTop), ImVec2(o.x + s.x, o.y + s.y), color::kPanel);
        if (!ev.slogans.empty()) {
            const size_t i = static_cast<size_t>(ctx.now / kSloganMs) % ev.slogans.size();
            centredText(ctx.fonts.bold, ev.slogans[i], color::kGold, o.x + pad, o.x + s.x - pad, footerTop + pad * 0.5f);
        }
        centredText(ctx.fonts.body, listLine(ctx), color::kMuted, o.x + pad, o.x + s.x - pad,
                    o.y + s.y - ctx.fonts.body->FontSize * 1.4f);
        if (!ctx.snap.loadError.empty())
            dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(o.x + pad, o.y + 4), color::kGold,
                        ctx.snap.loadError.c_str());
        endFullScreen();
    }

    void drawCard(ViewContext& ctx) {
        const ScanOutcome& c = *m_card;
        const ImU32 bg = m_kind == CardKind::Welcome ? color::kAccept
                         : m_kind == CardKind::Warn  ? color::kWarn
                         : m_kind == CardKind::Refuse ? color::kRefuse
                                                      : color::kError;
        beginFullScreen("##gate", bg, false);
        const ImVec2 o = ImGui::GetWindowPos();
        const ImVec2 s = ImGui::GetWindowSize();
        const float pad = 32 * ctx.scale;
        const float x0 = o.x + pad, x1 = o.x + s.x - pad;
        const int offset = ctx.snap.event.utcOffsetMin;
        // Measure at growing sizes, then draw centred vertically. A delegate reads the card from
        // two metres: on a big screen the text grows with it until the card fills most of the
        // height.
        const float room = s.y - 2 * pad - ctx.fonts.body->FontSize * 1.6f;
        bool drawing = false;
        float y = 0, grow = 1.0f;
        auto line = [&](ImFont* f, const std::string& text, ImU32 colour) {
            if (!text.empty())
                y += centredText(f, text, colour, x0, x1, y, drawing, nullptr, f->FontSize * grow) +
                     12 * ctx.scale;
        };
        auto content = [&] {
            switch (m_kind) {
            case CardKind::Welcome:
                line(ctx.fonts.large,
                     core::tr(c.reason == core::Reason::ExitOk ? "gui.gate.goodbye"
                                                               : "gui.gate.welcome"),
                     color::kText);
                line(ctx.fonts.huge, c.delegate ? c.delegate->name : std::string(), color::kText);
                if (c.delegate) {
                    line(ctx.fonts.title, c.delegate->title, color::kText);
                    line(ctx.fonts.title, c.delegate->unit, color::kText);
                    if (!c.delegate->seat.empty())
                        line(ctx.fonts.large,
                             core::trf("gui.gate.seat", {{"seat", c.delegate->seat}}),
                             color::kGold);
                }
                if (c.forced) line(ctx.fonts.body, core::tr("gui.gate.forced"), color::kText);
                break;
            case CardKind::Warn:
                line(ctx.fonts.huge, c.delegate ? c.delegate->name : std::string(), color::kText);
                line(ctx.fonts.large,
                     core::trf("gui.gate.already", {{"time", core::formatClock(c.firstAt, offset)},
                                                    {"kiosk", c.firstKiosk}}),
                     color::kText);
                line(ctx.fonts.title, core::tr("gui.gate.already_hint"), color::kText);
                break;
            case CardKind::Refuse:
                line(ctx.fonts.huge, core::tr("gui.gate.refused"), color::kText);
                line(ctx.fonts.large, c.delegate ? c.delegate->name : std::string(), color::kText);
                line(ctx.fonts.large, c.message, color::kText);
                line(ctx.fonts.title, c.hint.empty() ? core::tr("gui.gate.go_to_desk") : c.hint,
                     color::kGold);
                break;
            case CardKind::Error:
                line(ctx.fonts.huge, core::tr("gui.gate.not_recorded"), color::kText);
                line(ctx.fonts.title, c.error, color::kText);
                line(ctx.fonts.title, core::tr("gui.gate.try_again"), color::kGold);
                break;
            }
        };
        growToFit(grow, y, content, room * kCardFill, ctx.snap.event.textScale);
        m_namePx = ctx.fonts.huge->FontSize * grow;
        drawing = true;
        m_fillPercent = static_cast<int>(100 * y / s.y);
        y = o.y + std::max(pad, (s.y - y) * 0.45f);
        content();
        centredText(ctx.fonts.body, listLine(ctx), color::kText, x0, x1, o.y + s.y - ctx.fonts.body->FontSize * 1.6f);
        endFullScreen();
    }

    std::optional<ScanOutcome> m_card;
    CardKind m_kind = CardKind::Welcome;
    Millis m_shownAt = 0;
    std::size_t m_scans = 0;
    int m_fillPercent = 0; ///< how much of the screen's height the card's text took (for the tests)
    float m_namePx = 0;    ///< the pixel size the card's big line (the name) was drawn at
};

} // namespace

std::unique_ptr<View> makeGateView() { return std::make_unique<GateView>(); }

} // namespace kiosk::ui
