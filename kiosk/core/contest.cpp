#include "kiosk/core/contest.hpp"

namespace kiosk::core {

std::optional<ContestKind> parseContestKind(std::string_view text) { return kContestKindCodes.parse(text); }
std::string_view contestKindCode(ContestKind k) { return kContestKindCodes.code(k); }

std::string tieBreaksText(const std::vector<TieBreak>& list) {
    std::string out;
    for (const auto& tb : list) {
        if (!out.empty()) out += ",";
        out += tb.kind == TieBreak::Kind::TopMarks ? "top_marks" : "criterion:" + tb.criterionId;
    }
    return out;
}

std::optional<std::vector<TieBreak>> parseTieBreaks(std::string_view text) {
    std::vector<TieBreak> out;
    while (!text.empty()) {
        auto comma = text.find(',');
        auto item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        bool blank = item.find_first_not_of(" \t") == std::string_view::npos;
        if (blank) continue;
        auto tb = parseTieBreak(item);
        if (!tb) return std::nullopt;
        out.push_back(*tb);
    }
    return out;
}

std::string_view sheetStateCode(SheetState s) { return kSheetStateCodes.code(s); }
std::optional<SheetState> parseSheetState(std::string_view text) { return kSheetStateCodes.parse(text); }

} // namespace kiosk::core
