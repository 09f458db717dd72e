#!/usr/bin/env bash
# The terminal closes in the middle of a call (the tmux pane is killed:
# SIGHUP): the line being typed, not yet entered, is saved too, and the
# call is found interrupted at the next start; e ends it and opens the
# wrap-up, and the thank-you follows.
. "$(dirname "$0")/lib.sh" "$@"

cli add "Ann Lee" --org Northwind --how-known friend >/dev/null || fail "seed"
# rapport call NAME opens straight on the call
start_app --db "$DB" call "Ann Lee"
wait_for " Call · Ann Lee (Northwind)"
ok "rapport call Ann opens the Call screen with the call started"
type_text "! Hospitals buy on trust, not on features"
keys Enter
wait_for "Hospitals buy on trust"
type_text "half a thought about procurement cycles"
wait_for "› half a thought about procurement cycles"
app_pid=$(pgrep -P "$(tm display -p -t "$SESSION" '#{pane_pid}')")
[ -n "$app_pid" ] || fail "no rapport process in the pane"
t0=$(now_us)
tm kill-pane -t "$SESSION"
gone() { ! kill -0 "$app_pid" 2>/dev/null; }
_poll 5 gone || fail "rapport still runs 5 s after the terminal closed"
ms=$((($(now_us) - t0) / 1000))
ok "rapport exits promptly when the terminal closes ($ms ms)"
saved() { [ "$(db_query "SELECT count(*) FROM note WHERE text = 'half a thought about procurement cycles'")" = 1 ]; }
_poll 5 saved || fail "the line being typed was not saved on SIGHUP"
ok "closing the terminal saves the line being typed"
assert_eq "both lines are in the journal" 2 "$(db_query 'SELECT count(*) FROM note')"

start_app --db "$DB"
wait_for "─ Interrupted call ─"
wait_for "All 2 saved note lines"
keys e
wait_for "─ Wrap-up · Ann Lee · planned "
assert_eq "e ends the call" "held" "$(db_query 'SELECT status FROM conversation')"
assert_eq "the contact is now met" "met" "$(db_query "SELECT stage FROM contact WHERE name = 'Ann Lee'")"
ok "e ends the interrupted call and opens the wrap-up; Ann is met"
keys Escape
wait_for "Thank-you to Ann Lee"
keys Escape
wait_for "● Ann Lee"
quit_app

# SIGTERM (kill, a shutdown): the same promise, and exit is prompt (within
# the 5 s poll; the time is printed, not judged: a loaded machine is slow), with
# status 143 and the terminal given back
cli add "Bo Chen" --how-known friend >/dev/null || fail "seed Bo"
start_app --db "$DB" call "Bo Chen"
wait_for " Call · Bo Chen"
type_text "a whole line"
keys Enter
wait_for "a whole line"
type_text "typed when SIGTERM came"
wait_for "› typed when SIGTERM came"
app_pid=$(pgrep -P "$(tm display -p -t "$SESSION" '#{pane_pid}')")
[ -n "$app_pid" ] || fail "no rapport process in the pane"
t0=$(now_us)
kill -TERM "$app_pid"
_poll 5 gone || fail "rapport still runs 5 s after SIGTERM"
ms=$((($(now_us) - t0) / 1000))
ok "rapport exits promptly on SIGTERM ($ms ms)"
expect_exit 143
assert_eq "the line being typed is saved on SIGTERM" 1 \
  "$(db_query "SELECT count(*) FROM note WHERE text = 'typed when SIGTERM came'")"
assert_eq "the call is left live (offered as interrupted at the next start)" "live" \
  "$(db_query "SELECT status FROM conversation c JOIN contact p ON p.id = c.contact_id WHERE p.name = 'Bo Chen'")"
finish
