#!/usr/bin/env bash
# The command-line contract: exit status 0 success, 1 a negative answer,
# 2 bad usage or input (the message names the option and the allowed
# values), 3 the journal could not be opened or written; errors on stderr,
# nothing on stdout. Every check runs even when an earlier one fails, so one
# run reports every broken promise.
. "$(dirname "$0")/lib.sh" "$@"

SRCDIR=${RAPPORT_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}

# run ARGS...: run rapport ARGS, keeping OUT, ERR and RC.
run() {
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
  RC=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
  LAST="rapport $*"
  LAST=${LAST//"$TMP"/\$TMP}
}

# expect RC [ERR-SUBSTRING...]: the last run exited RC; for RC != 0, stdout is
# empty and stderr contains every substring.
expect() {
  local want=$1 s bad=0; shift
  if [ "$RC" != "$want" ]; then
    fail_later "$LAST: exit status $RC, expected $want (stderr: $ERR)"
    return
  fi
  if [ "$want" != 0 ]; then
    [ -z "$OUT" ] || { fail_later "$LAST: printed on stdout on error: [$OUT]"; bad=1; }
    [ -n "$ERR" ] || { fail_later "$LAST: no message on stderr"; bad=1; }
  fi
  for s in "$@"; do
    printf '%s' "$ERR" | grep -Fq -- "$s" || { fail_later "$LAST: stderr lacks [$s]: [$ERR]"; bad=1; }
  done
  [ $bad = 0 ] && ok "$LAST → $want${1:+ (message: $ERR)}"
}

count() { db_query "SELECT count(*) FROM contact WHERE deleted_at IS NULL"; }

# ---- add prints the id ----------------------------------------------------
run --db "$DB" add "Zoë Ørsted" --org Acme --how-known family --tag design --tag "user research"
expect 0
assert_match "add prints the new id" '^[0-9]+$' "$OUT"
ZOE_ID=$OUT
assert_eq "journal file created 0600" 600 "$(stat -c %a "$DB")"
run --db "$DB" add "Ana" --org "Café Verde"
expect 0
run --db "$DB" add "Anabel" --stage researching
expect 0
assert_match "ids increase" '^[0-9]+$' "$OUT"
[ "$OUT" -gt "$ZOE_ID" ] || fail_later "second id $OUT not greater than $ZOE_ID"
assert_eq "3 contacts" 3 "$(count)"
assert_eq "tags stored" "design,user research" "$(json_field "Zoë Ørsted" tags)"
assert_eq "stage stored" "researching" "$(json_field "Anabel" stage)"

# ---- bad input: exit 2, the option named, the allowed values listed --------
run --db "$DB" add X --stage bogus
expect 2 "--stage" "bogus" "identified" "researching" "keeping-in-touch" "not-now"
run --db "$DB" add X --how-known pals
expect 2 "--how-known" "family" "friend" "cold"
run --db "$DB" add X --warmth hot
expect 2 "--warmth" "warm" "cold"
run --db "$DB" add X --email no-at-sign
expect 2 "--email" "@"
run --db "$DB" add "   "
expect 2 "name"
run --db "$DB" add
expect 2 "NAME"
run --db "$DB" add X --frobnicate
expect 2 "--frobnicate" "--org" "--stage"
run --db "$DB" add X --org
expect 2 "--org"
run --db "$DB" bogusverb
expect 2 "bogusverb" "add" "list"
run --db
expect 2 "--db"

# --introduced-by: exact name wins, an ambiguous part lists the candidates,
# an unknown name is bad input too (2, per the brief and README: 1 is for a
# negative answer to a question, not for a wrong argument).
run --db "$DB" add "Carla" --introduced-by "Ana"
expect 0
assert_eq "exact name chosen over a longer match" "Ana" "$(json_field Carla introduced_by)"
run --db "$DB" add X --introduced-by "An"
expect 2 "--introduced-by" "Ana" "Anabel"
run --db "$DB" add X --introduced-by "Nobody Known"
expect 2 "--introduced-by" "Nobody Known"
assert_eq "no contact added by the failed adds" 4 "$(count)"

# ---- list --------------------------------------------------------------------
run --db "$DB" list --format xml
expect 2 "--format" "xml" "table" "tsv" "json"
run --db "$DB" list --stage nope
expect 2 "--stage" "identified"
run --db "$DB" list --format json
expect 0
printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==4, len(d)' \
  || fail "list --format json is not a JSON array of 4 contacts: $OUT"
ok "list --format json parses, 4 contacts"
run --db "$DB" list --format tsv
expect 0
assert_eq "tsv header" "$(printf 'id\tname\torg\trole\temail\tstage\twarmth\ttags\temails\tphones\turls')" "$(printf '%s\n' "$OUT" | head -1)"
assert_match "tsv row for Zoë" "^$ZOE_ID	Zoë Ørsted	Acme	" "$OUT"
run --db "$DB" list
expect 0
assert_match "table lists Zoë" "Zoë Ørsted +Acme +identified +warm +design,user research" "$OUT"
run --db "$DB" list --format tsv --stage researching
expect 0
assert_eq "list --stage filters" "Anabel" "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2)"
run --db "$DB" list --format tsv --tag design
expect 0
assert_eq "list --tag filters" "Zoë Ørsted" "$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2)"
run --db "$DB" list --format tsv --limit 2
expect 0
assert_eq "list --limit 2: the first two by name" 2 "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)"
run --db "$DB" list --format tsv --limit 0
expect 2 "--limit" "0"
run --db "$DB" list --limit 2x
expect 2 "--limit" "2x"

# ---- the journal cannot be opened: 3 -------------------------------------------
run --db /proc/forbidden/x.db list
expect 3 "/proc/forbidden"
run --db /proc/forbidden/x.db add Someone
expect 3 "/proc/forbidden"
run --db "$TMP" list
expect 3 "$TMP"
printf 'this is not a database\n' > "$TMP/garbage.db"
run --db "$TMP/garbage.db" list
expect 3 "garbage.db"
assert_eq "a damaged file is left alone" "this is not a database" "$(cat "$TMP/garbage.db")"

# A journal in a new folder: folders 0700, file 0600.
run --db "$TMP/new/deeper/j.db" add "Someone"
expect 0
assert_eq "new journal folder 0700" 700 "$(stat -c %a "$TMP/new/deeper")"
assert_eq "new journal file 0600" 600 "$(stat -c %a "$TMP/new/deeper/j.db")"

# ---- check-config ---------------------------------------------------------------
run check-config "$SRCDIR/config.example.yaml"
expect 0
printf 'theme: mono\nstages:\n  - {key: idea, label: idea}\n  - {key: met, label: met}\n' > "$TMP/good.yaml"
run check-config "$TMP/good.yaml"
expect 0
run check-config            # no file under the temp HOME: the defaults are fine
expect 0

printf 'theme: default\nstages:\n  - {key: "bad key!", label: x}\n' > "$TMP/badkey.yaml"
run check-config "$TMP/badkey.yaml"
expect 2 "$TMP/badkey.yaml:3:"
assert_match "bad stage key: FILE:LINE:COLUMN: in the message" "$TMP/badkey.yaml:3:[0-9]+: " "$ERR"

printf 'keys:\n  global:\n    quit: [NotAKey]\n' > "$TMP/badkeyname.yaml"
run check-config "$TMP/badkeyname.yaml"
expect 2 "NotAKey" "Tab" "PgDn"
assert_match "bad key name: FILE:LINE:COLUMN: in the message" "$TMP/badkeyname.yaml:3:[0-9]+: " "$ERR"

printf 'stages: []\n' > "$TMP/empty.yaml"
run check-config "$TMP/empty.yaml"
expect 2 "stages"
assert_match "empty list: FILE:LINE:COLUMN: in the message" "$TMP/empty.yaml:1:[0-9]+: " "$ERR"

# A bad value for `theme:` is a config error like any other: it should name
# where it is (README: "errors name FILE:LINE:COLUMN").
printf '# my config\ntheme: nosuchtheme\n' > "$TMP/badtheme.yaml"
run check-config "$TMP/badtheme.yaml"
expect 2 "nosuchtheme" "default" "mono"
if printf '%s' "$ERR" | grep -Eq -- "$TMP/badtheme.yaml:2:[0-9]+: "; then
  ok "unknown theme: FILE:LINE:COLUMN: in the message"
else
  fail_later "check-config: an unknown theme in a config file does not name FILE:LINE:COLUMN: [$ERR]"
fi

run check-config "$TMP/does-not-exist.yaml"
expect 2 "does-not-exist.yaml"

# ---- help and version -------------------------------------------------------------
run --version
expect 0
assert_match "--version prints the version" '^rapport [0-9]+\.[0-9]+\.[0-9]+' "$OUT"
assert_match "--version names the libraries" \
  'SQLite [0-9]+\.[0-9]+(\.[0-9]+)?, ncurses [0-9]+\.[0-9]+[.0-9]*, libyaml [0-9]+\.[0-9]+' "$OUT"
run -V
expect 0
run --help
expect 0
assert_match "--help shows the usage and verbs" "Usage:" "$OUT"
assert_match "--help documents the exit status" "Exit status" "$OUT"
run help add
expect 0
assert_match "help add lists --introduced-by" "--introduced-by" "$OUT"
run help list
expect 0
run help bogus
expect 2 "bogus"

# ---- after all that, the journal is intact and still private -------------------------
assert_eq "journal file still 0600" 600 "$(stat -c %a "$DB")"
assert_eq "4 contacts in the end" 4 "$(count)"

finish
