// The MC console (role mc): the current item large with its timer in the phase's colour, the
// next item, the clock, where the ceremony stands against the plan, the script, and beside it the
// delegates to introduce or the awards to hand. Presenter clickers work: PageDown/Right/Space go
// on, PageUp/Left go back, B blacks out the stage.
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/awaited_panel.hpp"
#include "kiosk/ui/ceremony_view_base.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace {

bool keyPressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

// Presenter clickers send PageDown/PageUp (some send arrows, Space, or B for "black screen").
void readKeys(const services::CeremonyModel& m, McIntent& intent) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return; // the MC is typing a message
    const bool notStarted = m.show.state == core::ShowState::NotStarted;
    if (keyPressed(ImGuiKey_PageDown) || keyPressed(ImGuiKey_RightArrow) || keyPressed(ImGuiKey_Space))
        intent.step = notStarted ? core::ActionType::Start : core::ActionType::Next;
    if (keyPressed(ImGuiKey_PageUp) || keyPressed(ImGuiKey_LeftArrow)) intent.step = core::ActionType::Previous;
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i)
        if (io.InputQueueCharacters[i] == 'b' || io.InputQueueCharacters[i] == 'B') intent.blackout = !m.stage.blackout;
}

void drawTopBar(ViewContext& ctx, const services::CeremonyModel& m, float x0, float x1, float y) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int offset = m.hasEvent ? m.event.utcOffsetMin : 420;
    const auto& s = m.show;
    dl->AddText(ctx.fonts.title, ctx.fonts.title->FontSize, ImVec2(x0, y), color::kText,
                core::formatClockSeconds(s.now, offset).c_str());
    std::string status = core::tr(std::string("ceremony.state.") + std::string(core::showStateName(s.state)));
    if (s.state != core::ShowState::Finished && !s.projectionPlausible)
        status += "  ·  " + core::trf("ceremony.mc.planned_end",
                                      {{"planned", core::formatClock(s.plannedEnd, offset)}});
    else if (s.state != core::ShowState::Finished)
        status += "  ·  " + core::formatDrift(s.drift) + "  ·  " +
                  core::trf("ceremony.mc.projected_end", {{"end", core::formatClock(s.projectedEnd, offset)},
                                                          {"planned", core::formatClock(s.plannedEnd, offset)}});
    const ImU32 c = !s.projectionPlausible  ? color::kText
                    : s.drift >= 5 * 60'000 ? color::kRefuse
                    : s.drift >= 60'000     ? color::kWarn
                                            : color::kText;
    const float w = ctx.fonts.bold->CalcTextSizeA(ctx.fonts.bold->FontSize, 1e9f, 0, status.c_str()).x;
    dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(x1 - w, y + 4 * ctx.scale), c, status.c_str());
    if (m.stage.blackout) {
        const std::string b = core::tr("ceremony.mc.blackout_on");
        dl->AddText(ctx.fonts.bold, ctx.fonts.bold->FontSize, ImVec2(x0 + 260 * ctx.scale, y + 4 * ctx.scale), color::kGold,
                    b.c_str());
    }
}

