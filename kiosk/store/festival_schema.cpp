// The festival's migrations. Never edit one that shipped: add "festival-N+1".
#include "kiosk/store/festival_repo.hpp"

namespace kiosk::store {

std::vector<Migration> festivalMigrations() {
    return {{"festival-1", R"SQL(
CREATE TABLE contests(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('quiz', 'judged', 'sports')),
  pos INTEGER NOT NULL DEFAULT 0,
  prize_first INTEGER NOT NULL DEFAULT 1, prize_second INTEGER NOT NULL DEFAULT 1,
  prize_third INTEGER NOT NULL DEFAULT 1, prize_consolation INTEGER NOT NULL DEFAULT 2,
  aggregation TEXT NOT NULL DEFAULT 'trimmed_mean', tie_breaks TEXT NOT NULL DEFAULT '',
  decimals INTEGER NOT NULL DEFAULT 2,
  better TEXT NOT NULL DEFAULT 'higher' CHECK (better IN ('higher', 'lower')),
  result_unit TEXT NOT NULL DEFAULT '', time_results INTEGER NOT NULL DEFAULT 0,
  tie_places INTEGER NOT NULL DEFAULT 1);
CREATE TABLE teams(id TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL DEFAULT '',
  buzzer_key TEXT NOT NULL DEFAULT '', pos INTEGER NOT NULL DEFAULT 0);
CREATE TABLE contest_teams(
  contest_id TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams(id), pos INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(contest_id, team_id));
CREATE TABLE quiz_rounds(
  contest_id TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE, id TEXT NOT NULL, name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('everyone', 'buzzer', 'tiebreak')), pos INTEGER NOT NULL DEFAULT 0,
  wrong_points INTEGER NOT NULL DEFAULT 0, false_start_penalty INTEGER NOT NULL DEFAULT 0,
  false_start_lockout INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY(contest_id, id));
CREATE TABLE quiz_questions(
  contest_id TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE, id TEXT NOT NULL,
  round_id TEXT NOT NULL, pos INTEGER NOT NULL DEFAULT 0, multiple_choice INTEGER NOT NULL DEFAULT 1,
  text TEXT NOT NULL, choice_a TEXT NOT NULL DEFAULT '', choice_b TEXT NOT NULL DEFAULT '',
  choice_c TEXT NOT NULL DEFAULT '', choice_d TEXT NOT NULL DEFAULT '',
  answer TEXT NOT NULL, explanation TEXT NOT NULL DEFAULT '',
  points INTEGER NOT NULL DEFAULT 10, time_limit_sec INTEGER NOT NULL DEFAULT 30,
  PRIMARY KEY(contest_id, id), FOREIGN KEY(contest_id, round_id) REFERENCES quiz_rounds(contest_id, id));
-- One row per contest: what is on stage now. Rewritten on every host action.
CREATE TABLE quiz_state(
  contest_id TEXT PRIMARY KEY REFERENCES contests(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL DEFAULT '', phase TEXT NOT NULL DEFAULT 'idle', show_id INTEGER NOT NULL DEFAULT 0,
  shown_at INTEGER NOT NULL DEFAULT 0, started_at INTEGER NOT NULL DEFAULT 0, time_limit_sec INTEGER NOT NULL DEFAULT 0,
  tiebreak_teams TEXT NOT NULL DEFAULT '', updated_at INTEGER NOT NULL DEFAULT 0);
-- Every showing of a question (append-only); buzzer presses belong to one showing.
CREATE TABLE quiz_shows(
  id INTEGER PRIMARY KEY, contest_id TEXT NOT NULL REFERENCES contests(id), question_id TEXT NOT NULL,
  by TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL);
-- Every score change with who and when (append-only; an undo is a new row naming the one it cancels).
CREATE TABLE score_events(
  id INTEGER PRIMARY KEY, contest_id TEXT NOT NULL REFERENCES contests(id), team_id TEXT NOT NULL,
  question_id TEXT NOT NULL DEFAULT '', delta INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('right', 'wrong', 'false_start', 'adjust', 'undo')),
  tie_break INTEGER NOT NULL DEFAULT 0, undoes INTEGER REFERENCES score_events(id),
  by TEXT NOT NULL, at INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '');
CREATE INDEX score_events_contest ON score_events(contest_id, id);
-- Buzzer log: opening, each press to the millisecond with how it counted, verdicts (append-only).
CREATE TABLE buzz_events(
  id INTEGER PRIMARY KEY, contest_id TEXT NOT NULL REFERENCES contests(id), show_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('open', 'press', 'wrong', 'right', 'close', 'undo')),
  team_id TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL, press_kind TEXT NOT NULL DEFAULT '',
  press_order INTEGER NOT NULL DEFAULT 0, since_open INTEGER NOT NULL DEFAULT 0);
CREATE INDEX buzz_events_show ON buzz_events(contest_id, show_id, id);
CREATE TABLE criteria(
  contest_id TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE, id TEXT NOT NULL, name TEXT NOT NULL,
  weight REAL NOT NULL DEFAULT 1, max_score REAL NOT NULL CHECK (max_score > 0), step REAL NOT NULL DEFAULT 0,
  pos INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(contest_id, id));
CREATE TABLE performances(
  contest_id TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE, id TEXT NOT NULL, title TEXT NOT NULL,
  team_id TEXT NOT NULL DEFAULT '', performers TEXT NOT NULL DEFAULT '', genre TEXT NOT NULL DEFAULT '',
  pos INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(contest_id, id));
CREATE TABLE judges(
  contest_id TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE, id TEXT NOT NULL, name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '', head INTEGER NOT NULL DEFAULT 0, pin_hash TEXT NOT NULL,
  pos INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(contest_id, id));
CREATE TABLE score_sheets(
  id INTEGER PRIMARY KEY, contest_id TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
  performance_id TEXT NOT NULL, judge_id TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),
  updated_at INTEGER NOT NULL, submitted_at INTEGER NOT NULL DEFAULT 0, reopened INTEGER NOT NULL DEFAULT 0,
  UNIQUE(contest_id, performance_id, judge_id),
  FOREIGN KEY(contest_id, performance_id) REFERENCES performances(contest_id, id),
  FOREIGN KEY(contest_id, judge_id) REFERENCES judges(contest_id, id));
