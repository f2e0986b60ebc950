#include "kiosk/platform/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <array>

namespace kiosk::platform {

// ImGui's Vietnamese table covers the precomposed letters Vietnamese uses; Latin Extended
// Additional is added whole so names typed with other tools (ẞ, Ỳ...) still render, plus the
// punctuation the string tables use (dashes, quotes, ellipsis, bullet, arrows).
const ImWchar* glyphRanges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesVietnamese());
        static const ImWchar extra[] = {0x00A0, 0x024F, 0x1E00, 0x1EFF, 0x2010, 0x2027, 0x2190,
                                        0x2193, 0x2605, 0x2606, 0x2713, 0x2717, 0};
        builder.AddRanges(extra);
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

namespace {

std::string familyOf(FcPattern* pattern) {
    FcChar8* family = nullptr;
    if (FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch && family)
        return reinterpret_cast<const char*>(family);
    return {};
}

} // namespace

std::string findFontFile(const std::string& pattern) {
    if (!FcInit()) return {};
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
    if (!pat) return {};
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pat, &result);
    FcPatternDestroy(pat);
    if (!match) return {};
    std::string file;
    const std::string family = familyOf(match);
    FcChar8* path = nullptr;
    if ((family == "Noto Sans" || family == "DejaVu Sans") &&
        FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch && path)
        file = reinterpret_cast<const char*>(path);
    FcPatternDestroy(match);
    return file;
}

bool loadFonts(ImFontAtlas& atlas, float scale, Fonts& out, std::string& error) {
    out = Fonts{};
    for (const char* family : {"Noto Sans", "DejaVu Sans"}) {
        out.regularFile = findFontFile(family);
        out.boldFile = findFontFile(std::string(family) + ":bold");
        if (!out.regularFile.empty()) break;
    }
    if (out.regularFile.empty()) {
        error = "no Noto Sans or DejaVu Sans font found by fontconfig (install fonts-noto-core or fonts-dejavu-core)";
        return false;
    }
    if (out.boldFile.empty()) out.boldFile = out.regularFile;
    // Noto Sans has no check marks or stars (✓ ★): DejaVu Sans fills what the first face lacks.
    std::string fillRegular = findFontFile("DejaVu Sans"),
                fillBold = findFontFile("DejaVu Sans:bold");
    if (fillBold.empty()) fillBold = fillRegular;

    atlas.Clear();
    ImFontConfig config;
    config.OversampleH = 1; // large sizes do not need horizontal oversampling; keeps the atlas small
    config.OversampleV = 1;
    config.PixelSnapH = true;
    const ImWchar* ranges = glyphRanges();
    auto add = [&](const std::string& file, float px) {
        config.MergeMode = false;
        ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), px * scale, &config, ranges);
        const std::string& fill = file == out.regularFile ? fillRegular : fillBold;
        if (font && !fill.empty() && fill != file) {
            // Merged glyphs never replace the first face's: only the missing ones are taken.
            config.MergeMode = true;
            atlas.AddFontFromFileTTF(fill.c_str(), px * scale, &config, ranges);
        }
        return font;
    };
    out.body = add(out.regularFile, 24);
    out.bold = add(out.boldFile, 24);
    out.title = add(out.boldFile, 36);
    out.large = add(out.boldFile, 56);
    out.huge = add(out.boldFile, 96);
    if (!out.body || !out.bold || !out.title || !out.large || !out.huge || !atlas.Build()) {
        error = "cannot load font " + out.regularFile;
        return false;
    }
    return true;
}

} // namespace kiosk::platform
