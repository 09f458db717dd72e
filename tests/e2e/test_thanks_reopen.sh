#!/usr/bin/env bash
# A thank-you left for later reopens from Today: after a call, Esc leaves
# the thank-you (Today lists it); c on its row starts no call; Enter opens
# the same thank-you screen with the saved draft; Esc while editing saves
# the draft; a draft that names nothing from the call (only her name,
# greetings and your signature) is "not specific", and m or x asks before
# marking it sent. A senior contact gets the handwritten-note suggestion.
. "$(dirname "$0")/lib.sh" "$@"

# $EDITOR: the generic thank-you of the issue
cat > "$TMP/editor.sh" <<'SH'
#!/bin/sh
printf 'Hi Priya, thanks for your time! Best, Alex\n' > "$1"
SH
chmod +x "$TMP/editor.sh"
export EDITOR="$TMP/editor.sh"

cli add "Priya Raman" --org CharityComms --how-known former-colleague --seniority senior \
  >/dev/null || fail "seed"

start_app --db "$DB"
keys 2
wait_for "● Priya Raman"
keys c
wait_for "Not ready to call yet" # not ready: c asks first
keys y
wait_for " Call · Priya Raman (CharityComms)"
type_text "+ Build a portfolio of 3 field stories"
keys Enter
wait_for "Build a portfolio"
type_text "Priya said I will let you know how it goes"
keys C-x
wait_for "─ Wrap-up · Priya Raman · "
keys Escape
wait_for "Thank-you to Priya Raman"
wait_for "A handwritten card"
ok "a senior contact gets the handwritten-note suggestion"
keys C-o
wait_for "Hi Priya, thanks for your time! Best, Alex"
wait_for "Not specific: name something from the call, e.g. 'field stories'"
ok "her name and a signature are no topic: not specific, with a suggestion"

# Esc: left for later; Today lists it
keys Escape
wait_for "● Priya Raman"
keys 1
wait_for "handwritten thank-you for the call on"
assert_eq "the thank-you is still owed" "open" "$(db_query "SELECT status FROM followup WHERE kind = 'thank-you'")"

# c on the row: no call
keys c
wait_line -1 "No call here: this is the thank-you for a call held"
assert_eq "c started no call" 1 "$(db_query 'SELECT count(*) FROM conversation')"
ok "c on a thank-you row says what to do instead"

# x on a generic thank-you asks first; any other key keeps it open
keys x
wait_for "Send a thank-you that names nothing?"
keys n
wait_gone "Send a thank-you that names nothing?"
assert_eq "x then n keeps it open" "open" "$(db_query "SELECT status FROM followup WHERE kind = 'thank-you'")"

# Enter reopens it, with the saved draft
keys Enter
wait_for "Thank-you to Priya Raman"
wait_for "Hi Priya, thanks for your time! Best, Alex"
ok "Enter on Today reopens the thank-you with its saved draft"

# Esc while editing saves what was typed
keys e
type_text "Your point on field stories stayed with me. "
wait_for "Specific: it names 'field stories' from your notes."
keys Escape
wait_for "Thank-you saved"
case "$(db_query "SELECT draft FROM followup WHERE kind = 'thank-you'")" in
  "Your point on field stories stayed with me. Hi Priya"*) ok "Esc in the editor saved the draft" ;;
  *) fail "the draft was not saved: $(db_query "SELECT draft FROM followup WHERE kind = 'thank-you'")" ;;
esac
keys Escape
wait_for "handwritten thank-you for the call on"
ok "Esc from a reopened thank-you comes back to Today"

# back to generic: m asks first; n keeps it, y sends it
keys Enter
wait_for "Your point on field stories"
keys C-o
wait_for "Not specific: name something from the call"
keys m
wait_for "Send a thank-you that names nothing?"
keys n
wait_gone "Send a thank-you that names nothing?"
assert_eq "m then n keeps it open" "open" "$(db_query "SELECT status FROM followup WHERE kind = 'thank-you'")"
keys m
wait_for "Send a thank-you that names nothing?"
keys y
wait_line -1 "Thank-you sent · Priya Raman is now thanked"
assert_eq "m then y sends it" "sent" "$(db_query "SELECT status FROM followup WHERE kind = 'thank-you'")"
case "$(db_query "SELECT draft FROM followup WHERE kind = 'thank-you'")" in
  *"{"*) fail "a placeholder was stored" ;;
  *) ok "no placeholder stored" ;;
esac
quit_app
finish
