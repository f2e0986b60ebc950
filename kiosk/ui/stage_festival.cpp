// The festival on the hall's projector: the question on stage with its countdown and the buzzer
// order, the leaderboard, or a contest's results with prizes. Read-only: the host and the
// organizer decide what is shown (services::StageFestival in the database).
#include <algorithm>
#include <optional>
#include <tuple>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/festival_results.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/ui/festival_link.hpp"
#include "kiosk/ui/festival_views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

struct StageFestival::Impl {
    FestivalLink link;
    services::StageFestival mode;
    std::optional<services::QuizSnapshot> quiz;
    std::optional<services::ContestResults> results;
    std::string error;
    int overflow = -1; ///< choices whose text was taller than their box in the last question drawn

    void load(ViewContext& ctx) {
        auto* feed = link.feed(ctx);
        if (!feed || !link.changed(ctx)) return;
        try {
            auto shown = feed->stageShown();
            mode = shown.mode;
            quiz = std::move(shown.quiz);
            results = std::move(shown.results);
            error.clear();
        } catch (const std::exception& e) {
            error = e.what();
        }
    }

    void drawQuestion(ViewContext& ctx, ImVec2 o, ImVec2 s) {
        const auto& q = *quiz->question;
        const float pad = 40 * ctx.scale, x0 = o.x + pad, x1 = o.x + s.x - pad;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float y = o.y + pad;
        y += centredText(ctx.fonts.title, quiz->contest.name + (quiz->round ? " — " + quiz->round->name : ""), color::kGold, x0, x1, y);
        const auto phase = quiz->saved.state.phase;
        const auto left = core::remainingMs(quiz->saved.state, ctx.now);
        if (phase == core::QuestionPhase::Running) {
            const ImU32 c = countdownColour(left);
            y += centredText(ctx.fonts.huge, std::to_string((left + 999) / 1000), c, x0, x1, y);
            if (left > 0) ctx.wakeBy(ctx.now + (left % 1000 == 0 ? 1000 : left % 1000));
        }
        // The question and its choices share what is left above the presses line: the largest
        // face at which every text wraps inside its box is used, so a long choice never runs into
        // the next.
        const bool revealed = phase == core::QuestionPhase::Revealed;
        const float bottom = o.y + s.y - 3 * pad -
                             (revealed && !q.multipleChoice ? ctx.fonts.title->FontSize * 1.2f : 0);
        const float colW = (x1 - x0 - pad) / 2, inner = 14 * ctx.scale, gap = 14 * ctx.scale;
        std::vector<std::string> labels;
        for (std::size_t i = 0; i < q.choices.size(); ++i)
            labels.push_back(std::string(1, char('A' + i)) + ". " + q.choices[i]);
        struct Fit {
            ImFont* question;
            ImFont* choice;
        };
        const Fit fits[] = {{ctx.fonts.large, ctx.fonts.title},
                            {ctx.fonts.title, ctx.fonts.title},
                            {ctx.fonts.title, ctx.fonts.bold},
                            {ctx.fonts.bold, ctx.fonts.body}};
        std::vector<float> rowH;
        Fit fit = fits[3];
        for (const Fit& f : fits) {
            rowH.assign((labels.size() + 1) / 2, 0.0f);
            float need = centredText(f.question, q.text, color::kText, x0, x1, 0, false) + pad;
            for (std::size_t i = 0; i < labels.size(); ++i)
                rowH[i / 2] = std::max(rowH[i / 2], centredText(f.choice, labels[i], color::kText,
                                                                0, colW - 2 * inner, 0, false) +
                                                        2 * inner);
            for (float h : rowH)
                need += h + gap;
            fit = f;
            if (y + pad / 2 + need <= bottom) break;
        }
        y += centredText(fit.question, q.text, color::kText, x0, x1, y + pad / 2) + pad;
        overflow = 0;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const float cx = x0 + (i % 2) * (colW + pad);
            const float textH = centredText(fit.choice, labels[i], color::kText, cx + inner,
                                            cx + colW - inner, 0, false);
            if (textH + inner > rowH[i / 2]) ++overflow;
            if (ctx.hotspots)
                (*ctx.hotspots)["stage_choice_" + std::string(1, char('A' + i))] =
                    Hotspot{cx, y, colW, rowH[i / 2]};
            const bool right = revealed && q.multipleChoice && q.answer.size() == 1 && q.answer[0] == char('A' + i);
            dl->AddRectFilled(ImVec2(cx, y), ImVec2(cx + colW, y + rowH[i / 2]),
                              right ? color::kAccept : color::kPanel, 10 * ctx.scale);
            centredText(fit.choice, labels[i], color::kText, cx + inner, cx + colW - inner,
                        y + inner);
            if (i % 2 == 1 || i + 1 == labels.size()) y += rowH[i / 2] + gap;
        }
        y += pad / 2;
        if (revealed && !q.multipleChoice)
            y += centredText(ctx.fonts.title, core::tr("festival.gui.answer") + " " + q.answer, color::kAccept, x0, x1, y);
        if (!quiz->presses.empty()) {
            std::string order;
            for (const auto& p : quiz->presses) {
                if (p.kind != core::PressKind::Accepted && p.kind != core::PressKind::FalseStart) continue;
                const auto* t = quiz->team(p.teamId);
                if (!order.empty()) order += "   ";
                order += p.kind == core::PressKind::FalseStart
                             ? core::trf("festival.gui.stage_false_start", {{"team", t ? t->name : p.teamId}})
                             : std::to_string(p.order) + ". " + (t ? t->name : p.teamId) + " (" +
                                   core::trf("festival.gui.ms", {{"n", std::to_string(p.sinceOpen)}}) + ")";
            }
            centredText(ctx.fonts.title, order, quiz->turn ? color::kGold : color::kMuted, x0, x1, o.y + s.y - 3 * pad);
        }
    }

    void drawTable(ViewContext& ctx, ImVec2 o, ImVec2 s, const std::string& title,
                   const std::vector<std::tuple<std::string, std::string, std::string, std::string>>& rows) {
        const float pad = 40 * ctx.scale, x0 = o.x + pad, x1 = o.x + s.x - pad;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float y = o.y + pad;
        y += centredText(ctx.fonts.large, title, color::kGold, x0, x1, y) + pad / 2;
        const float rowH = std::min(90 * ctx.scale, (o.y + s.y - pad - y) / std::max<std::size_t>(rows.size(), 1));
        for (const auto& [rank, name, total, prize] : rows) {
            dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + rowH - 8 * ctx.scale), color::kPanel, 8 * ctx.scale);
            const float ty = y + (rowH - 8 * ctx.scale - ctx.fonts.title->FontSize) / 2;
            dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, ImVec2(x0 + 20, ty), color::kGold, rank.c_str());
            dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, ImVec2(x0 + 100 * ctx.scale, ty), color::kText, name.c_str());
            dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, ImVec2(x1 - 520 * ctx.scale, ty), color::kWarn, prize.c_str());
            dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, ImVec2(x1 - 160 * ctx.scale, ty), color::kGold, total.c_str());
            y += rowH;
        }
    }
};

