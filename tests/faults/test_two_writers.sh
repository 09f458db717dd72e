#!/usr/bin/env bash
# Two processes writing one journal at once: (1) the UI adding contacts
# through the Contacts form in tmux while a script runs `rapport add` in a
# loop; (2) two `rapport add` loops in parallel, with a reader (`rapport
# list`) beside them. No "database is locked" (nor any other error) reaches
# the user: every command exits 0 with nothing on stderr, every form save
# says "Saved"; nothing is lost (rows counted at the end).
. "$(dirname "$0")/../e2e/lib.sh" "$@"

N_UI=25
N_CLI=60

# cli_loop PREFIX N LOG: N `rapport add` in a row; failures go to LOG
cli_loop() {
  local i
  for ((i = 1; i <= $2; i++)); do
    "$BIN" --db "$DB" add "$1 $i" --how-known friend >/dev/null 2>"$3.err.$i" \
      || echo "add $1 $i: exit $?: $(cat "$3.err.$i")" >> "$3"
    [ -s "$3.err.$i" ] && echo "add $1 $i: stderr: $(cat "$3.err.$i")" >> "$3"
    rm -f "$3.err.$i"
  done
  echo done >> "$3.done"
}
# read_loop LOG: `rapport list` until the file LOG.stop exists
read_loop() {
  while [ ! -e "$1.stop" ]; do
    "$BIN" --db "$DB" list --format tsv >/dev/null 2>"$1.err" \
      || echo "list: exit $?: $(cat "$1.err")" >> "$1"
    [ -s "$1.err" ] && echo "list: stderr: $(cat "$1.err")" >> "$1"
  done
}

cli add "Seed Person" --how-known friend >/dev/null || fail "seed"

# ---- 1. the UI and a CLI loop ------------------------------------------
start_app --db "$DB"
keys 2
wait_for "Seed Person"
: > "$TMP/loop1"
cli_loop "Script" "$N_CLI" "$TMP/loop1" &
loop_pid=$!
for ((i = 1; i <= N_UI; i++)); do
  keys a
  wait_for "─ New contact ─"
  type_text "Form $i"
  keys Enter
  if ! _poll 10 _screen_has "Saved Form $i"; then
    fail "form save $i was not acknowledged (status bar: [$(screen_line -1)])"
  fi
  screen | grep -Eiq "locked|busy|error|failed" && fail "an error reached the screen after save $i"
done
ok "$N_UI contacts saved through the form while the script adds; no error on screen"
wait "$loop_pid"
quit_app
[ -s "$TMP/loop1" ] && fail "the script's adds failed: $(head -5 "$TMP/loop1")"
ok "$N_CLI rapport add beside the UI: all exit 0, nothing on stderr"
assert_eq "no form contact lost" "$N_UI" "$(db_query "SELECT count(*) FROM contact WHERE name LIKE 'Form %'")"
assert_eq "no script contact lost" "$N_CLI" "$(db_query "SELECT count(*) FROM contact WHERE name LIKE 'Script %'")"

# ---- 2. two CLI loops and a reader ----------------------------------------
: > "$TMP/a"; : > "$TMP/b"; : > "$TMP/r"
read_loop "$TMP/r" &
reader=$!
cli_loop "Left" "$N_CLI" "$TMP/a" &
pa=$!
cli_loop "Right" "$N_CLI" "$TMP/b" &
pb=$!
wait "$pa" "$pb"
touch "$TMP/r.stop"
wait "$reader"
for f in a b r; do
  [ -s "$TMP/$f" ] && fail "a parallel command failed: $(head -5 "$TMP/$f")"
done
ok "two rapport add loops and a reader in parallel: all exit 0, nothing on stderr"
assert_eq "no contact lost (left)" "$N_CLI" "$(db_query "SELECT count(*) FROM contact WHERE name LIKE 'Left %'")"
assert_eq "no contact lost (right)" "$N_CLI" "$(db_query "SELECT count(*) FROM contact WHERE name LIKE 'Right %'")"
assert_eq "total" $((1 + N_UI + 3 * N_CLI)) "$(db_query "SELECT count(*) FROM contact")"
assert_eq "integrity_check" ok "$(db_query "PRAGMA integrity_check")"
finish
