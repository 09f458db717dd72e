#!/usr/bin/env bash
# A scripted UI session, then a few CLI verbs, with the real binary under
# valgrind: no definite or indirect leaks and no memory errors (invalid
# reads/writes, uninitialised values, bad frees) may be reported.
#
# Usage: bash tests/memory/test_valgrind_session.sh /path/to/rapport
#   The binary must be a plain build (RelWithDebInfo or Debug), NOT an
#   ASan/UBSan one: valgrind and the sanitizers cannot run together.
#   Exit 0: clean. Exit 1: a report, the session failed, or a check failed.
#   Exit 77 (skip) when valgrind is not installed.
#
# The UI runs in a private tmux server through tests/e2e/lib.sh; every
# process (UI and CLI) writes its own valgrind log $TMP/vg.PID.log, which is
# checked at the end. Known library internals are suppressed through
# tests/memory/valgrind.supp (each entry says why); "still reachable" memory
# (ncurses' and libc's caches held until exit) is not an error.
. "$(dirname "$0")/../e2e/lib.sh" "$@"

command -v valgrind >/dev/null 2>&1 || { echo "memory $TEST_NAME: valgrind not installed, skipping" >&2; exit 77; }
if nm -an "$BIN" 2>/dev/null | grep -q '__asan_init'; then
  echo "memory $TEST_NAME: $BIN is an AddressSanitizer build; give a plain build" >&2
  exit 77 # skipped: the sanitizer build is checked by ASan itself
fi

SUPP="$(cd "$(dirname "$0")" && pwd)/valgrind.supp"
REAL_BIN=$BIN
# BIN is what lib.sh runs (start_app, cli): a wrapper putting valgrind first.
BIN="$TMP/vg-rapport"
{
  echo '#!/usr/bin/env bash'
  printf 'exec valgrind --leak-check=full --show-leak-kinds=definite,indirect,possible '
  printf -- '--errors-for-leak-kinds=definite,indirect --error-exitcode=99 --track-origins=yes '
  printf -- '--num-callers=30 --suppressions=%q --log-file=%q %q "$@"\n' \
    "$SUPP" "$TMP/vg.%p.log" "$REAL_BIN"
} > "$BIN"
chmod +x "$BIN"

# Valgrind makes everything 20-50 times slower: every wait gets at least
# VG_WAIT seconds (lib.sh's waits default to 5).
VG_WAIT=${VG_WAIT:-60}
eval "_orig$(declare -f _poll)"
_poll() {
  local t=$1; shift
  [ "${t%.*}" -lt "$VG_WAIT" ] && t=$VG_WAIT
  _orig_poll "$t" "$@"
}

NAME="Zoë Ørsted"

# ---- the UI session -------------------------------------------------------
start_app --db "$DB"
ok "rapport started under valgrind"

# add a contact through the form
keys 2
wait_for "Press a to add your first contact"
keys a
wait_for "─ New contact ─"
wait_cursor_on "Name"
type_text "$NAME"
keys Tab
wait_cursor_on "Organisation"
type_text "Acme"
keys Enter
wait_line -1 "Saved $NAME"
wait_gone "─ New contact ─"
ok "added $NAME through the form"

# edit it
keys e
wait_for "─ Edit contact ─"
wait_cursor_on "Name $NAME"
keys Tab
wait_cursor_on "Organisation Acme"
keys C-e C-u
wait_for_re "Organisation *│"
type_text "Globex"
wait_cursor_on "Organisation Globex"
keys Enter
wait_gone "─ Edit contact ─"
wait_for_re "○ $NAME +Globex"
ok "edited the organisation"

# search
keys /
wait_for "─ Search ─"
type_text "zoe"
wait_for "Zoë Ørsted (Globex)"
keys Enter
wait_gone "─ Search ─"
ok "/ found the contact and jumped to it"

# a worksheet entry
keys 3
wait_for "Worksheet · 0 of 8 filled"
keys j j
wait_for "Nothing yet. Press a to add a superpower."
keys a
wait_for "─ New superpower ─"
type_text "Turn messy data into decisions"
keys C-s
wait_for "Saved “Turn messy data into decisions”"
wait_gone "─ New superpower ─"
ok "added a worksheet entry"

