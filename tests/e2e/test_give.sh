#!/usr/bin/env bash
# Log a give from the Contacts screen with g: the form, a validation error
# that saves nothing, the saved give in the journal, the stage moving to
# "giving", and the detail pane showing the ledger, the balance and the
# chain of introductions.
. "$(dirname "$0")/lib.sh" "$@"

cli add "Ann Friend" --org Acme --how-known friend >/dev/null || fail "seed failed"
cli add "Zoë Ørsted" --org Acme --introduced-by "Ann Friend" --stage researching >/dev/null \
  || fail "seed failed"
TODAY=$(date +%F)

start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for "● Zoë Ørsted"
keys j
wait_line 2 "│ Zoë Ørsted"
wait_for "Chain         Ann Friend → Zoë Ørsted"
ok "the detail shows the chain of introductions back to Ann"
wait_for "Balance       gave 0 · asked 0"
wait_for "Nothing given yet"
ok "before any give: balance 0/0 and a hint to log one"

keys g
wait_for "─ Give to Zoë Ørsted ─"
wait_cursor_on "Kind"
_screen_has "Kind ‹ read their work ›" || fail "the kind does not start at the first kind"
_screen_has "Date $TODAY" || fail "the date does not default to today ($TODAY)"
ok "g opens Give to Zoë Ørsted: first kind, today's date"

# Nothing typed in "What I did": an error, the form stays open, nothing saved.
keys C-s
wait_for "text is empty"
_screen_has "─ Give to Zoë Ørsted ─" || fail "the form closed after a validation error"
assert_eq "no give saved without text" 0 "$(db_query 'SELECT count(*) FROM give')"
wait_cursor_on "What I did"
ok "the error keeps the form open and puts the cursor on What I did"

keys BTab BTab
wait_cursor_on "Kind"
keys Right
wait_for "Kind ‹ commented on their work ›"
keys Tab
wait_cursor_on "Date"
keys C-u
type_text "2026-02-30"
keys Tab
wait_cursor_on "What I did"
type_text "Commented on her post about idempotency keys"
keys C-s
wait_for "'2026-02-30' is not a date"
assert_eq "no give saved with a bad date" 0 "$(db_query 'SELECT count(*) FROM give')"
ok "a bad date is refused and nothing is saved"

wait_cursor_on "Date"
ok "the error puts the cursor on Date"
keys C-u
type_text "2026-11-20"
keys C-s
wait_line -1 "Logged for Zoë Ørsted: commented on their work · stage is now giving"
wait_gone "─ Give to Zoë Ørsted ─"
ok "C-s logs the give and says the stage moved to giving"
assert_eq "the give in the journal" \
  "$(printf '2026-11-20\tcomment\tCommented on her post about idempotency keys')" \
  "$(db_query "SELECT date, kind, text FROM give")"
assert_eq "the stage in the journal" "giving" \
  "$(db_query "SELECT stage FROM contact WHERE name = 'Zoë Ørsted'")"
wait_for "Stage         giving"
wait_for "Balance       gave 1 · asked 0"
wait_for "2026-11-20    commented on their"
ok "the detail shows the stage, the balance and the give"

# A second give keeps the stage (already giving) and lists newest first.
keys g
wait_for "─ Give to Zoë Ørsted ─"
keys Tab Tab
wait_cursor_on "What I did"
type_text "Shared her talk"
keys C-s
wait_line -1 "Logged for Zoë Ørsted: read their work"
_line_has -1 "stage is now" && fail "a second give said the stage moved"
wait_for "Balance       gave 2 · asked 0"
r1=$(row_of "$TODAY    read their")
r2=$(row_of "2026-11-20    commented")
[ -n "$r1" ] && [ -n "$r2" ] && [ "$r1" -lt "$r2" ] || fail "gives are not newest first ($r1, $r2)"
ok "a second give: balance 2, newest first"

# Esc on an untouched form closes it without asking.
keys g
wait_for "─ Give to Zoë Ørsted ─"
keys Escape
wait_gone "─ Give to Zoë Ørsted ─"
assert_eq "Esc saved nothing" 2 "$(db_query 'SELECT count(*) FROM give')"
ok "Esc closes an untouched give form"

quit_app
finish
