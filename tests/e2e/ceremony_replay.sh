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
# (docs/CEREMONY.md), so the speech runs into overtime in 15 s.
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
# No step waits for the clock: each waits for the state it needs. The two screens keep in step
# through the database: the MC publishes a mark (`mark`), the stage waits for the state and
# photographs it, then publishes its own mark, which the MC waits for (`wait peer`) before it moves on.
# The MC's state names the current item by its place in the program (0 = chào cờ).
cat >"$out/mc.txt" <<STEPS
wait show not_started
shot mc_ready
wait peer stage banner
key PageDown
wait current 0           # chao-co
shot mc_flag
key Right
wait current 1           # ly-do
mark intro
wait intro_new 1           # the late delegate, checked in at another gate once this mark was seen
shot mc_intro
wait peer stage item
click mc_next
wait current 2           # dien-van
click mc_countdown
wait countdown true
wait peer stage countdown
click mc_msg_1min
wait message Còn 1 phút
shot mc_speech
wait peer stage message
wait phase overtime        # 15 ceremony minutes: 15 s at KIOSK_TIME_SCALE=60
shot mc_overtime
click mc_countdown
click mc_send
wait message ""
click mc_next
wait current 3           # so-ket
click mc_next
wait current 4           # thao-luan
click mc_next
wait current 5           # trao-thuong
click mc_undo
wait current 4           # thao-luan
shot mc_undone
click mc_next
wait current 5           # trao-thuong
click mc_award_tt-01
shot mc_awards
click mc_next
wait current 6           # cap-tren
click mc_blackout
wait blackout true
shot mc_blackout
wait peer stage blackout
click mc_blackout
wait blackout false
click mc_next
wait current 7           # dap-tu
click mc_next
wait current 8           # ra-mat
click mc_skip
wait current 9           # ket-thuc
shot mc_closing
click mc_next
wait show finished
shot mc_finished
mark finished
wait peer stage closing
quit
STEPS
cat >"$out/stage.txt" <<STEPS
wait screen stage
shot stage_banner
mark banner
wait title Tuyên bố lý do, giới thiệu đại biểu
shot stage_item
mark item
wait countdown true
shot stage_countdown
mark countdown
wait message Còn 1 phút
shot stage_message
mark message
wait blackout true
shot stage_blackout
mark blackout
wait peer mc finished
wait title ""
shot stage_closing
mark closing
quit
STEPS

# A late arrival checks in at another gate once the MC is on the introduction (its mark in the
# database says so); the MC's list must then show them as new.
(
  wait_for_sql "select count(*) from kiosks where name='mc' and info like '% replay:intro'" 1
  "$kiosk" checkin "$late" --at 2023-08-04T08:30:00+07:00 --kiosk "Cổng 2" >/dev/null
) &
other=$!
run_gui "$kiosk" --role stage --kiosk stage --replay "$out/stage.txt" --screenshots "$out/shots" --state "$out/stage.json" &
stage=$!
run_gui "$kiosk" --role mc --kiosk mc --replay "$out/mc.txt" --screenshots "$out/shots" --state "$out/mc.json"
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
