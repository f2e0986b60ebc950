#pragma once
// The theme and the few widgets every screen shares: full-screen windows, centred wrapped text,
// big touch buttons that replay scripts can click by name, stat tiles, a bar chart.
#include <imgui.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// Sets ImGui's style for big touch targets at the given scale (call once per context).
void applyTheme(float scale);

/// Begins a borderless window covering the main viewport (or the given rect) with a background.
/// padded = false for screens that paint edge to edge (the gate's banner).
void beginFullScreen(const char* id, ImU32 background, bool padded = true);
void endFullScreen();

/// Draws text centred horizontally between x0 and x1 at y, wrapped to that width; returns the height used.
/// With draw = false it only measures.
float centredText(ImFont* font, std::string_view text, ImU32 colour, float x0, float x1, float y, bool draw = true);

/// The event banner in the seed's template (unit / NGÀY HỘI / name and year / place and date) on the
/// banner red, across [x0, x1] from y0, as tall as its lines; returns its bottom. Used by the gate and the stage.
float eventBanner(ViewContext& ctx, const core::Event& event, float x0, float x1, float y0);

/// A big button; its rect is recorded under name so replay scripts can click it.
bool bigButton(ViewContext& ctx, const char* name, const std::string& label, ImVec2 size = ImVec2(0, 0));

/// Records the last item's rect under name.
void recordHotspot(ViewContext& ctx, const char* name);

/// A framed tile: a big number over a caption.
void statTile(ViewContext& ctx, const std::string& value, const std::string& caption, ImVec2 size, ImU32 accent);

/// Bars of (bucket start, count) with clock labels under every few bars.
void arrivalsChart(ViewContext& ctx, const std::vector<std::pair<core::Millis, int>>& buckets, ImVec2 size);

/// "#RRGGBB" to ImU32 (grey on bad input).
ImU32 parseColour(std::string_view hex);

} // namespace kiosk::ui
