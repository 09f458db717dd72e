#!/usr/bin/env bash
# Import from the UI: I on Contacts runs a dry run of a LinkedIn export
# (notes before the header, a quoted comma, a date that is no date) and
# shows what the file is, what would happen and the value it would drop;
# Esc goes back to the form with nothing added, y imports; a second import
# of the same file adds nobody; a broken file is refused with its line and
# changes nothing. y copies the selected person's dossier to the clipboard
# (OSC 52, kept by tmux as a paste buffer).
. "$(dirname "$0")/lib.sh" "$@"

cat > "$TMP/Connections.csv" <<'CSV'
Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Zoë,Ørsted,https://www.linkedin.com/in/zoe-orsted,,"Acme, Inc.",Head of Research,07 Mar 2024
Tom,Okafor,https://www.linkedin.com/in/tom-okafor,tom@example.org,City Transit Lab,Planner,12 Jan 2023
Ann,Lee,https://www.linkedin.com/in/ann-lee,,Northwind,Nurse,31 Feb 2024
CSV
cat > "$TMP/bad.csv" <<'CSV'
First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ann,Lee,https://www.linkedin.com/in/ann-lee,,"Northwind,Nurse,01 Feb 2024
CSV

start_app --db "$DB"
keys 2
wait_for "Press a to add your first contact"
keys I
wait_for "─ Import contacts ─"
type_text "$TMP/bad.csv"
keys Enter
wait_for "bad.csv:2:"
_screen_has "─ Import contacts ─" || fail "the form closed on a broken file"
assert_eq "a broken file adds nothing" 0 "$(db_query 'SELECT count(*) FROM contact')"
ok "a broken row is refused with its line; nothing is added"

keys C-u
type_text "$TMP/Connections.csv"
keys Enter
wait_for "Dry run, nothing written"
wait_for "Found: LinkedIn connections"
wait_for "would have added 3, updated 0, unchanged 0,"
wait_for "Connections.csv:7: Ann Lee: kept without"
assert_eq "the dry run adds nothing" 0 "$(db_query 'SELECT count(*) FROM contact')"
ok "Enter shows the dry run: the format, what would happen, the dropped value"
keys Escape
wait_gone "Dry run, nothing written"
_screen_has "─ Import contacts ─" || fail "Esc did not go back to the form"
assert_eq "Esc imports nothing" 0 "$(db_query 'SELECT count(*) FROM contact')"
ok "Esc goes back to the form"
keys Enter
wait_for "Dry run, nothing written"
keys y
wait_line -1 "Imported: added 3, updated 0, unchanged 0, skipped 0, warnings 1"
wait_for "● Tom Okafor"
wait_for "Zoë Ørsted"
assert_eq "org with a comma, known since" "$(printf 'Acme, Inc.\t2024-03-07')" \
  "$(db_query "SELECT org, known_since FROM contact WHERE name = 'Zoë Ørsted'")"
assert_eq "the bad date is dropped, the person kept" "NULL" \
  "$(db_query "SELECT known_since FROM contact WHERE name = 'Ann Lee'")"
ok "y imports the LinkedIn export"

keys I
wait_for "─ Import contacts ─"
type_text "$TMP/Connections.csv"
keys Enter
wait_for "would have added 0, updated 0, unchanged 3,"
keys Enter
wait_line -1 "Imported: added 0, updated 0, unchanged 3, skipped 0"
assert_eq "still three contacts" 3 "$(db_query 'SELECT count(*) FROM contact')"
ok "importing the same file again adds nobody (Enter imports after the dry run)"

# y: the dossier of the selected contact on the clipboard
tm set-option -s set-clipboard on
keys Home
wait_line 2 "│ Ann Lee"
keys y
wait_line -1 "Copied the dossier to the clipboard"
copied() { tm show-buffer 2>/dev/null | grep -q "Ann Lee"; }
_poll 5 copied || fail "the clipboard lacks the dossier: [$(tm show-buffer 2>&1 | head -5)]"
ok "y copies the dossier"
quit_app
finish
