#include "kiosk/store/schema.hpp"

#include <string>

#include "kiosk/core/time.hpp"

namespace kiosk::store {

std::vector<Migration> allMigrations() {
    std::vector<Migration> all;
    for (auto list : {coreMigrations(), ceremonyMigrations(), festivalMigrations(), pinMigrations(), fleetMigrations(), fleetReferenceMigrations()})
        for (auto& m : list) all.push_back(std::move(m));
    return all;
}

int migrate(Database& db) {
    db.exec("CREATE TABLE IF NOT EXISTS migrations(name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
    Transaction tx(db);
    int ran = 0, total = 0;
    for (const auto& m : allMigrations()) {
        auto st = db.prepare("SELECT 1 FROM migrations WHERE name=?");
        st.bind(1, m.name);
        ++total;
        if (st.step()) continue;
        db.exec(m.sql);
        auto ins = db.prepare("INSERT INTO migrations(name, applied_at) VALUES(?, ?)");
        ins.bind(1, m.name).bind(2, core::nowMillis()).run();
        ++ran;
    }
    db.setUserVersion(total);
    tx.commit();
    return ran;
}

namespace {
// Fills the kept counts from the records (the core-2 migration, and `kiosk check --repair`).
constexpr const char* kRebuildCounts = R"SQL(
DELETE FROM presence_counts;
DELETE FROM expected_counts;
DELETE FROM arrival_minutes;
INSERT INTO presence_counts
  SELECT p.list_id, d.category_id, count(*), sum(p.inside) FROM presence p JOIN delegates d ON d.id = p.delegate_id
  GROUP BY p.list_id, d.category_id;
INSERT INTO expected_counts
  SELECT c.id, (SELECT count(*) FROM delegates d WHERE d.category_id = c.id AND d.revoked = 0) FROM categories c;
INSERT INTO arrival_minutes SELECT list_id, first_at / 60000, count(*) FROM presence GROUP BY list_id, first_at / 60000;
)SQL";

// A presence row counts once for its list and its delegate's category, and once for its list and
// the minute of its first entry: inserting adds NEW, deleting takes OLD away, updating does both.
std::string presenceCountTriggers() {
    const std::string add = R"SQL(
  INSERT INTO presence_counts SELECT NEW.list_id, d.category_id, 0, 0 FROM delegates d WHERE d.id = NEW.delegate_id
    AND NOT EXISTS (SELECT 1 FROM presence_counts WHERE list_id = NEW.list_id AND category_id = d.category_id);
  UPDATE presence_counts SET present = present + 1, inside = inside + NEW.inside
    WHERE list_id = NEW.list_id AND category_id = (SELECT category_id FROM delegates WHERE id = NEW.delegate_id);
  INSERT INTO arrival_minutes SELECT NEW.list_id, NEW.first_at / 60000, 0
    WHERE NOT EXISTS (SELECT 1 FROM arrival_minutes WHERE list_id = NEW.list_id AND minute = NEW.first_at / 60000);
  UPDATE arrival_minutes SET n = n + 1 WHERE list_id = NEW.list_id AND minute = NEW.first_at / 60000;)SQL";
    const std::string remove = R"SQL(
  UPDATE presence_counts SET present = present - 1, inside = inside - OLD.inside
    WHERE list_id = OLD.list_id AND category_id = (SELECT category_id FROM delegates WHERE id = OLD.delegate_id);
  UPDATE arrival_minutes SET n = n - 1 WHERE list_id = OLD.list_id AND minute = OLD.first_at / 60000;)SQL";
    return "CREATE TRIGGER presence_counts_i AFTER INSERT ON presence BEGIN" + add + "\nEND;\n" +
           "CREATE TRIGGER presence_counts_u AFTER UPDATE ON presence BEGIN" + remove + add + "\nEND;\n" +
           "CREATE TRIGGER presence_counts_d AFTER DELETE ON presence BEGIN" + remove + "\nEND;\n";
}

} // namespace

void rebuildCounts(Database& db) {
    Transaction tx(db);
    db.exec(kRebuildCounts);
    tx.commit();
}

