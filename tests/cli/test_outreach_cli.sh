#!/usr/bin/env bash
# `rapport give`, `rapport path` and `rapport ready` against a temporary
# journal: a realistic chain of introductions, the exact lines of small
# cases, the JSON print-out (parsed with python3) and the exit statuses
# (0 success / ready, 1 no path / not ready, 2 bad usage or input, 3 the
# journal cannot be opened). Every check runs even when an earlier one
# fails; prints "N passed, M failed".
# Usage: bash test_outreach_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/outreach --python3 "$@"
export RAPPORT_NOW=1795000000 # 2026-11-18 (UTC)
# manual readiness items of our own, so the checklist is known exactly
CFG=$TMP/config.yaml
cat >"$CFG" <<'EOF'
readiness:
  max_minutes: 20
  manual:
    - {key: mutual, text: "I know what this conversation gives them", help: "Think of one thing you can offer"}
    - {key: timing, text: "It is a good moment to ask"}
EOF
RAPPORT_ARGS=(--db "$DB" --config "$CFG")
EXPECT_QUIET_FROM=2 # exit 1 (no path, not ready) prints why on stdout

# stage NAME: the stage of a contact, from `rapport list --format json`.
stage() {
  "$BIN" --db "$DB" --config "$CFG" list --format json >"$TMP/list.json" 2>/dev/null
  python3 -c 'import json, sys
print([c["stage"] for c in json.load(open(sys.argv[1])) if c["name"] == sys.argv[2]][0])' \
    "$TMP/list.json" "$1"
}

# ---- a journal with a chain of introductions ---------------------------------
run add "Maya Lindqvist" --org "Northwind Health" --field "UX research" --how-known former-colleague
expect 0
run add "Zoë Ørsted" --org "Acme Labs" --field research --introduced-by Maya
expect 0
run add "Priya Shah" --org "Acme Labs" --field "data science" --introduced-by Zoë
expect 0
run add "Tom Okafor" --org "City Transit Lab" --field transport --how-known cold
expect 0
run add "Kim Lee" --how-known friend --stage met
expect 0
run add "Rex Referral" --org Beta --how-known referral
expect 0
run add "Sam Beta" --org Beta --introduced-by Rex
expect 0

# ---- path ------------------------------------------------------------------------
run path Priya
expect 0
same "path to Priya" "Maya Lindqvist (Northwind Health) — you know them: former colleague
  introduced Zoë Ørsted (Acme Labs)
    introduced Priya Shah (Acme Labs)
2 introductions"
run path "maya lindqvist"
expect 0
same "path to someone you know" "Maya Lindqvist (Northwind Health) — you know them: former colleague
no introduction needed"
run path "Kim Lee"
expect 0
same "path to someone without an organisation" "Kim Lee — you know them: friend
no introduction needed"
run path --org "ACME LABS"
expect 0
same "path to an organisation: the shortest" "Maya Lindqvist (Northwind Health) — you know them: former colleague
  introduced Zoë Ørsted (Acme Labs)
1 introduction"

# no path: exit 1 with a hint
run path Tom
expect 1
same "no path, nobody in the field" "no known path to Tom Okafor
add how you know someone who works there, or ask the people you know who they know"
run add "Ana María" --field "urban transport" --how-known friend
expect 0
run path Tom
expect 1
same "no path, a hint" "no known path to Tom Okafor
people you know in transport: Ana María (urban transport)"
run path --org Beta
expect 1
same "no path to an organisation" "no known path to anyone at Beta
add how you know someone who works there, or ask the people you know who they know"
run path --org "Northwind"
expect 1
has "$OUT" "no known path to anyone at Northwind"
has "$OUT" "people you know in Northwind: Maya Lindqvist (Northwind Health, UX research)"

# bad usage
run path
expect 2 "rapport path: missing NAME or --org ORG"
run path Priya --org Acme
expect 2 "rapport path: give NAME or --org ORG, not both"
run path Priya Zoë
expect 2 "rapport path: give one NAME"
run path zed
expect 2 "rapport path: no contact matches 'zed'"
run path a
expect 2 "rapport path: 'a' matches several contacts"
run path --org ""
expect 2 "rapport path: --org"
run path --via x
expect 2 "rapport path: unknown option '--via'; allowed: --org"

# ---- give ------------------------------------------------------------------------
eq "stage before giving" "$(stage "Priya Shah")" identified
run give Priya --kind read "Read her post on metrics that matter"
expect 0
[[ $OUT =~ ^[0-9]+$ ]] && ok || bad "give printed [$OUT]"
G1=$OUT
eq "first give moves the stage" "$(stage "Priya Shah")" giving
run give "Kim Lee" --kind share --date 2024-02-29 "Shared her talk"
expect 0
[ "$OUT" -gt "$G1" ] && ok || bad "give ids do not increase: $OUT after $G1"
eq "a later stage stays" "$(stage "Kim Lee")" met
eq "dates as given, today by default" \
   "$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT group_concat(date || \"/\" || kind, \" \") FROM (SELECT * FROM give ORDER BY id)").fetchone()[0])' "$DB")" \
   "2026-11-18/read 2024-02-29/share"

