// The console's desk panels: manual check-in by name (with force), walk-in registration, badges.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/ui/console_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui::console {

namespace {

// Checks a person in by their badge, as the desk does for someone without a readable badge.
ScanOutcome checkInByCode(ViewContext& ctx, const std::string& code, bool force, const std::string& reason) {
    ScanRequest req;
    req.text = code;
    req.listId = ctx.settings.listId;
    req.direction = ctx.settings.direction;
    req.kiosk = ctx.settings.kiosk;
    req.source = "manual";
    req.force = force;
    req.forceReason = reason;
    return ctx.backend.scan(req, ctx.now);
}

ActionResult describe(const ScanOutcome& out) {
    ActionResult r;
    r.ok = out.committed && out.status == core::Status::Accepted;
    if (!out.committed) r.message = core::tr("gui.gate.not_recorded") + " " + out.error;
    else if (r.ok) r.message = core::trf("gui.console.checked_in", {{"name", out.delegate ? out.delegate->name : ""}});
    else r.message = out.message;
    return r;
}

void searchBox(ViewContext& ctx, State& st) {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    ImGui::PushFont(ctx.fonts.title);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##query", core::tr("gui.console.search_hint").c_str(), &st.query);
    recordHotspot(ctx, "search");
    ImGui::PopFont();
    if (st.query != st.hitsFor) {
        st.hits = ctx.backend.search(st.query, 40);
        st.hitsFor = st.query;
        st.selected = st.hits.empty() ? -1 : 0;
    }
}

void hitsTable(ViewContext& ctx, State& st, float height) {
    if (!ImGui::BeginTable("##hits", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupColumn(core::tr("gui.console.col.code").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn(core::tr("gui.console.col.who").c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(core::tr("gui.console.col.unit").c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(core::tr("gui.console.col.seat").c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < st.hits.size(); ++i) {
        const core::Delegate& d = st.hits[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string label = d.code + "##hit" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), st.selected == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns))
            st.selected = static_cast<int>(i);
        if (i < 10) recordHotspot(ctx, ("hit_" + std::to_string(i)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.name.c_str());
        if (d.revoked) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1, 0.55f, 0.5f, 1), "(%s)", core::tr("gui.console.revoked").c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.unit.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.seat.c_str());
    }
    ImGui::EndTable();
}

} // namespace

void drawManual(ViewContext& ctx, State& st) {
    searchBox(ctx, st);
    hitsTable(ctx, st, ImGui::GetContentRegionAvail().y * 0.55f);
    if (st.selected < 0 || st.selected >= static_cast<int>(st.hits.size())) {
        ImGui::TextColored(ImVec4(0.63f, 0.67f, 0.75f, 1), "%s", core::tr("gui.console.type_to_search").c_str());
        return;
    }
    const core::Delegate& d = st.hits[static_cast<size_t>(st.selected)];
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(d.name.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s · %s", d.title.c_str(), d.unit.c_str());
    const core::CheckinList* list = ctx.snap.list(ctx.settings.listId);
    ImGui::TextUnformatted(core::trf("gui.console.on_list", {{"list", list ? list->name : ctx.settings.listId}}).c_str());
    ImGui::Checkbox(core::tr("gui.console.force").c_str(), &st.force);
    recordHotspot(ctx, "force");
    if (st.force) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        ImGui::InputTextWithHint("##reason", core::tr("gui.console.force_reason").c_str(), &st.forceReason);
        recordHotspot(ctx, "force_reason");
    }
    const bool needReason = st.force && core::trim(st.forceReason).empty();
    ImGui::BeginDisabled(needReason);
    if (bigButton(ctx, "admit", core::tr("gui.console.admit"))) {
        st.lastCheckin = checkInByCode(ctx, d.code, st.force, st.forceReason);
        st.lastAction = describe(*st.lastCheckin);
        if (st.lastAction.ok) {
            st.force = false;
            st.forceReason.clear();
        }
    }
    ImGui::EndDisabled();
    if (needReason) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "%s", core::tr("gui.console.reason_needed").c_str());
    }
    actionMessage(st.lastAction);
}

void drawWalkIn(ViewContext& ctx, State& st) {
    const float w = 700 * ctx.scale;
    ImGui::SetNextItemWidth(w);
    ImGui::InputText(core::tr("gui.console.field.name").c_str(), &st.walkIn.name);
    recordHotspot(ctx, "walkin_name");
    ImGui::SetNextItemWidth(w);
    ImGui::InputText(core::tr("gui.console.field.title").c_str(), &st.walkIn.title);
    ImGui::SetNextItemWidth(w);
    ImGui::InputText(core::tr("gui.console.field.unit").c_str(), &st.walkIn.unit);
    const core::Category* cat = ctx.snap.category(st.walkIn.categoryId);
    if (!cat && !ctx.snap.categories.empty()) st.walkIn.categoryId = ctx.snap.categories.back().id; // guests, usually last
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo(core::tr("gui.console.field.category").c_str(), cat ? cat->name.c_str() : "")) {
        for (const auto& c : ctx.snap.categories)
            if (ImGui::Selectable(c.name.c_str(), c.id == st.walkIn.categoryId)) st.walkIn.categoryId = c.id;
        ImGui::EndCombo();
    }
    const bool ready = !core::trim(st.walkIn.name).empty() && !st.walkIn.categoryId.empty();
    ImGui::BeginDisabled(!ready);
    if (bigButton(ctx, "walkin_register", core::tr("gui.console.walkin_button"))) {
        st.lastAction = ctx.backend.walkIn(st.walkIn, ctx.now);
        if (st.lastAction.ok) {
            const std::string code = st.lastAction.detail;
            const ActionResult printed = ctx.backend.printBadge(code);
            const ScanOutcome in = checkInByCode(ctx, code, false, {});
            const ActionResult admitted = describe(in);
            st.lastCheckin = in;
            st.lastAction.message += "\n" + printed.message + "\n" + admitted.message;
            st.lastAction.ok = printed.ok && admitted.ok;
            st.walkIn = WalkIn{};
        }
    }
    ImGui::EndDisabled();
    actionMessage(st.lastAction);
    jobLine(ctx.snap.job);
}

void drawBadges(ViewContext& ctx, State& st) {
    searchBox(ctx, st);
    hitsTable(ctx, st, ImGui::GetContentRegionAvail().y * 0.6f);
    if (st.selected < 0 || st.selected >= static_cast<int>(st.hits.size())) return;
    const core::Delegate& d = st.hits[static_cast<size_t>(st.selected)];
    ImGui::TextUnformatted(core::trf("gui.console.badge_of", {{"name", d.name}, {"code", d.code},
                                                              {"serial", std::to_string(d.badgeSerial)}})
                               .c_str());
    const std::string code = d.code;
    if (bigButton(ctx, "badge_print", core::tr("gui.console.print"))) st.lastAction = ctx.backend.printBadge(code);
    ImGui::SameLine();
    if (bigButton(ctx, "badge_reissue", core::tr("gui.console.reissue"))) {
        st.lastAction = ctx.backend.reissue(code, ctx.now);
        st.hitsFor.clear(); // re-read the row: its serial changed
    }
    ImGui::SameLine();
    if (bigButton(ctx, "badge_revoke", core::tr("gui.console.revoke"))) {
        st.lastAction = ctx.backend.revoke(code, ctx.now);
        st.hitsFor.clear();
    }
    actionMessage(st.lastAction);
    jobLine(ctx.snap.job);
}

} // namespace kiosk::ui::console
