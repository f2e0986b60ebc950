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
cat >"$out/replay.txt" <<STEPS
at 400   shot gate_idle
at 600   scan $b1
at 700   shot gate_welcome
at 4400  scan $b1
at 4500  shot gate_already
at 4800  scan NOT-A-BADGE-123
at 4900  shot gate_refused
at 5000  frame $sample
at 5900  shot gate_camera
at 6200  key Escape
at 6300  key 1
at 6350  key Return
at 6400  shot pin_wrong
at 6500  key 2
at 6550  key 4
at 6600  key 6
at 6650  key 8
at 6700  key Return
at 7300  shot console_dashboard
at 7400  click tab_manual
at 7500  click search
at 7600  type vu q dat
at 7800  shot console_manual
at 7900  click admit
at 8000  click tab_devices
at 8100  shot console_devices
at 8200  click tab_setup
at 8300  shot console_setup
at 8400  click tab_program
at 8500  click prog_row_cap-tren
at 8600  click prog_minutes
at 8700  type 12
at 8800  click prog_save
at 8900  shot console_program
at 9000  click tab_setup
at 9100  click role_stage
at 9300  shot stage_after_switch
at 9500  quit
STEPS
# Another kiosk process checks D0003 in while the GUI runs; the GUI must see it.
( sleep 3; "$kiosk" checkin "$b3" --kiosk "Cổng 2" >/dev/null ) &
other=$!
run_gui "$kiosk" --role checkin \
  --replay "$out/replay.txt" --screenshots "$out/shots" --state "$out/state.json"
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
