#!/usr/bin/env bash
# `rapport agenda`, `rapport followup add|done|snooze`, `rapport outcome add`
# and `rapport cadence` against a temporary journal with a fixed clock
# (Monday 2026-11-30 08:00 UTC): the exact table and JSON of small cases,
# what is stored (read back with python3's sqlite3), the hints of an empty
# agenda, and the exit statuses (0 success, also for an empty agenda; 1 no
# open follow-up; 2 bad usage or input, naming the option and what is
# allowed; 3 the journal cannot be opened). Every check runs even when an
# earlier one fails; prints "N passed, M failed".
# Usage: bash test_agenda_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/agenda --python3 "$@"
export RAPPORT_NOW=1796025600 # 2026-11-30 08:00:00 (UTC), a Monday
help_lists agenda followup outcome cadence

# ---- no journal yet: a read refuses it (a typo in --db), --create makes it ---------
run agenda
expect 3 "no journal at $DB (is --db right?"
[ -e "$DB" ] && bad "a read made a journal" || ok
# ---- an empty journal: exit 0 and what to do next -------------------------------
RAPPORT_ARGS=(--create --db "$DB")
run agenda
expect 0
same "empty, no contacts" "Nothing due. Start with people you know: rapport add NAME --how-known friend"
run agenda --format json
expect 0
same "empty json" '{"today": "2026-11-30", "days": 7, "items": []}'
RAPPORT_ARGS=(--db "$DB")
run add "Ada Lovelace" --how-known friend
expect 0
run add "Zoë Ørsted" --introduced-by Ada
expect 0
run add "Tom Okafor" --how-known cold
expect 0
run agenda
expect 0
has "$OUT" "Nothing due. Know yourself before you ask others: finish your worksheet (rapport worksheet, or 3 in the journal)."
run worksheet set want "a research role in a small lab"
run worksheet add superpower "Untangling data" --evidence "cut the monthly report from 3 days to 4 hours"
run worksheet add problem "Slow clinical trials"
run agenda
expect 0
same "empty, ready" "Nothing due. Plan your next conversation: rapport conversation add NAME --at \"YYYY-MM-DD HH:MM\""

# ---- followup add ------------------------------------------------------------------
run followup add Zoë --kind "check in" --note "how the move went"
expect 0
[[ $OUT =~ ^[0-9]+$ ]] && ok || bad "followup add printed [$OUT]"
F1=$OUT
eq "stored" "$(q "SELECT contact_id, kind, due, medium, note, status, auto FROM followup WHERE id = $F1")" \
   "2|check-in|2026-11-30|email|how the move went|open|0"
run followup add Ada --kind update --due 2026-11-27
expect 0
F2=$OUT
run followup add Ada --kind custom --due 2026-12-03 --note "send the paper"
expect 0
F3=$OUT
run followup add Ada --kind party
expect 2 "rapport followup add: --kind: 'party' is not one of: thank-you, check-in, update, success, custom"
run followup add Ada
expect 2 "missing --kind KIND; one of: thank-you, check-in, update, success, custom"
run followup add Ada --kind update --due 2026-02-30
expect 2 "--due: '2026-02-30' is not a date; use today, tomorrow"
# dates as people type them, against the fixed clock (Monday 2026-11-30)
for pair in "tomorrow=2026-12-01" "fri=2026-12-04" "next fri=2026-12-11" "+3=2026-12-03" \
            "in 2 weeks=2026-12-14" "24 Dec=2026-12-24" "3 months=2027-02-28"; do
  run followup add Ada --kind update --due "${pair%%=*}" --note "typed date"
  expect 0
  eq "--due ${pair%%=*}" "$(q "SELECT due FROM followup WHERE id = $OUT")" "${pair#*=}"
  sql "DELETE FROM followup WHERE id = $OUT"
done
run followup add Ada --kind update --due "tomorrow 10am"
expect 2 "--due: 'tomorrow 10am' has a time of day; give just the day (2026-12-01)"
run followup add Ada --kind custom
expect 2 "--note: is empty: a custom follow-up needs a note"
run followup add Nobody --kind update
expect 2 "no contact matches"
run followup add Ada --kind update --when soon
expect 2 "unknown option '--when'; allowed: --kind, --due, --note"
run followup add
expect 2 "missing NAME"
run followup
expect 2 "missing action; one of: add, done, snooze"
run followup list
expect 2 "unknown action 'list'; one of: add, done, snooze"
eq "nothing added by mistakes" "$(q "SELECT count(*) FROM followup")" 3

