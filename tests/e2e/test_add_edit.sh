#!/usr/bin/env bash
# Add a contact through the form, see it on screen and in the journal, reopen,
# edit it, and check that validation errors and "Discard changes?" keep the
# journal unchanged.
. "$(dirname "$0")/lib.sh" "$@"

NAME="Zoë Ørsted"

# ---- add ----------------------------------------------------------------
start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for "Press a to add your first contact"

keys a
wait_for "─ New contact ─"
wait_cursor_on "Name"
ok "a opens the New contact form on Name"

# Enter on an empty form: the name is required, the form stays open.
keys Enter
wait_for "a name is required"
_screen_has "─ New contact ─" || fail "form closed after a validation error"
assert_eq "nothing saved for an empty name" 0 "$(db_query 'SELECT count(*) FROM contact')"

type_text "$NAME"
keys Tab
wait_cursor_on "Organisation"
type_text "Acme"
keys Tab
wait_cursor_on "Role"
type_text "Data Engineer"
keys Tab
wait_cursor_on "Field"
keys Tab
wait_cursor_on "How I know them"
_screen_has "How I know them ‹ (none) ›" || fail "How I know them does not start at (none)"
keys f
wait_for "How I know them ‹ family ›"
ok "f jumps to family"
keys f
wait_for "How I know them ‹ friend ›"
ok "f again jumps to friend"
keys Left
wait_for "How I know them ‹ family ›"
ok "Left goes back to family"
_screen_has "Warmth ‹ (from how I know them) ›" || fail "Warmth default is not (from how I know them)"
ok "Warmth defaults to (from how I know them)"
_screen_has "Name $NAME" || fail "the Name field does not show [$NAME]"

keys Enter
wait_line -1 "Saved $NAME"
ok "status bar says Saved $NAME"
wait_gone "─ New contact ─"
row=$(screen | grep -F "● $NAME" | head -1)
assert_match "list row: warm glyph, name, organisation, stage" \
  "^● $NAME +Acme +identified +│" "$row"
assert_match "detail pane shows the name" "│ $NAME\$" "$(screen_line 2)"
wait_for "Works as      Data Engineer at Acme"
wait_for "How I know    family"
wait_for "Warmth        warm"
ok "detail pane shows role, organisation, how known, warmth"
wait_for_re "Contacts 1 · by name"

quit_app

# ---- the journal --------------------------------------------------------
assert_eq "json: org" "Acme" "$(json_field "$NAME" org)"
assert_eq "json: role" "Data Engineer" "$(json_field "$NAME" role)"
assert_eq "json: how_known" "family" "$(json_field "$NAME" how_known)"
assert_eq "json: warmth derived" "warm" "$(json_field "$NAME" warmth)"
assert_eq "json: warmth_set" "false" "$(json_field "$NAME" warmth_set)"
assert_eq "json: stage" "identified" "$(json_field "$NAME" stage)"
assert_eq "json: email" "null" "$(json_field "$NAME" email)"
assert_eq "db: the name is stored as typed (UTF-8)" "$NAME" \
  "$(db_query 'SELECT name FROM contact WHERE deleted_at IS NULL')"

# ---- reopen and edit ----------------------------------------------------
start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for "● $NAME"
ok "contact still there after reopening"

keys e
wait_for "─ Edit contact ─"
wait_cursor_on "Name $NAME"
keys Tab
wait_cursor_on "Organisation Acme"
keys C-e C-u
wait_for_re "Organisation *│"
type_text "Globex"
wait_cursor_on "Organisation Globex"
keys Enter
wait_line -1 "Saved $NAME"
wait_gone "─ Edit contact ─"
row=$(screen | grep -F "● $NAME" | head -1)
assert_match "list row shows the new organisation" "^● $NAME +Globex +identified" "$row"
wait_for "Data Engineer at Globex"
assert_eq "db: new organisation" "Globex" "$(json_field "$NAME" org)"
assert_eq "db: other fields kept" "Data Engineer/family" \
  "$(json_field "$NAME" role)/$(json_field "$NAME" how_known)"

# ---- invalid email keeps the form open, journal unchanged ----------------
before=$(db_query "SELECT org, email, updated_at FROM contact WHERE deleted_at IS NULL")
keys Enter                          # Enter edits too
wait_for "─ Edit contact ─"
wait_cursor_on "Name $NAME"
form_goto "Email 1" 12
type_text "zoe.example.com"
wait_cursor_on "Email 1 zoe.example.com"
keys Enter
wait_for "has no '@'"
ok "invalid email: error shown under the fields"
_screen_has "─ Edit contact ─" || fail "form closed after an invalid email"
ok "invalid email: form stays open"
assert_eq "invalid email: journal unchanged" "$before" \
  "$(db_query "SELECT org, email, updated_at FROM contact WHERE deleted_at IS NULL")"

# ---- Esc on a changed form asks first ------------------------------------
keys Escape
wait_for "─ Discard changes? ─"
ok "Esc on a changed form asks Discard changes?"
keys n
wait_gone "─ Discard changes? ─"
_screen_has "─ Edit contact ─" || fail "n did not go back to the form"
_screen_has "Email 1 zoe.example.com" || fail "the typed email was lost after n"
ok "n goes back to the form with the typed text"
keys Escape
wait_for "─ Discard changes? ─"
keys x
wait_gone "─ Discard changes? ─"
_screen_has "─ Edit contact ─" || fail "another key did not go back to the form"
ok "any other key goes back to the form"
keys Escape
wait_for "─ Discard changes? ─"
keys y
wait_gone "─ Edit contact ─"
wait_gone "─ Discard changes? ─"
ok "y discards and closes the form"
assert_eq "discarded: journal unchanged" "$before" \
  "$(db_query "SELECT org, email, updated_at FROM contact WHERE deleted_at IS NULL")"
_screen_has "zoe.example.com" && fail "the discarded email is shown"

# Esc on an unchanged form closes it without asking.
keys e
wait_for "─ Edit contact ─"
keys Escape
wait_gone "─ Edit contact ─"
_screen_has "Discard changes?" && fail "Esc on an unchanged form asked to discard"
ok "Esc on an unchanged form closes it at once"

# ---- a second contact, introduced by the first (suggestions) --------------
keys a
wait_for "─ New contact ─"
type_text "Ana María 🌱"
form_goto "Introduced by" 6
type_text "Ørs"
wait_for "Zoë Ørsted (Globex)"
ok "typing part of a name suggests the contact"
keys Enter
wait_cursor_on "Introduced by Zoë Ørsted"
ok "Enter accepts the suggestion"
keys Enter
wait_line -1 "Saved Ana María 🌱"
wait_for "Introduced by Zoë Ørsted"
assert_eq "db: introduced_by" "$NAME" "$(json_field "Ana María 🌱" introduced_by)"
assert_eq "db: introduced contacts are warm" "warm" "$(json_field "Ana María 🌱" warmth)"
wait_for_re "Contacts 2 · by name"

quit_app
finish
