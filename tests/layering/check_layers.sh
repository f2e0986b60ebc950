#!/bin/sh
# The layering rule of docs/ARCHITECTURE (shared DESIGN.md): services own every database
# connection. Fails when a file of the GUI (kiosk/ui) reaches the store, the hub or SQLite, or a
# command (kiosk/cli) reaches the store or SQLite, instead of going through kiosk/services.
#   check_layers.sh SOURCE_DIR          checks the tree
#   check_layers.sh --self-test         plants a violation in a scratch tree and expects a failure
set -u

# Prints the lines of DIR's sources that match PATTERN; fails (with a note) when there are any.
# (grep's status is 2 when a glob matched no file, even with hits: the output decides.)
forbid() {
    found=$(find "$1" -name '*.[ch]pp' -exec grep -nHE "$2" {} +)
    [ -z "$found" ] && return 0
    echo "$found"
    echo "layering: $1 must reach the database only through kiosk/services (lines above)" >&2
    return 1
}

check() {
    bad=0
    # ui: no store, no hub, no SQLite, no libpq, by include or by name.
    forbid "$1/kiosk/ui" '#include *[<"](kiosk/)?(store|hub)/|#include *<(sqlite3|libpq-fe)\.h>|\b(store|hub)::|\bsqlite3_|\bPQ[a-z]+\(' || bad=1
    # cli: no store and no SQLite; the database is opened by services::Session.
    forbid "$1/kiosk/cli" '#include *[<"](kiosk/)?store/|#include *<sqlite3\.h>|\bstore::|\bsqlite3_' || bad=1
    return $bad
}

if [ "${1:-}" = "--self-test" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/kiosk/ui" "$tmp/kiosk/cli"
    printf '#include "kiosk/services/session.hpp"\n' >"$tmp/kiosk/ui/ok.cpp"
    printf '#include "kiosk/services/session.hpp"\n' >"$tmp/kiosk/cli/ok.cpp"
    check "$tmp" >/dev/null 2>&1 || { echo "self-test: a clean tree was refused" >&2; exit 1; }
    for planted in 'ui/v.cpp:#include "kiosk/store/db.hpp"' 'ui/v.hpp:auto db = store::Database::open(p);' \
                   'ui/v.cpp:sqlite3_reset(st);' 'ui/v.cpp:#include "kiosk/hub/hub.hpp"' \
                   'cli/v.cpp:#include "kiosk/store/delegate_repo.hpp"' 'cli/v.cpp:store::audit(db, a, b, c);' \
                   'cli/v.cpp:#include <sqlite3.h>'; do
        file=${planted%%:*}
        printf '%s\n' "${planted#*:}" >"$tmp/kiosk/$file"
        if check "$tmp" >/dev/null 2>&1; then
            echo "self-test: not caught: $planted" >&2
            exit 1
        fi
        rm "$tmp/kiosk/$file"
    done
    echo "self-test: every planted violation was caught"
    exit 0
fi

check "${1:?usage: check_layers.sh SOURCE_DIR | --self-test}" && echo "layering: ok"
