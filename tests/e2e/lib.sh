# Shared by the e2e scripts (sourced): a clean output folder, the GUI under Xvfb with Mesa's
# software GL, and the screenshot checks.
fail() { echo "FAIL: $*" >&2; exit 1; }

# e2e_setup KIOSK_BIN OUT_DIR [SCREENSHOT_COPY_DIR]: the script's arguments as kiosk, out, copy; empties
# out and points every kiosk process at db=out/event.db.
e2e_setup() {
  kiosk="$1"
  out="$2"
  copy="${3:-}"
  db="$out/event.db"
  rm -rf "$out" && mkdir -p "$out"
  export LIBGL_ALWAYS_SOFTWARE=1 SDL_AUDIODRIVER=dummy KIOSK_DB="$db"
}

# run_gui KIOSK ARGS...: `kiosk gui ARGS` in its own virtual 1280x720 screen.
run_gui() { run_gui_at 1280x720 "$@"; }

# run_gui_at WxH KIOSK ARGS...: the same in a screen and window of that size.
run_gui_at() {
  local size="$1" kiosk="$2"
  shift 2
  xvfb-run -a -s "-screen 0 ${size}x24" "$kiosk" gui --windowed "$size" "$@"
}

# wait_for_sql SQL VALUE [SECONDS]: waits until the query on the event database prints VALUE, or
# fails after SECONDS (60): how a script waits for a GUI process, through the database it writes.
wait_for_sql() {
  local deadline=$((SECONDS + ${3:-60}))
  until [ "$(sqlite3 -cmd ".timeout 2000" "$db" "$1" 2>/dev/null)" = "$2" ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "timed out waiting for '$1' to be $2"
    sleep 0.1
  done
}

# pin_keys PIN: replay steps that type the PIN key by key (typed text would look like a scanner
# burst) and press Return.
pin_keys() { for ((i = 0; i < ${#1}; i++)); do echo "key ${1:i:1}"; done; echo "key Return"; }

# colours PNG: how many distinct colours the image holds.
colours() { convert "$1" -format %k info:; }

# check_shots DIR NAME...: each DIR/NAME.png exists and is not blank.
check_shots() {
  local dir="$1" shot f n
  shift
  for shot in "$@"; do
    f="$dir/$shot.png"
    [ -s "$f" ] || fail "screenshot $shot missing"
    n=$(colours "$f")
    [ "$n" -gt 8 ] || fail "screenshot $shot looks blank ($n colours)"
  done
}

# copy_shots DIR DEST: copies every screenshot in DIR to DEST when DEST is given.
copy_shots() { if [ -n "$2" ]; then mkdir -p "$2" && cp "$1"/*.png "$2"/; fi; }
