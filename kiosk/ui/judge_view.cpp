// A judge's screen (role judge): pick your name, type your PIN, then score each performance per
// criterion; a value out of range is refused on the spot; submitting locks the sheet. The head
// judge also sees every judge's sheet and can reopen one with a reason.
#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <utility>
#include <optional>

#include "kiosk/core/i18n.hpp"
#include "kiosk/services/judge_panel.hpp"
#include "kiosk/ui/festival_link.hpp"
#include "kiosk/ui/festival_views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

std::string scoreText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    std::string s = buf;
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}

class JudgeView final : public View {
public:
    explicit JudgeView(services::FestivalFeed* attached) { m_link.attach(attached); }

    void draw(ViewContext& ctx) override {
        beginFullScreen("##judge", color::kBackground);
        auto* feed = m_link.feed(ctx);
        if (!feed) {
            festivalError(ctx, m_link.error());
            return endFullScreen();
        }
        try {
            if (!m_panel) m_panel = feed->judgePanel();
            else if (m_link.changed(ctx)) m_panel->reload();
            if (!m_panel->judge()) drawSignIn(ctx);
            else drawSheet(ctx);
            if (m_later) act(std::exchange(m_later, nullptr)());
        } catch (const std::exception& e) {
            m_message = core::trf("festival.gui.db_error", {{"detail", e.what()}});
        }
        endFullScreen();
    }

    void dumpState(core::JsonWriter& json) const override {
        json.field("screen", "judge");
        json.field("judge", m_panel && m_panel->judge() ? m_panel->judge()->id : "");
        json.field("performance", m_performance);
        json.field("message", m_message);
        json.field("ok", m_ok);
        if (!m_panel) return;
        json.field("submitted", int(std::count_if(m_panel->snapshot().sheets.begin(), m_panel->snapshot().sheets.end(),
                                                  [](auto& s) { return s.state == core::SheetState::Submitted; })));
    }

private:
    void act(const services::ActionResult& r) {
        m_message = r.message;
        m_ok = r.ok;
    }
    /// Actions run after the frame is drawn: they reload the snapshot the drawing code holds references into.
    void later(std::function<services::ActionResult()> f) {
        if (!m_later) m_later = std::move(f);
    }

    void drawSignIn(ViewContext& ctx) {
        const auto& s = m_panel->snapshot();
        const ImVec2 o = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        float y = o.y + size.y * 0.08f;
        y += centredText(ctx.fonts.large, s.contest.name, color::kGold, o.x + 20, o.x + size.x - 20, y);
        y += centredText(ctx.fonts.title, core::tr("festival.gui.judge_pick"), color::kText, o.x + 20, o.x + size.x - 20, y + 10);
        ImGui::SetCursorScreenPos(ImVec2(o.x + size.x * 0.2f, y + 30 * ctx.scale));
        ImGui::BeginGroup();
        for (const auto& j : s.judges) {
            bool picked = m_judge == j.id;
            if (picked) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(color::kBanner));
            if (bigButton(ctx, ("judge_pick_" + j.id).c_str(), j.name + (j.head ? " ★" : ""), ImVec2(size.x * 0.6f, 0))) {
                m_judge = j.id;
                m_pin.fill(0);
                m_focusPin = true;
            }
            if (picked) ImGui::PopStyleColor();
        }
        if (!m_judge.empty()) {
            ImGui::Spacing();
            ImGui::TextUnformatted(core::tr("festival.gui.pin").c_str());
            ImGui::SetNextItemWidth(size.x * 0.3f);
            if (m_focusPin) ImGui::SetKeyboardFocusHere();
            m_focusPin = false;
            bool enter = ImGui::InputText("##pin", m_pin.data(), m_pin.size(),
                                          ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
            recordHotspot(ctx, "judge_pin");
            ImGui::SameLine();
            if (bigButton(ctx, "judge_sign_in", core::tr("festival.gui.sign_in")) || enter) {
                later([this, judge = m_judge, pin = std::string(m_pin.data())] { return m_panel->login(judge, pin); });
                m_pin.fill(0);
            }
        }
        if (!m_message.empty()) ImGui::TextColored(ImColor(m_ok ? color::kAccept : color::kRefuse), "%s", m_message.c_str());
        ImGui::EndGroup();
    }

