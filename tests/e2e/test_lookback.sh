#!/usr/bin/env bash
# Looking back, in a real terminal at 60 columns: the wrap-up shows a long
# information gap whole (wrapped) and takes its answer, which the Worksheet
# then shows with who gave it and the day; C on Contacts lists the
# conversations and Enter reads the notes; search Enter on a note word lands
# on that note in its conversation; e reopens the call to correct it, and
# ending it again keeps one conversation and one thank-you.
. "$(dirname "$0")/lib.sh" "$@"
COLS=60
ROWS=24

GAP="Which digital roles at charities are open to people without a marketing background, and how do they hire for them?"
cli add "Priya Raman" --org CharityComms --how-known friend >/dev/null || fail "seed"
cli worksheet add gap "$GAP" >/dev/null || fail "seed"
# a call left live by a process that died: the start offers to resume it
python3 - "$DB" <<'PY' || fail "seed the call"
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1])
now = int(time.time())
con.execute("INSERT INTO conversation (contact_id, minutes, status, started_at, created_at, "
            "updated_at) VALUES (1, 20, 'live', ?, ?, ?)", (now - 90, now - 90, now - 90))
con.commit()
PY
TODAY=$(date +%F)

start_app --db "$DB"
wait_for "Interrupted call"
keys r
wait_for " Call · Priya Raman"
type_text "+ Build a portfolio of 3 field stories"
keys Enter
wait_for "Build a portfolio of 3 field stories"
type_text "! volunteers often become staff"
keys Enter
wait_for "volunteers often become staff"
keys C-x
wait_for "Wrap-up · Priya Raman"
# the gap, whole: its first and last words are on the screen, on their rows
wait_for "Gap 1 Which digital roles at"
wait_for "hire for them?"
ok "the wrap-up shows the long gap whole, wrapped at 60 columns"
form_goto "answered" 8
keys Right
wait_for "answered in this call"
keys Down
wait_cursor_on "answer"
type_text "Content and data roles"
keys C-s
wait_for "Thank-you to Priya Raman"
assert_eq "the gap is answered with its source" \
  "$(printf '1\tContent and data roles\t1\t%s' "$TODAY")" \
  "$(db_query "SELECT w.flag, w.text1, a.contact_id, a.day FROM ws_item w JOIN gap_answer a ON a.gap_id = w.id")"
keys Escape
keys 3 j j j j j j Tab
wait_for "Content and data roles"
wait_for "— Priya Raman, $TODAY"
ok "the Worksheet shows the answer, who gave it and the day"

keys 2
wait_for "Priya Raman"
keys C
wait_for "Conversations with Priya Raman · 1"
keys Enter
wait_for "Conversation with Priya Raman"
wait_for "+ Build a portfolio of 3 field stories"
ok "C lists the conversations; Enter reads the notes"
keys Escape Escape
wait_gone "Conversations with"

keys /
type_text "portfolio"
wait_for "Note in the call with Priya Raman"
keys Enter
wait_for "Conversation with Priya Raman"
wait_for_re "│›.*\+ Build a portfolio of 3 field stories"
ok "search Enter lands on the note in its conversation"
keys e
wait_for "is open again to correct it"
type_text "! trustees meet monthly"
keys Enter
wait_for "trustees meet monthly"
keys C-x
wait_for "Wrap-up · Priya Raman"
keys Escape
wait_for "Thank-you to Priya Raman"
assert_eq "one conversation" 1 "$(db_query 'SELECT count(*) FROM conversation')"
assert_eq "held again" held "$(db_query 'SELECT status FROM conversation')"
assert_eq "one thank-you" 1 "$(db_query "SELECT count(*) FROM followup WHERE kind = 'thank-you'")"
assert_eq "three notes" 3 "$(db_query 'SELECT count(*) FROM note')"
keys Escape
quit_app
finish
