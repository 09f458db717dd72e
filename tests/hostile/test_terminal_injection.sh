#!/usr/bin/env bash
# Terminal injection from an imported file: a vCard whose name carries an
# OSC "set window title" (ESC ] 0 ; pwned BEL) and a clear-screen (ESC [ 2 J),
# whose organisation carries colour codes and a C1 CSI (U+009B), and whose
# note carries BEL and a bare CR. Imported from the command line and from the
# UI, the contact is shown with the controls escaped (^[, ^G, ^M, ^?): the
# tmux pane title is untouched, the screen is not cleared, the tab bar stays.
# The CLI's human output (list, show, search) escapes them the same way.
. "$(dirname "$0")/../e2e/lib.sh" "$@"

printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\033]0;pwned\007Evil \033[2JName\r\nORG:\033[31mRed\033[0m Org\302\2332J\r\nNOTE:bell\007 cr\rend\033[?1049l\r\nEND:VCARD\r\n' > "$TMP/evil.vcf"
printf 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Second \033]2;owned\033\\\\Card\r\nEND:VCARD\r\n' > "$TMP/evil2.vcf"

cli import vcard "$TMP/evil.vcf" >/dev/null || fail "import of evil.vcf failed"
ok "the hostile vCard imports"
for verb in "list" "show Evil" "search pwned"; do
  # shellcheck disable=SC2086
  n=$(cli $verb 2>&1 | tr -cd '\033\007\r\233' | wc -c)
  assert_eq "rapport $verb sends no raw control bytes" 0 "$n"
done
assert_match "rapport list shows the escape visibly" '\^\[\]0;pwned\^GEvil' "$(cli list)"
# machine formats: escaped when standard output is a terminal (script gives
# the command a pty), the raw bytes kept in a pipe or a file
for verb in "list --format tsv" "list --format json" "export csv" "export vcard" "export json"; do
  script -qec "$(printf '%q ' "$BIN" --db "$DB" $verb)" /dev/null </dev/null >"$TMP/tty.out" 2>&1
  n=$(tr -cd '\033\007\233' < "$TMP/tty.out" | wc -c)
  assert_eq "rapport $verb to a terminal sends no raw control bytes" 0 "$n"
  [ "$verb" = "export json" ] || [ "$verb" = "list --format json" ] || [ "$verb" = "export vcard" ] ||
    grep -q '\^\[\]0;pwned\^GEvil' "$TMP/tty.out" || fail "rapport $verb to a terminal: the name is not shown escaped"
done
# shellcheck disable=SC2086
n=$(cli export csv | tr -cd '\033' | wc -c)
[ "$n" -gt 0 ] || fail "export csv into a pipe lost the raw bytes"
ok "export csv into a pipe keeps the bytes as they are"
# U+202E (right-to-left override) is shown as <U+202E>, not obeyed
printf 'First Name,Last Name,Email Address,Company,Position,Connected On\nRight\342\200\256Left,X,,,,\n' > "$TMP/bidi.csv"
cli import linkedin "$TMP/bidi.csv" >/dev/null || fail "import of bidi.csv failed"
script -qec "$(printf '%q ' "$BIN" --db "$DB" list --format tsv)" /dev/null </dev/null >"$TMP/tty.out" 2>&1
grep -q 'Right<U+202E>Left' "$TMP/tty.out" || fail "U+202E reached the terminal raw"
ok "a bidi override is shown escaped"

start_app --db "$DB"
title_before=$(tm display -p -t "$SESSION" '#{pane_title}')
keys 2
wait_for "Evil"
wait_for "^[]0;pwned^GEvil"
ok "the name is shown with ESC and BEL escaped"
_screen_has " 1 Today  2 Contacts" || fail "the tab bar is gone (screen cleared?)"
ok "the tab bar is intact"
title=$(tm display -p -t "$SESSION" '#{pane_title}')
case "$title" in *pwned*|*owned*) fail "the pane title was changed to [$title]" ;; esac
ok "the pane title is untouched ([$title_before] → [$title])"

# import the second file from the UI
keys I
wait_for "─ Import contacts ─"
type_text "$TMP/evil2.vcf"
keys Enter
wait_for "Dry run, nothing written: would have added 1"
_screen_has " 1 Today  2 Contacts" || fail "the tab bar is gone under the import's dry run"
ok "the import's dry-run report leaves the screen intact"
keys y
wait_line -1 "Imported: added 1"
wait_for "Second ^[]2;owned^[\\"
ok "a name imported from the UI is escaped too"
title=$(tm display -p -t "$SESSION" '#{pane_title}')
case "$title" in *pwned*|*owned*) fail "the pane title was changed to [$title]" ;; esac
ok "the pane title is still untouched"
_screen_has " 1 Today  2 Contacts" || fail "the tab bar is gone"
# the alternate screen was not left by the note's ESC [ ? 1049 l
_screen_lacks "E2E-SHELL-BEFORE" || fail "the note switched the terminal back to the normal screen"
ok "the terminal stays on rapport's screen"
# search in the UI for the hostile text
keys /
type_text "pwned"
wait_for "^[]0;pwned^GEvil"
_screen_has " 1 Today  2 Contacts" || fail "the tab bar is gone after searching"
ok "search results are escaped"
keys Escape
quit_app
finish