# a call with two notes, ended with C-x, the wrap-up skipped
keys 2
wait_for "Contacts 1 · by name"
keys c
wait_for "Not ready to call yet" # not ready: c asks first
keys y
wait_for " Call · $NAME (Globex)"
type_text "They onboard juniors in cohorts of six"
keys Enter
wait_for "They onboard juniors in cohorts of six"
type_text "! Idempotency keys are the whole game"
keys Enter
wait_for "Idempotency keys are the whole game"
keys C-x
wait_for "─ Wrap-up · $NAME · planned "
keys Escape
wait_gone "─ Wrap-up · $NAME · planned "
# skipping the wrap-up may offer the thank-you note: skip that too
if _poll 5 _screen_has "Thank-you to $NAME"; then
  keys Escape
  wait_gone "Thank-you to $NAME"
fi
ok "call with two notes ended, wrap-up skipped"

keys q
wait_for "EXITED:" 120
ui_status=$(cat "$TMP/status" 2>/dev/null)
assert_eq "journal holds the contact, the entry and two notes" "1/1/2" \
  "$(db_query 'SELECT (SELECT count(*) FROM contact), (SELECT count(*) FROM ws_item), (SELECT count(*) FROM note)' | tr '\t' /)"

# ---- CLI verbs ----------------------------------------------------------
run_cli() {  # run_cli DESC ARGS...: a CLI verb under valgrind, exit 0 or 1
  local desc=$1; shift
  "$BIN" --db "$DB" "$@" > "$TMP/cli.out" 2> "$TMP/cli.err"
  local rc=$?
  case $rc in
    0|1) ok "cli $desc (exit $rc)" ;;
    99) fail_later "cli $desc: valgrind reported errors (exit 99)" ;;
    *) fail_later "cli $desc: exit $rc: $(head -c 500 "$TMP/cli.err")" ;;
  esac
}
run_cli "add" add "Tom Okafor" --org Initech --how-known former-colleague
run_cli "list --format json" list --format json
run_cli "search" search idempot
run_cli "search (no match)" search zzzznothing
run_cli "export json" export json
run_cli "export json -o" export json -o "$TMP/export.json"
run_cli "agenda" agenda
run_cli "agenda --format json" agenda --format json
run_cli "show" show "$NAME"

# ---- the valgrind reports ----------------------------------------------
[ "$ui_status" = 0 ] || fail_later "UI session: exit status $ui_status (99 = valgrind errors)"
logs=("$TMP"/vg.*.log)
[ -e "${logs[0]}" ] || fail "no valgrind logs were written"
bad=0
for log in "${logs[@]}"; do
  # An error or leak record, or a nonzero summary; a log without the final
  # ERROR SUMMARY means the process did not finish under valgrind.
  if grep -Eq '== (Invalid (read|write|free)|Mismatched free|Conditional jump|Use of uninitialised|Syscall param|Source and destination overlap)|(definitely|indirectly) lost: [1-9]|ERROR SUMMARY: [1-9]' "$log" \
     || ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
    bad=$((bad + 1))
    echo "----- $log -----" >&2
    cat "$log" >&2
  fi
done
# VG_KEEP_LOGS=DIR keeps the logs for a closer look
[ -n "${VG_KEEP_LOGS:-}" ] && cp "${logs[@]}" "$VG_KEEP_LOGS"/
# the UI's heap at exit, for the record ("still reachable" is ncurses' own)
ui_log=$(grep -lE 'Command: [^ ]+ --db [^ ]+$' "${logs[@]}" | head -1)
[ -n "$ui_log" ] && grep -hE 'in use at exit|total heap usage|lost:|still reachable:|ERROR SUMMARY' "$ui_log" \
  | sed 's/^==[0-9]*== */  UI session: /'
if [ "$bad" -eq 0 ]; then
  ok "valgrind: no leaks or memory errors in ${#logs[@]} processes"
else
  fail_later "valgrind reported problems in $bad of ${#logs[@]} processes"
fi
finish
