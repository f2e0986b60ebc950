#pragma once
// The festival's contests as the event pack describes them: a team quiz, a judged contest
// (performances, criteria, judges) or a sports event.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/codes.hpp"
#include "kiosk/core/scoring.hpp"

namespace kiosk::core {

/// What kind of contest this is.
enum class ContestKind { Quiz, Judged, Sports };
inline constexpr auto kContestKindCodes =
    makeCodes<ContestKind>({{ContestKind::Quiz, "quiz"}, {ContestKind::Judged, "judged"}, {ContestKind::Sports, "sports"}});
std::optional<ContestKind> parseContestKind(std::string_view text);
std::string_view contestKindCode(ContestKind k);

/// One contest of the "Phần hội".
struct Contest {
    std::string id;
    std::string name;
    ContestKind kind = ContestKind::Quiz;
    int pos = 0;
    PrizeCounts prizes;
    // Judged contests:
    Aggregation aggregation = Aggregation::TrimmedMean;
    std::vector<TieBreak> tieBreaks;
    int decimals = 2;
    // Sports:
    Better better = Better::Higher;
    std::string resultUnit; ///< "điểm", "giây"... shown beside the value
    bool timeResults = false; ///< values are typed as times (m:ss.cc)
    // Quiz:
    int tiePlaces = 1;      ///< a tie within these places at the end calls for a tie-break question
};

/// "tie_breaks" as written in the pack ("criterion:bd, top_marks") back to text.
std::string tieBreaksText(const std::vector<TieBreak>& list);
/// Parses a comma-separated tie-break list; nullopt when one item is unknown.
std::optional<std::vector<TieBreak>> parseTieBreaks(std::string_view text);

/// A performance of a judged contest.
struct Performance {
    std::string id;
    std::string title;
    std::string teamId;     ///< the unit performing
    std::string performers;
    std::string genre;      ///< "Hát", "Múa", "Tiểu phẩm"...
    int pos = 0;            ///< order of appearance
};

/// A judge of a contest.
struct Judge {
    std::string id;
    std::string name;
    std::string title;
    bool head = false;      ///< the head judge may reopen submitted sheets
    int pos = 0;
};

/// The state of one judge's sheet for one performance.
enum class SheetState { Empty, Draft, Submitted };
inline constexpr auto kSheetStateCodes =
    makeCodes<SheetState>({{SheetState::Empty, "empty"}, {SheetState::Draft, "draft"}, {SheetState::Submitted, "submitted"}});
std::string_view sheetStateCode(SheetState s);
std::optional<SheetState> parseSheetState(std::string_view text);

} // namespace kiosk::core