# ---- a conversation coming up, one held (its thank-you), an interrupted call -----
run conversation add Ada --at "2026-12-01 10:00" --channel video --objective "how labs hire"
expect 0
sql "INSERT INTO conversation (contact_id, minutes, status, started_at, ended_at, created_at, updated_at)
     VALUES (3, 20, 'held', 1795963200, 1795964400, 0, 0)"
sql "INSERT INTO followup (contact_id, conversation_id, kind, due, medium, status, auto, created_at, updated_at)
     SELECT 3, max(id), 'thank-you', '2026-11-30', 'email', 'open', 1, 0, 0 FROM conversation"
sql "INSERT INTO conversation (contact_id, minutes, status, started_at, created_at, updated_at)
     VALUES (2, 20, 'interrupted', 1795860000, 0, 0)"
TY=$(q "SELECT id FROM followup WHERE kind = 'thank-you'")

run agenda
expect 0
same "table" "Overdue
  #$F2 Ada Lovelace — share an update · due 3 days ago
Due today
  #$F1 Zoë Ørsted — check in: how the move went · due today
This week
  #$F3 Ada Lovelace — send the paper · due in 3 days
Thank-you notes owed
  #$TY Tom Okafor — thank-you for the call on 2026-11-29 · due today
Coming up
  Zoë Ørsted — interrupted call: resume or end it
  Ada Lovelace — call planned Tue 2026-12-01 10:00 · 20 min · video"
run agenda --days 2
expect 0
lacks "$OUT" "send the paper"
lacks "$OUT" "This week"
run agenda --days 3
expect 0
has "$OUT" "Next 3 days"
run agenda --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "json today" "$(py 'j["today"] + " " + str(j["days"])')" "2026-11-30 7"
eq "json sections" "$(py '",".join(i["section"] for i in j["items"])')" "overdue,today,week,thanks,upcoming,upcoming"
eq "json first" "$(py '[j["items"][0][k] for k in ("title", "contact", "contact_id", "followup_id", "conversation_id", "kind", "date", "why")]')" \
   "['Overdue', 'Ada Lovelace', 1, $F2, None, 'update', '2026-11-27', 'share an update · due 3 days ago']"
eq "json conversation" "$(py '[j["items"][-1][k] for k in ("followup_id", "kind", "date")]')" "[None, 'conversation', '2026-12-01 10:00']"
run agenda --days 0
expect 2 "--days: must be a whole number from 1 to 60, not '0'"
run agenda --days 61
expect 2 "--days: must be a whole number from 1 to 60"
run agenda --format xml
expect 2 "--format: 'xml' is not a format; allowed: table, json"
run agenda today
expect 2 "takes no arguments"

# ---- followup done, snooze ---------------------------------------------------------
run followup done "$F2"
expect 0
same "done" "done: Ada Lovelace — share an update"
eq "done stored" "$(q "SELECT status, done_at FROM followup WHERE id = $F2")" "done|1796025600"
run followup done "$F2"
expect 1 "follow-up $F2 is not open (it is done)"
run followup done 999
expect 1 "no follow-up with id 999"
run followup done abc
expect 2 "ID must be a follow-up's number"
run followup done "$TY"
expect 0
eq "a thank-you done moves the contact to thanked" "$(q "SELECT stage FROM contact WHERE id = 3")" "thanked"
run followup snooze "$F1" 7
expect 0
same "snoozed" "snoozed until 2026-12-07"
eq "snooze stored" "$(q "SELECT due, snoozed_until FROM followup WHERE id = $F1")" "2026-11-30|2026-12-07"
run agenda --days 6
lacks "$OUT" "how the move went"
run agenda --days 7
has "$OUT" "  #$F1 Zoë Ørsted — check in: how the move went · due today"
run followup snooze "$F1" 0
expect 2 "DAYS must come to 1 to 365 days, not 0 ('0')"
run followup snooze "$F1" soon
expect 2 "DAYS: 'soon' is neither a number of days (7, 2w, 3 months) nor a day (fri, 24 Dec, +3)"
run followup snooze "$F1" yesterday
expect 2 "DAYS: 'yesterday' is not after today"
run followup snooze "$F1" fri
same "snooze until a weekday" "snoozed until 2026-12-04"
run followup snooze "$F1" 2w
same "snooze for two weeks" "snoozed until 2026-12-14"
run agenda --days "2 weeks"
has "$OUT" "Next 14 days"
run followup snooze "$F1" 7
expect 0
run followup snooze "$F2" 1
expect 1 "is not open"
run followup snooze "$F1"
expect 2 "missing DAYS"