run give Priya --kind bribe "x"
expect 2 "rapport give: --kind: 'bribe' is not one of: read, comment"
run give Priya --kind read --date 2025-02-30 "x"
expect 2 "rapport give: --date: '2025-02-30' is not a date; use today"
run give Priya --kind read --date 2025-02-29 "x"
expect 2 "--date: '2025-02-29' is not a date"
run give Priya --kind read ""
expect 2 "rapport give: TEXT is empty: say what you gave"
run give Priya --kind read "   "
expect 2 "rapport give: TEXT is empty"
run give Priya "x"
expect 2 "rapport give: missing --kind KIND; one of: read, comment"
run give Priya --kind read
expect 2 "rapport give: missing TEXT"
run give
expect 2 "rapport give: missing NAME and TEXT"
run give zed --kind read "x"
expect 2 "rapport give: no contact matches 'zed'"
run give a --kind read "x"
expect 2 "matches several contacts"
eq "failed gives wrote nothing" \
   "$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM give").fetchone()[0])' "$DB")" 2

# ---- ready -----------------------------------------------------------------------
run ready Priya
expect 1
# what to do is said with the command line's verbs (or the screen, when no
# verb does it), never with a key
same "ready: a fresh journal" "Ready to reach out to Priya Shah: no (3/11)
[ ] a superpower with evidence on the worksheet — no superpower yet. Add a superpower with its evidence: what you did, for whom, with what result (rapport worksheet add superpower TITLE --evidence TEXT).
[ ] a problem you want to work on, on the worksheet — no problem written. Write a problem you want to help solve (rapport worksheet add problem TITLE).
[ ] what you want next, written on the worksheet — what you want is not written yet. Write what you want next (rapport worksheet set want TEXT).
[ ] research notes on them — no research notes on them yet. Write in the Research field: their work, what they care about, what they published lately (on Contacts, in the full screen).
[x] something given before asking (a give logged)
[x] a warm path: you know them, or someone you know introduced them
[ ] an objective and at least three questions prepared — no conversation prepared yet. Write the objective; add a question; add one from the question bank; turn an open gap into a question (rapport conversation add 'Priya Shah' --objective TEXT; rapport question add 'Priya Shah' TEXT).
[ ] an outreach draft that passes the ask check — no outreach draft yet. Write the outreach draft (on Prep, in the full screen).
[x] a planned length of at most 20 minutes
[ ] I know what this conversation gives them — not ticked yet. Think of one thing you can offer; tick it (rapport ready 'Priya Shah' --check mutual).
[ ] It is a good moment to ask — not ticked yet. Tick it (rapport ready 'Priya Shah' --check timing)."

run ready Tom
expect 1
has "$OUT" "[ ] a warm path: you know them, or someone you know introduced them — you do not know them personally and no one introduced them. Find someone you know who knows them and ask for an introduction; set who introduced them (rapport path 'Tom Okafor')."
has "$OUT" "[ ] something given before asking (a give logged) — nothing given to them yet. Log a give: read or comment on their work, share it, introduce someone useful, show up at their event (rapport give 'Tom Okafor' --kind KIND TEXT)."

# fill in everything
run worksheet add superpower "Untangling data" --evidence "Cut the monthly report from 3 days to 4 hours"
expect 0
run worksheet add problem "Hospitals drown in paperwork"
expect 0
run worksheet set want "A data role in health care"
expect 0
sql "UPDATE contact SET research = ?, draft = ? WHERE name = 'Priya Shah'" \
    "Leads data at Acme; spoke on metrics that matter" \
    $'Hi Priya,\n\nI read your post on metrics that matter. Would you have 20 minutes to tell me how you came to health data?\n\nThank you,\nSam'
# list --format json carries the research notes and the draft (null when none)
run list --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "list json: research" "$(py '[c["research"] for c in j if c["name"] == "Priya Shah"][0]')" \
   "Leads data at Acme; spoke on metrics that matter"
eq "list json: draft, multi-line" "$(py '[c["draft"].split("\n")[:3] for c in j if c["name"] == "Priya Shah"][0]')" \
   "['Hi Priya,', '', 'I read your post on metrics that matter. Would you have 20 minutes to tell me how you came to health data?']"
eq "list json: none is null" "$(py '[(c["research"], c["draft"]) for c in j if c["name"] == "Tom Okafor"][0]')" \
   "(None, None)"
