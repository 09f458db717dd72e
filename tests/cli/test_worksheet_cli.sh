#!/usr/bin/env bash
# `rapport worksheet`: adding to each section, setting the texts, deleting,
# the Markdown and JSON print-outs, and the exit statuses (0 success, 1 no
# such entry, 2 bad usage or input naming what is allowed). Every check runs
# even when an earlier one fails; prints "N passed, M failed".
# Usage: bash test_worksheet_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/worksheet --python3 "$@"
# expect: on exit 1 or more nothing on stdout (the default)

# json: the worksheet as JSON into $TMP/json (for py), keeping RC.
json() { "$BIN" --db "$DB" worksheet --format json >"$TMP/json" 2>"$TMP/err"; RC=$?; }

# ---- an empty worksheet -------------------------------------------------
run worksheet
expect 0
has "$OUT" "# Worksheet"
has "$OUT" "0 of 8 sections filled."
has "$OUT" "Still missing:"
has "$OUT" "- what I want is not written yet"
has "$OUT" "- the kind of move is not chosen"
has "$OUT" "- no superpower yet"
has "$OUT" "- no options to compare yet"
has "$OUT" "## 30-second pitch"
json
eq "json exit" "$RC" 0
eq "empty missing" "$(py 'len(j["completeness"]["missing"])')" 8
eq "empty want" "$(py 'j["want"]')" None
eq "empty lists" "$(py '[len(j[k]) for k in ("superpowers", "problems", "skills", "gaps", "options")]')" "[0, 0, 0, 0, 0]"

# ---- adding prints the id -------------------------------------------------
run worksheet add superpower "Strong communicator" --evidence "communicator, strong!"
expect 0
[[ $OUT =~ ^[0-9]+$ ]] && ok || bad "add superpower printed [$OUT]"
SP1=$OUT
run worksheet add superpower "Facilitation" --evidence "Ran 12 workshops for Acme's board; they adopted the plan"
expect 0
run worksheet add problem "Transit data is closed" --why "I commute two hours" --who "City Transit Lab"
expect 0
run worksheet add skill SQL --kind HARD --level 4 --enjoy 5 --sharpen "evening course"
expect 0
run worksheet add skill "Écoute" --kind soft --level 3 --enjoy 4
expect 0
run worksheet add gap "What does a PM's day look like?"
expect 0
GAP=$OUT
run worksheet add option "UX research" --skills 2
expect 0
run worksheet add option "Data PM" --skills 4 --value 5 --learn 3 --notes "talk to Maya"
expect 0
[ "$OUT" -gt "$SP1" ] && ok || bad "ids do not increase: $OUT after $SP1"

# ---- setting texts ----------------------------------------------------------
run worksheet set want "A data role in public transit"
expect 0
run worksheet set move "Career Change"
expect 0
PITCH=$(python3 -c 'print(" ".join(["word"] * 80))')
run worksheet set pitch "$PITCH"
expect 0
eq "set pitch prints its timing" "$OUT" "80 words, about 32 s (over 30 s)"
printf 'Hello, I am Zoë.\nI turn transit data into decisions.\n' >"$TMP/pitch.txt"
"$BIN" --db "$DB" worksheet set pitch - <"$TMP/pitch.txt" >"$TMP/out" 2>"$TMP/err"
eq "set pitch - (stdin)" "$?:$(cat "$TMP/out")" "0:10 words, about 4 s"

# ---- the Markdown print-out -------------------------------------------------
run worksheet
expect 0
has "$OUT" "8 of 8 sections filled."
lacks "$OUT" "Still missing"
has "$OUT" "## What I want"
has "$OUT" "A data role in public transit"
has "$OUT" "## Kind of move"
has "$OUT" "career change"
has "$OUT" "- **Strong communicator** — communicator, strong! _(needs evidence)_"
has "$OUT" "- **Facilitation** — Ran 12 workshops for Acme's board; they adopted the plan"
has "$OUT" "## Problems I want to solve"
has "$OUT" "- **Transit data is closed** — I commute two hours"
has "$OUT" "  Who works on it: City Transit Lab"
has "$OUT" "| name | kind | proficiency | enjoyment | sharpen |"
has "$OUT" "| SQL | hard | 4 | 5 | yes: evening course |"
has "$OUT" "| Écoute | soft | 3 | 4 | no |"
has "$OUT" "Hello, I am Zoë."
has "$OUT" "10 words, about 4 s"
has "$OUT" "- [ ] What does a PM's day look like?"
has "$OUT" "- **Data PM** — skills 4 · value 5 · learn 3 = 12"
has "$OUT" "  talk to Maya"
# options best first
best=$(printf '%s\n' "$OUT" | grep -n '^- \*\*Data PM' | cut -d: -f1)
other=$(printf '%s\n' "$OUT" | grep -n '^- \*\*UX research' | cut -d: -f1)
[ -n "$best" ] && [ -n "$other" ] && [ "$best" -lt "$other" ] && ok || bad "options not best first"