# ---- outcome add -----------------------------------------------------------------------
run outcome add "I got the role" --contact Zoë
expect 0 "a success report was added for each of them"
same "outcome" "1
Zoë Ørsted — you met them about it
Ada Lovelace — introduced you to Zoë Ørsted"
eq "success reports" "$(q "SELECT group_concat(contact_id || ':' || kind || ':' || due || ':' || note || ':' || outcome_id, ' ') FROM followup WHERE kind = 'success'")" \
   "2:success:2026-11-30:I got the role:1 1:success:2026-11-30:I got the role:1"
run agenda
has "$OUT" "Success reports owed"
has "$OUT" "  #$(q "SELECT id FROM followup WHERE kind = 'success' AND contact_id = 2") Zoë Ørsted — report success: I got the role"
run outcome add "I decided against it" --date 2026-11-01
expect 0 "nobody to tell yet"
same "no helpers" "2"
run outcome add "x" --date 2026-11-31
expect 2 "--date: '2026-11-31' is not a date; use today"
run outcome add "  " --contact Ada
expect 2 "TEXT is empty"
run outcome add "x" --contact Nobody
expect 2 "no contact matches"
run outcome
expect 2 "missing action; one of: add"
run outcome add
expect 2 "missing TEXT, how it turned out"
run outcome add --contact Ada
expect 2 "missing TEXT"
eq "nothing else stored" "$(q "SELECT count(*) FROM outcome")" 2

# ---- cadence -----------------------------------------------------------------------------
run cadence Tom
expect 0
same "cold, thanked" "Tom Okafor: every 30 days (default for the stage thanked); last contact 2026-11-30 (follow-up); next check-in due 2026-12-30"
run cadence Zoë 14
expect 0
same "own" "Zoë Ørsted: every 14 days (own setting); last contact 2026-11-28 (conversation); next check-in due 2026-12-12"
eq "stored" "$(q "SELECT cadence_days FROM contact WHERE id = 2")" 14
run cadence Zoë none
same "none" "Zoë Ørsted: no reminders (own setting); last contact 2026-11-28 (conversation)"
run cadence Zoë default
same "default" "Zoë Ørsted: every 60 days (default for warm contacts); last contact 2026-11-28 (conversation); next check-in due 2027-01-27"
eq "default stored" "$(q "SELECT cadence_days IS NULL FROM contact WHERE id = 2")" 1
run cadence Zoë 3651
expect 2 "DAYS must be a whole number from 0 to 3650, none or default, not '3651'"
run cadence Zoë often
expect 2 "not 'often'"
run cadence
expect 2 "missing NAME"

# ---- quiet relationships: a check-in for the warm, a line for the cold -------------------
run cadence Ada 10
run cadence Tom 10
run cadence Zoë none
export RAPPORT_NOW=1797235200 # 2026-12-14 08:00 UTC
run agenda
expect 0
has "$OUT" "Going quiet"
has "$OUT" "  Tom Okafor — check in: quiet since 2026-11-30 (every 10 days)"
CI=$(q "SELECT id FROM followup WHERE kind = 'check-in' AND auto = 1")
has "$OUT" "  #$CI Ada Lovelace — check in: no contact since 2026-11-30 (cadence 10 days) · due 4 days ago"
run agenda
eq "one check-in, once" "$(q "SELECT count(*) FROM followup WHERE kind = 'check-in' AND auto = 1")" 1

# ---- the journal cannot be opened: exit 3 ---------------------------------------------------
mkdir -p "$TMP/dir.db"
"$BIN" --db "$TMP/dir.db" agenda >"$TMP/out" 2>"$TMP/err"
eq "unopenable journal" "$?" 3
cli_end
