#!/usr/bin/env bash
# What a call leaves to do, from the command line: `rapport agenda` (table
# and json, also --days 60) lists the action of a call, the reach-out to
# the person referred and the promised update, and `rapport action done`
# and `rapport followup done` both mark an action done. The call and what
# it left are written as conv_end and plan_sync leave them (the model is
# tested in tests/unit/test_plan.c; the whole way through the full screen in
# tests/e2e/test_call_plan.sh). Monday 2026-12-07: the call 10:00–10:20,
# now 11:00 UTC. Prints "N passed, M failed".
# Usage: bash test_plan_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/plan --python3 "$@"
export RAPPORT_NOW=1796641200 # 2026-12-07 11:00:00 (UTC), a Monday
help_lists action agenda
D=$'\xE2\x80\x94' # —
M=$'\xC2\xB7'     # ·

RAPPORT_ARGS=(--create --db "$DB")
run add "Priya Raman" --how-known friend
expect 0
RAPPORT_ARGS=(--db "$DB")
run add "Tomás Ruiz" --introduced-by Priya
expect 0
# the held call, its notes, and what ending it made
sql "INSERT INTO conversation (id, contact_id, minutes, status, started_at, ended_at, created_at,
     updated_at) VALUES (1, 1, 20, 'held', 1796637600, 1796638800, 1796637000, 1796638800)"
sql "INSERT INTO note (id, conversation_id, offset_s, tag, text, contact_ref, created_at, updated_at)
     VALUES (1, 1, 60, 'action', 'Build a portfolio of 3 field stories', NULL, 1, 1),
            (2, 1, 120, 'referral', 'Tomás Ruiz, CharityComms — runs their digital team', 2, 1, 1),
            (3, 1, 180, '', 'I will let you know how it goes', NULL, 1, 1)"
sql "INSERT INTO followup (id, contact_id, conversation_id, kind, due, medium, note, status, auto,
     origin, note_id, created_at, updated_at) VALUES
     (1, 1, 1, 'thank-you', '2026-12-08', 'email', NULL, 'open', 1, NULL, NULL, 1, 1),
     (2, 1, 1, 'custom', '2026-12-14', 'email', 'Build a portfolio of 3 field stories', 'open', 1,
      'action', 1, 1, 1),
     (3, 2, 1, 'custom', '2026-12-14', 'email',
      'reach out to Tomás Ruiz (introduced by Priya Raman: runs their digital team)', 'open', 1,
      'reach-out', 2, 1, 1),
     (4, 1, 1, 'update', '2027-01-06', 'email',
      'promised on the call of 2026-12-07: I will let you know how it goes', 'open', 1, 'promise',
      3, 1, 1)"

# ---- the agenda: at once, not "Nothing due" ----------------------------------------
run agenda
expect 0
same "table" "Thank-you notes owed
  #1 Priya Raman $D thank-you for the call on 2026-12-07 $M due tomorrow
Actions from conversations
  #2 Priya Raman $D Build a portfolio of 3 field stories $M from the call on 2026-12-07 $M due in 7 days
Introductions
  #3 Tomás Ruiz $D reach out to Tomás Ruiz (introduced by Priya Raman: runs their digital team) $M due in 7 days"
run agenda --days 60
expect 0
lacks "$OUT" "Nothing due"
eq "--days 60: the promised update at its date, before what is owed" \
  "$(printf '%s\n' "$OUT" | head -3)" "Next 60 days
  #4 Priya Raman $D share an update: promised on the call of 2026-12-07: I will let you know how it goes $M due in 30 days
Thank-you notes owed"
has "$OUT" "  #2 Priya Raman $D Build a portfolio of 3 field stories $M from the call on 2026-12-07 $M due in 7 days"
run agenda --format json
expect 0
printf '%s\n' "$OUT" >"$TMP/json"
eq "json: the action" "$(py '[[i[k] for k in ("section", "title", "followup_id", "conversation_id", "kind", "date", "origin")] for i in j["items"] if i["kind"] == "action"]')" \
  "[['actions', 'Actions from conversations', 2, 1, 'action', '2026-12-14', 'action']]"
eq "json: the reach-out" "$(py '[[i[k] for k in ("section", "contact", "kind", "origin")] for i in j["items"] if i["section"] == "introductions"]')" \
  "[['introductions', 'Tomás Ruiz', 'reach-out', 'reach-out']]"
eq "json: origin null for the rest" "$(py '[i["origin"] for i in j["items"] if i["kind"] == "thank-you"]')" "[None]"
eq "json: keys kept, origin added" "$(py 'sorted(j["items"][0].keys())')" \
  "['contact', 'contact_id', 'conversation_id', 'date', 'followup_id', 'kind', 'origin', 'section', 'title', 'why']"
run agenda --days 60 --format json
expect 0
printf '%s\n' "$OUT" >"$TMP/json"
eq "json --days 60: the promised update" "$(py '[[i[k] for k in ("section", "kind", "date", "origin")] for i in j["items"] if i["followup_id"] == 4]')" \
  "[['week', 'update', '2027-01-06', 'promise']]"

# ---- the dossier names what a call left by what it is ---------------------------------
run show "Priya Raman"
expect 0
has "$OUT" "- #2 2026-12-14 $M action $M email $D Build a portfolio of 3 field stories"
run show "Priya Raman" --format json
expect 0
printf '%s\n' "$OUT" >"$TMP/json"
eq "show json: kind and origin" "$(py '[[f["kind"], f["origin"]] for f in j["followups"]]')" \
  "[['thank-you', None], ['custom', 'action'], ['update', 'promise']]"

# ---- action done, followup done ------------------------------------------------------
run action done 2
expect 0
same "action done" "done: Priya Raman $D Build a portfolio of 3 field stories"
eq "stored done" "$(q "SELECT status, done_at IS NOT NULL FROM followup WHERE id = 2")" "done|1"
run action done 2
expect 1 "rapport action done: follow-up 2 is not open (it is done)"
run agenda
expect 0
lacks "$OUT" "Actions from conversations"
run followup done 3
expect 0
same "followup done on a reach-out" "done: Tomás Ruiz $D reach out to Tomás Ruiz (introduced by Priya Raman: runs their digital team)"
run action snooze 4 3
expect 0
same "action snooze" "snoozed until 2026-12-10"
run action done
expect 2 "rapport action done: missing ID (rapport action done ID)"
run action done x7
expect 2 "rapport action done: ID must be a follow-up's number"
run action done 99
expect 1 "rapport action done: no follow-up with id 99"
run action
expect 2 "rapport action: missing action; one of: done, snooze"
run action finish 2
expect 2 "rapport action: unknown action 'finish'; one of: done, snooze"
cli_end
