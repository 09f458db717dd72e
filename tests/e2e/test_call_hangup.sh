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
tm kill-pane -t "$SESSION"
saved() { [ "$(db_query "SELECT count(*) FROM note WHERE text = 'half a thought about procurement cycles'")" = 1 ]; }
_poll 5 saved || fail "the line being typed was not saved on SIGHUP"
ok "closing the terminal saves the line being typed"
assert_eq "both lines are in the journal" 2 "$(db_query 'SELECT count(*) FROM note')"

start_app --db "$DB"
wait_for "─ Interrupted call ─"
wait_for "All 2 saved note lines"
keys e
wait_for "─ Wrap-up · Ann Lee ─"
assert_eq "e ends the call" "held" "$(db_query 'SELECT status FROM conversation')"
assert_eq "the contact is now met" "met" "$(db_query "SELECT stage FROM contact WHERE name = 'Ann Lee'")"
ok "e ends the interrupted call and opens the wrap-up; Ann is met"
keys Escape
wait_for "Thank-you to Ann Lee"
keys Escape
wait_for "● Ann Lee"
quit_app
finish
