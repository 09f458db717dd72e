#!/usr/bin/env bash
# Import from the UI: I on Contacts reads a LinkedIn export (notes before
# the header, a quoted comma), adds its people, and a second import of the
# same file adds nobody; a bad file is refused with its line and changes
# nothing. y copies the selected person's dossier to the clipboard (OSC 52,
# kept by tmux as a paste buffer).
. "$(dirname "$0")/lib.sh" "$@"

cat > "$TMP/Connections.csv" <<'CSV'
Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Zoë,Ørsted,https://www.linkedin.com/in/zoe-orsted,,"Acme, Inc.",Head of Research,07 Mar 2024
Tom,Okafor,https://www.linkedin.com/in/tom-okafor,tom@example.org,City Transit Lab,Planner,12 Jan 2023
CSV
cat > "$TMP/bad.csv" <<'CSV'
First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ann,Lee,https://www.linkedin.com/in/ann-lee,,Northwind,Nurse,31 Feb 2024
CSV

start_app --db "$DB"
keys 2
wait_for "Press a to add your first contact"
keys I
wait_for "─ Import contacts ─"
type_text "$TMP/bad.csv"
keys Enter
wait_for "bad.csv:2:"
assert_eq "a bad file adds nothing" 0 "$(db_query 'SELECT count(*) FROM contact')"
ok "a bad row is refused with its line; nothing is added"
keys C-u
type_text "$TMP/Connections.csv"
keys Enter
wait_line -1 "Imported: added 2, updated 0, unchanged 0, skipped 0"
wait_for "● Tom Okafor"
wait_for "Zoë Ørsted"
assert_eq "org with a comma, known since" "$(printf 'Acme, Inc.\t2024-03-07')" \
  "$(db_query "SELECT org, known_since FROM contact WHERE name = 'Zoë Ørsted'")"
ok "I imports the LinkedIn export"

keys I
wait_for "─ Import contacts ─"
type_text "$TMP/Connections.csv"
keys Enter
wait_line -1 "Imported: added 0, updated 0, unchanged 2, skipped 0"
assert_eq "still two contacts" 2 "$(db_query 'SELECT count(*) FROM contact')"
ok "importing the same file again adds nobody"

# y: the dossier of the selected contact on the clipboard
tm set-option -s set-clipboard on
keys Home
wait_line 2 "│ Tom Okafor"
keys y
wait_line -1 "Copied the dossier to the clipboard"
copied() { tm show-buffer 2>/dev/null | grep -q "Tom Okafor"; }
_poll 5 copied || fail "the clipboard lacks the dossier: [$(tm show-buffer 2>&1 | head -5)]"
ok "y copies the dossier"
quit_app
finish