void drawCurrent(ViewContext& ctx, const services::CeremonyModel& m, ImVec2 p, ImVec2 size, McIntent& intent) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 16 * ctx.scale;
    const auto& s = m.show;
    const auto* cur = m.current();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), color::kPanel, 10 * ctx.scale);
    float y = p.y + pad;
    if (!cur) {
        const char* key = s.state == core::ShowState::Finished ? "ceremony.mc.finished" : "ceremony.mc.ready";
        centredText(ctx.fonts.title, core::tr(key), color::kText, p.x + pad, p.x + size.x - pad, p.y + size.y * 0.35f);
        return;
    }
    const std::string head = std::to_string(s.current + 1) + "/" + std::to_string(m.items.size()) +
                             (cur->optional ? "  ·  " + core::tr("ceremony.mc.optional") : std::string());
    dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(p.x + pad, y), color::kMuted, head.c_str());
    y += ctx.fonts.body->FontSize * 1.3f;
    y += centredText(ctx.fonts.large, cur->title, color::kGold, p.x + pad, p.x + size.x - pad, y);
    if (!cur->speaker.empty())
        y += centredText(ctx.fonts.bold, cur->speaker, color::kText, p.x + pad, p.x + size.x - pad, y);
    y += pad * 0.5f;

    // The timer: elapsed large, in the phase's colour; remaining (or overtime) under it.
    const ImU32 pc = phaseColour(s.phase);
    const float timerH = ctx.fonts.huge->FontSize * 1.15f;
    dl->AddRectFilled(ImVec2(p.x + pad, y), ImVec2(p.x + size.x - pad, y + timerH), pc, 8 * ctx.scale);
    centredText(ctx.fonts.huge, core::formatDuration(s.elapsed), color::kText, p.x + pad, p.x + size.x - pad, y);
    y += timerH + pad * 0.3f;
    std::string rem = s.remaining >= 0 ? core::trf("ceremony.mc.remaining", {{"time", core::formatDuration(s.remaining)}})
                                       : core::trf("ceremony.mc.overtime", {{"time", core::formatDuration(-s.remaining)}});
    rem += "  ·  " + core::tr(std::string("ceremony.phase.") + std::string(core::phaseName(s.phase)));
    if (s.state == core::ShowState::Paused) rem += "  ·  " + core::tr("ceremony.state.paused");
    y += centredText(ctx.fonts.title, rem, s.remaining >= 0 ? color::kText : color::kGold, p.x + pad, p.x + size.x - pad, y);
    // Progress through the planned minutes.
    if (cur->plannedMin > 0) {
        const float frac = std::clamp(static_cast<float>(s.elapsed) / (cur->plannedMin * 60'000.0f), 0.0f, 1.0f);
        const float bx = p.x + pad, bw = size.x - 2 * pad, bh = 8 * ctx.scale;
        dl->AddRectFilled(ImVec2(bx, y), ImVec2(bx + bw, y + bh), color::kBackground, 4);
        dl->AddRectFilled(ImVec2(bx, y), ImVec2(bx + bw * frac, y + bh), pc, 4);
        y += bh + pad * 0.5f;
    }
    // Clock corrections for a step taken late or early: the item really began a minute before or after.
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, y));
    if (bigButton(ctx, "mc_adjust_minus", core::tr("ceremony.mc.adjust_minus"))) intent.adjust = -60'000;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::tr("ceremony.mc.adjust_help").c_str());
    ImGui::SameLine();
    if (bigButton(ctx, "mc_adjust_plus", core::tr("ceremony.mc.adjust_plus"))) intent.adjust = 60'000;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::tr("ceremony.mc.adjust_help").c_str());
    y += ImGui::GetFrameHeightWithSpacing() + pad * 0.3f;

    // The script, scrollable.
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, y));
    ImGui::BeginChild("##script", ImVec2(size.x - 2 * pad, p.y + size.y - y - pad), false);
    ImGui::PushFont(ctx.fonts.title);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(cur->script.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndChild();
}

void drawIntro(ViewContext& ctx, const services::CeremonyModel& m, McIntent& intent) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextColored(ImColor(color::kGold), "%s", core::trf("ceremony.mc.intro_title", {{"n", std::to_string(m.intro.size())}}).c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (bigButton(ctx, "mc_intro_seen", core::tr("ceremony.mc.intro_seen"))) intent.reopenIntro = true;
    ImGui::BeginChild("##intro");
    std::string lastCategory;
    for (const auto& e : m.intro) {
        if (e.categoryName != lastCategory) {
            // A category heading must not read as one more delegate: a gold band across the column.
            if (!lastCategory.empty()) ImGui::Dummy(ImVec2(0, 6 * ctx.scale));
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ctx.fonts.bold->FontSize * 1.3f;
            ImGui::GetWindowDrawList()->AddRectFilled(
                p, ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + h), color::kBanner,
                4 * ctx.scale);
            ImGui::SetCursorScreenPos(
                ImVec2(p.x + 8 * ctx.scale, p.y + ctx.fonts.bold->FontSize * 0.15f));
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextColored(ImColor(color::kGold), "%s", e.categoryName.c_str());
            ImGui::PopFont();
            ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 4 * ctx.scale));
            lastCategory = e.categoryName;
        }
        ImGui::PushFont(ctx.fonts.title);
        if (e.isNew) {
            ImGui::TextColored(ImColor(color::kGold), "%s", core::tr("ceremony.mc.new").c_str());
            ImGui::SameLine();
        }
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(e.delegate.name.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::PushFont(ctx.fonts.body);
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImColor(color::kMuted), "%s — %s", e.delegate.title.c_str(), e.delegate.unit.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    if (m.intro.empty()) ImGui::TextUnformatted(core::tr("ceremony.mc.intro_empty").c_str());
    ImGui::EndChild();
}

