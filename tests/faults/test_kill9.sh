#!/usr/bin/env bash
# kill -9 at random moments while contacts (the Contacts form), worksheet
# entries (a superpower) and call notes are typed through the UI in tmux.
# Each trial starts rapport, types and confirms entries one after the other,
# records every entry whose confirmation reached the screen (the "Saved …"
# message, or the note line in the call's list), and a killer sends SIGKILL
# after a random delay. Then: every acknowledged entry is in the journal,
# PRAGMA integrity_check says ok, and the next launch (`rapport list`) works.
#
# Seeded (RAPPORT_FAULT_SEED, default 8) so a failure can be replayed;
# RAPPORT_KILL_TRIALS sets the number of trials (default 60, 20 per kind).
. "$(dirname "$0")/../e2e/lib.sh" "$@"

SEED=${RAPPORT_FAULT_SEED:-8}
TRIALS=${RAPPORT_KILL_TRIALS:-60}
RANDOM=$SEED
REAL=$BIN
echo "# seed $SEED, $TRIALS trials"

# The app runs through a wrapper that records its pid (exec keeps the pid).
WRAP="$TMP/wrap.sh"
printf '#!/bin/sh\necho $$ > %q\nexec %q "$@"\n' "$TMP/app.pid" "$REAL" > "$WRAP"
chmod +x "$WRAP"

# sleep_ms N
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

APP_PID=
alive() { kill -0 "$APP_PID" 2>/dev/null && ! _screen_has "EXITED:"; }
# ready TEXT: poll until TEXT is on the screen (0) or the app died (1).
# TEXT on the screen was drawn by the app before it died: for a "Saved …"
# message that is an acknowledged entry.
_shown_or_dead() { _screen_has "$1" || ! alive; }
ready() { _poll 3 _shown_or_dead "$1" && _screen_has "$1"; }
ack() { ready "$1"; }

# check_journal TABLE COLUMN TEXT...: each TEXT is in TABLE.COLUMN exactly
# once (else prints "TEXT: N times"), then the integrity_check result.
check_journal() {
  python3 - "$DB" "$@" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
table, col = sys.argv[2], sys.argv[3]
for t in sys.argv[4:]:
    n = con.execute("SELECT count(*) FROM %s WHERE %s = ?" % (table, col), (t,)).fetchone()[0]
    if n != 1:
        print("acknowledged [%s] is in the journal %d times" % (t, n))
print("integrity_check: " + "; ".join(r[0] for r in con.execute("PRAGMA integrity_check")))
PY
}

cli add "Seed Person" --how-known friend >/dev/null || fail "seed"
KILLS=0
ACKED_TOTAL=0
declare -a KIND_NAMES=(contacts worksheet notes)

for ((trial = 1; trial <= TRIALS; trial++)); do
  kind=$((trial % 3))
  args=(--db "$DB")
  if [ $kind = 2 ]; then
    callee="Callee $trial"
    cli add "$callee" --how-known friend >/dev/null || fail "seed $callee"
    args+=(call "$callee")
  fi
  rm -f "$TMP/app.pid"
  BIN=$WRAP start_app "${args[@]}"
  APP_PID=$(cat "$TMP/app.pid")
  # a call left live by an earlier trial: decide later
  if _screen_has "─ Interrupted call ─"; then
    keys Escape
    wait_gone "─ Interrupted call ─"
  fi
  case $kind in
  0) keys 2; wait_for "Seed Person" ;;
  1) keys 3; wait_for "Worksheet ·"; keys j j; wait_for "superpower" ;;
  2) wait_for " Call · $callee" ;;
  esac

  delay=$((RANDOM % 900 + 20))
  ( sleep_ms "$delay"; kill -9 "$APP_PID" 2>/dev/null ) &
  killer=$!

  acked=()
  for ((i = 1; i <= 80; i++)); do
    alive || break
    text="T${trial}e${i} ${KIND_NAMES[$kind]}"
    case $kind in
    0)
      keys a
      ready "─ New contact ─" || break
      type_text "$text"
      keys Enter
      ack "Saved $text" && acked+=("$text")
      ;;
    1)
      keys a
      ready "─ New superpower ─" || break
      type_text "$text"
      keys C-s
      ack "Saved “$text”" && acked+=("$text")
      ;;
    2)
      type_text "$text"
      keys Enter
      # on the list with its time (the input line shows "› text")
      _note_listed() { screen | grep -Eq "^ [0-9]{2}:[0-9]{2} +$1\$"; }
      _note_or_dead() { _note_listed "$1" || ! alive; }
      _poll 3 _note_or_dead "$text" && _note_listed "$text" && acked+=("$text")
      ;;
    esac
  done
  wait "$killer"
  wait_for "EXITED:" 10
  status=$(cat "$TMP/status")
  [ "$status" = 137 ] || fail "trial $trial: rapport exit status $status, expected 137 (SIGKILL)"
  KILLS=$((KILLS + 1))

  case $kind in
  0) where=(contact name) ;;
  1) where=(ws_item title) ;;
  2) where=(note text) ;;
  esac
  got=$(check_journal "${where[@]}" "${acked[@]}")
  [ "$got" = "integrity_check: ok" ] \
    || fail "trial $trial (seed $SEED, kill after ${delay} ms): $got"
  ACKED_TOTAL=$((ACKED_TOTAL + ${#acked[@]}))
  "$REAL" --db "$DB" list >/dev/null 2>"$TMP/err" \
    || fail "trial $trial: rapport list after the kill failed: $(cat "$TMP/err")"
  ok "trial $trial (${KIND_NAMES[$kind]}, kill after ${delay} ms): ${#acked[@]} acknowledged, all kept; integrity ok; next launch works"
done

# a final launch of the UI works too
start_app --db "$DB"
if _screen_has "─ Interrupted call ─"; then keys Escape; wait_gone "─ Interrupted call ─"; fi
quit_app
echo "# kill -9: $KILLS kills survived, $ACKED_TOTAL acknowledged entries all kept"
finish
