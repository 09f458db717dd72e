# lib.sh — what the command-line tests share. Sourced by tests/cli/test_*.sh,
# which tests/CMakeLists.txt runs as `bash test_X.sh /path/to/rapport`:
#
#   . "${BASH_SOURCE[0]%/*}/lib.sh"
#   cli_begin cli/NAME [--python3] "$@"
#   RAPPORT_ARGS=(--db "$DB" --config "$CFG")   # optional: what `run` passes first
#   ... run / expect / same / has / lacks / eq ...
#   cli_end
#
# Every check runs even when an earlier one fails; cli_end prints
# "NAME: N passed, M failed" and is the script's exit status.

# cli_begin NAME [--python3] ARGS...: ARGS are the script's arguments, the
# first the rapport binary (else exit 2 with the usage). Sets BIN, TMP (a
# private folder removed on exit), HOME inside it (fixed TZ and UTF-8
# locale, no XDG folders, no fixed clock: export RAPPORT_NOW after this to
# fix one), DB (a journal path in TMP, not created), PASS and FAIL.
# --python3: exit 2 when python3 (for sql, q and py) is missing.
cli_begin() {
  CLI_NAME=$1
  shift
  local need_python=0
  if [ "${1:-}" = --python3 ]; then need_python=1; shift; fi
  if [ $# -lt 1 ] || [ ! -x "$1" ]; then
    echo "usage: bash $0 /path/to/rapport" >&2
    exit 2
  fi
  BIN=$1
  if [ $need_python = 1 ] && ! command -v python3 >/dev/null 2>&1; then
    echo "$CLI_NAME: python3 is needed" >&2
    exit 2
  fi
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/rapport-cli.XXXXXX")
  trap 'rm -rf "$TMP"' EXIT
  export HOME=$TMP/home TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
  unset XDG_DATA_HOME XDG_CONFIG_HOME RAPPORT_NOW
  mkdir -p "$HOME"
  DB=$TMP/journal.db
  RAPPORT_ARGS=(--db "$DB")
  EXPECT_QUIET_FROM=1
  EXPECT_STDERR=substrings
  PASS=0 FAIL=0
}

# cli_end: the summary line; its status is 0 when no check failed.
cli_end() {
  echo "$CLI_NAME: $PASS passed, $FAIL failed"
  [ "$FAIL" = 0 ]
}

ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*" >&2; }

# run [--in FILE] ARGS...: rapport "${RAPPORT_ARGS[@]}" ARGS with stdin from
# FILE (else /dev/null), keeping OUT, ERR and RC.
run() {
  local in=/dev/null
  if [ "${1:-}" = --in ]; then in=$2; shift 2; fi
  "$BIN" "${RAPPORT_ARGS[@]}" "$@" >"$TMP/out" 2>"$TMP/err" <"$in"
  RC=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
  LAST="rapport $*"
}

# expect RC [STDERR...]: the exit status is RC; when RC is EXPECT_QUIET_FROM
# or more, nothing on stdout; each STDERR is on stderr, as a substring (or,
# with EXPECT_STDERR=lines, as a whole line).
expect() {
  local want=$1 s fine=1
  shift
  [ "$RC" = "$want" ] || { bad "$LAST: exit $RC, expected $want (stdout: $OUT; stderr: $ERR)"; return; }
  if [ "$want" -ge "$EXPECT_QUIET_FROM" ]; then
    [ -z "$OUT" ] || { bad "$LAST: printed on stdout on error: [$OUT]"; fine=0; }
  fi
  for s in "$@"; do
    if [ "$EXPECT_STDERR" = lines ]; then
      printf '%s\n' "$ERR" | grep -Fxq -- "$s"
    else
      printf '%s' "$ERR" | grep -Fq -- "$s"
    fi || { bad "$LAST: stderr lacks [$s]: [$ERR]"; fine=0; }
  done
  [ $fine = 1 ] && ok
}

# same NAME EXPECTED: OUT is exactly EXPECTED.
same() {
  if [ "$OUT" = "$2" ]; then ok; else
    bad "$1: output differs"$'\n'"--- got:"$'\n'"$OUT"$'\n'"--- expected:"$'\n'"$2"
  fi
}
# has TEXT LINE: a line of TEXT is exactly LINE.
has() {
  if printf '%s\n' "$1" | grep -Fxq -- "$2"; then ok; else bad "missing line [$2] in:"$'\n'"$1"; fi
}
# lacks TEXT PART: PART is nowhere in TEXT.
lacks() {
  if printf '%s\n' "$1" | grep -Fq -- "$2"; then bad "unexpected [$2] in:"$'\n'"$1"; else ok; fi
}
# eq NAME GOT EXPECTED
eq() { if [ "$2" = "$3" ]; then ok; else bad "$1: got [$2], expected [$3]"; fi; }

# help_lists VERB...: `rapport help VERB` exits 0 (its text left in
# $TMP/out) and `rapport --help` lists VERB.
help_lists() {
  local verb
  for verb in "$@"; do
    "$BIN" help "$verb" >"$TMP/out" 2>&1
    eq "help $verb exit" "$?" 0
    "$BIN" --help | grep -Eq "^  $verb +" && ok || bad "--help does not list $verb"
  done
}

# sql STATEMENT [ARGS...]: run SQL on the journal directly.
sql() {
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2], sys.argv[3:]); c.commit()' "$DB" "$@"
}
# undo_migration_16: take journal $DB's follow-ups back to before their
# origin and note line (schema 16), so that the migration runs again; and
# its contacts back to before their folded name and organisation keys
# (schema 23: a later migration that adds columns).
undo_migration_16() {
  local s
  for s in "DROP TRIGGER IF EXISTS contact_key_au" "DROP INDEX IF EXISTS contact_name_key" \
    "DROP INDEX IF EXISTS contact_org_key" "DROP INDEX IF EXISTS contact_org_unkeyed" \
    "ALTER TABLE contact DROP COLUMN name_key" "ALTER TABLE contact DROP COLUMN org_key" \
    "DROP INDEX IF EXISTS followup_note" "DROP INDEX IF EXISTS followup_conversation_origin" \
    "DROP INDEX IF EXISTS followup_open_origin" "DROP INDEX IF EXISTS followup_open_due" \
    "DROP INDEX IF EXISTS note_contact_ref" "ALTER TABLE followup DROP COLUMN origin" \
    "ALTER TABLE followup DROP COLUMN note_id"; do
    sql "$s"
  done
}
# q QUERY: the rows of QUERY, one per line, columns joined by "|".
q() {
  python3 -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in r))' "$DB" "$1"
}
# py EXPR: EXPR evaluated with j = the JSON in $TMP/json; prints the result.
py() {
  python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$TMP/json" "$1"
}

# khard_conf FOLDER FILE: a private khard config in FILE reading the vCard
# folder FOLDER as one address book (khard -c FILE list …).
khard_conf() {
  cat >"$2" <<CONF
[addressbooks]
[[rapport]]
path = $1
[general]
default_action = list
editor = true
merge_editor = true
[contact table]
display = first_name
group_by_addressbook = no
reverse = no
show_nicknames = no
show_uids = yes
sort = last_name
localize_dates = no
preferred_phone_number_type = pref, cell, home
preferred_email_address_type = pref, work, home
[vcard]
preferred_version = 3.0
search_in_source_files = no
skip_unparsable = no
CONF
}
