#!/usr/bin/env bash
# End to end: the key screens at the projector and laptop sizes an event meets (1024x768, 1280x720,
# 1280x800, 1920x1080): the gate idle and welcoming, the console, the MC, the stage, the quiz host
# and a judge's sheet, each photographed by the real `kiosk gui` under Xvfb and checked not blank.
# The README's pictures (docs/screenshots) stay the 1280x720 ones the other e2e tests make; these
# are for looking at every size (SCREENSHOT_COPY_DIR gets them as NAME_WxH.png).
# Usage: screen_sizes.sh KIOSK_BIN OUT_DIR [SCREENSHOT_COPY_DIR]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_setup "$@"
sizes=(1024x768 1280x720 1280x800 1920x1080)

"$kiosk" init --today --pin 2468 >/dev/null
for code in D0005 D0006; do "$kiosk" checkin "$("$kiosk" badge "$code")" --kiosk "Cổng 2" >/dev/null; done
# The ceremony on its introduction, so the MC and the stage show an item and the list to introduce.
"$kiosk" program start >/dev/null
"$kiosk" program next >/dev/null

shot_role() { # SIZE ROLE NAME... : runs the role with the replay on stdin
  local size="$1" role="$2"
  cat >"$out/$role-$size.txt"
  run_gui_at "$size" "$kiosk" --role "$role" --kiosk "$role-$size" --replay "$out/$role-$size.txt" \
    --screenshots "$out/shots" --state "$out/$role-$size.json" || fail "$role at $size: the replay failed"
}

i=0
for size in "${sizes[@]}"; do
  i=$((i + 1))
  badge=$("$kiosk" badge "D000$i") # a delegate not yet in, so each size shows a welcome
  shot_role "$size" checkin <<STEPS
wait screen idle
shot gate_idle_$size
scan $badge
wait card welcome
shot gate_welcome_$size
key Escape
wait pin_open true
$(pin_keys 2468)
wait console_open true
shot console_$size
quit
STEPS
  shot_role "$size" mc <<STEPS
wait current 1
shot mc_$size
quit
STEPS
  shot_role "$size" stage <<STEPS
wait title Tuyên bố lý do, giới thiệu đại biểu
shot stage_$size
quit
STEPS
  shot_role "$size" judge <<STEPS
wait screen judge
click judge_pick_gk2
type 2302
click judge_sign_in
wait judge gk2
shot judge_$size
quit
STEPS
done
# The quiz host last: a question put on stage takes the stage over from the ceremony.
"$kiosk" quiz show c27 >/dev/null
for size in "${sizes[@]}"; do
  shot_role "$size" quiz <<STEPS
wait phase shown
shot quiz_$size
quit
STEPS
done

names=()
for size in "${sizes[@]}"; do
  for s in gate_idle gate_welcome console mc stage judge quiz; do names+=("${s}_$size"); done
done
check_shots "$out/shots" "${names[@]}"
# Each size is drawn for its own screen: the pictures have the window's size.
for size in "${sizes[@]}"; do
  [ "$(identify -format %wx%h "$out/shots/mc_$size.png")" = "$size" ] || fail "mc_$size.png is not $size"
done
copy_shots "$out/shots" "$copy"
echo "screen sizes: ok"