CREATE TABLE sheet_scores(
  sheet_id INTEGER NOT NULL REFERENCES score_sheets(id) ON DELETE CASCADE, criterion_id TEXT NOT NULL,
  value REAL NOT NULL, PRIMARY KEY(sheet_id, criterion_id));
-- A submitted sheet cannot change until the head judge reopens it.
CREATE TRIGGER sheet_scores_locked_i BEFORE INSERT ON sheet_scores
  WHEN (SELECT state FROM score_sheets WHERE id = NEW.sheet_id) = 'submitted'
  BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;
CREATE TRIGGER sheet_scores_locked_u BEFORE UPDATE ON sheet_scores
  WHEN (SELECT state FROM score_sheets WHERE id = OLD.sheet_id) = 'submitted'
  BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;
CREATE TRIGGER sheet_scores_locked_d BEFORE DELETE ON sheet_scores
  WHEN (SELECT state FROM score_sheets WHERE id = OLD.sheet_id) = 'submitted'
  BEGIN SELECT RAISE(ABORT, 'score sheet is submitted'); END;
-- Submissions and reopenings with the scores as they stood: the original beside the correction.
CREATE TABLE sheet_history(
  id INTEGER PRIMARY KEY, sheet_id INTEGER NOT NULL REFERENCES score_sheets(id),
  action TEXT NOT NULL CHECK (action IN ('submit', 'reopen')), by TEXT NOT NULL, at INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '', snapshot TEXT NOT NULL DEFAULT '');
CREATE TABLE sports_results(
  contest_id TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE, team_id TEXT NOT NULL REFERENCES teams(id),
  value REAL, raw TEXT NOT NULL DEFAULT '', by TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL,
  PRIMARY KEY(contest_id, team_id));
