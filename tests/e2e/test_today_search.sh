#!/usr/bin/env bash
# Today and search as a user meets them: after a call the thank-you is on
# Today (and in `rapport agenda`), x marks it sent; a follow-up added with f
# on Contacts shows up, z snoozes it; `/` finds a word typed in a call note
# (Zoe finds Zoë too) and Enter jumps to the contact.
. "$(dirname "$0")/lib.sh" "$@"

cli add "Zoë Ørsted" --org Acme --how-known friend >/dev/null || fail "seed"
cli add "Tom Okafor" --org "City Transit Lab" --how-known school >/dev/null || fail "seed"
TOMORROW=$(date -d tomorrow +%F)

start_app --db "$DB"
wait_for " Today · "
keys 2
wait_for "● Zoë Ørsted"
keys Down
wait_line 2 "│ Zoë Ørsted"
keys c
wait_for "Not ready to call yet" # not ready: c asks first
keys y
wait_for " Call · Zoë Ørsted (Acme)"
type_text "! They budget for idempotency work every quarter"
keys Enter
wait_for "They budget for idempotency work"
keys C-x
wait_for "─ Wrap-up · Zoë Ørsted · planned "
keys Escape
wait_for "Thank-you to Zoë Ørsted · due $TOMORROW"
keys Escape
ok "a call ended: the thank-you is owed"

# the thank-you on Today and in rapport agenda
keys 1
wait_for "Thank-you notes owed (1)"
wait_for_re "$TOMORROW +Zoë Ørsted +thank-you"
ok "Today lists the thank-you owed, with why"
cli agenda >"$TMP/agenda.txt" || fail "rapport agenda failed"
grep -q "Zoë Ørsted" "$TMP/agenda.txt" || fail "rapport agenda lacks the thank-you: $(cat "$TMP/agenda.txt")"
grep -qi "thank-you" "$TMP/agenda.txt" || fail "rapport agenda does not say thank-you"
ok "rapport agenda prints the same thank-you"

keys x
wait_line -1 "Thank-you sent for Zoë Ørsted"
wait_gone "Thank-you notes owed"
assert_eq "sent in the journal" "sent" "$(db_query "SELECT status FROM followup WHERE kind = 'thank-you'")"
assert_eq "Zoë is thanked" "thanked" "$(db_query "SELECT stage FROM contact WHERE name = 'Zoë Ørsted'")"
ok "x on Today marks the thank-you sent; Zoë is thanked"

# a follow-up by hand with f, due today, then snoozed
keys 2
wait_for "● Tom Okafor"
keys Home
wait_line 2 "│ Tom Okafor"
keys f
wait_for "─ Follow up with Tom Okafor ─"
keys Tab
wait_cursor_on "Due"
keys C-u
type_text "$(date +%F)"
keys Tab
type_text "send him the transit data article"
keys C-s
wait_line -1 "Follow-up added: check in, due $(date +%F) · on Today now"
keys 1
wait_for "Due today (1)"
wait_for "Tom Okafor"
wait_for "send him the transit data article"
ok "f adds a follow-up; it is on Today when due"
keys z
wait_line -1 "Snoozed: back tomorrow"
wait_gone "Due today (1)"
wait_for "This week (1)"
assert_eq "snoozed until tomorrow" "$TOMORROW" \
  "$(db_query "SELECT snoozed_until FROM followup WHERE kind = 'check-in'")"
ok "z snoozes it until tomorrow"

# search: a word from the call note, accent-insensitive name
keys /
wait_for "─ Search ─"
type_text "idempot"
wait_for "They budget for idempotency work"
ok "/ finds a word typed in a call note, as a prefix"
keys C-u
type_text "zoe"
wait_for "Zoë Ørsted (Acme)"
ok "zoe finds Zoë"
keys Enter
wait_gone "─ Search ─"
wait_line 2 "│ Zoë Ørsted"
ok "Enter jumps to the contact on Contacts"
quit_app
finish
