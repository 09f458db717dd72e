#!/usr/bin/env bash
# Calls are safe to start and to cancel, in a real terminal: the detail
# pane shows the give/ask balance; a stray c on a contact who is not ready
# (on Contacts, and on a Today row) asks first and n starts nothing; a
# 10-second call with no notes ended with C-x offers "Discard this call?"
# and y leaves nothing (no conversation, no thank-you, the stage as
# before); a call kept is held: the asks count it and, once met, the
# detail shows the next step instead of "Reach out".
. "$(dirname "$0")/lib.sh" "$@"

cli add "Priya Raman" --org CharityComms --how-known friend >/dev/null || fail "seed failed"
cli give "Priya Raman" --kind read "Read her piece on digital teams" >/dev/null \
  || fail "seed give failed"
cli followup add "Priya Raman" --kind check-in --note "ask about the conference" >/dev/null \
  || fail "seed follow-up failed"
stage() { db_query "SELECT stage FROM contact WHERE name = 'Priya Raman'"; }
assert_eq "seeded at giving" giving "$(stage)"

start_app --db "$DB"
# ---- Today: c on a row asks first -------------------------------------------
wait_for "Priya Raman"
keys c
wait_for "─ Not ready to call yet ─"
_screen_has "Priya Raman is missing" || fail "the dialog does not say what is missing"
keys n
wait_gone "─ Not ready to call yet ─"
_screen_has " Call · Priya Raman" && fail "n started a call"
assert_eq "n on Today started nothing" 0 "$(db_query 'SELECT count(*) FROM conversation')"
ok "c on a Today row asks first; n starts nothing"

# ---- Contacts: the balance, and c asks first ---------------------------------
keys 2
wait_for "● Priya Raman"
wait_for "Balance       gave 1 · asked 0"
ok "the detail pane shows gave 1 · asked 0"
keys c
wait_for "─ Not ready to call yet ─"
for reason in "Priya Raman is missing" "✗ no superpower yet" "y starts the call anyway"; do
  _screen_has "$reason" || fail "the dialog lacks [$reason]"
done
keys Escape
wait_gone "─ Not ready to call yet ─"
assert_eq "Esc started nothing" 0 "$(db_query 'SELECT count(*) FROM conversation')"
ok "a stray c on Contacts asks first, listing what is missing; Esc starts nothing"

# ---- a 10-second call with no notes: discard it --------------------------------
keys c
wait_for "─ Not ready to call yet ─"
keys y
wait_for " Call · Priya Raman (CharityComms)"
assert_eq "y started the call" live "$(db_query 'SELECT status FROM conversation')"
sleep 10 # the call lasts ten seconds
keys C-x
wait_for "─ Discard this call? ─"
_screen_has "has no notes" || fail "the dialog does not say why"
assert_eq "ended while asked" held "$(db_query 'SELECT status FROM conversation')"
keys y
wait_for "Call with Priya Raman discarded: nothing kept"
wait_for "● Priya Raman"
assert_eq "no conversation left" 0 "$(db_query 'SELECT count(*) FROM conversation')"
assert_eq "no thank-you owed" 0 "$(db_query "SELECT count(*) FROM followup WHERE kind = 'thank-you'")"
assert_eq "the stage as before the call" giving "$(stage)"
wait_for "Balance       gave 1 · asked 0"
ok "C-x on a 10-second call without notes offers Discard; y leaves nothing, stage unchanged"

# ---- a call kept: held, counted, and the next step replaces Reach out ----------
keys c
wait_for "─ Not ready to call yet ─"
keys y
wait_for " Call · Priya Raman (CharityComms)"
keys C-x
wait_for "─ Discard this call? ─"
keys n
wait_for "Wrap-up · Priya Raman · planned 20 min, took 0:0"
keys Escape
wait_for "Thank-you to Priya Raman"
keys Escape
wait_for "● Priya Raman"
assert_eq "kept: held" held "$(db_query 'SELECT status FROM conversation')"
assert_eq "kept: met" met "$(stage)"
wait_for "Balance       gave 1 · asked 1"
wait_for "Next step     thank-you owed, due"
_screen_has "Reach out" && fail "a contact met still shows Reach out"
ok "a call kept counts as an ask; once met the detail shows the next step, not Reach out"

quit_app
finish