void drawAwards(ViewContext& ctx, const services::CeremonyModel& m, McIntent& intent) {
    const auto handed = std::count_if(m.awards.begin(), m.awards.end(), [](const auto& a) { return a.award.handedAt.has_value(); });
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextColored(ImColor(color::kGold), "%s",
                       core::trf("ceremony.mc.awards_title", {{"done", std::to_string(handed)}, {"n", std::to_string(m.awards.size())}}).c_str());
    ImGui::PopFont();
    ImGui::BeginChild("##awards");
    std::string lastDecision;
    for (const auto& e : m.awards) {
        const auto& a = e.award;
        if (a.decision != lastDecision) {
            ImGui::PushFont(ctx.fonts.body);
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(ImColor(color::kMuted), "%s", a.decision.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            lastDecision = a.decision;
        }
        bool done = a.handedAt.has_value();
        ImGui::PushFont(ctx.fonts.title);
        const std::string name = "mc_award_" + a.id;
        if (ImGui::Checkbox(("##" + name).c_str(), &done)) intent.award = std::make_pair(a.id, done);
        recordHotspot(ctx, name.c_str());
        ImGui::SameLine();
        // Names wrap in the column rather than run under its edge (the MC reads them aloud).
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImColor(done ? color::kMuted : color::kText), "%s", a.recipient.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::PushFont(ctx.fonts.body);
        ImGui::PushTextWrapPos(0);
        std::string detail = core::tr(a.kind == "collective" ? "ceremony.mc.collective" : "ceremony.mc.individual");
        if (!a.unit.empty()) detail += " — " + a.unit;
        ImGui::TextColored(ImColor(color::kMuted), "%s", detail.c_str());
        // Presence on a line of its own, so a narrow column never cuts it.
        if (e.recipientIsDelegate) {
            ImGui::TextColored(ImColor(e.recipientPresent ? color::kAccept : color::kRefuse), "%s",
                               core::tr(e.recipientPresent ? "ceremony.mc.present" : "ceremony.mc.absent").c_str());
        } else if (e.unitDelegates > 0) {
            std::string names;
            for (const auto& n : e.unitPresent)
                names += (names.empty() ? "" : ", ") + n;
            const auto count =
                std::to_string(e.unitPresent.size()) + "/" + std::to_string(e.unitDelegates);
            ImGui::TextColored(
                ImColor(e.unitPresent.empty() ? color::kRefuse : color::kAccept), "%s",
                e.unitPresent.empty()
                    ? core::trf("ceremony.mc.unit_absent", {{"n", count}}).c_str()
                    : core::trf("ceremony.mc.unit_present", {{"n", count}, {"names", names}})
                          .c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    ImGui::EndChild();
}

void drawProgramList(ViewContext& ctx, const services::CeremonyModel& m) {
    const int offset = m.hasEvent ? m.event.utcOffsetMin : 420;
    ImGui::BeginChild("##program");
    ImGui::PushFont(ctx.fonts.body);
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const auto& t = m.show.timeline[i];
        const ImU32 c = t.status == core::ItemStatus::Current ? color::kGold
                        : t.status == core::ItemStatus::Pending ? color::kText
                                                                 : color::kMuted;
        const auto at = core::shownStart(t);
        const std::string mark = t.status == core::ItemStatus::Done      ? "+"
                                 : t.status == core::ItemStatus::Skipped ? "-"
                                 : t.status == core::ItemStatus::Current ? ">"
                                                                         : " ";
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImColor(c), "%s %s  %s (%d')", mark.c_str(),
                           at ? core::formatClock(*at, offset).c_str() : "--:--",
                           m.items[i].title.c_str(), m.items[i].plannedMin);
        ImGui::PopTextWrapPos();
    }
    ImGui::PopFont();
    ImGui::EndChild();
}

bool programJustEdited(const McUiState& ui, core::Millis now) { return ui.editedAt != 0 && now - ui.editedAt < 60'000; }

} // namespace

McIntent drawMc(ViewContext& ctx, const services::CeremonyModel& m, McUiState& ui) {
    McIntent intent;
    beginFullScreen("##mc", color::kBackground);
    const ImVec2 o = ImGui::GetWindowPos();
    const ImVec2 s = ImGui::GetWindowSize();
    const float pad = 16 * ctx.scale;
    drawTopBar(ctx, m, o.x + pad, o.x + s.x - pad, o.y + pad);
    const float top = o.y + pad * 2 + ctx.fonts.title->FontSize;
    // The buttons' row, then the message field with its two buttons: on one line when the field
    // keeps room for a sentence, else on a line of their own (a 1024x768 laptop).
    const bool notStarted = m.show.state == core::ShowState::NotStarted;
    const bool paused = m.show.state == core::ShowState::Paused;
    const std::string labels[] = {
        core::tr(notStarted ? "ceremony.mc.start" : "ceremony.mc.next_button"),
        core::tr("ceremony.mc.prev"),
        core::tr(paused ? "ceremony.mc.resume" : "ceremony.mc.pause"),
        core::tr("ceremony.mc.skip"),
        core::tr("ceremony.mc.undo"),
        core::tr(m.stage.countdown ? "ceremony.mc.countdown_off" : "ceremony.mc.countdown_on"),
        core::tr(m.stage.blackout ? "ceremony.mc.blackout_off" : "ceremony.mc.blackout"),
        core::tr("ceremony.mc.one_minute"),
        core::tr(ui.message[0] ? "ceremony.mc.send" : "ceremony.mc.clear"),
        core::tr(m.stage.pinned ? "ceremony.mc.unpin" : "ceremony.mc.pin")};
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    float rowW = 0;
    for (const std::string& l : labels)
        rowW += bigButtonWidth(ctx, l) + spacing;
    const bool twoRows = rowW + 240 * ctx.scale > s.x - 2 * pad;
    const float rowH = ctx.fonts.bold->FontSize * 2.2f + pad;
    const float barH = rowH * (twoRows ? 2 : 1);
    const float bottom = o.y + s.y - barH - pad;
    const float leftW = (s.x - 3 * pad) * 0.62f;
    drawCurrent(ctx, m, ImVec2(o.x + pad, top), ImVec2(leftW, bottom - top), intent);

    // Right column: the next item, then what this item needs (delegates, awards) or the program.
    const float rx = o.x + 2 * pad + leftW, rw = s.x - 3 * pad - leftW;
    ImGui::SetCursorScreenPos(ImVec2(rx, top));
    ImGui::BeginChild("##right", ImVec2(rw, bottom - top), false);
    ImGui::PushFont(ctx.fonts.body);
    // Organizers changed the program from the console: say so for a minute, so nothing surprises the MC.
    if (m.programEdits != ui.seenEdits) {
        ui.seenEdits = m.programEdits;
        ui.editedAt = ctx.now;
    }
    if (programJustEdited(ui, ctx.now)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImColor(color::kGold), "%s",
                           core::trf("ceremony.mc.program_edited", {{"time", core::formatClock(ui.editedAt, m.hasEvent ? m.event.utcOffsetMin : 420)}}).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::TextColored(ImColor(color::kMuted), "%s", core::tr("ceremony.mc.next").c_str());
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.title);
    ImGui::PushTextWrapPos(0);
    if (const auto* next = m.next())
        ImGui::TextUnformatted((next->title + " (" + std::to_string(next->plannedMin) + "')").c_str());
    else
        ImGui::TextUnformatted(core::tr("ceremony.mc.next_end").c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Separator();
    const auto* cur = m.current();
    if (cur && cur->kind == "intro") drawIntro(ctx, m, intent);
    else if (cur && cur->kind == "awards") drawAwards(ctx, m, intent);
    else if (m.show.state == core::ShowState::NotStarted) {
        // "Are the leaders here yet?": before the first item, who the ceremony waits for.
        drawAwaited(ctx, m.awaited, m.hasEvent ? m.event.utcOffsetMin : 420, nullptr);
    } else drawProgramList(ctx, m);
    ImGui::EndChild();

    // The buttons, big enough for a thumb; the same steps as the clicker.
    ImGui::SetCursorScreenPos(ImVec2(o.x + pad, bottom + pad));
    const ImVec2 b(0, rowH - pad);
    if (bigButton(ctx, "mc_next", labels[0], b))
        intent.step = notStarted ? core::ActionType::Start : core::ActionType::Next;
    ImGui::SameLine();
    if (bigButton(ctx, "mc_prev", labels[1], b)) intent.step = core::ActionType::Previous;
    ImGui::SameLine();
    if (bigButton(ctx, "mc_pause", labels[2], b))
        intent.step = paused ? core::ActionType::Resume : core::ActionType::Pause;
    ImGui::SameLine();
    if (bigButton(ctx, "mc_skip", labels[3], b)) intent.step = core::ActionType::Skip;
    ImGui::SameLine();
    ImGui::BeginDisabled(!m.show.canUndo);
    if (bigButton(ctx, "mc_undo", labels[4], b)) intent.step = core::ActionType::Undo;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (bigButton(ctx, "mc_countdown", labels[5], b)) intent.countdown = !m.stage.countdown;
    ImGui::SameLine();
    if (bigButton(ctx, "mc_blackout", labels[6], b)) intent.blackout = !m.stage.blackout;
    ImGui::SameLine();
    if (bigButton(ctx, "mc_msg_1min", labels[7], b)) intent.message = labels[7];
    if (twoRows)
        ImGui::SetCursorScreenPos(ImVec2(o.x + pad, bottom + pad + rowH));
    else
        ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.bold);
    // The field takes what the two buttons after it leave (measured in their own face).
    const std::string& sendLabel = labels[8];
    const std::string& pinLabel = labels[9];
    const float after =
        bigButtonWidth(ctx, sendLabel) + bigButtonWidth(ctx, pinLabel) + 2 * spacing;
    ImGui::SetNextItemWidth(
        std::max(60 * ctx.scale, o.x + s.x - pad - ImGui::GetCursorScreenPos().x - after));
    ImGui::InputTextWithHint("##msg", core::tr("ceremony.mc.message_hint").c_str(), ui.message, sizeof ui.message);
    recordHotspot(ctx, "mc_message");
    ImGui::PopFont();
    ImGui::SameLine();
    if (bigButton(ctx, "mc_send", sendLabel, b)) {
        intent.message = std::string(ui.message);
        ui.message[0] = 0;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(m.stage.message.empty());
    if (bigButton(ctx, "mc_pin", pinLabel, b)) intent.pin = !m.stage.pinned;
    ImGui::EndDisabled();
    readKeys(m, intent);
    endFullScreen();
    return intent;
}

namespace {

class McView final : public CeremonyViewBase {
public:
    void draw(ViewContext& ctx) override {
        const services::CeremonyModel* m = model(ctx);
        if (!m) {
            beginFullScreen("##mc", color::kBackground);
            centredText(ctx.fonts.title, error(), color::kGold, 20, ImGui::GetWindowSize().x - 20, 60);
            endFullScreen();
            return;
        }
        const McIntent intent = drawMc(ctx, *m, m_ui);
        m_drawnAt = ctx.now;
        apply(ctx, intent);
        m_last = m->show;
        m_stage = m->stage;
        m_intro = static_cast<int>(m->intro.size());
        m_introNew = static_cast<int>(std::count_if(m->intro.begin(), m->intro.end(), [](const auto& e) { return e.isNew; }));
        m_kind = m->current() ? m->current()->kind : std::string();
        m_awaited = static_cast<int>(m->awaited.missing.size());
        m_awaitedApologised = m->awaited.apologised;
        wakeForTimers(ctx);
    }
    void dumpState(core::JsonWriter& json) const override {
        json.field("screen", "mc").field("show", std::string(core::showStateName(m_last.state)));
        json.field("current", m_last.current).field("drift_s", m_last.drift / 1000).field("elapsed_s", m_last.elapsed / 1000);
        json.field("phase", std::string(core::phaseName(m_last.phase)));
        json.field("blackout", m_stage.blackout).field("countdown", m_stage.countdown).field("message", m_stage.message);
        json.field("steps", m_steps).field("item_kind", m_kind).field("intro", m_intro).field("intro_new", m_introNew);
        json.field("program_edited", programJustEdited(m_ui, m_drawnAt)).field("error", error());
        json.field("awaited", m_awaited).field("awaited_apologised", m_awaitedApologised);
    }

private:
    void apply(ViewContext& ctx, const McIntent& intent) {
        auto* r = runner();
        if (!r) return;
        const core::Millis now = showNow();
        guarded([&] {
            if (intent.step && r->act(*intent.step, now)) ++m_steps;
            if (intent.blackout) r->setBlackout(*intent.blackout, now);
            if (intent.countdown) r->setCountdown(*intent.countdown, now);
            if (intent.message) r->message(*intent.message, now);
            if (intent.pin) r->pinMessage(*intent.pin, now);
            if (intent.award) r->markAwardHanded(intent.award->first, intent.award->second, now);
            if (intent.reopenIntro) r->setIntroSince(now);
            if (intent.adjust && r->act(core::ActionType::Adjust, now, {}, *intent.adjust)) ++m_steps;
        });
    }

    McUiState m_ui;
    core::Millis m_drawnAt = 0;
    core::ShowSnapshot m_last;
    services::StageState m_stage;
    int m_steps = 0;
    int m_intro = 0, m_introNew = 0;
    int m_awaited = 0, m_awaitedApologised = 0;
    std::string m_kind;
};

} // namespace

std::unique_ptr<View> makeMcView() { return std::make_unique<McView>(); }

} // namespace kiosk::ui
