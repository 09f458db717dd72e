#!/usr/bin/env bash
# Lost update (issue 18) in a real terminal: the edit form is open while
# `rapport import vcard` adds a phone and `rapport cadence` sets the
# cadence from the command line. Saving the form writes only what was
# typed in it: the role. The phone stays; the cadence, changed in the form
# too, is asked about ("changed elsewhere … keep yours / keep theirs").
. "$(dirname "$0")/lib.sh" "$@"

cli add "Ana Maya" --org Acme --email ana@work.org --stage met >/dev/null \
  || fail "rapport add failed"
cat > "$TMP/ana.vcf" <<'VCF'
BEGIN:VCARD
VERSION:3.0
FN:Ana Maya
EMAIL;TYPE=work:ana@work.org
TEL;TYPE=cell:+351 912 345 678
NOTE:met at the transit meetup
END:VCARD
VCF

start_app --db "$DB"
keys 2
wait_for "Ana Maya"
keys e
wait_for "─ Edit contact ─"
wait_cursor_on "Name Ana Maya"
ok "the edit form is open"

# meanwhile, from the command line
cli import vcard "$TMP/ana.vcf" >"$TMP/import.out" 2>&1 || fail "import: $(cat "$TMP/import.out")"
grep -q "updated 1" "$TMP/import.out" || fail "the import did not update Ana: $(cat "$TMP/import.out")"
cli cadence "Ana Maya" 30 >/dev/null || fail "rapport cadence failed"
ok "rapport import vcard and rapport cadence ran while the form was open"

# the user edits the role and the cadence, and saves
keys Tab Tab
wait_cursor_on "Role"
type_text "Planner"
form_goto "Keep in touch" 8
type_text "14"
wait_cursor_on "Keep in touch 14"
keys Enter
wait_for "─ Changed elsewhere ─"
wait_for "Ana Maya's keep-in-touch cadence was changed elsewhere to every"
_screen_has "theirs  every 30 days" || fail "the dialog does not show the cadence set elsewhere"
_screen_has "yours   every 14 days" || fail "the dialog does not show the form's value"
ok "the cadence changed on both sides is asked about"
assert_eq "nothing written before the answer" "NULL" \
  "$(db_query "SELECT role FROM contact WHERE name = 'Ana Maya'")"
keys t
wait_line -1 "Saved Ana Maya"
wait_gone "─ Edit contact ─"
ok "t keeps theirs and saves"

assert_eq "the role typed in the form" "Planner" "$(json_field "Ana Maya" role)"
assert_eq "the phone the import added is still there" "+351 912 345 678" \
  "$(db_query "SELECT value FROM contact_value v JOIN contact c ON c.id = v.contact_id
               WHERE c.name = 'Ana Maya' AND v.kind = 'phone'")"
assert_eq "the primary phone too" "+351 912 345 678" "$(json_field "Ana Maya" phone)"
assert_eq "the import's note is still there" "met at the transit meetup" \
  "$(db_query "SELECT notes FROM contact WHERE name = 'Ana Maya'")"
assert_eq "the cadence set from the command line (theirs)" "30" \
  "$(db_query "SELECT cadence_days FROM contact WHERE name = 'Ana Maya'")"
assert_eq "the email untouched" "ana@work.org" "$(json_field "Ana Maya" email)"
wait_for "Phone         +351 912 345 678"
ok "the detail pane shows the phone"
quit_app
finish
