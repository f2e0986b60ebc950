#!/usr/bin/env bash
# End to end: the real `kiosk gui` under Xvfb with Mesa's software GL, driven by a replay script.
# Checks the database holds the check-ins, the screens' state on quit, that another process's
# check-in showed up, and that every screenshot was written and is not blank.
# Usage: gui_replay.sh KIOSK_BIN OUT_DIR [SCREENSHOT_COPY_DIR]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup "$@"

"$kiosk" init --today --pin 2468 >/dev/null
b1=$("$kiosk" badge D0001)
b2=$("$kiosk" badge D0002)
b3=$("$kiosk" badge D0003)
# A camera frame from the decoder samples (D0004's code, signed with the samples' key, not this event's).
sample="$(cd "$(dirname "$0")/../samples/decode" && pwd)/clean-paper-m3.png"
# Each step runs once the one before it has been handled and drawn; `wait` holds the script until
# the program's state says so (docs/GUI.md), never for a time.
cat >"$out/replay.txt" <<STEPS
wait screen idle
shot gate_idle
scan $b1
wait card welcome
shot gate_welcome
mark welcomed              # the other gate checks D0003 in once it sees this in the database
wait le 2                  # ... and this gate sees that check-in through the database
scan $b3                   # already in, at the other gate
wait scans 2
wait reason already_checked_in
shot gate_already
scan NOT-A-BADGE-123
wait scans 3
wait card refuse
shot gate_refused
frame $sample
wait scans 4
shot gate_camera
key Escape
wait pin_open true
key 1
key Return
wait pin_open true
shot pin_wrong
$(pin_keys 2468)
wait console_open true
wait tab dashboard
shot console_dashboard
click tab_manual
wait tab manual
click search
type vu q dat
wait hits 1
shot console_manual
click admit
wait last_checkin_committed true
click tab_devices
wait tab devices
shot console_devices
click tab_setup
wait tab setup
shot console_setup
click tab_program
wait tab program
click prog_row_cap-tren
wait program_selected cap-tren
click prog_minutes
type 12
click prog_save
wait program_result_ok true
shot console_program
wait le 3                  # D0001 here, D0002 by hand, D0003 at the other gate
click tab_setup
click role_stage
wait screen stage
shot stage_after_switch
quit
STEPS
# Another kiosk process checks D0003 in while the GUI runs, once the gate has welcomed D0001
# (seen through the database); the GUI must see it, and D0003's badge at this gate is then "already in".
(
  wait_for_sql "select count(*) from kiosks where info like '% replay:welcomed'" 1
  "$kiosk" checkin "$b3" --kiosk "Cổng 2" >/dev/null
) &
other=$!
run_gui "$kiosk" --role checkin \
  --replay "$out/replay.txt" --screenshots "$out/shots" --state "$out/state.json" || { wait "$other" || true; fail "the GUI's replay failed"; }
wait "$other"
state=$(cat "$out/state.json")
echo "$state"

# The database: D0001 by the gate's wedge, D0002 by the console's manual check-in, D0003 by the other process.
count=$(sqlite3 "$db" "select count(distinct delegate_id) from checkins where direction='entry'")
[ "$count" = 3 ] || fail "expected 3 check-ins in the database, found $count"
sqlite3 "$db" "select source from scans" | grep -q keyboard || fail "no keyboard-wedge scan journaled"
sqlite3 "$db" "select source from scans" | grep -q manual || fail "no manual check-in journaled"
# The frame step went through the camera's decode worker: its code reached the check-in desk and was journaled.
sqlite3 "$db" "select source || ' ' || text from scans" | grep -q "^camera ANTQ23-D0004" || fail "the replayed camera frame was not decoded and journaled"
sqlite3 "$db" "select reason from scans" | grep -q unknown || fail "the foreign code was not journaled as refused"

# The program tab saved the new duration of the superior delegate's speech.
minutes=$(sqlite3 "$db" "select planned_min from program_items where id='cap-tren'")
[ "$minutes" = 12 ] || fail "the program tab did not save the new duration (planned_min=$minutes)"
grep -q '"role":"stage"' <<<"$state" || fail "role switch from the console did not happen"
grep -q '"screen":"stage"' <<<"$state" || fail "stage screen not shown after the role switch"
grep -q '"le":3' <<<"$state" || fail "the GUI did not see all three check-ins (other process included)"

check_shots "$out/shots" gate_idle gate_welcome gate_already gate_refused gate_camera pin_wrong console_dashboard \
  console_manual console_devices console_setup console_program stage_after_switch
# Different screens must differ.
! cmp -s "$out/shots/gate_idle.png" "$out/shots/gate_welcome.png" || fail "welcome card looks like the idle screen"
copy_shots "$out/shots" "$copy"
echo "gui replay: ok"
