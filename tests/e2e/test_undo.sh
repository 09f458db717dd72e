#!/usr/bin/env bash
# Undo and redo in a real terminal: a follow-up marked done on Today comes
# back with u and is done again with C-r; a contact deleted on Contacts
# comes back with u, its conversation notes with it; the undo survives a
# restart, and `rapport undo` on the command line undoes what the screen did.
. "$(dirname "$0")/lib.sh" "$@"

cli add "Priya Raman" --org Acme --how-known friend >/dev/null || fail "seed failed"
cli add "Tom Okafor" --org Initech >/dev/null || fail "seed failed"
FID=$(cli followup add "Priya Raman" --kind check-in --note "ask about the reorg") \
  || fail "seed failed"
# a held conversation with Tom and one note, written outside rapport
python3 - "$DB" <<'PY' || fail "seed failed"
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("INSERT INTO conversation (contact_id, minutes, status, created_at, updated_at) "
            "SELECT id, 20, 'held', 0, 0 FROM contact WHERE name = 'Tom Okafor'")
con.execute("INSERT INTO note (conversation_id, offset_s, text, created_at, updated_at) "
            "VALUES (1, 90, 'the pilot starts in May', 0, 0)")
con.commit()
PY
status() { db_query "SELECT status FROM followup WHERE id = $FID"; }
ok "seeded two contacts, a follow-up and a note"

start_app --db "$DB"
wait_for "ask about the reorg"
keys x
wait_line -1 "Done for Priya Raman"
wait_gone "ask about the reorg"
assert_eq "x marks it done" done "$(status)"
keys u
wait_line -1 "Undid: mark follow-up done (Priya Raman)"
wait_for "ask about the reorg"
assert_eq "u: open again" open "$(status)"
ok "u brings the follow-up back on Today"
keys C-r
wait_line -1 "Redid: mark follow-up done (Priya Raman)"
wait_gone "ask about the reorg"
assert_eq "C-r: done again" done "$(status)"
ok "C-r marks it done again"

keys 2
wait_for_re "Contacts 2 · by name"
keys End
wait_for_re "│ Tom Okafor$"
keys d
wait_for "Delete Tom Okafor?"
keys y
wait_line -1 "Deleted Tom Okafor"
wait_for_re "Contacts 1 · by name"
live_names | grep -Fxq "Tom Okafor" && fail "Tom Okafor still listed after the delete"
keys u
wait_line -1 "Undid: delete contact Tom Okafor"
wait_for_re "Contacts 2 · by name"
live_names | grep -Fxq "Tom Okafor" || fail "Tom Okafor not back"
cli notes "Tom Okafor" | grep -Fq "the pilot starts in May" || fail "his note is not back"
ok "u brings the deleted contact back with his notes"

# after a restart, u goes on: the redo of the follow-up is undone
quit_app
start_app --db "$DB"
wait_for "Today"
keys u
wait_line -1 "Undid: mark follow-up done (Priya Raman)"
assert_eq "u after a restart" open "$(status)"
ok "undo survives a restart"
quit_app
OUT=$(cli redo) || fail "rapport redo failed"
assert_eq "rapport redo redoes the screen's change" "redid: mark follow-up done (Priya Raman)" "$OUT"
assert_eq "done by the CLI" done "$(status)"
OUT=$(cli undo) || fail "rapport undo failed"
assert_eq "rapport undo says what" "undid: mark follow-up done (Priya Raman)" "$OUT"
ok "rapport undo and redo share the screen's steps"
finish
