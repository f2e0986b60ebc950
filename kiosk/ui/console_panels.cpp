// The console's read-mostly panels: dashboard, device status, kiosk setup and export.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/ui/console_view.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui::console {

namespace {

std::string megabytes(std::int64_t bytes) {
    if (bytes < 0) return "?";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

const ImVec4 kMutedV(0.63f, 0.67f, 0.75f, 1);

} // namespace

void drawLatest(ViewContext& ctx); // the latest scans' table, below

void drawDashboard(ViewContext& ctx, State& st) {
    const Snapshot& snap = ctx.snap;
    const float w = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const size_t n = std::max<size_t>(1, snap.lists.size());
    const ImVec2 tile((w - gap * static_cast<float>(n - 1)) / static_cast<float>(n), ctx.fonts.large->FontSize * 2.4f);
    for (size_t i = 0; i < snap.lists.size(); ++i) {
        if (i) ImGui::SameLine();
        const auto [present, expected] = snap.totals(snap.lists[i].id);
        statTile(ctx, std::to_string(present) + " / " + std::to_string(expected), snap.lists[i].name, tile, color::kAccept);
    }

    const float half = (w - gap) / 2;
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(core::tr("gui.console.by_category").c_str());
    ImGui::PopFont();
    const int cols = 1 + static_cast<int>(snap.lists.size());
    if (ImGui::BeginTable("##cat", cols, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                          ImVec2(half, ctx.fonts.body->FontSize * 12))) {
        ImGui::TableSetupColumn(core::tr("gui.console.category").c_str(), ImGuiTableColumnFlags_WidthStretch);
        // The list's name ("Phần lễ"), as the tiles above say it, not its id.
        for (const auto& l : snap.lists)
            ImGui::TableSetupColumn((l.name.empty() ? l.id : l.name).c_str(),
                                    ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (const auto& cat : snap.categories) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetCursorScreenPos(),
                                                      ImVec2(ImGui::GetCursorScreenPos().x + 6, ImGui::GetCursorScreenPos().y + ImGui::GetTextLineHeight()),
                                                      parseColour(cat.color));
            ImGui::Indent(10);
            ImGui::TextUnformatted(cat.name.c_str());
            ImGui::Unindent(10);
            for (const auto& l : snap.lists) {
                ImGui::TableNextColumn();
                bool found = false;
                for (const auto& c : snap.counts)
                    if (c.listId == l.id && c.categoryId == cat.id) {
                        ImGui::Text("%lld / %lld", static_cast<long long>(c.present), static_cast<long long>(c.expected));
                        found = true;
                    }
                if (!found) ImGui::TextColored(kMutedV, "-");
            }
        }
        ImGui::EndTable();
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(core::tr("gui.console.arrivals").c_str());
    ImGui::PopFont();
    arrivalsChart(ctx, snap.arrivals, ImVec2(half, ctx.fonts.body->FontSize * 12));
    ImGui::EndGroup();

    // Below: the latest scans, and beside them who the ceremony still waits for (live, with the
    // desk's "đã báo vắng").
    const float bottomH = ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild("##latest", ImVec2(w * 0.56f, bottomH), false);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(core::tr("gui.console.latest").c_str());
    ImGui::PopFont();
    drawLatest(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##awaited_panel", ImVec2(0, bottomH), true);
    const AwaitedIntent intent = drawAwaited(ctx, snap.awaited, snap.event.utcOffsetMin, &st.awaited);
    if (intent.apologise)
        st.lastAction = ctx.backend.apologise(intent.apologise->first, intent.apologise->second, ctx.settings.kiosk, ctx.now);
    if (intent.withdraw) st.lastAction = ctx.backend.apologise(*intent.withdraw, {}, ctx.settings.kiosk, ctx.now);
    if (!st.lastAction.ok && !st.lastAction.message.empty()) actionMessage(st.lastAction);
    ImGui::EndChild();
}

void drawLatest(ViewContext& ctx) {
    const Snapshot& snap = ctx.snap;
    if (ImGui::BeginTable("##recent", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
                          ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(core::tr("gui.console.col.time").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(core::tr("gui.console.col.kiosk").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(core::tr("gui.console.col.list").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(core::tr("gui.console.col.who").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(core::tr("gui.console.col.result").c_str(), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(core::tr("gui.console.col.reason").c_str(), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < snap.recent.size(); ++i) {
            const auto& r = snap.recent[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::formatClockSeconds(r.at, snap.event.utcOffsetMin).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.kiosk.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.listId.c_str());
            ImGui::TableNextColumn();
            const std::string& who = i < snap.recentNames.size() && !snap.recentNames[i].empty() ? snap.recentNames[i] : r.text;
            ImGui::TextUnformatted(who.c_str());
            ImGui::TableNextColumn();
            const bool ok = r.status == "accepted";
            ImGui::TextColored(ok ? ImVec4(0.5f, 0.9f, 0.6f, 1) : ImVec4(1, 0.55f, 0.5f, 1), "%s",
                               core::tr("checkin.status." + r.status).c_str());
            ImGui::TableNextColumn();
            std::string reason = core::tr("checkin.reason_short." + r.reason);
            if (r.forced) reason += " · " + core::tr("gui.console.forced") + ": " + r.forceReason;
            ImGui::TextUnformatted(reason.c_str());
        }
        ImGui::EndTable();
    }
}

void drawDevices(ViewContext& ctx, State& st) {
    const Snapshot& snap = ctx.snap;
    auto row = [](const std::string& label, const std::string& value) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(label.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", value.c_str());
    };
    if (ImGui::BeginTable("##dev", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 320 * ctx.scale);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
        const std::string none = core::tr("gui.console.none");
        row(core::tr("gui.console.camera"), ctx.settings.camera.empty() ? none : ctx.settings.camera + " · " + ctx.settings.cameraStatus);
        row(core::tr("gui.console.scanner"), ctx.settings.scannerStatus.empty() ? none : ctx.settings.scannerStatus);
        row(core::tr("gui.console.database"), snap.dbPath + " · " + megabytes(snap.dbBytes));
        row(core::tr("gui.console.free_disk"), megabytes(snap.freeDiskBytes));
        row(core::tr("gui.console.delegates"), std::to_string(snap.delegates));
        if (const auto& r = snap.lastRestart)
            row(core::tr("install.last_restart"), core::trf("install.restart_line", {{"time", core::formatClock(r->at, snap.event.utcOffsetMin)}, {"kiosk", r->actor}, {"detail", r->detail}}));
        ImGui::EndTable();
    }
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(core::tr("gui.console.kiosks_seen").c_str());
    ImGui::PopFont();
    if (ImGui::BeginTable("##kiosks", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(core::tr("gui.console.col.kiosk").c_str());
        ImGui::TableSetupColumn(core::tr("gui.console.col.role").c_str());
        ImGui::TableSetupColumn(core::tr("gui.console.col.seen").c_str());
        ImGui::TableSetupColumn(core::tr("gui.console.col.info").c_str());
        ImGui::TableHeadersRow();
        for (const auto& k : snap.kiosks) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.role.c_str());
            ImGui::TableNextColumn();
            const auto ago = (ctx.now - k.lastSeen) / 1000;
            const bool stale = ago > 60;
            ImGui::TextColored(stale ? ImVec4(1, 0.55f, 0.5f, 1) : ImVec4(0.5f, 0.9f, 0.6f, 1), "%s",
                               core::trf("gui.console.seconds_ago", {{"n", std::to_string(ago)}}).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.info.c_str());
        }
        ImGui::EndTable();
    }
    drawConflicts(ctx);
}

void drawSetup(ViewContext& ctx, State& st) {
    Settings& s = ctx.settings;
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(core::tr("gui.console.list").c_str());
    ImGui::PopFont();
    for (const auto& l : ctx.snap.lists) {
        ImGui::SameLine();
        if (ImGui::RadioButton((l.name + "##list_" + l.id).c_str(), s.listId == l.id)) s.listId = l.id;
        recordHotspot(ctx, ("list_" + l.id).c_str());
    }
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(core::tr("gui.console.mode").c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (ImGui::RadioButton(core::tr("gui.gate.mode_entry").c_str(), s.direction == core::Direction::Entry))
        s.direction = core::Direction::Entry;
    recordHotspot(ctx, "mode_entry");
    ImGui::SameLine();
    if (ImGui::RadioButton(core::tr("gui.gate.mode_exit").c_str(), s.direction == core::Direction::Exit))
        s.direction = core::Direction::Exit;
    recordHotspot(ctx, "mode_exit");

    // The name every check-in of this machine carries; kept in the database when the field is left.
    ImGui::SetNextItemWidth(400 * ctx.scale);
    ImGui::InputText(core::tr("gui.console.kiosk_name").c_str(), &s.kiosk);
    recordHotspot(ctx, "kiosk_name");
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        std::string name;
        int n = 0; // a name, not a paste of a page: 60 characters is plenty
        for (const std::string& c : core::utf8Chars(core::trim(s.kiosk)))
            if (++n <= 60) name += c;
        if (name.empty())
            s.kiosk =
                ctx.backend.kioskName().empty() ? defaultKioskName() : ctx.backend.kioskName();
        else
            st.lastAction = ctx.backend.setKioskName(s.kiosk = name);
    }

    // Cameras are whatever V4L2 exposes; listing /dev is re-done every few seconds, not every frame.
    if (ctx.now >= st.camerasAt + 3000) {
        st.cameras = {""};
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator("/dev", ec))
            if (e.path().filename().string().rfind("video", 0) == 0) st.cameras.push_back(e.path().string());
        std::sort(st.cameras.begin() + 1, st.cameras.end());
        st.camerasAt = ctx.now;
    }
    const auto& cameras = st.cameras;
    ImGui::SetNextItemWidth(400 * ctx.scale);
    const std::string none = core::tr("gui.console.none");
    if (ImGui::BeginCombo(core::tr("gui.console.camera").c_str(), s.camera.empty() ? none.c_str() : s.camera.c_str())) {
        for (const auto& c : cameras)
            if (ImGui::Selectable(c.empty() ? none.c_str() : c.c_str(), c == s.camera)) s.camera = c;
        ImGui::EndCombo();
    }
    drawPrinterPicker(ctx);

    ImGui::Separator();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(core::tr("gui.console.roles").c_str());
    ImGui::PopFont();
    bool first = true;
    for (const Role& r : RoleRegistry::builtin().roles()) {
        if (first)
            ImGui::SameLine();
        else
            flowNext(ctx, core::tr(r.titleKey));
        first = false;
        if (bigButton(ctx, ("role_" + r.id).c_str(), core::tr(r.titleKey))) ctx.shellRequest = "role:" + r.id;
    }

    ImGui::Separator();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(core::tr("gui.console.export").c_str());
    ImGui::PopFont();
    if (st.exportPath.empty()) st.exportPath = s.exportDir + "/attendance.csv";
    ImGui::SetNextItemWidth(600 * ctx.scale);
    ImGui::InputText("##exportpath", &st.exportPath);
    ImGui::SameLine();
    if (bigButton(ctx, "export", core::tr("gui.console.export_button"))) st.lastAction = ctx.backend.exportAttendance(st.exportPath);
    actionMessage(st.lastAction);
    jobLine(ctx.snap.job);
}

} // namespace kiosk::ui::console
