#!/usr/bin/env bash
# `rapport conversation add`, `rapport question add`, `rapport notes` and
# `rapport call` against a temporary journal: what is stored (read back
# with python3's sqlite3), the exact Markdown of small cases, the JSON
# print-out, and the exit statuses (0 success, 1 no conversation, 2 bad
# usage or input, 3 the journal cannot be opened). Notes have no verb of
# their own (they are typed on the Call screen), so they are written with
# SQL here. Every check runs even when an earlier one fails; prints
# "N passed, M failed".
# Usage: bash test_conversation_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/conversation --python3 "$@"
export RAPPORT_NOW=1795000000 # 2026-11-18 08:26:40 (UTC)
CFG=$TMP/config.yaml
cat >"$CFG" <<'EOF'
conversation:
  minutes: 25
EOF
RAPPORT_ARGS=(--db "$DB" --config "$CFG")
# expect: on exit 1 or more nothing on stdout (the default)

# note CONV OFFSET TAG TEXT [CONTACT_REF]: a note as the Call screen saves it.
note() {
  sql "INSERT INTO note (conversation_id, offset_s, tag, text, contact_ref, created_at, updated_at)
       VALUES (?, ?, ?, ?, nullif(?, ''), 1795000000, 1795000000)" "$1" "$2" "$3" "$4" "${5:-}"
}

run add "Priya Shah" --org "Acme Labs" --stage scheduled
expect 0
run add "Zoë Ørsted" --org "Ærø Labs" --seniority executive
expect 0
run add "Tom Okafor"
expect 0

# ---- conversation add --------------------------------------------------------------
run conversation add Priya --at "2026-11-20 14:30" --minutes 30 --objective "how their research team hires" --channel Video
expect 0
[[ $OUT =~ ^[0-9]+$ ]] && ok || bad "conversation add printed [$OUT]"
C1=$OUT
eq "stored as given" "$(q "SELECT contact_id, channel, scheduled_at, minutes, objective, status FROM conversation WHERE id = $C1")" \
   "1|video|1795185000|30|how their research team hires|planned"
run conversation add Priya --at 2026-11-25T09:05
expect 0
C2=$OUT
eq "T form, config minutes" "$(q "SELECT scheduled_at, minutes, channel IS NULL, objective IS NULL FROM conversation WHERE id = $C2")" \
   "1795597500|25|1|1"
run conversation add "zoë" --at 2026-11-19T16:00:30 --minutes 1
expect 0
C3=$OUT
eq "seconds; one minute" "$(q "SELECT contact_id, scheduled_at, minutes FROM conversation WHERE id = $C3")" \
   "2|1795104030|1"
run conversation add Zoë --minutes 240 --objective "what the field needs next"
expect 0
C4=$OUT
eq "unscheduled; the longest" "$(q "SELECT scheduled_at IS NULL, minutes FROM conversation WHERE id = $C4")" "1|240"
# --at in local time
TZ=Europe/Paris "$BIN" --db "$DB" --config "$CFG" conversation add Tom --at "2026-07-01 10:00" >"$TMP/out" 2>"$TMP/err"
eq "local time exit" "$?" 0
eq "local time (summer, +02:00)" "$(q "SELECT scheduled_at FROM conversation WHERE id = $(cat "$TMP/out")")" 1782892800
sql "DELETE FROM conversation WHERE contact_id = 3"

N_BEFORE=$(q "SELECT count(*) FROM conversation")
for at in "20/11/2026 14:30" "2026-11-20 14:30:00Z" "2026-02-30 10:00" "2026-11-20 24:00" \
          "2026-11-20 14:60" "2026-13-01 10:00" "2026-11-20T9:00" "soon"; do
  run conversation add Priya --at "$at"
  expect 2 "rapport conversation add: --at: '$at' is not a date; use today, tomorrow"
done
# a day without a time of day is not a moment: the message says how to add one
for at in "2026-11-20" "tomorrow"; do
  run conversation add Priya --at "$at"
  expect 2 "rapport conversation add: --at: '$at' has no time of day; add one, as in '$at 10am'"
done
run conversation add Priya --at ""
expect 2 "rapport conversation add: --at: no date given; use today, tomorrow"
for m in 0 -5 20.5 twenty 9999 ""; do
  run conversation add Priya --minutes "$m"
  expect 2 "rapport conversation add: --minutes: '$m' is not a length (1 minute to 24 hours); use 20, 20m"
done
for m in 241 5h 24h; do
  run conversation add Priya --minutes "$m"
  expect 2 "rapport conversation add: --minutes: a conversation is planned for 1 minute to 4 hours"
