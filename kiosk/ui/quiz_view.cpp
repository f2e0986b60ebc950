// The quiz host's screen (role quiz): the question bank, the question on stage with its countdown,
// buzzer presses in order with their milliseconds, marking, undo, tie-break, the scores.
// Buzzer boxes are keyboards: a typed key that belongs to a team is a press (when no field has focus).
#include "kiosk/ui/festival_views.hpp"

#include <algorithm>
#include <functional>
#include <utility>
#include <optional>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/services/quiz_host.hpp"
#include "kiosk/ui/festival_link.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

class QuizView final : public View {
public:
    explicit QuizView(services::FestivalFeed* attached) { m_link.attach(attached); }

    void draw(ViewContext& ctx) override {
        beginFullScreen("##quiz", color::kBackground);
        auto* feed = m_link.feed(ctx);
        if (!feed) {
            festivalError(ctx, m_link.error());
            return endFullScreen();
        }
        try {
            if (!m_host) m_host = feed->quizHost("quiz:" + ctx.settings.kiosk);
            else if (m_link.changed(ctx)) m_host->reload();
            takeBuzzerKeys(ctx);
            drawScreen(ctx);
            if (m_later) act(std::exchange(m_later, nullptr)());
        } catch (const std::exception& e) {
            m_message = core::trf("festival.gui.db_error", {{"detail", e.what()}});
        }
        endFullScreen();
    }

    void dumpState(core::JsonWriter& json) const override {
        json.field("screen", "quiz");
        if (!m_host) return;
        const auto& s = m_host->snapshot();
        json.field("question", s.saved.state.questionId);
        json.field("phase", std::string(core::questionPhaseCode(s.saved.state.phase)));
        json.field("turn", s.turn.value_or(""));
        json.field("presses", int(s.presses.size()));
        json.key("scores").beginObject();
        for (const auto& st : s.standings) json.field(st.teamId, st.score);
        json.endObject();
        json.field("message", m_message);
    }

private:
    void act(const services::ActionResult& r) { m_message = r.message; }
    /// Actions run after the frame is drawn: they reload the snapshot the drawing code holds references into.
    void later(std::function<services::ActionResult()> f) {
        if (!m_later) m_later = std::move(f);
    }

    void takeBuzzerKeys(ViewContext& ctx) {
        ImGuiIO& io = ImGui::GetIO();
        if (io.WantTextInput) return;
        // In the order the keys arrived (that decides who pressed first), each at its own millisecond.
        for (const Typed& typed : ctx.typed) {
            for (const std::string& key : core::utf8Chars(typed.text))
                for (const auto& t : m_host->snapshot().playingTeams())
                    if (t.buzzerKey == key) act(m_host->buzz(t.id, typed.at));
        }
        io.InputQueueCharacters.resize(0);
    }

    void drawScreen(ViewContext& ctx) {
        const auto& s = m_host->snapshot();
        const float sc = ctx.scale;
        const ImVec2 size = ImGui::GetContentRegionAvail();
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextColored(ImColor(color::kGold), "%s", s.contest.name.c_str());
        ImGui::PopFont();
        if (!s.saved.state.tieBreakTeams.empty()) {
            ImGui::SameLine();
            ImGui::TextColored(ImColor(color::kWarn), "  %s", core::tr("festival.gui.tiebreak_on").c_str());
        }
        const float left = size.x * 0.26f, right = size.x * 0.30f;
        ImGui::BeginChild("bank", ImVec2(left, 0), true);
        drawBank(ctx, s);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("stage", ImVec2(size.x - left - right - 16 * sc, 0), true);
        drawQuestion(ctx, s);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("teams", ImVec2(0, 0), true);
        drawTeams(ctx, s);
        ImGui::EndChild();
        if (s.saved.state.phase == core::QuestionPhase::Running) {
            const auto left = core::remainingMs(s.saved.state, ctx.now);
            if (left > 0) ctx.wakeBy(ctx.now + (left % 1000 == 0 ? 1000 : left % 1000));
        }
    }

