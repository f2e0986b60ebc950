#include "kiosk/hub/hub_schema.hpp"

#include "kiosk/hub/department_hub.hpp"

namespace kiosk::hub {

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
    for (auto& m : departmentMigrations()) all.push_back(std::move(m));
    return all;
}

} // namespace kiosk::hub
