// One table per enum stored as text (kiosk/core/codes.hpp): every value has a code, the codes are
// distinct, each parses back to its value, and anything else parses to nothing, not a default.
#include <catch2/catch.hpp>

#include <set>

#include "kiosk/core/buzzer.hpp"
#include "kiosk/core/checkin_rules.hpp"
#include "kiosk/core/contest.hpp"
#include "kiosk/core/quiz.hpp"
#include "kiosk/core/run_of_show.hpp"
#include "kiosk/core/scoring.hpp"

using namespace kiosk;

namespace {

// enumerators: how many the enum has (its last value + 1), so a value added to the enum and not
// to its table fails here.
template <class Table, class Code, class Parse>
void checkTable(const Table& table, int enumerators, Code code, Parse parse,
                bool emptyCodeAllowed = false) {
    using E = decltype(table.rows[0].first);
    REQUIRE(static_cast<int>(table.size()) == enumerators);
    std::set<std::string_view> codes;
    for (int i = 0; i < enumerators; ++i) {
        const auto v = static_cast<E>(i);
        const std::string_view c = code(v);
        INFO("value " << i << " code '" << c << "'");
        CHECK((emptyCodeAllowed || !c.empty()));
        CHECK(codes.insert(c).second);
        const auto back = parse(c);
        REQUIRE(back);
        CHECK(*back == v);
    }
    for (std::string_view bad :
         {"mystery", "OPEN", " open", "open ", "accepted\n", "quiz;DROP TABLE", "\xC3\x28"})
        if (!codes.count(bad)) CHECK_FALSE(parse(bad));
    CHECK_FALSE(parse(std::string(20480, 'x')));
}

} // namespace

TEST_CASE("every enum stored as text round-trips through its one table") {
    using namespace core;
    checkTable(kBuzzKindCodes, 6, buzzKindCode, parseBuzzKind);
    checkTable(
        kPressKindCodes, 6, [](PressKind k) { return std::string_view(pressKindCode(k)); },
        parsePressKind);
    checkTable(kScoreReasonCodes, 5, scoreReasonCode, parseScoreReason);
    checkTable(kRoundKindCodes, 3, roundKindCode, parseRoundKind);
    checkTable(kQuestionPhaseCodes, 4, questionPhaseCode, parseQuestionPhase);
    checkTable(kContestKindCodes, 3, contestKindCode, parseContestKind);
    checkTable(kSheetStateCodes, 3, sheetStateCode, parseSheetState);
    checkTable(kAggregationCodes, 2, aggregationName, parseAggregation);
    checkTable(kActionTypeCodes, 9, actionTypeName, actionTypeFromName);
    checkTable(kReasonCodes, 12, reasonName, reasonFromName);
    checkTable(kStatusCodes, 3, statusName, statusFromName);
    checkTable(kDirectionCodes, 2, directionName, directionFromName);
    checkTable(
        kBetterCodes, 2, [](Better b) { return kBetterCodes.code(b); },
        [](std::string_view t) { return kBetterCodes.parse(t); });
    // "No prize" is the empty cell of a results file.
    checkTable(kPrizeCodes, 5, prizeCode, parsePrize, true);
}

TEST_CASE("an unknown code parses to nothing, never to the first or a default value") {
    CHECK_FALSE(core::parseScoreReason("bonus"));
    CHECK_FALSE(core::parseBuzzKind(""));
    CHECK_FALSE(core::parsePressKind("early"));
    CHECK_FALSE(core::reasonFromName("ok "));
    CHECK(core::parseBuzzKind("undo") == core::BuzzKind::Undo);
}