# ---- the JSON print-out -----------------------------------------------------
json
eq "json exit" "$RC" 0
eq "want" "$(py 'j["want"]')" "A data role in public transit"
eq "move is the key" "$(py 'j["move"]')" "career-change"
eq "pitch words/seconds" "$(py '(j["pitch_words"], j["pitch_seconds"])')" "(10, 4)"
eq "pitch keeps its new line" "$(py 'j["pitch"].count(chr(10))')" 1
eq "superpowers" "$(py '[(s["title"], s["needs_evidence"]) for s in j["superpowers"]]')" \
   "[('Strong communicator', True), ('Facilitation', False)]"
eq "superpower id" "$(py 'j["superpowers"][0]["id"]')" "$SP1"
eq "problem" "$(py '(j["problems"][0]["why"], j["problems"][0]["who"])')" \
   "('I commute two hours', 'City Transit Lab')"
eq "skills by name" "$(py '[(s["name"], s["kind"], s["proficiency"], s["enjoyment"], s["sharpen"], s["plan"]) for s in j["skills"]]')" \
   "[('SQL', 'hard', 4, 5, True, 'evening course'), ('Écoute', 'soft', 3, 4, False, None)]"
eq "gap" "$(py '(j["gaps"][0]["question"], j["gaps"][0]["answered"], j["gaps"][0]["answer"])')" \
   "(\"What does a PM's day look like?\", False, None)"
eq "options best first" "$(py '[(o["title"], o["skills"], o["value"], o["learn"], o["score"], o["notes"]) for o in j["options"]]')" \
   "[('Data PM', 4, 5, 3, 12, 'talk to Maya'), ('UX research', 2, 0, 0, 2, None)]"
eq "complete" "$(py 'j["completeness"]')" "{'filled': 8, 'total': 8, 'missing': []}"

# JSON escapes what Markdown prints as is
run worksheet set want $'quote " backslash \\ tab \t bell \a end'
expect 0
json
eq "escaped text round-trips" "$(py 'j["want"]')" $'quote " backslash \\ tab \t bell \a end'
grep -Fq '"want": "quote \" backslash \\ tab \t bell \u0007 end"' "$TMP/json" && ok || bad "want not escaped: $(grep want "$TMP/json")"

# ---- a long pitch is reported missing, with the config's limit ----------------
run worksheet set pitch "$PITCH"
expect 0
run worksheet
has "$OUT" "80 words, about 32 s (over 30 s)"
has "$OUT" "- the pitch runs 32 s; aim for 30 s"
printf 'worksheet:\n  pitch_words_per_minute: 200\n  pitch_seconds: 45\n' >"$TMP/cfg.yaml"
"$BIN" --db "$DB" --config "$TMP/cfg.yaml" worksheet >"$TMP/out" 2>"$TMP/err"
OUT=$(cat "$TMP/out")
has "$OUT" "## 45-second pitch"
has "$OUT" "80 words, about 24 s"
has "$OUT" "8 of 8 sections filled."
printf 'worksheet:\n  pitch_seconds: 5\n' >"$TMP/bad.yaml"
"$BIN" --db "$DB" --config "$TMP/bad.yaml" worksheet >"$TMP/out" 2>"$TMP/err"
eq "bad config exit" "$?" 2
ERR=$(cat "$TMP/err")
printf '%s' "$ERR" | grep -Fq "bad.yaml:2:18: pitch_seconds must be a whole number from 10 to 600, not '5'" \
  && ok || bad "bad config message: $ERR"

