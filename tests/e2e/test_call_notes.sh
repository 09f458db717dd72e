#!/usr/bin/env bash
# The call screen as a user meets it during a real call: c on a contact
# starts it, the clock runs while nothing is typed, every line is saved on
# Enter with its tag, a referral becomes a contact introduced by this
# person, C-n moves through the questions. Then the worst case: kill -9 in
# the middle of the call. Every saved line must be in the journal, the
# referral too, and the next start must offer to resume the interrupted
# call (r) or end it.
. "$(dirname "$0")/lib.sh" "$@"

cli add "Zoë Ørsted" --org Acme --how-known friend --seniority senior >/dev/null || fail "seed"
cli question add "Zoë Ørsted" "What does a typical week look like for you?" >/dev/null \
  || fail "question add failed"
cli question add "Zoë Ørsted" "What do you wish you had known when you started?" >/dev/null \
  || fail "question add failed"

start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for "● Zoë Ørsted"
keys c
wait_for "Not ready to call yet" # not ready: c asks first
keys y
wait_for " Call · Zoë Ørsted (Acme)"
wait_for "Now 1/2  What does a typical week look like for you?"
wait_for "next 2  What do you wish you had known"
ok "c starts the call: the current question and the next"

# the clock runs by itself
first=$(screen | grep -o "of 20:00" | head -1)
[ -n "$first" ] || fail "no planned length on the screen"
snap=$(screen | sed -n '3,7p')
sleep 2.2
[ "$(screen | sed -n '3,7p')" != "$snap" ] || fail "the clock did not move in 2 s without a key"
ok "the clock advances while nothing is typed"

# five notes, one of each tag and a referral
type_text "They onboard juniors in cohorts of six"
keys Enter
wait_for "They onboard juniors in cohorts of six"
assert_eq "a plain line is saved at once" 1 "$(db_query 'SELECT count(*) FROM note')"
type_text "! Idempotency keys are the whole game in payments"
keys Enter
wait_for "insight  Idempotency keys are the whole game"
type_text "* My pitch was too long: lead with the payouts story"
keys Enter
wait_for "on me    My pitch was too long"
type_text "+ Read the Stripe engineering blog on retries"
keys Enter
wait_for "action   Read the Stripe engineering blog"
type_text "@Priya Shah, Acme — runs their research team"
keys Enter
wait_for "Referral: Priya Shah is in Contacts, introduced by Zoë Ørsted"
ok "five lines typed: plain, insight, feedback, action, referral"
assert_eq "five notes in the journal" 5 "$(db_query 'SELECT count(*) FROM note')"
assert_eq "their tags" "$(printf 'plain\ninsight\nfeedback\naction\nreferral')" \
  "$(db_query "SELECT CASE tag WHEN '' THEN 'plain' ELSE tag END FROM note ORDER BY id")"
assert_eq "the referral is a contact introduced by Zoë" \
  "$(printf 'Priya Shah\tAcme\tZoë Ørsted')" \
  "$(db_query "SELECT c.name, c.org, i.name FROM contact c JOIN contact i ON i.id = c.introduced_by WHERE c.name = 'Priya Shah'")"

keys C-n
wait_for "Now 2/2  What do you wish you had known"
assert_eq "C-n marks the first question asked" 1 \
  "$(db_query 'SELECT count(*) FROM question WHERE asked_at IS NOT NULL')"
ok "C-n marks the question asked and shows the next"

# Up chooses an earlier line, Enter edits it
keys Up
keys Up
keys Enter
wait_for "edit › + Read the Stripe engineering blog on retries"
keys C-u
type_text "+ Read the Stripe blog post on retries and idempotency"
keys Enter
wait_line -1 "Line changed"
assert_eq "the edited line" "Read the Stripe blog post on retries and idempotency" \
  "$(db_query "SELECT text FROM note WHERE tag = 'action'")"
ok "Up, Enter edits an earlier line in place"

# ---- kill -9 in the middle of the call ----
type_text "a line still being typed when the process dies"
pane_pid=$(tm display -p -t "$SESSION" '#{pane_pid}')
app_pid=$(pgrep -P "$pane_pid" -f rapport | head -1)
[ -n "$app_pid" ] || fail "could not find the rapport process"
kill -9 "$app_pid"
# (the shell's "Killed" message may wrap EXITED: read the status file)
_poll 5 test -s "$TMP/status" || fail "rapport did not end after SIGKILL"
assert_eq "exit status after SIGKILL" 137 "$(cat "$TMP/status")"
ok "rapport killed with SIGKILL mid-call"
assert_eq "every saved line survived" 5 "$(db_query 'SELECT count(*) FROM note')"
assert_eq "the call is still open" "live" "$(db_query 'SELECT status FROM conversation')"

start_app --db "$DB"
wait_for "─ Interrupted call ─"
wait_for "All 5 saved note lines are in the journal"
assert_eq "marked interrupted at launch" "interrupted" "$(db_query 'SELECT status FROM conversation')"
ok "the next start says the call was interrupted and offers to resume it"
keys r
wait_for " Call · Zoë Ørsted (Acme)"
wait_for "Idempotency keys are the whole game"
wait_for "Read the Stripe blog post on retries and idempotency"
wait_for "Now 2/2"
assert_eq "resumed: live again" "live" "$(db_query 'SELECT status FROM conversation')"
ok "r resumes the call with its notes and the current question"

# C-c quits, keeping the line being typed
type_text "! typed, then C-c"
keys C-c
expect_exit 0
assert_eq "the line being typed was saved on quit" 1 \
  "$(db_query "SELECT count(*) FROM note WHERE text = 'typed, then C-c' AND tag = 'insight'")"
finish
