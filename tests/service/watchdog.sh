#!/usr/bin/env bash
# The systemd watchdog path without systemd: the GUI is started the way kiosk@.service starts it
# (NOTIFY_SOCKET and WATCHDOG_USEC set), with the test hook KIOSK_TEST_STALL stalling its frame loop
# once. A unix datagram socket of ours stands in for systemd and records what arrives: READY=1, then
# WATCHDOG=1 pings, none while the loop is stalled, and pings again after it.
# Usage: watchdog.sh KIOSK_BIN OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../e2e/lib.sh"
e2e_setup "$@"
"$kiosk" init --today >/dev/null
listener="$(dirname "$0")/notify_listener.py"
sock="$out/notify.sock"
log="$out/notify.log"
python3 "$listener" "$sock" "$log" "$out/stop" &
lpid=$!
trap 'touch "$out/stop"; wait $lpid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -S "$sock" ] && break; sleep 0.05; done
[ -S "$sock" ] || fail "listener socket did not appear"

stall_after=2500 stall_for=4000
cat >"$out/replay.txt" <<STEPS
at 9500 quit
STEPS
# WatchdogSec=2 (pings every 0.5 s at most); the stall is twice that, so systemd would kill it.
NOTIFY_SOCKET="$sock" WATCHDOG_USEC=2000000 KIOSK_TEST_STALL="$stall_after:$stall_for" \
  run_gui "$kiosk" --role checkin --replay "$out/replay.txt" 2>"$out/gui.err"
grep -q "stalled on purpose" "$out/gui.err" || fail "the stall hook did not run"
touch "$out/stop"
wait $lpid || true
cat "$log"

# (Xvfb, started by xvfb-run with the same environment, says READY=1 too: ours carries a STATUS.)
grep -q "READY=1|STATUS=kiosk running" "$log" || fail "no READY=1 from the kiosk"
# Times of the pings; the longest silence between two must cover the stall (the loop was blocked,
# so nothing could be sent), and pings must have come before it and after it.
python3 - "$log" "$stall_for" <<'PY' || fail "watchdog pings did not stop during the stall and resume after"
import sys
log, stall = sys.argv[1], int(sys.argv[2]) / 1000
pings = [float(l.split()[0]) for l in open(log) if "WATCHDOG=1" in l]
gaps = [(b - a, i) for i, (a, b) in enumerate(zip(pings, pings[1:]))]
longest, at = max(gaps)
before, after = at + 1, len(pings) - at - 1
print(f"{len(pings)} pings, longest silence {longest:.2f}s with {before} before and {after} after")
sys.exit(0 if longest >= stall * 0.95 and before >= 2 and after >= 2 else 1)
PY
echo "watchdog: ok"
