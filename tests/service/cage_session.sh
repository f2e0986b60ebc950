#!/usr/bin/env bash
# kiosk@.service's default session without a screen: the unit's ExecStart (packaging/kiosk-session,
# KIOSK_SESSION=cage) runs cage on wlroots' headless backend, and `kiosk gui` draws in it through
# SDL's Wayland driver (SDL_VIDEODRIVER=wayland, set by the script). cage refuses to run as root,
# as the unit never does: the test runs it as nobody, in a folder of its own.
# Usage: cage_session.sh KIOSK_BIN OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../e2e/lib.sh"
e2e_setup "$@"
session="$(cd "$(dirname "$0")/../../packaging" && pwd)/kiosk-session"
"$kiosk" init --today >/dev/null
mkdir -p "$out/shots" "$out/run"
chmod 0700 "$out/run"
printf 'at 800 shot cage_gate\nat 1200 quit\n' >"$out/replay.txt"
chown -R nobody:nogroup "$out"
setpriv --reuid=nobody --regid=nogroup --clear-groups \
  env HOME="$out" KIOSK_DB="$db" XDG_RUNTIME_DIR="$out/run" KIOSK_BIN="$kiosk" KIOSK_SESSION=cage KIOSK_NAME="Cổng 3" \
  KIOSK_GUI_ARGS="--replay $out/replay.txt --screenshots $out/shots" \
  WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=dummy \
  "$session" >"$out/cage.log" 2>&1 || { cat "$out/cage.log"; fail "cage session"; }
check_shots "$out/shots" cage_gate
echo "cage session: ok"
