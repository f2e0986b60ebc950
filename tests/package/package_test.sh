#!/usr/bin/env bash
# The Debian package, proven without installing it on this machine: CPack builds the .deb from the
# build tree, `dpkg -x` unpacks it into a throwaway root, and the unpacked program, run from another
# folder, reads its strings and its default pack from that root (a marker put in the root's copies
# must show) and writes its data under $XDG_DATA_HOME/kiosk, never in the current folder.
# Also: the control fields (version, Depends from the shared libraries), the man page, the units.
# Usage: package_test.sh BUILD_DIR OUT_DIR
set -euo pipefail
build="$1"
out="$2"
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/dist" "$out/root" "$out/elsewhere" "$out/home"
cpack --config "$build/CPackConfig.cmake" -B "$out/dist" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; fail "cpack"; }
deb=$(ls "$out"/dist/kiosk_*_amd64.deb)
version=$(dpkg-deb -f "$deb" Version)
[ "$(basename "$deb")" = "kiosk_${version}_amd64.deb" ] || fail "package named $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsdl2 libsqlite3 libcups2 libsystemd0 libcairo2 adduser; do
  case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
if command -v lintian >/dev/null; then
  lintian --fail-on error "$deb" >"$out/lintian.log" 2>&1 || { cat "$out/lintian.log"; fail "lintian reports errors"; }
fi
dpkg-deb -x "$deb" "$out/root"
r="$out/root"
for f in usr/bin/kiosk usr/share/kiosk/assets/i18n/vi/core.toml usr/share/kiosk/data/ngay-hoi-antq-2023/event.toml \
         usr/share/doc/kiosk/copyright usr/share/doc/kiosk/changelog.gz usr/share/doc/kiosk/CLI.md \
         usr/share/man/man1/kiosk.1.gz lib/systemd/system/kiosk@.service usr/libexec/kiosk/kiosk-session; do
  [ -e "$r/$f" ] || fail "$f not in the package"
done
zcat "$r/usr/share/man/man1/kiosk.1.gz" | grep -q '^\.TH kiosk 1 ' || fail "kiosk.1 has no title"
zcat "$r/usr/share/man/man1/kiosk.1.gz" | grep -q 'setup\\-kiosk\|kiosk init' || fail "kiosk.1 lacks the commands"

# Markers in the root's copies: seen only if the program reads the root, not the source tree.
sed -i 's/^version = "kiosk {version}"/version = "kiosk {version} (root)"/' "$r/usr/share/kiosk/assets/i18n/vi/install.toml"
sed -i 's/^name = "\(.*\)"$/name = "\1 (root)"/' "$r/usr/share/kiosk/data/ngay-hoi-antq-2023/event.toml"

cd "$out/elsewhere"
unset KIOSK_DB KIOSK_ASSETS KIOSK_DATA STATE_DIRECTORY
export HOME="$out/home" XDG_DATA_HOME="$out/home/xdg"
k="$r/usr/bin/kiosk"
[ "$("$k" --version)" = "kiosk $version (root)" ] || fail "kiosk --version said: $("$k" --version)"
"$k" init --today >"$out/init.log" || fail "init: $(cat "$out/init.log")"
grep -q "(root)" "$out/init.log" || fail "init did not read the root's default pack: $(cat "$out/init.log")"
"$k" badges >"$out/badges.log" || fail "badges: $(cat "$out/badges.log")"
[ -s "$XDG_DATA_HOME/kiosk/event.db" ] || fail "no event database in \$XDG_DATA_HOME/kiosk"
[ -s "$XDG_DATA_HOME/kiosk/badges.pdf" ] || fail "no badge sheet in \$XDG_DATA_HOME/kiosk"
[ -z "$(ls -A "$out/elsewhere")" ] || fail "files written in the current folder: $(ls -A "$out/elsewhere")"
# Without XDG_DATA_HOME: ~/.local/share/kiosk.
unset XDG_DATA_HOME
"$k" init --today >/dev/null
[ -s "$HOME/.local/share/kiosk/event.db" ] || fail "no event database in ~/.local/share/kiosk"
echo "package: ok ($(basename "$deb"))"
