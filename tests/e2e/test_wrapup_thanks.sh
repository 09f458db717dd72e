#!/usr/bin/env bash
# Ending a call: C-x saves the line being typed, ends the call (the contact
# is met), the wrap-up scores the fit and marks an information gap
# answered; then the thank-you: due tomorrow, handwritten for a senior
# person, its draft checked for something specific from the notes, and m
# marks it sent (the contact is thanked).
. "$(dirname "$0")/lib.sh" "$@"

# $EDITOR: first a generic thank-you, then a specific one
cat > "$TMP/editor.sh" <<'SH'
#!/bin/sh
n=$(cat "$0.count" 2>/dev/null || echo 0)
echo $((n + 1)) > "$0.count"
if [ "$n" = 0 ]; then
  printf 'Dear Maya,\nThank you for your time, it was great talking.\n' > "$1"
else
  printf 'Dear Maya,\nThank you: what you said about idempotency changed my plan.\n' > "$1"
fi
SH
chmod +x "$TMP/editor.sh"
export EDITOR="$TMP/editor.sh"

cli add "Maya Lindqvist" --org Northwind --how-known former-colleague --seniority executive \
  >/dev/null || fail "seed"
cli worksheet add gap "Do payments teams hire from support?" >/dev/null || fail "seed"
TOMORROW=$(date -d tomorrow +%F)

start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for "● Maya Lindqvist"
keys c
wait_for "Not ready to call yet" # not ready: c asks first
keys y
wait_for " Call · Maya Lindqvist (Northwind)"
type_text "! Idempotency is what separates good payment engineers"
keys Enter
wait_for "Idempotency is what separates"
type_text "+ Send her the retry write-up"
keys C-x
wait_for "─ Wrap-up · Maya Lindqvist · planned "
assert_eq "C-x saved the line being typed" 2 "$(db_query 'SELECT count(*) FROM note')"
assert_eq "the call is held" "held" "$(db_query 'SELECT status FROM conversation')"
assert_eq "Maya is met" "met" "$(db_query "SELECT stage FROM contact WHERE name = 'Maya Lindqvist'")"
ok "C-x ends the call: line saved, held, contact met, wrap-up open"

wait_cursor_on "Would I succeed there?"
keys Right Right Right Right
wait_for "Would I succeed there? ‹ 4 ›"
wait_for "Gap 1 Do payments teams hire from support?"
form_goto "answered" 8
keys Right
wait_for "answered in this call"
keys C-s
wait_for "Thank-you to Maya Lindqvist · due $TOMORROW · by handwritten"
assert_eq "fit score saved" 4 "$(db_query 'SELECT fit1 FROM conversation')"
assert_eq "the gap is answered by this conversation" "1	1" \
  "$(db_query "SELECT flag, ref FROM ws_item WHERE section = 'gap'")"
ok "the wrap-up saves the fit and the gap; the thank-you is due tomorrow, handwritten"
assert_eq "one thank-you owed" "$(printf 'thank-you\t%s\thandwritten\topen' "$TOMORROW")" \
  "$(db_query "SELECT kind, due, medium, status FROM followup WHERE kind = 'thank-you'")"

keys C-o
wait_for "Not specific: name something from the call, e.g. 'payment engineers'"
ok "a generic thank-you is flagged"
keys C-o
wait_for "Specific: it names"
wait_for "it names 'Idempotency' from your notes"
case "$(db_query "SELECT draft FROM followup WHERE kind = 'thank-you'")" in
  *idempotency*) ok "the specific draft is saved" ;;
  *) fail "the draft was not saved" ;;
esac

keys m
wait_line -1 "Thank-you sent · Maya Lindqvist is now thanked"
assert_eq "sent" "sent" "$(db_query "SELECT status FROM followup WHERE kind = 'thank-you'")"
assert_eq "Maya is thanked" "thanked" \
  "$(db_query "SELECT stage FROM contact WHERE name = 'Maya Lindqvist'")"
ok "m marks it sent and Maya is thanked"
keys Escape
wait_for "● Maya Lindqvist"
quit_app
finish
