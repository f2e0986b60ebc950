// The festival's records through the hub: quiz showings, score and buzzer events, and judges'
// sheet records. Local integer references (score_events.undoes, buzz_events.show_id) travel as
// the uuids of the rows they name; contest, team, question, performance and judge travel as
// their pack ids, which are the same on every machine. See docs/FLEET.md.
#include "kiosk/hub/replicate_kinds.hpp"
#include "kiosk/store/festival_repo.hpp"

namespace kiosk::hub::detail {

namespace {

// A record for a contest this machine does not know is skipped (it stays in the hub), rather
// than breaking the pull on a foreign key.
constexpr const char* kContestKnown =
    "json_extract(?2, '$.contest_id') IN (SELECT id FROM contests)";

// A pulled sheet record moves the current sheet of its (contest, performance, judge).
void sheetApplied(store::Database& db, std::int64_t row) {
    auto st =
        db.prepare("SELECT contest_id, performance_id, judge_id FROM sheet_records WHERE id = ?");
    st.bind(1, row);
    if (st.step()) store::projectSheet(db, st.getText(0), st.getText(1), st.getText(2));
}

} // namespace

std::vector<Kind> festivalKinds() {
    return {
        {"quiz_show",
         "quiz_shows",
         {"contest_id", "question_id", "by", "at"},
         false,
         false,
         false,
         "by",
         {},
         kContestKnown},
        {"score_event",
         "score_events",
         {"contest_id", "team_id", "question_id", "delta", "reason", "tie_break", "by", "at",
          "note"},
         false,
         false,
         false,
         "by",
         {{"undoes", "score_events", "NULL"}},
         kContestKnown},
        {"buzz_event",
         "buzz_events",
         {"contest_id", "kind", "team_id", "at", "press_kind", "press_order", "since_open"},
         false,
         false,
         false,
         nullptr,
         {{"show_id", "quiz_shows", "0"}},
         kContestKnown},
        {"judge_sheet",
         "sheet_records",
         {"contest_id", "performance_id", "judge_id", "action", "by", "at", "reason", "scores",
          "snapshot"},
         false,
         false,
         true,
         "by",
         {},
         nullptr,
         true,
         sheetApplied},
    };
}

} // namespace kiosk::hub::detail
