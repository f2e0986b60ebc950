#include "kiosk/ui/awaited_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

AwaitedIntent drawAwaited(ViewContext& ctx, const services::AwaitedList& list, int utcOffsetMin, AwaitedEdit* edit) {
    AwaitedIntent intent;
    const int waiting = static_cast<int>(list.missing.size()) - list.apologised;
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::PushTextWrapPos(0);
    const std::string start = list.plannedStart ? core::formatClock(list.plannedStart, utcOffsetMin) : std::string("--:--");
    ImGui::TextColored(ImColor(waiting > 0 ? color::kGold : color::kAccept), "%s",
                       core::trf("ceremony.awaited.title", {{"start", start},
                                                            {"arrived", std::to_string(list.arrived)},
                                                            {"expected", std::to_string(list.expected)},
                                                            {"waiting", std::to_string(waiting)},
                                                            {"apologised", std::to_string(list.apologised)}})
                           .c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::BeginChild("##awaited", ImVec2(0, 0), false);
    if (list.missing.empty()) ImGui::TextColored(ImColor(color::kAccept), "%s", core::tr("ceremony.awaited.all_here").c_str());
    std::string lastCategory;
    for (const auto& a : list.missing) {
        const core::Delegate& d = a.delegate;
        ImGui::PushID(d.code.c_str());
        if (a.categoryName != lastCategory) {
            ImGui::PushFont(ctx.fonts.body);
            ImGui::TextColored(ImColor(color::kGold), "%s", a.categoryName.c_str());
            ImGui::PopFont();
            lastCategory = a.categoryName;
        }
        ImGui::PushTextWrapPos(0);
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextColored(ImColor(a.apologised ? color::kMuted : color::kText), "%s", d.name.c_str());
        ImGui::PopFont();
        ImGui::PushFont(ctx.fonts.body);
        std::string detail = d.title;
        if (!d.unit.empty()) detail += (detail.empty() ? "" : " — ") + d.unit;
        if (!d.phone.empty()) detail += "  ·  " + core::trf("ceremony.awaited.phone", {{"phone", d.phone}});
        ImGui::TextColored(ImColor(color::kMuted), "%s", detail.c_str());
        if (a.apologised)
            ImGui::TextColored(ImColor(color::kWarn), "%s",
                               core::trf("ceremony.awaited.apologised", {{"reason", a.apologyReason}}).c_str());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        if (edit) {
            // The desk: mark "đã báo vắng" with a reason, or take the mark back.
            if (a.apologised) {
                if (bigButton(ctx, ("awaited_withdraw_" + d.code).c_str(), core::tr("ceremony.awaited.withdraw"))) intent.withdraw = d.code;
            } else if (edit->code == d.code) {
                ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x * 0.5f));
                ImGui::InputTextWithHint("##reason", core::tr("ceremony.awaited.reason_hint").c_str(), &edit->reason);
                recordHotspot(ctx, ("awaited_reason_" + d.code).c_str());
                const std::string reason(core::trim(edit->reason));
                flowNext(ctx, core::tr("ceremony.awaited.save"));
                ImGui::BeginDisabled(reason.empty());
                if (bigButton(ctx, ("awaited_save_" + d.code).c_str(), core::tr("ceremony.awaited.save"))) {
                    intent.apologise = std::make_pair(d.code, reason);
                    *edit = AwaitedEdit{};
                }
                ImGui::EndDisabled();
                flowNext(ctx, core::tr("gui.pin.cancel"));
                if (bigButton(ctx, ("awaited_cancel_" + d.code).c_str(), core::tr("gui.pin.cancel"))) *edit = AwaitedEdit{};
            } else if (bigButton(ctx, ("awaited_mark_" + d.code).c_str(), core::tr("ceremony.awaited.mark"))) {
                *edit = AwaitedEdit{d.code, {}};
            }
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
    return intent;
}

} // namespace kiosk::ui