done
eq "nothing added by the refusals" "$(q "SELECT count(*) FROM conversation")" "$N_BEFORE"
# dates and lengths as people type them (RAPPORT_NOW is fixed: see above)
TODAY=$(date -d "@$RAPPORT_NOW" +%F)
run conversation add Priya --at "tomorrow 10am" --minutes 1h30
expect 0
eq "tomorrow 10am, 1h30" "$(q "SELECT datetime(scheduled_at, 'unixepoch', 'localtime'), minutes FROM conversation WHERE id = $OUT")" \
   "$(date -d "$TODAY + 1 day" +%F) 10:00:00|90"
sql "DELETE FROM conversation WHERE id = $OUT"
run conversation add Priya --channel pigeon
expect 2 "rapport conversation add: --channel: 'pigeon' is not one of: in-person, phone, video, email"
run conversation add Priya --at
expect 2 "option --at needs a value"
run conversation add Priya --when now
expect 2 "unknown option '--when'; allowed: --at, --minutes, --objective, --channel"
run conversation add
expect 2 "rapport conversation add: missing NAME"
run conversation add Priya Zoë
expect 2 "too many arguments"
run conversation add nobody
expect 2 "rapport conversation add: no contact matches 'nobody'"
run conversation add o
expect 2 "matches several contacts"
run conversation
expect 2 "rapport conversation: missing action; one of: add"
run conversation list Priya
expect 2 "rapport conversation: unknown action 'list'; one of: add"
eq "failed adds wrote nothing" "$(q "SELECT count(*) FROM conversation")" "$N_BEFORE"

# ---- question add ------------------------------------------------------------------
run question add Priya "What does a normal week look like for your team?"
expect 0
Q1=$OUT
run question add Priya "  Where is the field heading?  "
expect 0
Q2=$OUT
[ "$Q2" -gt "$Q1" ] && ok || bad "question ids do not increase: $Q2 after $Q1"
eq "to the soonest planned conversation, in order" \
   "$(q "SELECT conversation_id, position, text FROM question ORDER BY position")" \
   "$C1|1|What does a normal week look like for your team?
$C1|2|Where is the field heading?"
# no conversation yet: a planned one is made, once
run question add Tom "How did you get into transport planning?"
expect 0
run question add Tom "What would you do differently?"
expect 0
eq "one conversation planned for Tom" "$(q "SELECT count(*), min(minutes), min(status) FROM conversation WHERE contact_id = 3")" \
   "1|25|planned"
eq "Tom's questions" "$(q "SELECT count(*) FROM question q JOIN conversation c ON c.id = q.conversation_id WHERE c.contact_id = 3")" 2
# a warning does not stop the question
run question add Priya "Could you get me a job at Acme?"
eq "job ask exit" "$RC" 0
[[ $OUT =~ ^[0-9]+$ ]] && ok || bad "question add printed [$OUT]"
printf '%s' "$ERR" | grep -Fq "rapport question add: warning: " && ok || bad "no warning for a job ask: [$ERR]"
N_Q=$(q "SELECT count(*) FROM question")
run question add Priya "   "
expect 2 "rapport question add: TEXT is empty"
run question add Priya
expect 2 "rapport question add: missing TEXT"
run question add
expect 2 "rapport question add: missing NAME and TEXT"
run question add Priya "a" "b"
expect 2 "too many arguments"
run question add nobody "x"
expect 2 "no contact matches 'nobody'"
run question Priya "x"
expect 2 "rapport question: unknown action 'Priya'; one of: add"
run question add Priya --priority 1 "x"
expect 2 "unknown option '--priority'; allowed: none"
eq "failed questions wrote nothing" "$(q "SELECT count(*) FROM question")" "$N_Q"

# ---- notes -------------------------------------------------------------------------
# Priya's first conversation was held: started, ended, notes of each kind,
# a referral that created a contact, the wrap-up
run add "Li Wei" --org "金禾" --introduced-by Priya
expect 0
sql "UPDATE conversation SET status = 'held', started_at = 1795185060, ended_at = 1795186380,
     fit1 = 4, fit_note1 = 'my research habits fit', fit4 = 3 WHERE id = $C1"
note "$C1" 5 insight "they hire juniors in spring"
note "$C1" 65 "" "a plain line, with 中文"
note "$C1" 125 feedback "my pitch runs long"
note "$C1" 600 action "send her the article on metrics"
note "$C1" 1250 referral "Li Wei, 金禾 — runs their data team" 4
run notes Priya
expect 0
same "notes md" "# Conversations with Priya Shah

Tags: ! insight · * feedback on me · + action for me · @ referral

## 2026-11-25 09:05 · 25 min · planned

No notes.

## 2026-11-20 14:31 · video · 30 min · held (took 22 min)

