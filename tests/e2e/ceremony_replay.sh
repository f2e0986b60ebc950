#!/usr/bin/env bash
# End to end: the whole ceremony under Xvfb, fast. `kiosk gui --role mc` is driven by a replay
# script (the console's buttons through every item, with an undo and a skip); `kiosk gui --role
# stage` runs at the same time on the same database and photographs what the hall sees. The
# database must then hold an actual start and end for every item.
# Usage: ceremony_replay.sh KIOSK_BIN OUT_DIR [SCREENSHOT_COPY_DIR]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup "$@"
# Ceremony time starts two minutes before the planned 08:00 and runs one minute per wall second
# (docs/CEREMONY.md), so the replays' step times below read as ceremony minutes.
export KIOSK_CLOCK_START=2023-08-04T07:58:00+07:00 KIOSK_TIME_SCALE=60

"$kiosk" init --pin 2468 >/dev/null
for code in D0001 D0002 D0003 D0005 D0006; do
  "$kiosk" checkin "$("$kiosk" badge "$code")" --at 2023-08-04T07:40:00+07:00 --kiosk "Cổng 1" >/dev/null
done
late=$("$kiosk" badge D0004)

# The MC: start, then Next through the program. At "thảo luận" one Next too many is undone; "ra mắt
# mô hình" (optional) is started and skipped; the last Next ends the ceremony. The first two steps
# use presenter keys (a clicker's PageDown and an arrow), pressed and released within one frame as
# a clicker does: the GUI holds the release to the next frame so ImGui 1.86 sees the press.
cat >"$out/mc.txt" <<STEPS
at 500   shot mc_ready
at 2000  key PageDown
at 3000  shot mc_flag
at 5000  key Right
at 9000  shot mc_intro
at 10000 click mc_next
at 10500 click mc_countdown
at 14000 click mc_msg_1min
at 15000 shot mc_speech
at 26500 shot mc_overtime
at 27000 click mc_countdown
at 27300 click mc_send
at 28000 click mc_next
at 30000 click mc_next
at 31000 click mc_next
at 31500 click mc_undo
at 32000 shot mc_undone
at 35000 click mc_next
at 36000 click mc_award_tt-01
at 37000 shot mc_awards
at 38000 click mc_next
at 38500 click mc_blackout
at 40000 shot mc_blackout
at 48000 click mc_blackout
at 49000 click mc_next
at 51000 click mc_next
at 52000 click mc_skip
at 53000 shot mc_closing
at 55000 click mc_next
at 56000 shot mc_finished
at 58000 quit
STEPS
# The stage photographs each state late in the MC's window for it: the stage re-reads the database
# every half second, and the MC's steps run behind their times as its clicks take frames.
cat >"$out/stage.txt" <<STEPS
at 1000  shot stage_banner
at 8500  shot stage_item
at 12500 shot stage_countdown
at 17000 shot stage_message
at 45000 shot stage_blackout
at 58000 shot stage_closing
at 61000 quit
STEPS

# A late arrival checks in at another gate while the MC is on the introduction.
( sleep 7; "$kiosk" checkin "$late" --at 2023-08-04T08:05:00+07:00 --kiosk "Cổng 2" >/dev/null ) &
other=$!
run_gui "$kiosk" --role stage --replay "$out/stage.txt" --screenshots "$out/shots" --state "$out/stage.json" &
stage=$!
run_gui "$kiosk" --role mc --replay "$out/mc.txt" --screenshots "$out/shots" --state "$out/mc.json"
wait "$stage"
wait "$other"
cat "$out/mc.json" "$out/stage.json"

"$kiosk" program timeline --json --out "$out/timeline.json" >/dev/null
jq -r '.items[] | "\(.order) \(.id) \(.status) \(.actual_start) \(.actual_end)"' "$out/timeline.json"
[ "$(jq -r .state "$out/timeline.json")" = finished ] || fail "the ceremony did not finish"
missing=$(jq -r '.items[] | select(.actual_start == null or .actual_end == null) | .id' "$out/timeline.json")
[ -z "$missing" ] || fail "items without an actual start and end: $missing"
[ "$(jq -r '.items[] | select(.id == "ra-mat") | .status' "$out/timeline.json")" = skipped ] ||
  fail "the skipped item is not marked skipped"
notdone=$(jq -r '.items[] | select(.id != "ra-mat" and .status != "done") | .id' "$out/timeline.json")
[ -z "$notdone" ] || fail "items not done: $notdone"
# The undone Next started "trao thưởng" once too early; its actual start is the later, real one.
[ "$(sqlite3 "$db" "select count(*) from show_actions where type='undo'")" = 1 ] || fail "the undo was not committed"
[ "$(sqlite3 "$db" "select count(*) from awards where id='tt-01' and handed_at is not null")" = 1 ] ||
  fail "the award ticked on the MC screen was not committed"
[ "$(sqlite3 "$db" "select blackout from stage_state")" = 0 ] || fail "the stage was left blacked out"
grep -q '"show":"finished"' "$out/mc.json" || fail "the MC screen does not show the ceremony finished"
grep -q '"screen":"stage"' "$out/stage.json" || fail "the stage screen was not shown"

check_shots "$out/shots" mc_ready mc_flag mc_intro mc_speech mc_overtime mc_undone mc_awards mc_blackout \
  mc_closing mc_finished stage_banner stage_item stage_countdown stage_message stage_closing
# Blackout is the one screen that must be black.
[ -s "$out/shots/stage_blackout.png" ] || fail "screenshot stage_blackout missing"
[ "$(colours "$out/shots/stage_blackout.png")" -le 2 ] || fail "the stage was not black during blackout"
! cmp -s "$out/shots/stage_banner.png" "$out/shots/stage_item.png" || fail "the stage did not follow the MC"
copy_shots "$out/shots" "$copy"
echo "ceremony replay: ok"
