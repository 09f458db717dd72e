#!/usr/bin/env bash
# The wrap-up is owed until it is done: a terminal closed (kill -9) on the
# wrap-up leaves the call held with its thank-you owed, and the next start
# offers the unfinished wrap-up ("Unfinished wrap-up", w opens it, with the
# answers typed before the crash offered back); once it is saved nothing is
# offered again. "Later" keeps it owed for the start after.
. "$(dirname "$0")/lib.sh" "$@"

cli add "Maya Lindqvist" --org Northwind --how-known former-colleague >/dev/null || fail "seed"

start_app --db "$DB"
keys 2
wait_for "● Maya Lindqvist"
keys c
wait_for " Call · Maya Lindqvist (Northwind)"
type_text "! Idempotency is what separates good payment engineers"
keys Enter
wait_for "Idempotency is what separates"
keys C-x
wait_for "─ Wrap-up · Maya Lindqvist ─"
assert_eq "the wrap-up is owed while it is open" 1 \
  "$(db_query "SELECT count(*) FROM recovery WHERE key LIKE 'wrapup-owed:%'")"
pane_pid=$(tm display -p -t "$SESSION" '#{pane_pid}')
app_pid=$(pgrep -P "$pane_pid" -f rapport | head -1)
[ -n "$app_pid" ] || fail "could not find the rapport process"
kill -9 "$app_pid"
_poll 5 test -s "$TMP/status" || fail "rapport did not end after SIGKILL"
assert_eq "the call is held" "held" "$(db_query 'SELECT status FROM conversation')"
assert_eq "the thank-you is owed" 1 "$(db_query "SELECT count(*) FROM followup WHERE kind = 'thank-you' AND status = 'open'")"

# the next start offers the wrap-up; "later" keeps it owed
start_app --db "$DB"
wait_for "─ Unfinished wrap-up ─"
wait_for "You had not finished the wrap-up of the call with Maya Lindqvist"
ok "the next start offers the unfinished wrap-up"
keys x
wait_for "The wrap-up stays owed"
quit_app

start_app --db "$DB"
wait_for "─ Unfinished wrap-up ─"
keys w
wait_for "─ Wrap-up · Maya Lindqvist ─"
ok "w opens the wrap-up of that call"
keys Enter
wait_for "Wrap-up saved"
assert_eq "nothing owed once saved" 0 \
  "$(db_query "SELECT count(*) FROM recovery WHERE key LIKE 'wrapup-owed:%'")"
keys Escape
quit_app

start_app --db "$DB"
wait_for " Today"
sleep 0.5
_screen_lacks "Unfinished wrap-up" || fail "a finished wrap-up was offered again"
ok "a finished wrap-up is not offered again"
quit_app
finish
