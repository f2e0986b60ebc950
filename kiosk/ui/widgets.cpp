#include "kiosk/ui/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <iterator>

#include "kiosk/core/i18n.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::ui {

ImU32 phaseColour(core::Phase phase) {
    switch (phase) {
    case core::Phase::Normal:
        return color::kAccept;
    case core::Phase::Warning:
        return color::kWarn;
    case core::Phase::Danger:
        return color::kRefuse;
    case core::Phase::Overtime:
        return IM_COL32(120, 0, 40, 255);
    }
    return color::kPanel;
}

ImU32 countdownColour(core::Millis left) {
    return left <= 5000 ? color::kRefuse : color::kGold;
}

void applyTheme(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.FramePadding = ImVec2(14, 10);
    style.ItemSpacing = ImVec2(12, 12);
    style.WindowPadding = ImVec2(24, 20);
    style.ScrollbarSize = 24;
    style.TouchExtraPadding = ImVec2(4, 4); // fingers are less precise than a mouse
    style.ScaleAllSizes(scale);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(color::kBackground);
    c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(color::kPanel);
    c[ImGuiCol_Button] = ImVec4(0.16f, 0.33f, 0.62f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.22f, 0.42f, 0.75f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.12f, 0.26f, 0.52f, 1);
    c[ImGuiCol_Header] = ImVec4(0.16f, 0.33f, 0.62f, 0.6f);
    c[ImGuiCol_Tab] = ImVec4(0.12f, 0.20f, 0.36f, 1);
    c[ImGuiCol_TabActive] = ImVec4(0.16f, 0.33f, 0.62f, 1);
    c[ImGuiCol_TabHovered] = ImVec4(0.22f, 0.42f, 0.75f, 1);
}

void beginFullScreen(const char* id, ImU32 background, bool padded) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    if (!padded) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar(padded ? 1 : 2);
}

void endFullScreen() {
    ImGui::End();
    ImGui::PopStyleColor();
}

float centredText(ImFont* font, std::string_view text, ImU32 colour, float x0, float x1, float y,
                  bool draw, ImDrawList* on, float size) {
    ImDrawList* dl = on ? on : ImGui::GetWindowDrawList();
    const float px = size > 0 ? size : font->FontSize;
    const float width = std::max(1.0f, x1 - x0);
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    float used = 0;
    // Wrap line by line so each line is centred on its own.
    while (begin < end) {
        const char* lineEnd = font->CalcWordWrapPositionA(px / font->FontSize, begin, end, width);
        if (lineEnd == begin) lineEnd = begin + 1;
        const char* nl = static_cast<const char*>(memchr(begin, '\n', static_cast<size_t>(lineEnd - begin)));
        if (nl) lineEnd = nl;
        const ImVec2 line = font->CalcTextSizeA(px, FLT_MAX, 0, begin, lineEnd);
        if (draw)
            dl->AddText(font, px, ImVec2(x0 + (width - line.x) * 0.5f, y + used), colour, begin,
                        lineEnd);
        used += px * 1.15f;
        begin = lineEnd;
        while (begin < end && (*begin == ' ' || *begin == '\n')) ++begin;
    }
    return used;
}

void recordHotspot(ViewContext& ctx, const char* name) {
    if (!ctx.hotspots) return;
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    (*ctx.hotspots)[name] = Hotspot{a.x, a.y, b.x - a.x, b.y - a.y};
}

float eventBanner(ViewContext& ctx, const core::Event& ev, float x0, float x1, float y0) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 24 * ctx.scale;
    std::vector<std::string> lines = ev.bannerLines;
    if (lines.empty()) lines = {ev.unit, ev.name};
    float bottom = 0;
    for (int pass = 0; pass < 2; ++pass) { // measure, then paint the band and the lines
        float y = y0 + pad;
        if (pass == 1) dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, bottom), color::kBanner);
        for (size_t i = 0; i < lines.size(); ++i) {
            ImFont* f = i == 0 ? ctx.fonts.title : (i + 1 == lines.size() && lines.size() > 2 ? ctx.fonts.bold : ctx.fonts.large);
            const ImU32 c = (i == 0 || i + 1 == lines.size()) ? color::kText : color::kGold;
            y += centredText(f, lines[i], c, x0 + pad, x1 - pad, y, pass == 1) + 6 * ctx.scale;
        }
        bottom = y + pad;
    }
    return bottom;
}

bool bigButton(ViewContext& ctx, const char* name, const std::string& label, ImVec2 size) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::PushID(name);
    const bool pressed = ImGui::Button(label.c_str(), size);
    ImGui::PopID();
    ImGui::PopFont();
    recordHotspot(ctx, name);
    return pressed;
}

