#pragma once
// Fonts found through fontconfig (Noto Sans, else DejaVu Sans) and loaded into Dear ImGui's
// atlas with the Vietnamese glyph ranges, at the sizes the screens need. No font files in the repo.
#include <string>

struct ImFont;
struct ImFontAtlas;

namespace kiosk::platform {

/// The faces the views draw with; every pointer is valid after loadFonts() succeeded.
struct Fonts {
    ImFont* body = nullptr;    ///< lists, console text
    ImFont* bold = nullptr;    ///< labels, buttons
    ImFont* title = nullptr;   ///< section titles
    ImFont* large = nullptr;   ///< gate banner, counters
    ImFont* huge = nullptr;    ///< gate result: the delegate's name
    std::string regularFile;   ///< the files fontconfig chose (shown on the device status)
    std::string boldFile;
};

/// The file fontconfig picks for a pattern such as "Noto Sans:bold", or "" when none of the
/// wanted families is installed (fontconfig substitutes anything; we only accept Noto/DejaVu Sans).
std::string findFontFile(const std::string& pattern);

/// The characters the atlas holds, as ImGui glyph ranges (pairs, 0-terminated): Vietnamese and
/// Latin Extended, general punctuation (dashes, quotes, bullet, ellipsis), arrows, stars, check
/// marks. Anything else, or anything neither Noto Sans nor DejaVu Sans (merged in for what Noto
/// lacks) has, draws as "?": the string tables, the pack and the texts drawn inline are tested
/// against the atlas.
const unsigned short* glyphRanges();

/// Adds the faces at the given scale (1.0 = sizes for a 1080-line screen) to atlas and builds it.
/// Returns false with error set when no usable font was found.
bool loadFonts(ImFontAtlas& atlas, float scale, Fonts& out, std::string& error);

} // namespace kiosk::platform
