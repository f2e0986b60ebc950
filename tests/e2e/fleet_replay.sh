#!/usr/bin/env bash
# End to end, several machines on one: a throwaway PostgreSQL 15 hub (as scripts/fleet-demo starts
# it) and two real gate GUIs under Xvfb, each on its own joined database. Door 1 admits D0001; door 2
# sees it arrive and refuses the same badge ("already checked in at door-1"). The hub is then killed:
# door 1 keeps admitting (D0002, offline), and once the hub is back door 2 sees that check-in too.
# The hub holds each admission exactly once. Processes keep in step through their databases.
# Usage: fleet_replay.sh KIOSK_BIN OUT_DIR [SCREENSHOT_COPY_DIR]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup "$@"
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/initdb" ] || fail "PostgreSQL 15 is missing (scripts/setup installs it)"

hub=$(mktemp -d /tmp/kiosk-e2e-hub-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as=()
if [ "$(id -u)" -eq 0 ]; then chown nobody "$hub"; as=(runuser -u nobody --); fi # PostgreSQL refuses root
echo "e2e-hub-pw" >"$hub/pw"
[ ${#as[@]} -eq 0 ] || chown nobody "$hub/pw"
pg() { "${as[@]}" "$pgbin/pg_ctl" -D "$hub/pg" -l "$hub/pg.log" -w "$@" >/dev/null; }
cleanup() {
  pg -m immediate stop 2>/dev/null || true
  rm -rf "$hub"
}
trap cleanup EXIT
"${as[@]}" "$pgbin/initdb" -D "$hub/pg" -U kiosk --pwfile="$hub/pw" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
start_hub() { pg -o "-p $port -k $hub -c listen_addresses=127.0.0.1" start; }
start_hub
hubsql() { "${as[@]}" "$pgbin/psql" -X -A -t -h "$hub" -p "$port" -U kiosk -d postgres -c "$1"; }

export KIOSK_HUB_URL="postgresql://kiosk:e2e-hub-pw@127.0.0.1:$port/postgres?sslmode=disable"
org="$out/org.db" door1="$out/door1.db" door2="$out/door2.db"
"$kiosk" init --today --pin 2468 --db "$org" >/dev/null
"$kiosk" hub setup --db "$org" >/dev/null
"$kiosk" hub join --kiosk door-1 --db "$door1" >/dev/null
"$kiosk" hub join --kiosk door-2 --db "$door2" >/dev/null
unset KIOSK_HUB_URL # the joined databases hold their URL
b1=$("$kiosk" badge D0001 --db "$org")
b2=$("$kiosk" badge D0002 --db "$org")

# The script's own marks, read by the GUIs' `wait peer test ...` (a row in their device list).
say() { sqlite3 -cmd ".timeout 5000" "$1" "INSERT INTO kiosks(name, role, last_seen, info) VALUES('test', 'test', $(date +%s%3N), 'e2e replay:$2') ON CONFLICT(name) DO UPDATE SET info = excluded.info, last_seen = excluded.last_seen"; }
mark_of() { db="$1" wait_for_sql "select count(*) from kiosks where name='$2' and info like '% replay:$3'" 1 90; }

cat >"$out/door1.txt" <<STEPS
wait screen idle
wait hub connected
scan $b1
wait card welcome
wait committed true
shot fleet_door1_welcome
mark welcomed
wait peer test hub-down    # the script has killed the hub
scan $b2
wait scans 2
wait card welcome          # offline: decided here alone, shown as usual
wait committed true
wait hub offline           # and the status line says so
shot fleet_door1_offline
mark offline-welcomed
wait peer test hub-up
wait hub connected         # the probe found the hub again; the backlog goes up by itself
wait peer test done
quit
STEPS
cat >"$out/door2.txt" <<STEPS
wait screen idle
wait le 1                  # door 1's admission, pulled from the hub
scan $b1
wait reason already_checked_in
shot fleet_door2_already
mark refused
wait peer test hub-up
wait le 2                  # door 1's offline admission, uploaded once the hub is back
shot fleet_door2_synced
mark synced
quit
STEPS

run_gui "$kiosk" --db "$door1" --role checkin --kiosk door-1 \
  --replay "$out/door1.txt" --screenshots "$out/shots" --state "$out/door1.json" &
gui1=$!
run_gui "$kiosk" --db "$door2" --role checkin --kiosk door-2 \
  --replay "$out/door2.txt" --screenshots "$out/shots" --state "$out/door2.json" &
gui2=$!

mark_of "$door1" door-1 welcomed
mark_of "$door2" door-2 refused
pg -m immediate stop
say "$door1" hub-down
mark_of "$door1" door-1 offline-welcomed
start_hub
say "$door1" hub-up
say "$door2" hub-up
mark_of "$door2" door-2 synced
say "$door1" done
wait "$gui1" || fail "door 1's replay failed"
wait "$gui2" || fail "door 2's replay failed"

# The hub: two admissions, each exactly once, both by door 1; D0002's marked offline.
[ "$(hubsql "select count(*) from kiosk_hub.records where kind='checkin'")" = 2 ] || fail "the hub does not hold exactly two check-ins"
[ "$(hubsql "select string_agg(distinct kiosk, ',') from kiosk_hub.records where kind='checkin'")" = door-1 ] || fail "a check-in in the hub is not door 1's"
[ "$(hubsql "select count(*) from kiosk_hub.records where kind='checkin' and offline")" = 1 ] || fail "the offline admission is not marked offline in the hub"
# Door 2 refused D0001 (its scan journaled with the reason) and admitted nobody itself.
[ "$(sqlite3 "$door2" "select count(*) from scans where reason='already_checked_in'")" = 1 ] || fail "door 2 did not journal its refusal"
[ "$(sqlite3 "$door2" "select count(*) from checkins where kiosk='door-2'")" = 0 ] || fail "door 2 admitted someone"
[ "$(sqlite3 "$door2" "select count(*) from checkins")" = 2 ] || fail "door 2 does not hold door 1's two check-ins"

check_shots "$out/shots" fleet_door1_welcome fleet_door1_offline fleet_door2_already fleet_door2_synced
copy_shots "$out/shots" "$copy"
echo "fleet replay: ok"
