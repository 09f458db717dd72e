#!/usr/bin/env bash
# Nothing typed is lost when the terminal closes in an editor: text typed
# into the outreach draft (never saved) is kept in the journal within a few
# seconds; the pane is killed (SIGHUP); at the next start, opening the draft
# offers it back ("Unsaved text"), r restores it, C-s saves it. A second
# round: any other key throws the copy away, and it is not offered again.
. "$(dirname "$0")/lib.sh" "$@"

cli add "Ann Lee" --org Northwind --how-known friend >/dev/null 2>&1 || fail "seed"
start_app --db "$DB"
keys 2
wait_for "Ann Lee"
keys p
wait_for " Prep · Ann Lee (Northwind)"
keys Tab Tab
wait_for_re "│ Outreach draft"
keys e
wait_for "Outreach draft · "
keys C-e Enter
type_text "PS: your bus pilot write-up changed how I see procurement"
wait_for "your bus pilot write-up"
kept() { [ "$(db_query "SELECT count(*) FROM recovery WHERE key LIKE 'outreach:%' AND text LIKE '%bus pilot%'")" = 1 ]; }
_poll 8 kept || fail "the draft being typed was not kept within 8 s"
ok "the text being typed is kept in the journal within seconds"
tm kill-pane -t "$SESSION"
sleep 0.5
assert_eq "nothing was saved as the draft" 0 "$(db_query "SELECT count(*) FROM contact WHERE draft LIKE '%bus pilot%'")"

start_app --db "$DB"
keys 2
wait_for "Ann Lee"
keys p
wait_for " Prep · Ann Lee (Northwind)"
keys Tab Tab
keys e
wait_for "─ Unsaved text ─"
wait_for "You were writing the outreach draft to Ann Lee"
ok "opening the draft again offers the text back"
keys r
wait_for "Restored what you were writing"
keys C-s
wait_line -1 "Saved the draft to Ann Lee"
assert_eq "the restored text is saved" 1 "$(db_query "SELECT count(*) FROM contact WHERE draft LIKE '%bus pilot write-up changed%'")"
assert_eq "the copy is gone once saved" 0 "$(db_query "SELECT count(*) FROM recovery")"
ok "r restores it; C-s saves it and the copy goes"

# any other key throws the copy away
keys e
wait_for "Outreach draft · "
keys C-e Enter
type_text "a second thought"
kept2() { [ "$(db_query "SELECT count(*) FROM recovery WHERE text LIKE '%second thought%'")" = 1 ]; }
_poll 8 kept2 || fail "the second text was not kept"
tm kill-pane -t "$SESSION"
sleep 0.5
start_app --db "$DB"
keys 2
wait_for "Ann Lee"
keys p
wait_for " Prep · Ann Lee (Northwind)"
keys Tab Tab
keys e
wait_for "─ Unsaved text ─"
keys x
wait_for "The unsaved text was thrown away"
assert_eq "the copy is gone" 0 "$(db_query "SELECT count(*) FROM recovery")"
ok "any other key throws it away"
keys Escape
wait_for_re "Outreach draft · [0-9]+ words *$"
quit_app

# the same for a form: the new-contact form half filled when the terminal
# closes comes back with its fields, its second email included
start_app --db "$DB"
keys 2
wait_for "Ann Lee"
keys a
wait_for "─ New contact ─"
type_text "Priya Raman"
keys Tab
type_text "CharityComms"
kept3() { [ "$(db_query "SELECT count(*) FROM recovery WHERE key = 'contact:new' AND text LIKE '%CharityComms%'")" = 1 ]; }
_poll 8 kept3 || fail "the form being filled in was not kept"
tm kill-pane -t "$SESSION"
sleep 0.5
start_app --db "$DB"
keys 2
wait_for "Ann Lee"
keys a
wait_for "─ Unsaved text ─"
wait_for "You were writing a new contact"
# shown as it was typed, field by field, not as it is kept
wait_for "Name: Priya Raman"
wait_for "Organisation: CharityComms"
screen | grep -qF "name^_" && fail "the kept copy is shown raw"
ok "the offer shows the fields typed"
keys r
wait_for "Priya Raman"
wait_for "CharityComms"
ok "a half-filled form comes back with its fields"
keys Enter
wait_for "○ Priya Raman"
assert_eq "…and saves" "CharityComms" "$(db_query "SELECT org FROM contact WHERE name = 'Priya Raman'")"
assert_eq "the copy is gone" 0 "$(db_query "SELECT count(*) FROM recovery")"

# the follow-up form, the terminal closed with SIGTERM this time
keys f
wait_for "─ Follow up with Priya Raman ─"
keys Tab Tab
type_text "ask how the digital team hires"
kept4() { [ "$(db_query "SELECT count(*) FROM recovery WHERE key LIKE 'followup:%' AND text LIKE '%digital team hires%'")" = 1 ]; }
_poll 8 kept4 || fail "the follow-up form was not kept"
pane_pid=$(tm display -p -t "$SESSION" '#{pane_pid}')
app_pid=$(pgrep -P "$pane_pid" -f rapport | head -1)
[ -n "$app_pid" ] || fail "could not find the rapport process"
kill -TERM "$app_pid"
_poll 5 test -s "$TMP/status" || fail "rapport did not end after SIGTERM"
start_app --db "$DB"
keys 2
wait_for "Priya Raman"
keys Down
keys f
wait_for "─ Unsaved text ─"
wait_for "You were writing a follow-up with Priya Raman"
keys r
wait_for "digital team hires"
keys C-s
wait_for "Follow-up added"
assert_eq "the restored follow-up is saved" 1 "$(db_query "SELECT count(*) FROM followup WHERE note LIKE '%digital team hires%'")"
ok "the follow-up form comes back after SIGTERM"
quit_app
finish