    void drawBank(ViewContext& ctx, const services::QuizSnapshot& s) {
        std::string round;
        for (const auto& q : s.questions) {
            if (q.roundId != round) {
                round = q.roundId;
                const auto* r = s.findRound(round);
                ImGui::PushFont(ctx.fonts.bold);
                ImGui::TextColored(ImColor(color::kGold), "%s", r ? r->name.c_str() : round.c_str());
                ImGui::PopFont();
            }
            bool shown = std::find(s.shown.begin(), s.shown.end(), q.id) != s.shown.end();
            bool current = q.id == s.saved.state.questionId;
            const std::string head = (current ? "> " : shown ? "✓ " : "  ") + q.id + "  ";
            // The bank's column is narrow: the question's text ends in "…" where it is cut.
            const float room =
                ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(head.c_str()).x;
            std::string label = head + ellipsize(q.text, room);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(shown ? color::kMuted : color::kText));
            if (ImGui::Selectable(label.c_str(), m_selected == q.id || current)) m_selected = q.id;
            ImGui::PopStyleColor();
            // The bank is longer than the screen: the question on stage comes into view when it
            // changes (c27 sat below the fold while it was shown).
            if (current && m_scrolledTo != q.id) {
                ImGui::SetScrollHereY(0.3f);
                m_scrolledTo = q.id;
            }
            recordHotspot(ctx, ("quiz_q_" + q.id).c_str());
        }
    }

    void drawQuestion(ViewContext& ctx, const services::QuizSnapshot& s) {
        const float sc = ctx.scale;
        std::string target = !m_selected.empty() ? m_selected : m_host->nextQuestionId().value_or("");
        if (bigButton(ctx, "quiz_show", core::trf("festival.gui.show", {{"id", target}}))) {
            later([this, target, now = ctx.now] { return m_host->show(target, now); });
            m_selected.clear();
        }
        // The buttons flow onto a second line in a narrow column rather than run out of it.
        flowNext(ctx, core::tr("festival.gui.start"));
        if (bigButton(ctx, "quiz_start", core::tr("festival.gui.start"))) later([this, now = ctx.now] { return m_host->start(now); });
        flowNext(ctx, core::tr("festival.gui.reveal"));
        if (bigButton(ctx, "quiz_reveal", core::tr("festival.gui.reveal"))) later([this, now = ctx.now] { return m_host->reveal(now); });
        flowNext(ctx, core::tr("festival.gui.leaderboard"));
        if (bigButton(ctx, "quiz_clear", core::tr("festival.gui.leaderboard"))) later([this, now = ctx.now] { return m_host->clear(now); });
        flowNext(ctx, core::tr("festival.gui.undo"));
        if (bigButton(ctx, "quiz_undo", core::tr("festival.gui.undo"))) later([this, now = ctx.now] { return m_host->undo(now); });
        // A tie-break settles the final places: offered once the regular questions are over, never
        // at 0-0 before the first one.
        const bool regularOver = !m_host->nextQuestionId().has_value() && !s.shown.empty();
        if (regularOver && !s.ties.empty() && s.saved.state.tieBreakTeams.empty()) {
            flowNext(ctx, core::tr("festival.gui.tiebreak"));
            if (bigButton(ctx, "quiz_tiebreak", core::tr("festival.gui.tiebreak")))
                later([this, now = ctx.now] { return m_host->startTieBreak(now); });
        }
        if (!s.saved.state.tieBreakTeams.empty()) {
            flowNext(ctx, core::tr("festival.gui.tiebreak_end"));
            if (bigButton(ctx, "quiz_tiebreak_end", core::tr("festival.gui.tiebreak_end")))
                later([this, now = ctx.now] { return m_host->endTieBreak(now); });
        }
        if (!m_message.empty()) ImGui::TextWrapped("%s", m_message.c_str());
        ImGui::Separator();
        if (!s.question) {
            ImGui::TextColored(ImColor(color::kMuted), "%s", core::tr("festival.gui.no_question").c_str());
            return;
        }
        const auto& q = *s.question;
        const auto left = core::remainingMs(s.saved.state, ctx.now);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextColored(ImColor(countdownColour(left)), "%lld",
                           (long long)((left + 999) / 1000));
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::Text("%s · %s · %s", s.round ? s.round->name.c_str() : "", q.id.c_str(),
                    core::trf("festival.gui.points", {{"n", std::to_string(q.points)}}).c_str());
        ImGui::PushFont(ctx.fonts.title);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(q.text.c_str());
        ImGui::PopFont();
        for (std::size_t i = 0; i < q.choices.size(); ++i) ImGui::Text("%c. %s", char('A' + i), q.choices[i].c_str());
        ImGui::Spacing();
        ImGui::TextColored(ImColor(color::kAccept), "%s %s", core::tr("festival.gui.answer").c_str(), q.answer.c_str());
        if (!q.explanation.empty()) ImGui::TextColored(ImColor(color::kMuted), "%s", q.explanation.c_str());
        ImGui::PopTextWrapPos();
        if (!s.presses.empty()) {
            ImGui::Separator();
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextUnformatted(core::tr("festival.gui.presses").c_str());
            ImGui::PopFont();
            for (const auto& p : s.presses) {
                const auto* t = s.team(p.teamId);
                ImU32 c = p.kind == core::PressKind::Accepted ? color::kText : color::kWarn;
                const char* name = t ? t->name.c_str() : p.teamId.c_str();
                const std::string kind = core::tr(std::string("festival.press.") + core::pressKindCode(p.kind));
                // A false start comes before the question opened: there is no time since opening to show.
                if (p.kind == core::PressKind::FalseStart)
                    ImGui::TextColored(ImColor(c), "- %s  %s", name, kind.c_str());
                else
                    ImGui::TextColored(ImColor(c), "%s %s  +%lld ms  %s", p.order ? std::to_string(p.order).c_str() : "-", name,
                                       (long long)p.sinceOpen, kind.c_str());
            }
        }
        (void)sc;
    }

    void drawTeams(ViewContext& ctx, const services::QuizSnapshot& s) {
        bool buzzer = s.round && s.round->kind != core::RoundKind::Everyone;
        if (buzzer && s.turn) {
            const auto* t = s.team(*s.turn);
            ImGui::PushFont(ctx.fonts.title);
            ImGui::PushTextWrapPos(0); // a long unit's name wraps in the column, never cut
            ImGui::TextColored(ImColor(color::kGold), "%s", core::trf("festival.gui.turn", {{"team", t ? t->name : *s.turn}}).c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            if (bigButton(ctx, "quiz_turn_right", core::tr("festival.gui.right"))) later([this, team = *s.turn, now = ctx.now] { return m_host->mark(team, true, now); });
            ImGui::SameLine();
            if (bigButton(ctx, "quiz_turn_wrong", core::tr("festival.gui.wrong"))) later([this, team = *s.turn, now = ctx.now] { return m_host->mark(team, false, now); });
            ImGui::Separator();
        }
        for (const auto& st : s.standings) {
            const auto* t = s.team(st.teamId);
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::Text("%d. %s", st.rank, t ? t->name.c_str() : st.teamId.c_str());
            ImGui::PopFont();
            ImGui::SameLine();
            ImGui::TextColored(ImColor(color::kGold), "%d", st.score);
            if (st.tieBreakScore) {
                ImGui::SameLine();
                ImGui::TextColored(ImColor(color::kMuted), "(+%d)", st.tieBreakScore);
            }
            if (t && !t->buzzerKey.empty()) {
                ImGui::SameLine();
                ImGui::TextColored(ImColor(color::kMuted), "[%s]", t->buzzerKey.c_str());
            }
            if (s.question && !buzzer) {
                const auto* mark = s.markOf(st.teamId);
                if (mark) {
                    ImGui::TextColored(ImColor(mark->reason == core::ScoreReason::Right ? color::kAccept : color::kRefuse), "%s",
                                       core::tr(mark->reason == core::ScoreReason::Right ? "festival.gui.right" : "festival.gui.wrong").c_str());
                } else {
                    if (bigButton(ctx, ("quiz_right_" + st.teamId).c_str(), core::tr("festival.gui.right")))
                        later([this, team = st.teamId, now = ctx.now] { return m_host->mark(team, true, now); });
                    ImGui::SameLine();
                    if (bigButton(ctx, ("quiz_wrong_" + st.teamId).c_str(), core::tr("festival.gui.wrong")))
                        later([this, team = st.teamId, now = ctx.now] { return m_host->mark(team, false, now); });
                }
            }
            ImGui::Separator();
        }
    }

    FestivalLink m_link;
    std::unique_ptr<services::QuizHost> m_host;
    std::string m_selected;
    std::string m_scrolledTo; ///< the current question the bank last scrolled to
    std::string m_message;
    std::function<services::ActionResult()> m_later;
};

} // namespace

std::unique_ptr<View> makeQuizView(services::FestivalFeed* attached) { return std::make_unique<QuizView>(attached); }

} // namespace kiosk::ui
