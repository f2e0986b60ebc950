#!/usr/bin/env bash
# systemd-analyze verify on the package's units, as installed: the unit files, with the paths they
# name (the program, the session script, an instance's settings) present in a throwaway root.
# Usage: verify_units.sh KIOSK_BIN OUT_DIR
set -euo pipefail
kiosk="$1"
out="$2"
src="$(cd "$(dirname "$0")/../../packaging" && pwd)"
rm -rf "$out" && mkdir -p "$out/root/lib/systemd/system" "$out/root/etc/kiosk"
cp "$src/kiosk@.service" "$src/kiosk-xorg.service" "$out/root/lib/systemd/system/"
"$kiosk" setup-kiosk --role stage --kiosk gate1 --etc "$out/root/etc/kiosk" --event-db "$out/event.db" >/dev/null
# ExecStart paths are checked on the real root: verify with the unit's paths pointed into ours.
sed -i -e "s|/usr/libexec/kiosk/kiosk-session|$src/kiosk-session|" -e "s|/usr/bin/kiosk|$kiosk|" \
  -e "s|/etc/kiosk/|$out/root/etc/kiosk/|g" "$out/root/lib/systemd/system/kiosk@.service"
cp "$out/root/lib/systemd/system/kiosk@.service" "$out/root/lib/systemd/system/kiosk@gate1.service"
cd "$out/root/lib/systemd/system"
# Xorg is not installed on a build machine: that one complaint about the X server's unit is expected.
systemd-analyze verify --man=no "./kiosk@gate1.service" ./kiosk-xorg.service 2>&1 | tee "$out/verify.log" || true
if grep -v "Command /usr/bin/Xorg is not executable" "$out/verify.log" | grep -q .; then
  echo "FAIL: systemd-analyze verify found problems" >&2
  exit 1
fi
echo "units: ok"