    void drawSheet(ViewContext& ctx) {
        const auto& s = m_panel->snapshot();
        const auto* me = m_panel->judge();
        if (m_performance.empty() && !s.performances.empty()) select(s.performances.front().id);
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextColored(ImColor(color::kGold), "%s — %s", s.contest.name.c_str(), me->name.c_str());
        ImGui::PopFont();
        ImGui::SameLine(ImGui::GetWindowWidth() - 200 * ctx.scale);
        if (bigButton(ctx, "judge_sign_out", core::tr("festival.gui.sign_out"))) {
            m_panel->logout();
            m_judge.clear();
            m_performance.clear();
            return;
        }
        const float listW = ImGui::GetContentRegionAvail().x * 0.3f;
        ImGui::BeginChild("perfs", ImVec2(listW, 0), true);
        for (const auto& p : s.performances) {
            const auto* sheet = s.sheet(p.id, me->id);
            const char* mark = !sheet ? "  " : sheet->state == core::SheetState::Submitted ? "✓ " : "… ";
            std::string label = mark + std::to_string(p.pos) + ". " + p.title;
            if (ImGui::Selectable(label.c_str(), m_performance == p.id)) select(p.id);
            recordHotspot(ctx, ("judge_perf_" + p.id).c_str());
            ImGui::TextColored(ImColor(color::kMuted), "   %s · %s", p.genre.c_str(), p.performers.c_str());
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("sheet", ImVec2(0, 0), true);
        drawScores(ctx, s, *me);
        if (me->head) drawHead(ctx, s);
        ImGui::EndChild();
    }

    void select(const std::string& id) {
        m_performance = id;
        m_typed.clear();
        const auto* sheet = m_panel->snapshot().sheet(id, m_panel->judge() ? m_panel->judge()->id : "");
        for (const auto& c : m_panel->snapshot().criteria) {
            std::array<char, 16> buf{};
            if (sheet)
                if (auto it = sheet->scores.find(c.id); it != sheet->scores.end())
                    std::snprintf(buf.data(), buf.size(), "%s", scoreText(it->second).c_str());
            m_typed.push_back(buf);
        }
    }

    void drawScores(ViewContext& ctx, const services::JudgedSnapshot& s, const core::Judge& me) {
        const auto* p = s.performance(m_performance);
        if (!p) return;
        const auto* sheet = s.sheet(p->id, me.id);
        bool locked = sheet && sheet->state == core::SheetState::Submitted;
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextWrapped("%d. %s", p->pos, p->title.c_str());
        ImGui::PopFont();
        if (m_typed.size() != s.criteria.size()) select(p->id);
        for (std::size_t i = 0; i < s.criteria.size(); ++i) {
            const auto& c = s.criteria[i];
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::Text("%s", c.name.c_str());
            ImGui::PopFont();
            ImGui::SameLine();
            ImGui::TextColored(ImColor(color::kMuted), "%s",
                               core::trf("festival.gui.criterion_rule", {{"max", scoreText(c.maxScore)},
                                                                         {"weight", scoreText(c.weight)}}).c_str());
            ImGui::SetNextItemWidth(160 * ctx.scale);
            ImGui::PushID(int(i));
            ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue; // no CharsDecimal: it drops the decimal comma
            if (locked) flags |= ImGuiInputTextFlags_ReadOnly;
            bool enter = ImGui::InputText("##score", m_typed[i].data(), m_typed[i].size(), flags);
            recordHotspot(ctx, ("judge_score_" + c.id).c_str());
            // A value is saved when the judge leaves the field or presses Enter.
            if ((enter || ImGui::IsItemDeactivatedAfterEdit()) && !locked && m_typed[i][0] != 0)
                later([this, perf = p->id, criterion = c.id, value = std::string(m_typed[i].data()), now = ctx.now] {
                    return m_panel->enter(perf, criterion, value, now);
                });
            ImGui::PopID();
        }
        ImGui::Spacing();
        if (locked) {
            ImGui::TextColored(ImColor(color::kAccept), "%s", core::tr("festival.gui.locked").c_str());
        } else if (bigButton(ctx, "judge_submit", core::tr("festival.gui.submit"))) {
            // Values still in the fields are saved first; the first refused one stops the submission.
            std::vector<std::pair<std::string, std::string>> typed;
            for (std::size_t i = 0; i < s.criteria.size(); ++i)
                if (m_typed[i][0] != 0) typed.emplace_back(s.criteria[i].id, m_typed[i].data());
            later([this, perf = p->id, typed, now = ctx.now] {
                for (const auto& [criterion, value] : typed)
                    if (auto r = m_panel->enter(perf, criterion, value, now); !r.ok) return r;
                return m_panel->submit(perf, now);
            });
        }
        if (!m_message.empty()) ImGui::TextColored(ImColor(m_ok ? color::kAccept : color::kRefuse), "%s", m_message.c_str());
    }

    void drawHead(ViewContext& ctx, const services::JudgedSnapshot& s) {
        ImGui::Separator();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(core::tr("festival.gui.head_panel").c_str());
        ImGui::PopFont();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
        ImGui::InputTextWithHint("##reason", core::tr("festival.gui.reason").c_str(), m_reason.data(), m_reason.size());
        recordHotspot(ctx, "judge_reason");
        for (const auto& j : s.judges) {
            const auto* sheet = s.sheet(m_performance, j.id);
            std::string state = !sheet ? "—" : core::tr(std::string("festival.sheet.") + std::string(core::sheetStateCode(sheet->state)));
            ImGui::Text("%s: %s", j.name.c_str(), state.c_str());
            if (sheet) {
                ImGui::SameLine();
                ImGui::TextColored(ImColor(color::kMuted), "%s", services::sheetSnapshotText(s.criteria, *sheet).c_str());
            }
            if (sheet && sheet->state == core::SheetState::Submitted) {
                ImGui::SameLine();
                if (bigButton(ctx, ("judge_reopen_" + j.id).c_str(), core::tr("festival.gui.reopen"))) {
                    later([this, judge = j.id, reason = std::string(m_reason.data()), now = ctx.now] {
                        auto r = m_panel->reopen(m_performance, judge, reason, now);
                        if (r.ok) m_reason.fill(0);
                        return r;
                    });
                }
            }
        }
        ImGui::Text("%s", core::trf("festival.gui.submitted_count", {{"n", std::to_string(s.submittedCount(m_performance))},
                                                                      {"of", std::to_string(s.judges.size())}}).c_str());
    }

    FestivalLink m_link;
    std::unique_ptr<services::JudgePanel> m_panel;
    std::string m_judge;
    std::array<char, 16> m_pin{};
    bool m_focusPin = false;
    std::string m_performance;
    std::vector<std::array<char, 16>> m_typed;
    std::array<char, 200> m_reason{};
    std::string m_message;
    bool m_ok = true;
    std::function<services::ActionResult()> m_later;
};

} // namespace

std::unique_ptr<View> makeJudgeView(services::FestivalFeed* attached) { return std::make_unique<JudgeView>(attached); }

} // namespace kiosk::ui
