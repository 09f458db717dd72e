#!/usr/bin/env bash
# The calendar folder read by the real engines: `rapport sync --calendar`
# writes it, khal lists the planned conversation (with its alarm) and
# todoman the follow-ups; then Radicale (127.0.0.1, a free port, storage
# in the test's folder, no auth) and vdirsyncer carry it to a CalDAV
# server, where the conversation is an event with a VALARM; a follow-up
# completed on the server with plain HTTP (what a phone does) is done in
# rapport and off `rapport agenda` after vdirsyncer sync + rapport sync;
# the event moved on the server (in another zone) re-plans the call; a
# to-do deleted there is reported and kept; syncing again changes nothing. Radicale is stopped by its own PID.
# Skips (exit 77) only when khal, todoman, radicale, vdirsyncer or curl is
# missing (.ci/deps --test installs them).
# Usage: bash test_sync_calendar_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/sync-calendar --python3 "$@"
TODO=$(command -v todo || command -v todoman) # Debian names todoman's command todoman
for tool in khal radicale vdirsyncer curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "cli/sync-calendar: $tool missing: skipped"; exit 77; }
done
[ -n "$TODO" ] || { echo "cli/sync-calendar: todoman missing: skipped"; exit 77; }
export RAPPORT_NOW=1796025600 # 2026-11-30 08:00:00 (UTC)
CAL=$TMP/vdir/calendar
RAPPORT_ARGS=(--db "$DB" --create)

run add "Zoë Ørsted" --org Acme
expect 0
run add "Ada Lovelace"
expect 0
run conversation add "Zoë Ørsted" --at "2026-12-10 10:00" --minutes 25 \
  --objective "how trials are run"
expect 0
run followup add "Ada Lovelace" --kind check-in --due 2026-12-03
expect 0
ADA_FU=$(q "SELECT id FROM followup WHERE contact_id = (SELECT id FROM contact WHERE name = 'Ada Lovelace')")
run followup add "Ada Lovelace" --kind custom --note "Send the trial paper" --due 2026-12-04
expect 0

# ---- out: one file per item, private ------------------------------------------------
run sync --calendar "$CAL"
expect 0
eq "items written" "$(ls "$CAL" | grep -c '\.ics$')" 3
eq "folder mode" "$(stat -c %a "$CAL")" 700
eq "file modes" "$(stat -c %a "$CAL"/*.ics | sort -u)" 600

# ---- khal and todoman read the folder ------------------------------------------------
cat >"$TMP/khal.conf" <<KHAL
[calendars]
[[rapport]]
path = $CAL
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC
KHAL
out=$(khal -c "$TMP/khal.conf" list 2026-12-01 30d 2>&1)
[[ $out == *"10:00-10:25 Conversation with Zoë Ørsted (Acme)"* ]] && ok || bad "khal list: [$out]"
[[ $out == *"how trials are run"* ]] && ok || bad "khal: no objective: [$out]"
printf 'path = "%s"\ndate_format = "%%Y-%%m-%%d"\ntime_format = "%%H:%%M"\ncache_path = "%s"\n' \
  "$CAL" "$TMP/todoman.cache" >"$TMP/todoman.py"
out=$("$TODO" --config "$TMP/todoman.py" list 2>&1)
[[ $out == *"2026-12-03 Check in with Ada Lovelace"* ]] && ok || bad "todoman list: [$out]"
[[ $out == *"2026-12-04 Send the trial paper (Ada Lovelace)"* ]] && ok || bad "todoman: no action: [$out]"

# ---- Radicale + vdirsyncer -------------------------------------------------------------
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
radicale --server-hosts "127.0.0.1:$PORT" --storage-filesystem-folder "$TMP/radicale" \
  --auth-type none --logging-level warning >"$TMP/radicale.log" 2>&1 &
RAD=$!
stop_radicale() {
  kill "$RAD" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$RAD" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$RAD" 2>/dev/null
  wait "$RAD" 2>/dev/null
}
trap 'stop_radicale; rm -rf "$TMP"' EXIT
URL=http://127.0.0.1:$PORT/test/rapport/
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.1
done
code=$(curl -s -o /dev/null -w '%{http_code}' -u test:x -X MKCALENDAR "$URL")
eq "MKCALENDAR" "$code" 201
mkdir -p "$TMP/vs/status"
cat >"$TMP/vs/config" <<VS
[general]
status_path = "$TMP/vs/status/"

[pair calendar]
a = "rapport"
b = "server"
collections = null

[storage rapport]
type = "filesystem"
path = "$CAL/"
fileext = ".ics"

[storage server]
type = "caldav"
url = "$URL"
username = "test"
password = "x"
VS
vs() { vdirsyncer -c "$TMP/vs/config" "$@" >>"$TMP/vs.log" 2>&1; }
vs discover && ok || bad "vdirsyncer discover: $(cat "$TMP/vs.log")"
vs sync && ok || bad "vdirsyncer sync: $(cat "$TMP/vs.log")"

