#!/usr/bin/env bash
# Idle CPU of the real `kiosk gui` under Xvfb (software GL), from /proc/PID/stat, beside a peer
# that renders continuously (glxgears, the usual "always redraw" GL loop) on the same server.
# Usage: gui_idle.sh KIOSK_BIN [SECONDS]
set -euo pipefail
kiosk="$1"
secs="${2:-10}"
dir=$(mktemp -d)
export KIOSK_DB="$dir/event.db" LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=dummy
"$kiosk" init --today --pin 2468 >/dev/null
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # PID -> percent of one core over $secs seconds, after a 2 s settle
  sleep 2
  local a b
  a=$(cpu "$1"); sleep "$secs"; b=$(cpu "$1")
  awk -v a="$a" -v b="$b" -v t="$ticks" -v s="$secs" 'BEGIN { printf "%.2f", (b - a) / t / s * 100 }'
}
Xvfb :97 -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY=:97 "$kiosk" gui --role checkin --windowed 1280x720 &
gui=$!
ours=$(measure "$gui")
kill "$gui"; wait "$gui" 2>/dev/null || true
peer="n/a"
if command -v glxgears >/dev/null; then
  DISPLAY=:97 glxgears >/dev/null 2>&1 &
  gears=$!
  peer=$(measure "$gears")
  kill "$gears"; wait "$gears" 2>/dev/null || true
fi
kill "$xvfb"; wait "$xvfb" 2>/dev/null || true
rm -rf "$dir"
echo "| gui | idle CPU of kiosk gui (gate idle, Xvfb, software GL), % of one core over ${secs} s | ${ours} % | glxgears: ${peer} % | goal < 2 % |"
