// The console's printer choice (setup tab): the printers CUPS knows with their state, so a paused
// or empty printer is seen before a walk-in's badge is sent to it.
#include <imgui.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/console_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui::console {

namespace {

std::string labelOf(const services::PrinterInfo& p) {
    std::string label = p.name + " · " + services::describePrinterState(p.state);
    if (p.isDefault) label += " · " + core::tr("install.printer.no_default");
    return label;
}

} // namespace

void drawPrinterPicker(ViewContext& ctx) {
    Settings& s = ctx.settings;
    const auto printers = ctx.backend.printers(false);
    const std::string none = core::tr("install.printer.none");
    // "" follows CUPS' default, which is the first in the list when there is one.
    const services::PrinterInfo* chosen = nullptr;
    for (const auto& p : printers)
        if (s.printer && (*s.printer == p.name || (s.printer->empty() && p.isDefault))) chosen = &p;
    std::string preview = !s.printer ? none
                          : chosen   ? labelOf(*chosen)
                                     : core::tr("install.printer.missing");
    ImGui::SetNextItemWidth(400 * ctx.scale);
    if (ImGui::BeginCombo(core::tr("install.printer.label").c_str(), preview.c_str())) {
        if (ImGui::Selectable(none.c_str(), !s.printer)) {
            s.printer.reset();
            ctx.backend.usePrinter(s.printer);
        }
        for (const auto& p : printers) {
            if (ImGui::Selectable(labelOf(p).c_str(), chosen == &p)) {
                s.printer = p.name;
                ctx.backend.usePrinter(s.printer);
            }
        }
        ImGui::EndCombo();
    }
    recordHotspot(ctx, "printer");
    ImGui::SameLine();
    if (bigButton(ctx, "printer_refresh", core::tr("install.printer.refresh")))
        ctx.backend.printers(true);
    if (s.printer && (!chosen || !services::canPrint(chosen->state))) {
        const std::string state = chosen ? services::describePrinterState(chosen->state)
                                         : core::tr("install.printer.missing");
        ImGui::TextColored(ImVec4(1, 0.55f, 0.5f, 1), "%s", state.c_str());
    }
}

} // namespace kiosk::ui::console
