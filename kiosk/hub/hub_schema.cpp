#include "kiosk/hub/hub_schema.hpp"

#include "kiosk/hub/department_hub.hpp"

namespace kiosk::hub {

namespace {

// Row-level security: a per-event role (event_role.cpp) sees and writes only its event's rows.
// The hub's owner (who runs setup and the department's reports) is not subject to it.
std::string rowSecurity() {
    std::string sql = R"SQL(
-- Which LOGIN role belongs to which event (and its password, which only the owner reads: a join
-- with the owner's URL stores the role's credentials instead).
CREATE TABLE kiosk_hub.event_roles(
  event_id bigint PRIMARY KEY REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  role_name text NOT NULL UNIQUE,
  password text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now());
-- The event of a role; SECURITY DEFINER so the policies can read event_roles, which kiosks cannot.
CREATE FUNCTION kiosk_hub.role_event(r text) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog AS $$ SELECT event_id FROM kiosk_hub.event_roles WHERE role_name = r $$;
-- Owner only (RLS on, no policy): the roles, the migrations, the department's list of units.
ALTER TABLE kiosk_hub.event_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE kiosk_hub.migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE kiosk_hub.dept_units ENABLE ROW LEVEL SECURITY;
ALTER TABLE kiosk_hub.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY event_rows ON kiosk_hub.events USING (id = (SELECT kiosk_hub.role_event(current_user)));
)SQL";
    // A scalar subquery: the role's event is looked up once per statement, not once per row.
    for (const char* t : {"kiosks", "records", "presence", "reference", "conflicts",
                          "dept_summaries", "dept_lines", "dept_groups"})
        sql += std::string("ALTER TABLE kiosk_hub.") + t +
               " ENABLE ROW LEVEL SECURITY;\nCREATE POLICY event_rows ON kiosk_hub." + t +
               " USING (event_id = (SELECT kiosk_hub.role_event(current_user))) WITH CHECK "
               "(event_id = (SELECT "
               "kiosk_hub.role_event(current_user)));\n";
    return sql;
}

} // namespace

// Everything lives in one schema so a hub can share a database with other applications. One hub
// holds many events (a department's units each run theirs); every row carries its event_id.
std::vector<HubMigration> hubMigrations() {
    std::vector<HubMigration> all = {{"hub-1", R"SQL(
-- One row per event published to this hub: its own code, unit, date and place.
CREATE TABLE kiosk_hub.events(
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  unit text NOT NULL DEFAULT '',
  parent_unit text NOT NULL DEFAULT '',
  date text NOT NULL,
  place text NOT NULL DEFAULT '',
  venue text NOT NULL DEFAULT '',
  utc_offset_min integer NOT NULL DEFAULT 420,
  organizer text NOT NULL,
  role_name text NOT NULL DEFAULT '',
  snapshot bytea,
  snapshot_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now());
-- Every machine of an event; no is the kiosk's small number (walk-in codes carry it).
CREATE TABLE kiosk_hub.kiosks(
  event_id bigint NOT NULL REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  name text NOT NULL,
  no integer NOT NULL,
  role text NOT NULL DEFAULT '',
  instance text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  last_contact timestamptz,
  backlog integer NOT NULL DEFAULT 0,
  clock_offset_ms bigint NOT NULL DEFAULT 0,
  PRIMARY KEY(event_id, name),
  UNIQUE(event_id, no));
-- The append-only records of every kiosk, in the hub's own order (seq). Idempotent by uuid.
-- Rows are inserted under a per-event advisory lock, so seq order is commit order and a reader
-- that has seen seq N will never later find a committed row below N.
CREATE TABLE kiosk_hub.records(
  seq bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  uuid uuid NOT NULL,
  kind text NOT NULL,
  kiosk text NOT NULL,
  origin text NOT NULL,
  at bigint NOT NULL,
  offline boolean NOT NULL DEFAULT false,
  received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  body jsonb NOT NULL,
  UNIQUE(event_id, uuid));
CREATE INDEX records_event_seq ON kiosk_hub.records(event_id, seq);
-- Where each delegate stands on each list, as the hub decided it: the row lock of an admission.
CREATE TABLE kiosk_hub.presence(
  event_id bigint NOT NULL REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  list_id text NOT NULL,
  delegate_code text NOT NULL,
  entered boolean NOT NULL DEFAULT false,
  inside boolean NOT NULL DEFAULT false,
  first_at bigint,
  first_kiosk text,
  first_uuid uuid,
  last_at bigint,
  PRIMARY KEY(event_id, list_id, delegate_code));
-- Reference data from the organizer out (delegates; a joined kiosk publishes its own walk-ins): newest version per key, seq from
-- the records' sequence so a pull is one cursor.
CREATE TABLE kiosk_hub.reference(
  event_id bigint NOT NULL REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  kind text NOT NULL,
  key text NOT NULL,
  seq bigint NOT NULL,
  origin text NOT NULL,
  revoked boolean NOT NULL DEFAULT false,
  body jsonb NOT NULL,
  PRIMARY KEY(event_id, kind, key));
CREATE INDEX reference_event_seq ON kiosk_hub.reference(event_id, seq);
-- Two entries of one delegate on one list that the hub did not decide (one or both offline).
CREATE TABLE kiosk_hub.conflicts(
  id bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES kiosk_hub.events(id) ON DELETE CASCADE,
  list_id text NOT NULL,
  delegate_code text NOT NULL,
  first_uuid uuid,
  first_kiosk text NOT NULL,
  first_at bigint NOT NULL,
  second_uuid uuid NOT NULL,
  second_kiosk text NOT NULL,
  second_at bigint NOT NULL,
  detected_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE(event_id, second_uuid));
)SQL"}};
    // The department's consolidation (department_hub.cpp) comes after the fleet's own.
    for (auto& m : departmentMigrations())
        all.push_back(std::move(m));
    all.push_back({"hub-2", R"SQL(
-- The organizer's definitions after the join (lists, program items, contests...): a deleted one
-- stays as a tombstone, so every kiosk deletes it too.
ALTER TABLE kiosk_hub.reference ADD COLUMN deleted boolean NOT NULL DEFAULT false;
)SQL"});
    all.push_back({"hub-3", rowSecurity()});
    return all;
}

} // namespace kiosk::hub
