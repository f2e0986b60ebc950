#!/usr/bin/env bash
# Printing for real: a private cupsd (tests/print/cups_lib.sh) with a CUPS-PDF queue, then the
# console's printing tests ([cups] in ui_tests) against it. Usage: cups_print.sh UI_TESTS OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/cups_lib.sh"
ui_tests="$1"
out="$2"
rm -rf "$out" && mkdir -p "$out"
trap cups_stop EXIT
cups_start "$out/cups"
queue="kiosk-test-$$"
cups_add_pdf_queue "$queue"
export KIOSK_TEST_PRINTER="$queue" KIOSK_TEST_CUPS_OUT="$cups_dir/out"
"$ui_tests" "[cups]"
