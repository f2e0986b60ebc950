# Prepends the man page's title block to docs/CLI.md for go-md2man (cmake -P; IN, OUT, VERSION).
file(READ ${IN} body)
# The document's own "# title" line becomes the NAME section a man page needs.
string(REGEX REPLACE "^# [^\n]*\n" "" body "${body}")
file(WRITE ${OUT} "kiosk 1 \"\" \"kiosk ${VERSION}\" \"Event-day kiosk\"
==========================================================

# NAME
kiosk - event-day check-in kiosk, ceremony and festival screens

# SYNOPSIS
**kiosk** [*global options*] *command* [*options*]

**kiosk gui --role** *checkin|organizer|mc|stage|quiz|judge*

# DESCRIPTION
${body}")