std::vector<Migration> coreMigrations() {
    return {{"core-1", R"SQL(
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE event(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  code TEXT NOT NULL, prefix TEXT NOT NULL, name TEXT NOT NULL, parent_unit TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL, doc_number TEXT NOT NULL DEFAULT '', date TEXT NOT NULL, venue TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '', timezone TEXT NOT NULL, utc_offset_min INTEGER NOT NULL,
  accept_plain_codes INTEGER NOT NULL DEFAULT 0);
CREATE TABLE banner_lines(pos INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE slogans(pos INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE categories(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '', rank INTEGER NOT NULL,
  color TEXT NOT NULL DEFAULT '#888888');
CREATE TABLE lists(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, opens TEXT NOT NULL, closes TEXT NOT NULL,
  tolerance_min INTEGER NOT NULL DEFAULT 0, reentry INTEGER NOT NULL DEFAULT 1, pos INTEGER NOT NULL DEFAULT 0);
CREATE TABLE list_categories(
  list_id TEXT NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
  category_id TEXT NOT NULL REFERENCES categories(id),
  PRIMARY KEY(list_id, category_id));
CREATE TABLE delegates(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '', category_id TEXT NOT NULL REFERENCES categories(id),
  rank INTEGER NOT NULL DEFAULT 100, seat TEXT NOT NULL DEFAULT '', introduce INTEGER NOT NULL DEFAULT 0,
  external_code TEXT NOT NULL DEFAULT '', badge_serial INTEGER NOT NULL DEFAULT 1,
  revoked INTEGER NOT NULL DEFAULT 0, walk_in INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX delegates_external ON delegates(external_code) WHERE external_code <> '';
CREATE INDEX delegates_category ON delegates(category_id);
-- Bumped (store::touchDelegates) by every change to delegates, once per transaction, so readers
-- know when their cached search index is stale.
CREATE TABLE revisions(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO revisions VALUES('delegates', 0);
-- Every scan attempt, accepted or not: append-only.
CREATE TABLE scans(
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, at INTEGER NOT NULL, kiosk TEXT NOT NULL,
  list_id TEXT NOT NULL, direction TEXT NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL,
  reason TEXT NOT NULL, delegate_id INTEGER REFERENCES delegates(id), forced INTEGER NOT NULL DEFAULT 0,
  force_reason TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '');
CREATE INDEX scans_kiosk_text ON scans(kiosk, text, at);
CREATE INDEX scans_at ON scans(at);
-- Accepted entries and exits: append-only, one row per admission.
CREATE TABLE checkins(
  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, delegate_id INTEGER NOT NULL REFERENCES delegates(id),
  list_id TEXT NOT NULL, direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit')), at INTEGER NOT NULL,
  kiosk TEXT NOT NULL, forced INTEGER NOT NULL DEFAULT 0, overridden TEXT NOT NULL DEFAULT '',
  force_reason TEXT NOT NULL DEFAULT '', scan_uuid TEXT NOT NULL DEFAULT '');
CREATE INDEX checkins_delegate ON checkins(delegate_id, list_id, at);
-- Where each delegate stands on each list, kept in the same transaction as every check-in: the
-- desk's decision and the dashboards read one row instead of scanning the history.
CREATE TABLE presence(
  delegate_id INTEGER NOT NULL REFERENCES delegates(id), list_id TEXT NOT NULL,
  inside INTEGER NOT NULL, first_at INTEGER NOT NULL, first_kiosk TEXT NOT NULL, last_at INTEGER NOT NULL,
  PRIMARY KEY(delegate_id, list_id)) WITHOUT ROWID;
CREATE INDEX presence_list ON presence(list_id, inside);
CREATE INDEX checkins_list_at ON checkins(list_id, at);
CREATE TRIGGER scans_append_only_u BEFORE UPDATE ON scans BEGIN SELECT RAISE(ABORT, 'scans are append-only'); END;
CREATE TRIGGER scans_append_only_d BEFORE DELETE ON scans BEGIN SELECT RAISE(ABORT, 'scans are append-only'); END;
CREATE TRIGGER checkins_append_only_u BEFORE UPDATE ON checkins BEGIN SELECT RAISE(ABORT, 'checkins are append-only'); END;
CREATE TRIGGER checkins_append_only_d BEFORE DELETE ON checkins BEGIN SELECT RAISE(ABORT, 'checkins are append-only'); END;
-- Kiosks seen recently, for device status on the organizer console.
CREATE TABLE kiosks(name TEXT PRIMARY KEY, role TEXT NOT NULL, last_seen INTEGER NOT NULL, info TEXT NOT NULL DEFAULT '');
-- Organizer actions worth keeping: revoke, reissue, walk-in, import, settings.
CREATE TABLE audit(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');
)SQL"},
            {"core-2", R"SQL(
-- The counts every dashboard reload reads, kept by triggers inside each writer's transaction (gate,
-- console, CLI, other kiosks alike), so a reload reads a few rows instead of joining 100k.
-- Same meaning as before: present = delegates with a presence row on the list (whoever they are),
-- inside = those whose last move was an entry, expected = delegates not revoked, per category;
-- arrivals = first entries per list and minute. (No INSERT OR IGNORE in these triggers: an outer
-- statement's conflict policy, such as the presence upsert's, would override it.)
CREATE TABLE presence_counts(
  list_id TEXT NOT NULL, category_id TEXT NOT NULL, present INTEGER NOT NULL, inside INTEGER NOT NULL,
  PRIMARY KEY(list_id, category_id)) WITHOUT ROWID;
CREATE TABLE expected_counts(category_id TEXT PRIMARY KEY, expected INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE arrival_minutes(list_id TEXT NOT NULL, minute INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY(list_id, minute)) WITHOUT ROWID;

)SQL" + std::string(kRebuildCounts) + R"SQL(

)SQL" + presenceCountTriggers() + R"SQL(
-- One row per category, made with the category, so the per-delegate triggers (a 100k-row import
-- runs them 100k times) are a single UPDATE, and only when something counted changed.
CREATE TRIGGER expected_counts_category AFTER INSERT ON categories BEGIN
  INSERT INTO expected_counts SELECT NEW.id, 0 WHERE NOT EXISTS (SELECT 1 FROM expected_counts WHERE category_id = NEW.id);
END;
CREATE TRIGGER expected_counts_i AFTER INSERT ON delegates WHEN NEW.revoked = 0 BEGIN
  UPDATE expected_counts SET expected = expected + 1 WHERE category_id = NEW.category_id;
END;
CREATE TRIGGER expected_counts_d AFTER DELETE ON delegates WHEN OLD.revoked = 0 BEGIN
  UPDATE expected_counts SET expected = expected - 1 WHERE category_id = OLD.category_id;
END;
CREATE TRIGGER expected_counts_u AFTER UPDATE OF category_id, revoked ON delegates
  WHEN NEW.category_id <> OLD.category_id OR NEW.revoked <> OLD.revoked BEGIN
  UPDATE expected_counts SET expected = expected - 1 WHERE category_id = OLD.category_id AND OLD.revoked = 0;
  UPDATE expected_counts SET expected = expected + 1 WHERE category_id = NEW.category_id AND NEW.revoked = 0;
END;
-- A delegate moved to another category takes their presence rows' counts along.
CREATE TRIGGER presence_counts_category AFTER UPDATE OF category_id ON delegates WHEN NEW.category_id <> OLD.category_id BEGIN
  UPDATE presence_counts
    SET present = present - 1, inside = inside - (SELECT p.inside FROM presence p WHERE p.delegate_id = NEW.id AND p.list_id = presence_counts.list_id)
    WHERE category_id = OLD.category_id AND list_id IN (SELECT list_id FROM presence WHERE delegate_id = NEW.id);
  INSERT INTO presence_counts SELECT p.list_id, NEW.category_id, 0, 0 FROM presence p WHERE p.delegate_id = NEW.id
    AND NOT EXISTS (SELECT 1 FROM presence_counts c WHERE c.list_id = p.list_id AND c.category_id = NEW.category_id);
  UPDATE presence_counts
    SET present = present + 1, inside = inside + (SELECT p.inside FROM presence p WHERE p.delegate_id = NEW.id AND p.list_id = presence_counts.list_id)
    WHERE category_id = NEW.category_id AND list_id IN (SELECT list_id FROM presence WHERE delegate_id = NEW.id);
END;
)SQL"},
            {"core-3", R"SQL(
-- The pack's [display] text_scale: how much larger (or smaller) the gate and the stage draw.
ALTER TABLE event ADD COLUMN text_scale REAL NOT NULL DEFAULT 1.0;
)SQL"}};
}

} // namespace kiosk::store
