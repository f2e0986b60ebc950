#!/usr/bin/env bash
# kiosk@.service's command line, run without booting: `kiosk setup-kiosk` writes the instance's
# settings, they are loaded as the unit's EnvironmentFile would load them, and the unit's ExecStart
# (packaging/kiosk-session, session "x" on an Xvfb screen, full screen as on a kiosk PC) opens the
# gate; a replayed scan is recorded under the kiosk's name and the screenshot is a drawn frame.
# Then the unit's ExecStopPost (`kiosk service-stopped`, with the variables systemd gives it) writes
# the restart to the audit log. Usage: unit_session.sh KIOSK_BIN OUT_DIR
set -euo pipefail
source "$(dirname "$0")/../e2e/lib.sh"
e2e_setup "$@"
session="$(cd "$(dirname "$0")/../../packaging" && pwd)/kiosk-session"

"$kiosk" setup-kiosk --role checkin --kiosk "Cổng 2" --session x --etc "$out/etc" --event-db "$db" >/dev/null
conf="$out/etc/cong-2.conf"
[ -f "$conf" ] || fail "setup-kiosk wrote no $conf"
# The file's values are plain or double-quoted without '$' or '`', so sh reads them as systemd does.
set -a
. "$conf"
set +a
[ "$KIOSK_NAME" = "Cổng 2" ] && [ "$KIOSK_ROLE" = checkin ] || fail "settings not as asked: $(cat "$conf")"

badge=$("$kiosk" badge D0001)
cat >"$out/replay.txt" <<STEPS
at 600  scan $badge
at 700  shot unit_gate
at 1200 quit
STEPS
export KIOSK_BIN="$kiosk" KIOSK_GUI_ARGS="--replay $out/replay.txt --screenshots $out/shots"
mkdir -p "$out/shots"
xvfb-run -a -s "-screen 0 1280x720x24" "$session"
check_shots "$out/shots" unit_gate
kiosk_of_scan=$(sqlite3 "$db" "SELECT kiosk FROM scans ORDER BY id DESC LIMIT 1")
[ "$kiosk_of_scan" = "Cổng 2" ] || fail "scan recorded under '$kiosk_of_scan', not the unit's kiosk name"

KIOSK_INSTANCE=cong-2 SERVICE_RESULT=watchdog EXIT_CODE=killed EXIT_STATUS=ABRT "$kiosk" service-stopped 2>/dev/null
restart=$(sqlite3 "$db" "SELECT actor || ' ' || detail FROM audit WHERE action = 'kiosk.restart'")
[ "$restart" = "Cổng 2 kiosk@cong-2: watchdog (killed ABRT)" ] || fail "restart not in the audit log: '$restart'"
echo "unit session: ok"
