#!/usr/bin/env python3
"""Plays systemd's side of sd_notify for a test: binds a unix datagram socket at PATH and writes
one line per message received, "<seconds since start> <message with newlines as |>", to LOG,
until STOP_FILE exists. Usage: notify_listener.py PATH LOG STOP_FILE"""
import os
import socket
import sys
import time

path, log, stop = sys.argv[1:4]
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
sock.settimeout(0.2)
start = time.monotonic()
with open(log, "w", buffering=1) as out:
    out.write("listening\n")
    while not os.path.exists(stop):
        try:
            data = sock.recv(4096)
        except socket.timeout:
            continue
        out.write("%.3f %s\n" % (time.monotonic() - start, data.decode(errors="replace").replace("\n", "|")))
sock.close()
os.unlink(path)