run conversation add Priya --minutes 20 --objective "How she moved into health data"
expect 0
for q in "What does a typical week look like?" "What do you wish you had known?" "Who else should I talk to?"; do
  run question add Priya "$q"
  expect 0
done
run ready Priya --check mutual
expect 1
has "$OUT" "Ready to reach out to Priya Shah: no (10/11)"
has "$OUT" "[x] an objective and at least three questions prepared"
has "$OUT" "[x] I know what this conversation gives them"
has "$OUT" "[x] an outreach draft that passes the ask check"
has "$OUT" "[x] research notes on them"
run ready Priya --check timing
expect 0
has "$OUT" "Ready to reach out to Priya Shah: yes (11/11)"
has "$OUT" "[x] It is a good moment to ask"
run ready Priya
expect 0
run ready Priya --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "json contact" "$(py '(j["contact"]["name"], j["contact"]["id"] > 0)')" "('Priya Shah', True)"
eq "json totals" "$(py '(j["ready"], j["met"], j["total"], len(j["items"]))')" "(True, 11, 11, 11)"
eq "json keys" "$(py '[i["key"] for i in j["items"]]')" \
   "['worksheet-superpower', 'worksheet-problem', 'worksheet-want', 'research', 'give', 'warm-path', 'prep', 'draft', 'length', 'mutual', 'timing']"
eq "json item fields" "$(py 'sorted(j["items"][0])')" "['available', 'key', 'manual', 'met', 'reason', 'text', 'todo']"
eq "json unavailable" "$(py '[(i["key"], i["met"], i["reason"]) for i in j["items"] if not i["available"]]')" \
   "[]"
eq "json manual" "$(py '[i["key"] for i in j["items"] if i["manual"]]')" "['mutual', 'timing']"
eq "json met items have no reason" "$(py '{(i["reason"], i["todo"]) for i in j["items"] if i["met"]}')" "{(None, None)}"

# a draft with a job request is caught; unticking makes it not ready
sql "UPDATE contact SET draft = ? WHERE name = 'Priya Shah'" \
    $'Hi Priya,\nare there any job openings on your team? Could you hire me?'
run ready Priya --uncheck timing --format json
expect 1
printf '%s' "$OUT" >"$TMP/json"
eq "json not ready" "$(py '(j["ready"], j["met"], j["total"])')" "(False, 9, 11)"
eq "draft not met" "$(py '[i["met"] for i in j["items"] if i["key"] == "draft"][0]')" False
eq "draft reason names a job request" \
   "$(py '"job request" in [i["reason"] for i in j["items"] if i["key"] == "draft"][0]')" True
run ready Priya
expect 1
printf '%s\n' "$OUT" | grep -q '^\[ \] an outreach draft that passes the ask check — job request at line 2, column' \
  && ok || bad "draft line: $(printf '%s\n' "$OUT" | grep 'outreach draft')"

# bad usage and input
run ready Priya --check bogus
expect 2 "rapport ready: --check: no manual readiness item 'bogus'; allowed: mutual, timing"
run ready Priya --uncheck research
expect 2 "rapport ready: --uncheck: no manual readiness item 'research'; allowed: mutual, timing"
run ready Priya --check mutual --uncheck mutual
expect 2 "same item 'mutual'"
# an unknown --uncheck writes nothing, not even the valid --check
run ready Tom --check mutual --uncheck bogus
expect 2 "rapport ready: --uncheck: no manual readiness item 'bogus'"
eq "failed ready wrote nothing" \
   "$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM ready_check c JOIN contact p ON p.id = c.contact_id WHERE p.name = ?", ("Tom Okafor",)).fetchone()[0])' "$DB")" 0
run ready Priya --format xml
expect 2 "rapport ready: --format: 'xml' is not a format; allowed: text, json"
run ready
expect 2 "rapport ready: missing NAME"
run ready zed
expect 2 "rapport ready: no contact matches 'zed'"
run ready a
expect 2 "matches several contacts"
run ready Priya --check
expect 2 "option --check needs a value"

# the journal cannot be opened: exit 3
mkdir -p "$TMP/folder.db"
"$BIN" --db "$TMP/folder.db" --config "$CFG" ready Priya >"$TMP/out" 2>"$TMP/err"
eq "journal error exit" "$?" 3
"$BIN" --db "$TMP/folder.db" --config "$CFG" give Priya --kind read x >"$TMP/out" 2>"$TMP/err"
eq "journal error exit (give)" "$?" 3
"$BIN" --db "$TMP/folder.db" --config "$CFG" path --org Acme >"$TMP/out" 2>"$TMP/err"
eq "journal error exit (path)" "$?" 3

# ---- help ----------------------------------------------------------------------
help_lists give path ready
"$BIN" help ready | grep -Fq "rapport ready NAME [--check KEY] [--uncheck KEY] [--format text|json]" \
  && ok || bad "help ready lacks its usage"

cli_end