StageFestival::StageFestival() : m_impl(std::make_unique<Impl>()) {}
StageFestival::StageFestival(services::FestivalFeed* attached) : StageFestival() { m_impl->link.attach(attached); }
StageFestival::~StageFestival() = default;

bool StageFestival::active(ViewContext& ctx) {
    m_impl->load(ctx);
    const auto m = m_impl->mode.mode;
    if (m == services::StageFestivalMode::None) return false;
    // A question that was cleared leaves the leaderboard on stage.
    return m_impl->quiz || m_impl->results;
}

void StageFestival::draw(ViewContext& ctx, ImVec2 pos, ImVec2 size) {
    auto& d = *m_impl;
    if (d.quiz && d.mode.mode == services::StageFestivalMode::Question && d.quiz->question)
        return d.drawQuestion(ctx, pos, size);
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows;
    std::string title;
    if (d.quiz) {
        title = d.quiz->contest.name;
        for (const auto& st : d.quiz->standings) {
            const auto* t = d.quiz->team(st.teamId);
            rows.emplace_back(std::to_string(st.rank), t ? t->name : st.teamId, std::to_string(st.score), "");
        }
    } else if (d.results) {
        title = d.results->contest.name;
        for (const auto& l : d.results->lines)
            rows.emplace_back(l.hasResult ? std::to_string(l.rank) : "–", l.name, l.totalText,
                              l.prize == core::Prize::None ? "" : core::tr(core::prizeKey(l.prize)));
    }
    d.drawTable(ctx, pos, size, title, rows);
}

void StageFestival::dumpState(core::JsonWriter& json) const {
    json.field("festival_mode", std::string(services::stageFestivalModeCode(m_impl->mode.mode)));
    json.field("festival_contest", m_impl->mode.contestId);
    if (m_impl->quiz) {
        json.field("festival_question", m_impl->quiz->saved.state.questionId);
        json.field("festival_presses", int(m_impl->quiz->presses.size()));
        json.field("festival_choice_overflow", m_impl->overflow);
    }
    if (m_impl->results) json.field("festival_lines", int(m_impl->results->lines.size()));
}

namespace {

class StageFestivalView final : public View {
public:
    explicit StageFestivalView(services::FestivalFeed* attached) : m_panel(attached) {}
    void draw(ViewContext& ctx) override {
        beginFullScreen("##stage_festival", color::kBackground);
        const ImVec2 o = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
        if (m_panel.active(ctx)) m_panel.draw(ctx, o, s);
        else centredText(ctx.fonts.large, ctx.snap.event.name, color::kGold, o.x + 40, o.x + s.x - 40, o.y + s.y * 0.4f);
        endFullScreen();
    }
    void dumpState(core::JsonWriter& json) const override {
        json.field("screen", "stage_festival");
        m_panel.dumpState(json);
    }

private:
    StageFestival m_panel;
};

} // namespace

std::unique_ptr<View> makeStageFestivalView(services::FestivalFeed* attached) {
    return std::make_unique<StageFestivalView>(attached);
}

} // namespace kiosk::ui
