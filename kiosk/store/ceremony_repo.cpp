#include "kiosk/store/ceremony_repo.hpp"

#include <sqlite3.h>

#include "kiosk/store/event_repo.hpp"
#include "kiosk/store/schema.hpp"

namespace kiosk::store {

namespace {
constexpr const char* kPinnedMessageKey =
    "ceremony.message_pinned"; // the id of the pinned stage message
} // namespace

std::vector<Migration> ceremonyMigrations() {
    return {{"ceremony-1", R"SQL(
CREATE TABLE program_items(
  id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL, planned_min INTEGER NOT NULL CHECK (planned_min >= 0),
  optional INTEGER NOT NULL DEFAULT 0, warn_sec INTEGER NOT NULL DEFAULT 60, danger_sec INTEGER NOT NULL DEFAULT 15,
  speaker TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', script TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL);
-- Every step the MC or an organizer takes, append-only: the show's state and timeline replay from it.
CREATE TABLE show_actions(
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, type TEXT NOT NULL, item TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT '', value INTEGER NOT NULL DEFAULT 0, kiosk TEXT NOT NULL DEFAULT '');
CREATE TRIGGER show_actions_append_only_u BEFORE UPDATE ON show_actions BEGIN SELECT RAISE(ABORT, 'show_actions are append-only'); END;
CREATE TRIGGER show_actions_append_only_d BEFORE DELETE ON show_actions BEGIN SELECT RAISE(ABORT, 'show_actions are append-only'); END;
CREATE TABLE awards(
  id TEXT PRIMARY KEY, pos INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('collective', 'individual')),
  recipient TEXT NOT NULL, unit TEXT NOT NULL DEFAULT '', delegate_code TEXT NOT NULL DEFAULT '',
  form TEXT NOT NULL DEFAULT '', decision TEXT NOT NULL DEFAULT '', citation TEXT NOT NULL DEFAULT '',
  handed_at INTEGER);
CREATE TABLE stage_messages(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, text TEXT NOT NULL, kiosk TEXT NOT NULL DEFAULT '');
CREATE TABLE stage_state(
  id INTEGER PRIMARY KEY CHECK (id = 1), blackout INTEGER NOT NULL DEFAULT 0, countdown INTEGER NOT NULL DEFAULT 0,
  message_id INTEGER REFERENCES stage_messages(id), updated_at INTEGER NOT NULL DEFAULT 0);
INSERT INTO stage_state(id) VALUES(1);
-- The MC's introduction list is read on every change; keep it off a scan of every delegate.
CREATE INDEX delegates_introduce ON delegates(id) WHERE introduce = 1 AND revoked = 0;
)SQL"},
            {"ceremony-2", R"SQL(
-- A phone number where the list has one, for the desk to call a leader who has not arrived.
ALTER TABLE delegates ADD COLUMN phone TEXT NOT NULL DEFAULT '';
-- "Đã báo vắng": append-only marks and withdrawals; the newest row per delegate counts.
CREATE TABLE apologies(
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, delegate_id INTEGER NOT NULL REFERENCES delegates(id),
  at INTEGER NOT NULL, kiosk TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',
  withdrawn INTEGER NOT NULL DEFAULT 0);
CREATE INDEX apologies_delegate ON apologies(delegate_id, id);
CREATE TRIGGER apologies_append_only_u BEFORE UPDATE ON apologies BEGIN SELECT RAISE(ABORT, 'apologies are append-only'); END;
CREATE TRIGGER apologies_append_only_d BEFORE DELETE ON apologies BEGIN SELECT RAISE(ABORT, 'apologies are append-only'); END;
)SQL"},
            {"ceremony-3", R"SQL(
-- The MC's collective awards ask, every reload, who of the recipient unit is here
-- (delegatesOfUnit): without this the query read the whole delegates table. Ordered as it reads.
CREATE INDEX delegates_unit ON delegates(unit, rank, name) WHERE revoked = 0;
)SQL"}};
}

std::pair<std::int64_t, std::int64_t> changeStamp(Database& db) {
    return {db.dataVersion(), sqlite3_total_changes64(db.handle())};
}

void insertProgramItem(Database& db, const core::ProgramItem& i, core::Millis now) {
    auto& st = db.cached("INSERT INTO program_items(id, pos, title, planned_min, optional, warn_sec, danger_sec, "
                         "speaker, kind, script, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, i.id).bind(2, i.order).bind(3, i.title).bind(4, i.plannedMin).bind(5, i.optional);
    st.bind(6, i.warnSec).bind(7, i.dangerSec).bind(8, i.speaker).bind(9, i.kind).bind(10, i.script);
    st.bind(11, now).run();
}

void saveProgram(Database& db, const std::vector<core::ProgramItem>& items, core::Millis now) {
    db.exec("DELETE FROM program_items");
    for (const auto& i : items) insertProgramItem(db, i, now);
}

std::vector<core::ProgramItem> loadProgram(Database& db) {
    std::vector<core::ProgramItem> out;
    auto st = db.prepare("SELECT id, pos, title, planned_min, optional, warn_sec, danger_sec, speaker, kind, script "
                         "FROM program_items ORDER BY pos, id");
    while (st.step()) {
        core::ProgramItem i;
        i.id = st.getText(0);
        i.order = static_cast<int>(st.getInt(1));
        i.title = st.getText(2);
        i.plannedMin = static_cast<int>(st.getInt(3));
        i.optional = st.getInt(4) != 0;
        i.warnSec = static_cast<int>(st.getInt(5));
        i.dangerSec = static_cast<int>(st.getInt(6));
        i.speaker = st.getText(7);
        i.kind = st.getText(8);
        i.script = st.getText(9);
        out.push_back(std::move(i));
    }
    return out;
}

bool updateProgramItem(Database& db, const core::ProgramItem& i, core::Millis now) {
    auto st = db.prepare("UPDATE program_items SET pos=?, title=?, planned_min=?, optional=?, warn_sec=?, danger_sec=?, "
                         "speaker=?, kind=?, script=?, updated_at=? WHERE id=?");
    st.bind(1, i.order).bind(2, i.title).bind(3, i.plannedMin).bind(4, i.optional).bind(5, i.warnSec);
    st.bind(6, i.dangerSec).bind(7, i.speaker).bind(8, i.kind).bind(9, i.script).bind(10, now).bind(11, i.id).run();
    return db.changes() > 0;
}

std::int64_t appendShowAction(Database& db, const core::ShowAction& a, const std::string& kiosk) {
    auto& st = db.cached("INSERT INTO show_actions(at, type, item, target, value, kiosk) VALUES(?,?,?,?,?,?)");
    st.bind(1, a.at).bind(2, core::actionTypeName(a.type)).bind(3, a.item).bind(4, a.target).bind(5, a.value);
    st.bind(6, kiosk).run();
    return db.lastInsertId();
}

std::vector<core::ShowAction> loadShowActions(Database& db) {
    std::vector<core::ShowAction> out;
    auto& st = db.cached("SELECT id, at, type, item, target, value FROM show_actions ORDER BY id");
    while (st.step()) {
        // A type this build does not know is an error, not a step skipped: replaying the show
        // without it would put the MC on the wrong item.
        const auto type = knownCode(core::actionTypeFromName(st.getText(2)), "show action", st.getText(2));
        out.push_back(core::ShowAction{st.getInt(0), type, st.getInt(1), st.getText(3), st.getText(4), st.getInt(5)});
    }
    return out;
}

void saveAwards(Database& db, const std::vector<core::Award>& awards) {
    db.exec("DELETE FROM awards");
    auto st = db.prepare("INSERT INTO awards(id, pos, kind, recipient, unit, delegate_code, form, decision, citation, "
                         "handed_at) VALUES(?,?,?,?,?,?,?,?,?,?)");
    for (const auto& a : awards) {
        st.reset();
        st.bind(1, a.id).bind(2, a.order).bind(3, a.kind).bind(4, a.recipient).bind(5, a.unit);
        st.bind(6, a.delegateCode).bind(7, a.form).bind(8, a.decision).bind(9, a.citation).bind(10, a.handedAt).run();
    }
}

std::vector<core::Award> loadAwards(Database& db) {
    std::vector<core::Award> out;
    auto st = db.prepare("SELECT id, pos, kind, recipient, unit, delegate_code, form, decision, citation, handed_at "
                         "FROM awards ORDER BY pos, id");
    while (st.step()) {
        core::Award a;
        a.id = st.getText(0);
        a.order = static_cast<int>(st.getInt(1));
        a.kind = st.getText(2);
        a.recipient = st.getText(3);
        a.unit = st.getText(4);
        a.delegateCode = st.getText(5);
        a.form = st.getText(6);
        a.decision = st.getText(7);
        a.citation = st.getText(8);
        if (!st.isNull(9)) a.handedAt = st.getInt(9);
        out.push_back(std::move(a));
    }
    return out;
}

bool setAwardHanded(Database& db, const std::string& awardId, std::optional<core::Millis> at) {
    auto st = db.prepare("UPDATE awards SET handed_at=? WHERE id=?");
    st.bind(1, at).bind(2, awardId).run();
    return db.changes() > 0;
}

std::vector<std::int64_t> delegatesToIntroduce(Database& db) {
    std::vector<std::int64_t> out;
    auto& st = db.cached("SELECT id FROM delegates WHERE introduce = 1 AND revoked = 0");
    while (st.step()) out.push_back(st.getInt(0));
    return out;
}

StageState loadStageState(Database& db) {
    // The pin is a settings row naming the pinned message, so a newer message is unpinned by
    // itself.
    auto& st = db.cached(
        "SELECT s.blackout, s.countdown, coalesce(m.text, ''), coalesce(m.at, 0), s.updated_at, "
        "coalesce(m.id, 0), coalesce((SELECT value FROM settings WHERE key = ?1), '') "
        "FROM stage_state s LEFT JOIN stage_messages m ON m.id = s.message_id WHERE s.id = 1");
    st.bind(1, std::string_view(kPinnedMessageKey));
    StageState out;
    if (st.step()) {
        out.blackout = st.getInt(0) != 0;
        out.countdown = st.getInt(1) != 0;
        out.message = st.getText(2);
        out.messageAt = st.getInt(3);
        out.updatedAt = st.getInt(4);
        out.messageId = st.getInt(5);
        out.pinned = out.messageId != 0 && st.getText(6) == std::to_string(out.messageId);
    }
    st.reset();
    return out;
}

const char* const kDelegatesOfUnitSql =
    "SELECT id, name FROM delegates WHERE unit = ? AND revoked = 0 ORDER BY rank, name";

std::vector<std::pair<std::int64_t, std::string>> delegatesOfUnit(Database& db,
                                                                  const std::string& unit) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    if (unit.empty()) return out;
    auto& st = db.cached(kDelegatesOfUnitSql);
    st.bind(1, std::string_view(unit));
    while (st.step())
        out.emplace_back(st.getInt(0), st.getText(1));
    st.reset();
    return out;
}

void setBlackout(Database& db, bool on, core::Millis now) {
    db.prepare("UPDATE stage_state SET blackout=?, updated_at=? WHERE id=1").bind(1, on).bind(2, now).run();
}

void setCountdown(Database& db, bool on, core::Millis now) {
    db.prepare("UPDATE stage_state SET countdown=?, updated_at=? WHERE id=1").bind(1, on).bind(2, now).run();
}

void pinStageMessage(Database& db, bool pinned, core::Millis now) {
    const StageState state = loadStageState(db);
    setSetting(db, kPinnedMessageKey,
               pinned && state.messageId ? std::to_string(state.messageId) : std::string());
    db.prepare("UPDATE stage_state SET updated_at=? WHERE id=1").bind(1, now).run();
}

void postStageMessage(Database& db, const std::string& text, core::Millis now, const std::string& kiosk) {
    db.prepare("INSERT INTO stage_messages(at, text, kiosk) VALUES(?,?,?)").bind(1, now).bind(2, text).bind(3, kiosk).run();
    const std::int64_t id = db.lastInsertId();
    db.prepare("UPDATE stage_state SET message_id=?, updated_at=? WHERE id=1").bind(1, id).bind(2, now).run();
}

} // namespace kiosk::store
