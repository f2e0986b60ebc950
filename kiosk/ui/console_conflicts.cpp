// The device tab's conflicts: a delegate admitted at two machines while the hub was out of reach
// (docs/FLEET.md, "Conflicts"). Both entries are kept; the desk sees who, where and when, as
// pretixSCAN lists them. Drawn only when there are any.
#include <imgui.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/ui/console_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui::console {

void drawConflicts(ViewContext& ctx) {
    const auto& rows = ctx.snap.conflicts;
    if (rows.empty()) return;
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextColored(
        ImGui::ColorConvertU32ToFloat4(color::kGold), "%s",
        core::trf("gui.console.conflicts", {{"n", std::to_string(rows.size())}}).c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", core::tr("gui.console.conflicts_hint").c_str());
    const int offset = ctx.snap.event.utcOffsetMin;
    if (!ImGui::BeginTable("##conflicts", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn(core::tr("export.col.name").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            2.0f);
    ImGui::TableSetupColumn(core::tr("export.col.list").c_str(), ImGuiTableColumnFlags_WidthStretch,
                            1.0f);
    ImGui::TableSetupColumn(core::tr("export.col.first_kiosk").c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(core::tr("export.col.second_kiosk").c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableHeadersRow();
    int n = 0;
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // The code alone when the delegate (a walk-in from another machine) is not here yet.
        const std::string who = r.name.empty() ? r.code : r.name + " (" + r.code + ")";
        ImGui::TextWrapped("%s", who.c_str());
        recordHotspot(ctx, ("conflict_" + std::to_string(n++)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.listName.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s · %s", r.firstKiosk.c_str(),
                           core::formatClockSeconds(r.firstAt, offset).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s · %s", r.secondKiosk.c_str(),
                           core::formatClockSeconds(r.secondAt, offset).c_str());
    }
    ImGui::EndTable();
}

} // namespace kiosk::ui::console
