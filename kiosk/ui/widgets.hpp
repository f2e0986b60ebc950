#pragma once
// The theme and the few widgets every screen shares: full-screen windows, centred wrapped text,
// big touch buttons that replay scripts can click by name, stat tiles, a bar chart.
#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/run_of_show.hpp"
#include "kiosk/core/time.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk::ui {

/// The palette (colours as ImU32, ABGR).
namespace color {
inline constexpr ImU32 kBackground = IM_COL32(14, 24, 44, 255);
inline constexpr ImU32 kBanner = IM_COL32(178, 24, 30, 255);   ///< the red of the event banner
inline constexpr ImU32 kGold = IM_COL32(255, 214, 64, 255);    ///< its yellow lettering
inline constexpr ImU32 kText = IM_COL32(240, 244, 250, 255);
inline constexpr ImU32 kMuted = IM_COL32(160, 172, 192, 255);
inline constexpr ImU32 kAccept = IM_COL32(22, 128, 62, 255);
inline constexpr ImU32 kWarn = IM_COL32(214, 140, 0, 255);
inline constexpr ImU32 kRefuse = IM_COL32(176, 28, 36, 255);
inline constexpr ImU32 kError = IM_COL32(70, 70, 84, 255);
inline constexpr ImU32 kPanel = IM_COL32(28, 40, 66, 255);
} // namespace color

/// The colour of a timing phase, the same on every screen (MC, stage, console).
ImU32 phaseColour(core::Phase phase);
/// The colour of a quiz question's countdown (the host's screen and the stage): red in its last 5
/// s.
ImU32 countdownColour(core::Millis left);

/// Sets ImGui's style for big touch targets at the given scale (call once per context).
void applyTheme(float scale);

/// Begins a borderless window covering the main viewport (or the given rect) with a background.
/// padded = false for screens that paint edge to edge (the gate's banner).
void beginFullScreen(const char* id, ImU32 background, bool padded = true);
void endFullScreen();

/// Draws text centred horizontally between x0 and x1 at y, wrapped to that width; returns the
/// height used. With draw = false it only measures. Draws on the current window unless given a draw
/// list. size: the pixel size to draw at (0 = the face's own; the gate grows its card on big
/// screens).
float centredText(ImFont* font, std::string_view text, ImU32 colour, float x0, float x1, float y,
                  bool draw = true, ImDrawList* on = nullptr, float size = 0);

/// The event banner in the seed's template (unit / NGÀY HỘI / name and year / place and date) on the
/// banner red, across [x0, x1] from y0, as tall as its lines; returns its bottom. Used by the gate and the stage.
float eventBanner(ViewContext& ctx, const core::Event& event, float x0, float x1, float y0);

/// A big button; its rect is recorded under name so replay scripts can click it.
bool bigButton(ViewContext& ctx, const char* name, const std::string& label, ImVec2 size = ImVec2(0, 0));

/// For screens read from afar (the gate's card, the stage): sets grow to the largest text growth,
/// from 1.7 (beyond it the baked faces blur) down to 0.7, at which layout() adds at most room to
/// y (starting from 0); y is left at that height. layout() reads grow and adds its lines to y.
/// packScale (the pack's [display] text_scale) multiplies every step; fitting still wins, down to 0.7.
void growToFit(float& grow, float& y, const std::function<void()>& layout, float room,
               float packScale = 1.0f);

/// text as it fits in width at the current font: whole, or cut between characters with "…".
std::string ellipsize(std::string_view text, float width);

/// The width bigButton() gives a label (its face, its padding).
float bigButtonWidth(ViewContext& ctx, const std::string& label);
/// Call before a button that follows another in a row: keeps it on the same line when it fits in
/// the window, else starts the next line, so no button is cut at the right edge.
void flowNext(ViewContext& ctx, const std::string& label);

/// Records the last item's rect under name.
void recordHotspot(ViewContext& ctx, const char* name);

/// A framed tile: a big number over a caption.
void statTile(ViewContext& ctx, const std::string& value, const std::string& caption, ImVec2 size, ImU32 accent);

/// Bars of (bucket start, count) with clock labels under every few bars.
void arrivalsChart(ViewContext& ctx, const std::vector<std::pair<core::Millis, int>>& buckets, ImVec2 size);

/// "#RRGGBB" to ImU32 (grey on bad input).
ImU32 parseColour(std::string_view hex);

} // namespace kiosk::ui