Objective: how their research team hires

- [00:05] ! they hire juniors in spring
- [01:05] a plain line, with 中文
- [02:05] * my pitch runs long
- [10:00] + send her the article on metrics
- [20:50] @ Li Wei, 金禾 — runs their data team

Wrap-up:

- Would I succeed there? 4/5 — my research habits fit
- Would it fit me? not scored
- Do I want it? not scored
- Where can it lead? 3/5"
run notes "priya shah" --format md
expect 0
eq "md is the default" "$(printf '%s' "$OUT" | head -1)" "# Conversations with Priya Shah"

run notes Priya --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "json: newest first" "$(py '[c["id"] for c in j]')" "[$C2, $C1]"
eq "json: conversation" "$(py '[(c["contact"]["name"], c["channel"], c["scheduled_at"], c["minutes"], c["status"], c["started_at"], c["ended_at"]) for c in j if c["id"] == '"$C1"'][0]')" \
   "('Priya Shah', 'video', '2026-11-20T14:30:00Z', 30, 'held', '2026-11-20T14:31:00Z', '2026-11-20T14:53:00Z')"
eq "json: planned" "$(py '[(c["channel"], c["objective"], c["started_at"], c["notes"]) for c in j if c["id"] == '"$C2"'][0]')" \
   "(None, None, None, [])"
eq "json: notes" "$(py '[(n["offset"], n["time"], n["tag"], n["text"]) for n in j[1]["notes"]]')" \
   "[(5, '00:05', 'insight', 'they hire juniors in spring'), (65, '01:05', '', 'a plain line, with 中文'), (125, '02:05', 'feedback', 'my pitch runs long'), (600, '10:00', 'action', 'send her the article on metrics'), (1250, '20:50', 'referral', 'Li Wei, 金禾 — runs their data team')]"
eq "json: referral contact" "$(py '[n["contact_ref"] for n in j[1]["notes"]]')" \
   "[None, None, None, None, {'id': 4, 'name': 'Li Wei'}]"
eq "json: fit" "$(py '[(f["question"], f["score"], f["note"]) for f in j[1]["fit"]]')" \
   "[('Would I succeed there?', 4, 'my research habits fit'), ('Would it fit me?', None, None), ('Do I want it?', None, None), ('Where can it lead?', 3, None)]"

# an interrupted call; control characters never reach the terminal
sql "UPDATE conversation SET status = 'interrupted', started_at = 1795104030 WHERE id = $C3"
note "$C3" 3725 "" $'line one\nline two\033[31m'
run notes Zoë
expect 0
same "notes md: interrupted, escapes" "# Conversations with Zoë Ørsted

Tags: ! insight · * feedback on me · + action for me · @ referral

## 2026-11-19 16:00 · 1 min · interrupted

- [62:05] line one↵line two^[[31m

## not scheduled · 240 min · planned

Objective: what the field needs next

No notes."

# no conversation: exit 1
run notes "Li Wei"
expect 1 "rapport notes: no conversation with Li Wei yet (plan one: rapport conversation add NAME)"
run notes Li --format json
expect 1 "no conversation with Li Wei yet"
run notes Priya --format xml
expect 2 "rapport notes: --format: 'xml' is not a format; allowed: md, json"
run notes
expect 2 "rapport notes: missing NAME"
run notes Priya Zoë
expect 2 "give one NAME"
run notes nobody
expect 2 "no contact matches 'nobody'"

# ---- call --------------------------------------------------------------------------
run call Priya
expect 2 "the journal needs a terminal"
run call nobody
expect 2 "rapport call: no contact matches 'nobody'"
run call
expect 2 "rapport call: missing NAME"
run call Priya --now
expect 2 "unknown option '--now'"
eq "call without a terminal changed nothing" "$(q "SELECT count(*) FROM conversation WHERE status = 'live'")" 0

# the journal cannot be opened: exit 3
mkdir -p "$TMP/folder.db"
for args in "notes Priya" "conversation add Priya" "question add Priya x" "call Priya"; do
  # shellcheck disable=SC2086
  "$BIN" --db "$TMP/folder.db" --config "$CFG" $args >"$TMP/out" 2>"$TMP/err" </dev/null
  eq "journal error exit ($args)" "$?" 3
done

# ---- help --------------------------------------------------------------------------
help_lists call notes conversation question
"$BIN" help conversation | grep -Fq "rapport conversation add NAME [--at WHEN] [--minutes LENGTH] [--objective TEXT] [--channel C]" \
  && ok || bad "help conversation lacks its usage"
"$BIN" help notes | grep -Fq "rapport notes NAME [--format md|json]" && ok || bad "help notes lacks its usage"

cli_end
