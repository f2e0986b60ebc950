#pragma once
// The organizer console's panels (internal to the console; one file per group of panels).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/awaited_panel.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {
/// The program editor the console's "Chương trình" tab draws (its own database connection).
std::unique_ptr<View> makeProgramEditor();
} // namespace kiosk::ui

namespace kiosk::ui::console {

/// The console's UI-only state: what is typed and selected, the last action's answer.
struct State {
    std::string query;
    std::vector<core::Delegate> hits;
    std::string hitsFor;          ///< the query hits were found for
    int selected = -1;
    bool force = false;
    std::string forceReason;
    std::optional<ScanOutcome> lastCheckin;
    WalkIn walkIn;
    std::string badgeCode;
    ActionResult lastAction;
    std::string exportPath;
    std::string tab = "dashboard";
    std::vector<std::string> cameras; ///< V4L2 devices seen at camerasAt
    core::Millis camerasAt = 0;
    std::shared_ptr<View> program;    ///< the program editor, opened on first use
    AwaitedEdit awaited;              ///< the dashboard's "đã báo vắng" being typed
};

void drawDashboard(ViewContext& ctx, State& st);
void drawManual(ViewContext& ctx, State& st);
void drawWalkIn(ViewContext& ctx, State& st);
void drawBadges(ViewContext& ctx, State& st);
void drawDevices(ViewContext& ctx, State& st);
void drawConflicts(ViewContext& ctx); ///< console_conflicts.cpp: the device tab's offline double admissions
void drawSetup(ViewContext& ctx, State& st);
void drawPrinterPicker(ViewContext& ctx); ///< printer_picker.cpp
/// The ceremony program editor (console_program.cpp).
void drawProgram(ViewContext& ctx, State& st);

/// The answer of the last action, in green or red.
void actionMessage(const ActionResult& result);
/// The status line of the organizer's running or last slow job (badge printing, export).
void jobLine(const JobStatus& job);

} // namespace kiosk::ui::console
