// The organizer console: tabs over the panels; the top bar goes back to the role or quits.
#include "kiosk/ui/console_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "kiosk/core/i18n.hpp"
#include "kiosk/ui/views.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

namespace console {

void actionMessage(const ActionResult& result) {
    if (result.message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, result.ok ? IM_COL32(120, 230, 150, 255) : IM_COL32(255, 140, 130, 255));
    ImGui::TextWrapped("%s", result.message.c_str());
    ImGui::PopStyleColor();
}

void jobLine(const JobStatus& job) {
    if (job.label.empty()) return;
    if (!job.running) return actionMessage({job.ok, job.message, job.detail});
    const std::string line = core::trf("gui.console.job_running", {{"label", job.label},
                                                                    {"done", std::to_string(job.done)},
                                                                    {"total", std::to_string(job.total)}});
    ImGui::TextWrapped("%s", line.c_str());
}

} // namespace console

namespace {

struct Tab {
    const char* id;
    const char* key;
    void (*draw)(ViewContext&, console::State&);
};

const Tab kTabs[] = {
    {"dashboard", "gui.console.tab.dashboard", console::drawDashboard},
    {"manual", "gui.console.tab.manual", console::drawManual},
    {"walkin", "gui.console.tab.walkin", console::drawWalkIn},
    {"badges", "gui.console.tab.badges", console::drawBadges},
    {"program", "gui.console.tab.program", console::drawProgram},
    {"devices", "gui.console.tab.devices", console::drawDevices},
    {"setup", "gui.console.tab.setup", console::drawSetup},
};

class ConsoleView final : public View {
public:
    void draw(ViewContext& ctx) override {
        beginFullScreen("##console", color::kBackground);
        ImGui::PushFont(ctx.fonts.body);
        drawTopBar(ctx);
        if (ImGui::BeginTabBar("##tabs")) {
            for (const Tab& t : kTabs) {
                ImGui::PushFont(ctx.fonts.bold);
                const std::string label = core::tr(t.key) + "###" + t.id;
                // A replay script or a test may pick the tab by its id.
                const ImGuiTabItemFlags flags = m_pending == t.id ? ImGuiTabItemFlags_SetSelected : 0;
                const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
                recordHotspot(ctx, (std::string("tab_") + t.id).c_str());
                ImGui::PopFont();
                if (open) {
                    m_state.tab = t.id;
                    ImGui::BeginChild("##panel", ImVec2(0, 0), false);
                    t.draw(ctx, m_state);
                    ImGui::EndChild();
                    ImGui::EndTabItem();
                }
            }
            m_pending.clear();
            ImGui::EndTabBar();
        }
        ImGui::PopFont();
        endFullScreen();
        // The dashboard's numbers come from the snapshot, refreshed by the shell; nothing animates here.
    }

    void dumpState(core::JsonWriter& json) const override {
        json.field("screen", "console");
        json.field("tab", m_state.tab);
        json.field("query", m_state.query);
        json.field("hits", static_cast<std::int64_t>(m_state.hits.size()));
        json.field("last_action_ok", m_state.lastAction.ok);
        json.field("last_action", m_state.lastAction.message);
        if (m_state.lastCheckin) {
            json.field("last_checkin_committed", m_state.lastCheckin->committed);
            json.field("last_checkin_reason", std::string(core::reasonName(m_state.lastCheckin->reason)));
        }
        if (m_state.program) m_state.program->dumpState(json);
    }

    /// Lets tests and replays open a tab directly.
    void selectTab(const std::string& id) { m_pending = id; }

private:
    void drawTopBar(ViewContext& ctx) {
        const core::Event& ev = ctx.snap.event;
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted(core::tr("gui.console.title").c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kMuted), "%s  ·  %s  ·  %s", ev.name.c_str(),
                           ctx.settings.kiosk.c_str(), core::formatClock(ctx.now, ev.utcOffsetMin).c_str());
        const float right = ImGui::GetWindowContentRegionMax().x;
        const std::string back = ctx.role == "organizer" ? std::string() : core::tr("gui.console.back");
        const std::string quit = core::tr("gui.console.quit");
        // Measured in the buttons' own (bold) face, or the last one runs past the edge.
        const float wQuit = bigButtonWidth(ctx, quit);
        const float wBack =
            back.empty() ? 0 : bigButtonWidth(ctx, back) + ImGui::GetStyle().ItemSpacing.x;
        const float at = right - wQuit - wBack;
        if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x <=
            at)
            ImGui::SameLine(at);
        else
            ImGui::SetCursorPosX(
                at); // a long event name: the buttons go under it, still at the right
        if (!back.empty()) {
            if (bigButton(ctx, "console_back", back)) ctx.shellRequest = "close_console";
            ImGui::SameLine();
        }
        if (bigButton(ctx, "console_quit", quit)) ctx.shellRequest = "quit";
        if (!ctx.snap.pinSet) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kGold), "%s", core::tr("gui.console.no_pin").c_str());
        }
        if (!ctx.snap.loadError.empty())
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color::kGold), "%s", ctx.snap.loadError.c_str());
    }

    console::State m_state;
    std::string m_pending;
};

} // namespace

std::unique_ptr<View> makeConsoleView() { return std::make_unique<ConsoleView>(); }

} // namespace kiosk::ui
