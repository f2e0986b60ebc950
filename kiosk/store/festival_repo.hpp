#pragma once
// The festival in the database: contests, teams, quiz rounds and questions, the quiz state,
// the append-only score and buzzer logs, judged contests' sheets with their history, sports results.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/contest.hpp"
#include "kiosk/core/quiz.hpp"
#include "kiosk/store/db.hpp"
#include "kiosk/store/schema.hpp"

namespace kiosk::store {

// ---- set-up (from the event pack) ----
void saveContest(Database& db, const core::Contest& c);
std::vector<core::Contest> loadContests(Database& db); ///< by pos
std::optional<core::Contest> loadContest(Database& db, const std::string& id);

/// Teams are the department's units; one team may enter several contests.
void saveTeam(Database& db, const core::QuizTeam& t, int pos);
std::vector<core::QuizTeam> loadTeams(Database& db);
void addContestTeam(Database& db, const std::string& contestId, const std::string& teamId, int pos);
std::vector<core::QuizTeam> loadContestTeams(Database& db, const std::string& contestId);

void saveRound(Database& db, const std::string& contestId, const core::QuizRound& r, int pos);
std::vector<core::QuizRound> loadRounds(Database& db, const std::string& contestId);
void saveQuestion(Database& db, const std::string& contestId, const core::QuizQuestion& q);
/// By round order, then pos.
std::vector<core::QuizQuestion> loadQuestions(Database& db, const std::string& contestId);

void saveCriterion(Database& db, const std::string& contestId, const core::Criterion& c, int pos);
std::vector<core::Criterion> loadCriteria(Database& db, const std::string& contestId);
void savePerformance(Database& db, const std::string& contestId, const core::Performance& p);
std::vector<core::Performance> loadPerformances(Database& db, const std::string& contestId);
void saveJudge(Database& db, const std::string& contestId, const core::Judge& j, const std::string& pinHash);
std::vector<core::Judge> loadJudges(Database& db, const std::string& contestId);
std::optional<std::string> judgePinHash(Database& db, const std::string& contestId, const std::string& judgeId);

// ---- quiz, live ----
/// The saved host state; `showId` counts question showings so a re-shown question gets fresh buzzers.
struct SavedQuizState {
    core::QuizState state;
    std::int64_t showId = 0;
};
SavedQuizState loadQuizState(Database& db, const std::string& contestId);
void saveQuizState(Database& db, const std::string& contestId, const SavedQuizState& s, core::Millis now);
/// Records a showing of a question; returns its show id.
std::int64_t insertShow(Database& db, const std::string& contestId, const std::string& questionId, const std::string& by,
                        core::Millis at);
/// Question ids shown at least once, oldest first.
std::vector<std::string> shownQuestions(Database& db, const std::string& contestId);

/// Appends a score event (id is assigned and returned).
std::int64_t appendScoreEvent(Database& db, const std::string& contestId, const core::ScoreEvent& e);
std::vector<core::ScoreEvent> loadScoreEvents(Database& db, const std::string& contestId);

/// One buzzer log entry (an undo takes back the last verdict).
struct BuzzEvent {
    std::int64_t id = 0;
    std::int64_t showId = 0;
    core::BuzzKind kind = core::BuzzKind::Open;
    std::string teamId;
    core::Millis at = 0;
    std::string pressKind; ///< for presses: how the arbiter took it
    int order = 0;
    core::Millis sinceOpen = 0;
};
void appendBuzzEvent(Database& db, const std::string& contestId, const BuzzEvent& e);
std::vector<BuzzEvent> loadBuzzEvents(Database& db, const std::string& contestId, std::int64_t showId);

// ---- judged contests, live ----
/// One judge's sheet for one performance.
struct Sheet {
    std::int64_t id = 0;
    std::string performanceId;
    std::string judgeId;
    core::SheetState state = core::SheetState::Empty;
    std::map<std::string, double> scores; ///< by criterion id
    core::Millis updatedAt = 0;
    core::Millis submittedAt = 0;
    int reopened = 0; ///< how many times the head judge reopened it
};
/// The sheet (creating an empty draft row when asked).
std::optional<Sheet> loadSheet(Database& db, const std::string& contestId, const std::string& performanceId,
                               const std::string& judgeId);
std::vector<Sheet> loadSheets(Database& db, const std::string& contestId);
/// Creates the sheet row if missing; returns its id.
std::int64_t ensureSheet(Database& db, const std::string& contestId, const std::string& performanceId,
                         const std::string& judgeId, core::Millis now);
void setSheetScore(Database& db, std::int64_t sheetId, const std::string& criterionId, std::optional<double> value,
                   core::Millis now);
void setSheetState(Database& db, std::int64_t sheetId, core::SheetState state, core::Millis now, bool reopen);

/// One submission or reopening of a sheet (append-only, festival-2): names contest,
/// performance and judge by their pack ids so it travels between machines unchanged.
struct SheetRecord {
    std::int64_t id = 0;
    std::string uuid; ///< empty when appending: a fresh one is made
    std::string contestId;
    std::string performanceId;
    std::string judgeId;
    std::string action; ///< "submit" or "reopen"
    std::string by;
    core::Millis at = 0;
    std::string reason;
    std::map<std::string, double> scores; ///< by criterion id, as they stood
    std::string snapshot;                 ///< "criterion=value;..." for people, in criterion order
    std::int64_t hubSeq = 0;              ///< the hub's order; 0 = not in the hub yet
};
using SheetHistory = SheetRecord;
/// Appends a record and brings the sheet's working copy to the newest record; returns its id.
std::int64_t appendSheetRecord(Database& db, const SheetRecord& r);
/// Rebuilds one sheet's working copy from its newest record (submit: these scores, locked;
/// reopen: a draft). False when there is no record or the performance or judge is unknown here.
bool projectSheet(Database& db, const std::string& contestId, const std::string& performanceId, const std::string& judgeId);
/// Every record of a contest, oldest first in the hub's order (records not in the hub yet last).
std::vector<SheetRecord> loadSheetHistory(Database& db, const std::string& contestId);
/// {"criterion":value,...} with every digit of each value.
std::string scoresJson(const std::map<std::string, double>& scores);

// ---- sports ----
/// One team's result; value nullopt = did not finish / no result.
struct SportsResultRow {
    std::string teamId;
    std::optional<double> value;
    std::string raw; ///< as typed
    std::string by;
    core::Millis at = 0;
};
void saveSportsResult(Database& db, const std::string& contestId, const SportsResultRow& r);
std::vector<SportsResultRow> loadSportsResults(Database& db, const std::string& contestId);

} // namespace kiosk::store