void growToFit(float& grow, float& y, const std::function<void()>& layout, float room,
               float packScale) {
    static constexpr float kGrowth[] = {1.7f, 1.5f, 1.3f, 1.15f, 1.0f, 0.85f, 0.7f};
    static constexpr float kSmallest = kGrowth[std::size(kGrowth) - 1];
    auto fits = [&](float g) {
        grow = g;
        y = 0;
        layout();
        return y <= room;
    };
    for (float g : kGrowth)
        if (fits(g * packScale)) return;
    // A pack that asks for larger text still gets a layout that fits: the unscaled smallest.
    if (packScale > 1.0f) fits(kSmallest);
}

std::string ellipsize(std::string_view text, float width) {
    std::string whole(text);
    if (ImGui::CalcTextSize(whole.c_str()).x <= width) return whole;
    // The longest prefix of whole characters that fits with the ellipsis (binary search on chars).
    const std::vector<std::string> chars = core::utf8Chars(text);
    std::size_t lo = 0, hi = chars.size();
    auto prefix = [&](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += chars[i];
        return s + "…";
    };
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (ImGui::CalcTextSize(prefix(mid).c_str()).x <= width) lo = mid;
        else hi = mid - 1;
    }
    return prefix(lo);
}

float bigButtonWidth(ViewContext& ctx, const std::string& label) {
    const float text =
        ctx.fonts.bold->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0, label.c_str()).x;
    return text + ImGui::GetStyle().FramePadding.x * 2;
}

void flowNext(ViewContext& ctx, const std::string& label) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (x + bigButtonWidth(ctx, label) <= right) ImGui::SameLine();
}

void statTile(ViewContext& ctx, const std::string& value, const std::string& caption, ImVec2 size, ImU32 accent) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), color::kPanel, 8 * ctx.scale);
    dl->AddRectFilled(p, ImVec2(p.x + 6 * ctx.scale, p.y + size.y), accent, 8 * ctx.scale);
    const float top = p.y + size.y * 0.08f;
    const float h = centredText(ctx.fonts.large, value, color::kText, p.x, p.x + size.x, top);
    centredText(ctx.fonts.body, caption, color::kMuted, p.x + 8, p.x + size.x - 8, top + h);
    ImGui::Dummy(size);
}

void arrivalsChart(ViewContext& ctx, const std::vector<std::pair<core::Millis, int>>& buckets, ImVec2 size) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), color::kPanel, 6);
    ImGui::Dummy(size);
    if (buckets.empty()) {
        centredText(ctx.fonts.body, core::tr("gui.console.no_arrivals"), color::kMuted, p.x, p.x + size.x, p.y + size.y * 0.4f);
        return;
    }
    int peak = 1;
    for (const auto& b : buckets) peak = std::max(peak, b.second);
    const float labelH = ctx.fonts.body->FontSize * 1.2f;
    // A row above the bars for the tallest one's count, a row under them for the clock labels.
    const float top = p.y + 4 + labelH;
    const float chartH = size.y - 2 * labelH - 8;
    const size_t n = std::min<size_t>(buckets.size(), 60); // the last ten hours at most
    const size_t first = buckets.size() - n;
    const float barW = std::min(size.x / static_cast<float>(n), size.x / 12.0f); // one bucket is not a wall
    const int offset = ctx.snap.event.utcOffsetMin;
    for (size_t i = 0; i < n; ++i) {
        const auto& [start, count] = buckets[first + i];
        const float h = chartH * static_cast<float>(count) / static_cast<float>(peak);
        const float x = p.x + barW * static_cast<float>(i);
        dl->AddRectFilled(ImVec2(x + 2, top + chartH - h), ImVec2(x + barW - 2, top + chartH),
                          color::kAccept);
        if (count > 0 && barW > ctx.fonts.body->FontSize * 1.5f) {
            const std::string c = std::to_string(count);
            dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize,
                        ImVec2(x + 4, top + chartH - h - labelH), color::kText, c.c_str());
        }
        const size_t every = std::max<size_t>(1, static_cast<size_t>(ctx.fonts.body->FontSize * 3.5f / barW));
        if (i % every == 0) {
            const std::string t = core::formatClock(start, offset);
            dl->AddText(ctx.fonts.body, ctx.fonts.body->FontSize, ImVec2(x + 2, p.y + size.y - labelH), color::kMuted,
                        t.c_str());
        }
    }
}

ImU32 parseColour(std::string_view hex) {
    unsigned r = 128, g = 128, b = 128;
    if (hex.size() == 7 && hex[0] == '#') std::sscanf(std::string(hex).c_str(), "#%02x%02x%02x", &r, &g, &b);
    return IM_COL32(r, g, b, 255);
}

} // namespace kiosk::ui
