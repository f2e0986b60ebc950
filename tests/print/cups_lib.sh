# A private CUPS for tests (sourced): cupsd in the foreground on a free 127.0.0.1 port with its
# own configuration, spool, state and logs under a temporary folder, and a CUPS-PDF queue whose
# output folder is ours (cups-pdf reads /etc/cups/cups-pdf-<uri name>.conf for a queue whose
# device is cups-pdf:/<uri name>; the test's file has a unique name and is removed on exit).
# Never touches the system's cupsd, its queues or its spool. Needs root (cupsd runs backends as lp
# and cups-pdf as root, like the system one).

# free_port: a TCP port nobody listens on now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# cups_start DIR: starts cupsd under DIR, exports CUPS_SERVER, sets cups_pid.
cups_start() {
  cups_dir="$1"
  mkdir -p "$cups_dir"/{spool,cache,state,log,tmp,ppd,out}
  chmod 0755 "$cups_dir" "$cups_dir"/out
  chmod 1777 "$cups_dir"/tmp
  cups_port=$(free_port)
  cat >"$cups_dir/cupsd.conf" <<CONF
Listen 127.0.0.1:$cups_port
LogLevel info
DefaultAuthType None
Browsing Off
WebInterface No
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Location /admin>
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order allow,deny
    Allow all
  </Limit>
</Policy>
CONF
  cat >"$cups_dir/cups-files.conf" <<CONF
ServerRoot $cups_dir
RequestRoot $cups_dir/spool
CacheDir $cups_dir/cache
StateDir $cups_dir/state
TempDir $cups_dir/tmp
AccessLog $cups_dir/log/access_log
ErrorLog $cups_dir/log/error_log
PageLog $cups_dir/log/page_log
Printcap $cups_dir/printcap
User lp
Group lp
SystemGroup root
CONF
  cupsd -f -c "$cups_dir/cupsd.conf" -s "$cups_dir/cups-files.conf" &
  cups_pid=$!
  export CUPS_SERVER="127.0.0.1:$cups_port"
  local i
  for i in $(seq 1 100); do
    if lpstat -r 2>/dev/null | grep -q "is running"; then return 0; fi
    kill -0 "$cups_pid" 2>/dev/null || { cat "$cups_dir/log/error_log" >&2 || true; return 1; }
    sleep 0.1
  done
  echo "cupsd did not answer on $CUPS_SERVER" >&2
  return 1
}

# cups_add_pdf_queue NAME: a CUPS-PDF queue NAME writing into $cups_dir/out.
cups_add_pdf_queue() {
  local name="$1"
  cups_pdf_conf="/etc/cups/cups-pdf-$name.conf"
  mkdir -p "$cups_dir/cups-pdf-spool"
  cat >"$cups_pdf_conf" <<CONF
Out $cups_dir/out
Spool $cups_dir/cups-pdf-spool
AnonDirName $cups_dir/out
Label 0
TitlePref 1
Log $cups_dir/log
LogType 7
CONF
  # pdftocairo keeps the text as fonts on its way through PostScript (poppler's pdftops, the default,
  # turns it into outlines: printed alike, but pdftotext could not read the result back).
  lpadmin -p "$name" -v "cups-pdf:/$name" -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd -o pdftops-renderer-default=pdftocairo -E
}

# cups_stop: stops the test's cupsd and removes its cups-pdf configuration.
cups_stop() {
  if [ -n "${cups_pid:-}" ]; then kill "$cups_pid" 2>/dev/null || true; wait "$cups_pid" 2>/dev/null || true; fi
  if [ -n "${cups_pdf_conf:-}" ]; then rm -f "$cups_pdf_conf"; fi
}