# ---- an answered gap: the answer, who gave it, the day, the conversation ------
run add "Maya Chen" --org Transit
expect 0
sql "INSERT INTO conversation (contact_id, minutes, status, started_at, ended_at, created_at,
     updated_at) VALUES (1, 20, 'held', 1795000000, 1795001200, 1, 1)"
sql "UPDATE ws_item SET flag = 1, text1 = 'Meetings, then writing specs', ref = 1 WHERE id = $GAP"
sql "INSERT INTO gap_answer (gap_id, contact_id, day) VALUES ($GAP, 1, '2026-11-18')"
run worksheet
has "$OUT" "- [x] What does a PM's day look like? — Meetings, then writing specs (Maya Chen, 2026-11-18)"
json
eq "gap answered" "$(py '[(g["answered"], g["answer"], g["answered_by"], g["answered_on"], g["conversation"]) for g in j["gaps"]]')" \
   "[(True, 'Meetings, then writing specs', {'id': 1, 'name': 'Maya Chen'}, '2026-11-18', 1)]"

# ---- delete -------------------------------------------------------------------
run worksheet delete "$GAP"
expect 0
json
eq "gap deleted" "$(py 'len(j["gaps"])')" 0
eq "gaps missing again" "$(py 'j["completeness"]["missing"][-2:]')" \
   "['the pitch runs 32 s; aim for 30 s', 'no information gaps listed']"
run worksheet delete "$GAP"
expect 1 "no worksheet entry with id $GAP"

# ---- bad usage and input: exit 2, naming what is allowed ---------------------
run worksheet add skill Python --kind medium --level 3 --enjoy 3
expect 2 "--kind" "hard or soft" "medium"
run worksheet add skill Python --kind hard --level x --enjoy 3
expect 2 "rapport worksheet: --level: must be a whole number from 1 to 5, not 'x'"
run worksheet add skill Python --kind hard --level 3 --enjoy 6
expect 2 "--enjoy: must be a whole number from 1 to 5, not '6'"
run worksheet add skill Python --kind hard --enjoy 3
expect 2 "missing --level"
run worksheet add option X --skills 0
expect 2 "--skills: must be a whole number from 1 to 5, not '0'"
run worksheet add option X --value 9
expect 2 "--value"
run worksheet add option X --learn ""
expect 2 "--learn"
run worksheet add thing X
expect 2 "unknown section 'thing'; allowed: superpower, problem, skill, gap, option"
run worksheet add
expect 2 "superpower, problem, skill, gap, option"
run worksheet add superpower
expect 2 "missing TITLE"
run worksheet add superpower "   "
expect 2 "a superpower needs a title"
run worksheet add superpower A B
expect 2 "give one TITLE"
run worksheet add superpower X --why "not for superpowers"
expect 2 "unknown option '--why'; allowed: --evidence"
run worksheet add gap Q --evidence x
expect 2 "unknown option '--evidence'; allowed: none"
run worksheet set move sideways
expect 2 "sideways" "new-career, career-change, job-change, employer-change, school, graduating"
run worksheet set mood happy
expect 2 "unknown text 'mood'; allowed: want, pitch, move"
run worksheet set want
expect 2 "missing TEXT"
run worksheet delete abc
expect 2 "ID must be a whole number"
run worksheet delete
expect 2 "give one ID"
run worksheet --format html
expect 2 "--format: 'html' is not a format; allowed: md, json"
run worksheet frobnicate
expect 2 "unexpected argument 'frobnicate'; allowed: add, set, delete"
json
eq "nothing written by the failures" "$(py '(len(j["skills"]), len(j["options"]), len(j["superpowers"]), j["move"])')" \
   "(2, 2, 2, 'career-change')"

# ---- clearing, help ---------------------------------------------------------
run worksheet set move ""
expect 0
run worksheet
has "$OUT" "- the kind of move is not chosen"
help_lists worksheet
grep -Fq "rapport worksheet add skill NAME --kind hard|soft --level 1-5 --enjoy 1-5" "$TMP/out" \
  && ok || bad "help worksheet lacks the add skill usage"

cli_end