CREATE TRIGGER score_events_append_only_u BEFORE UPDATE ON score_events BEGIN SELECT RAISE(ABORT, 'score_events are append-only'); END;
CREATE TRIGGER score_events_append_only_d BEFORE DELETE ON score_events BEGIN SELECT RAISE(ABORT, 'score_events are append-only'); END;
CREATE TRIGGER buzz_events_append_only_u BEFORE UPDATE ON buzz_events BEGIN SELECT RAISE(ABORT, 'buzz_events are append-only'); END;
CREATE TRIGGER buzz_events_append_only_d BEFORE DELETE ON buzz_events BEGIN SELECT RAISE(ABORT, 'buzz_events are append-only'); END;
CREATE TRIGGER sheet_history_append_only_u BEFORE UPDATE ON sheet_history BEGIN SELECT RAISE(ABORT, 'sheet_history is append-only'); END;
CREATE TRIGGER sheet_history_append_only_d BEFORE DELETE ON sheet_history BEGIN SELECT RAISE(ABORT, 'sheet_history is append-only'); END;
)SQL"},
            {"festival-2", R"SQL(
-- Judges' sheets as append-only records that travel between machines (docs/FLEET.md): every
-- submission and every reopening is one record with its uuid, naming contest, performance and
-- judge by their pack ids (never a local integer id), with the scores as a JSON object. The
-- current sheet is the newest record per (contest, performance, judge) in the hub's order
-- (hub_seq, learnt when the record is pushed or pulled; 0 = not in the hub yet, so newest).
-- score_sheets/sheet_scores stay as this machine's working copy: drafts, and the projection.
CREATE TABLE sheet_records(
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
  contest_id TEXT NOT NULL, performance_id TEXT NOT NULL, judge_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('submit', 'reopen')), by TEXT NOT NULL, at INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '', scores TEXT NOT NULL DEFAULT '{}', snapshot TEXT NOT NULL DEFAULT '',
  hub_seq INTEGER NOT NULL DEFAULT 0);
CREATE INDEX sheet_records_key ON sheet_records(contest_id, performance_id, judge_id);
-- Only hub_seq may be learnt later; the record itself never changes.
CREATE TRIGGER sheet_records_append_only_u BEFORE UPDATE OF uuid, contest_id, performance_id, judge_id, action, by, at,
  reason, scores, snapshot ON sheet_records BEGIN SELECT RAISE(ABORT, 'sheet_records are append-only'); END;
CREATE TRIGGER sheet_records_append_only_d BEFORE DELETE ON sheet_records
  BEGIN SELECT RAISE(ABORT, 'sheet_records are append-only'); END;
-- An old database keeps its history: each line becomes a record ("nd=8.5;bd=9" -> {"nd":8.5,"bd":9}).
INSERT INTO sheet_records(uuid, contest_id, performance_id, judge_id, action, by, at, reason, scores, snapshot)
SELECT lower(substr(x, 1, 8) || '-' || substr(x, 9, 4) || '-4' || substr(x, 14, 3) || '-' ||
         substr('89ab', 1 + (abs(random()) % 4), 1) || substr(x, 18, 3) || '-' || substr(x, 21, 12)),
       contest_id, performance_id, judge_id, action, by, at, reason,
       CASE WHEN json_valid(j) THEN j ELSE '{}' END, snapshot
FROM (SELECT hex(randomblob(16)) AS x, s.contest_id, s.performance_id, s.judge_id, h.action, h.by, h.at, h.reason, h.id AS hid,
        h.snapshot,
        CASE WHEN h.snapshot = '' THEN '{}'
             ELSE '{"' || replace(replace(h.snapshot, '=', '":'), ';', ',"') || '}' END AS j
      FROM sheet_history h JOIN score_sheets s ON s.id = h.sheet_id)
ORDER BY hid;
DROP TABLE sheet_history;
)SQL"}};
}

} // namespace kiosk::store
