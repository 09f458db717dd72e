#!/usr/bin/env bash
# Upgrading an old journal shows its progress on stderr: a journal at
# schema 8 (the cadence state of migration 9 taken away, as it was before
# it) with 1,200 contacts, opened by `rapport agenda`. With
# RAPPORT_PROGRESS=1 stderr says what is upgraded and where the copy is,
# one line per step (the copy, each migration, the first cadence sync),
# and how long it all took; without it and with stderr not a terminal,
# none of that; on a terminal (script(1)) the same lines, each drawn again
# in place as it goes. Nothing when there is nothing to upgrade. The
# journal is intact afterwards (`rapport check`) and exit statuses are 0.
# Usage: bash test_upgrade_progress_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/upgrade-progress --python3 "$@"
unset RAPPORT_PROGRESS
export RAPPORT_NOW=1796025600 # 2026-11-30 08:00:00 (UTC)
E=$'\xE2\x80\xA6' # …

# ---- an old journal ------------------------------------------------------------
run add "Ada Lovelace" --how-known friend
expect 0
CURRENT=$(q "PRAGMA user_version")
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
     INSERT INTO contact (name, warmth, stage, created_at, updated_at)
     SELECT 'Person ' || i, CASE WHEN i % 2 THEN 'warm' ELSE 'cold' END, 'met',
            1700000000, 1700000000 FROM n"
# schema 8: migration 9 made the cadence state (the rest of 9 onwards is
# made again as it stands, IF NOT EXISTS, or rebuilt: the search index;
# migration 16 adds columns, taken out here)
undo_migration_16
sql "DROP TABLE cadence_state"
sql "DROP TABLE cadence_config"
sql "PRAGMA user_version = 8"
OLD=$TMP/old.db
cp "$DB" "$OLD"
for f in plain tty tty-off; do cp "$OLD" "$TMP/$f.db"; done

# ---- RAPPORT_PROGRESS=1: the lines, into a file ---------------------------------
export RAPPORT_PROGRESS=1
run agenda
expect 0
lines=$(printf '%s\n' "$ERR")
eq "the first line says what is upgraded and where the copy is" "$(printf '%s\n' "$lines" | head -n 1)" \
  "rapport: upgrading $DB from schema 8 to $CURRENT (a copy is kept in $DB.v8.bak)"
has "$lines" "rapport: copying the journal$E 100%"
for ((m = 9; m <= CURRENT; m++)); do
  printf '%s\n' "$lines" | grep -Eq "^rapport: migration $m of $CURRENT: [a-z].*$E [0-9]+:[0-5][0-9]\$" \
    && ok || bad "no line for migration $m in: $lines"
done
printf '%s\n' "$lines" | grep -Eq "^rapport: migration 10 of $CURRENT: rebuilding the search index$E [0-9]+:[0-5][0-9]\$" \
  && ok || bad "migration 10 is not the search index in: $lines"
printf '%s\n' "$lines" | grep -Eq "^rapport: journal upgraded in [0-9]+:[0-5][0-9]\$" \
  && ok || bad "no final line in: $lines"
has "$lines" "rapport: working out when each relationship goes quiet$E 100%"
lacks "$lines" $'\r'
lacks "$lines" "migration 8 of"
eq "the copy is the old journal" "$(DB=$DB.v8.bak q 'PRAGMA user_version')" 8
eq "the journal is current" "$(q 'PRAGMA user_version')" "$CURRENT"
eq "every contact has its cadence worked out" \
  "$(q "SELECT count(*) FROM cadence_state WHERE check_on <> ''")" 1201
# again: nothing to upgrade, nothing to work out, nothing said
run agenda
expect 0
eq "nothing to upgrade: stderr" "$ERR" ""
run check
expect 0
eq "check" "$OUT" "ok: $DB is intact"
# a new journal is made, not upgraded: nothing said
RAPPORT_ARGS=(--create --db "$TMP/new.db")
run list
expect 0
eq "a new journal: stderr" "$ERR" ""
unset RAPPORT_PROGRESS

# ---- stderr not a terminal: no progress, only the note ---------------------------
RAPPORT_ARGS=(--db "$TMP/plain.db")
run agenda
expect 0 "rapport: journal upgraded from schema 8 to $CURRENT; the journal as it was is kept in $TMP/plain.db.v8.bak"
lacks "$ERR" "upgrading"
lacks "$ERR" "copying"
lacks "$ERR" "migration"
lacks "$ERR" "journal upgraded in"
lacks "$ERR" "working out"
eq "upgraded all the same" "$(DB=$TMP/plain.db q 'PRAGMA user_version')" "$CURRENT"
run check
expect 0
eq "check" "$OUT" "ok: $TMP/plain.db is intact"

# ---- a terminal: the lines, drawn again in place ---------------------------------
if script -qfec true /dev/null >/dev/null 2>&1; then
  # on_tty FILE [ENV...]: agenda on FILE with stderr on a terminal (stdout
  # thrown away); what the terminal got in $TMP/tty.out, the exit in RC
  on_tty() {
    local f=$1
    shift
    env "$@" script -qfec "$(printf '%q ' "$BIN" --db "$f" agenda) >/dev/null" /dev/null \
      >"$TMP/tty.out" 2>&1
    RC=$?
  }
  on_tty "$TMP/tty.db"
  eq "on a terminal: exit" "$RC" 0
  tty_out=$(tr -d '\r' <"$TMP/tty.out")
  has "$tty_out" "rapport: upgrading $TMP/tty.db from schema 8 to $CURRENT (a copy is kept in $TMP/tty.db.v8.bak)"
  printf '%s\n' "$tty_out" | grep -Eq "^rapport: journal upgraded in [0-9]+:[0-5][0-9]\$" \
    && ok || bad "on a terminal: no final line in: $tty_out"
  # each step is drawn when it starts and again as it ends, over itself
  drawn=$(grep -o "migration 9 of $CURRENT" "$TMP/tty.out" | wc -l)
  [ "$drawn" -ge 2 ] && ok || bad "on a terminal: migration 9 drawn $drawn times, not redrawn in place"
  grep -q $'\rrapport: migration 9 of' "$TMP/tty.out" && ok || bad "on a terminal: no \\r before a step"
  on_tty "$TMP/tty-off.db" RAPPORT_PROGRESS=0
  eq "RAPPORT_PROGRESS=0 on a terminal: exit" "$RC" 0
  lacks "$(cat "$TMP/tty.out")" "upgrading"
  has "$(tr -d '\r' <"$TMP/tty.out")" "rapport: journal upgraded from schema 8 to $CURRENT; the journal as it was is kept in $TMP/tty-off.db.v8.bak"
  RAPPORT_ARGS=(--db "$TMP/tty.db")
  run check
  expect 0
  eq "check" "$OUT" "ok: $TMP/tty.db is intact"
else
  echo "script(1) cannot run a terminal here: the terminal checks are skipped" >&2
fi

cli_end