# the conversation planned in rapport is an event with an alarm on the server
CONV=$(q "SELECT file FROM sync_item WHERE kind = 'conversation'")
ev=$(curl -s -u test:x "$URL$CONV" | tr -d '\r')
[[ $ev == *"BEGIN:VEVENT"*"SUMMARY:Conversation with Zoë Ørsted (Acme)"* ]] && ok ||
  bad "server event: [$ev]"
[[ $ev == *"BEGIN:VALARM"*"TRIGGER:-PT15M"* ]] && ok || bad "server event has no alarm: [$ev]"

# a follow-up completed on the server (what a phone does): done in rapport
TODOF=$(q "SELECT file FROM sync_item WHERE kind = 'followup' AND ref_id = $ADA_FU")
curl -s -u test:x "$URL$TODOF" | sed 's/^STATUS:NEEDS-ACTION/STATUS:COMPLETED/' >"$TMP/done.ics"
grep -q "STATUS:COMPLETED" "$TMP/done.ics" && ok || bad "no todo on the server: $(cat "$TMP/done.ics")"
code=$(curl -s -o /dev/null -w '%{http_code}' -u test:x -X PUT -H 'Content-Type: text/calendar' \
  --data-binary @"$TMP/done.ics" "$URL$TODOF")
[[ $code == 20[14] ]] && ok || bad "PUT completed todo: $code"
run agenda --days 14
[[ $OUT == *"#$ADA_FU Ada Lovelace — check in"* ]] && ok || bad "agenda before: [$OUT]"
vs sync && ok || bad "vdirsyncer sync back: $(cat "$TMP/vs.log")"
run sync --calendar "$CAL"
expect 0
[[ "$OUT$ERR" == *"Ada Lovelace: follow-up done in the calendar"* ]] && ok || bad "sync report: [$OUT] [$ERR]"
eq "follow-up done" "$(q "SELECT status FROM followup WHERE id = $ADA_FU")" done
run agenda --days 14
expect 0
lacks "$OUT" "#$ADA_FU Ada Lovelace"
[[ $OUT == *"Send the trial paper"* ]] && ok || bad "agenda lost the action: [$OUT]"
[ ! -e "$CAL/$TODOF" ] && ok || bad "the done follow-up's file is still in the folder"

# the call moved on the server (to 17:30 in Berlin, 16:30 UTC) is re-planned; the
# action deleted there is reported and kept in the journal, and not sent again
sed -e 's/^DTSTART:20261210T100000Z/DTSTART;TZID=Europe\/Berlin:20261211T173000/' \
  -e 's/^DTEND:20261210T102500Z/DTEND;TZID=Europe\/Berlin:20261211T175500/' \
  <<<"$(curl -s -u test:x "$URL$CONV")" >"$TMP/moved.ics"
grep -q "TZID=Europe/Berlin:20261211T173000" "$TMP/moved.ics" && ok || bad "not moved: $(cat "$TMP/moved.ics")"
code=$(curl -s -o /dev/null -w '%{http_code}' -u test:x -X PUT -H 'Content-Type: text/calendar' \
  --data-binary @"$TMP/moved.ics" "$URL$CONV")
[[ $code == 20[14] ]] && ok || bad "PUT moved event: $code"
ACTION=$(q "SELECT file FROM sync_item WHERE kind = 'followup' AND ref_id <> $ADA_FU")
code=$(curl -s -o /dev/null -w '%{http_code}' -u test:x -X DELETE "$URL$ACTION")
[[ $code == 20[04] ]] && ok || bad "DELETE action: $code"
vs sync && ok || bad "vdirsyncer sync (moved, deleted): $(cat "$TMP/vs.log")"
run sync --calendar "$CAL"
expect 0
[[ "$OUT" == *"Zoë Ørsted: conversation moved to Fri 2026-12-11 16:30"* ]] && ok ||
  bad "sync report (moved): [$OUT]"
[[ "$OUT" == *"Send the trial paper (Ada Lovelace): deleted in the calendar"* ]] && ok ||
  bad "sync report (deleted): [$OUT]"
eq "re-planned" "$(q "SELECT datetime(scheduled_at, 'unixepoch') FROM conversation")" \
  "2026-12-11 16:30:00"
eq "the deleted action is kept" "$(q "SELECT status FROM followup WHERE note = 'Send the trial paper'")" open
[ ! -e "$CAL/$ACTION" ] && ok || bad "the deleted action was written back"

# twice: nothing changes, in the folder or on the server
vs sync && ok || bad "vdirsyncer sync after: $(cat "$TMP/vs.log")"
before=$(cd "$CAL" && stat -c '%n %i %Y' *.ics | sort)
run sync --calendar "$CAL"
expect 0
after=$(cd "$CAL" && stat -c '%n %i %Y' *.ics | sort)
eq "folder after a second sync" "$after" "$before"
out=$(curl -s -u test:x -X PROPFIND -H 'Depth: 1' "$URL" | grep -o "$TODOF" | head -1)
eq "the done follow-up left the server" "$out" ""

stop_radicale
kill -0 "$RAD" 2>/dev/null && bad "radicale still running" || ok
cli_end
