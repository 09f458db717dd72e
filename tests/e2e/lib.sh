# tests/e2e/lib.sh — helpers for end-to-end tests: the real rapport binary in
# a private tmux server (a real terminal), checked through the captured screen
# and through the journal (CLI and python3's sqlite3 module).
#
# Usage, at the top of tests/e2e/test_x.sh:
#     . "$(dirname "$0")/lib.sh" "$@"     # $1 = path to the rapport binary
#
# What this gives every test:
#   - a private temporary HOME (XDG_* unset so the defaults apply), fixed TZ
#     and LANG, and a private tmux server (-L rapport-test-PID -f /dev/null);
#   - a cleanup trap that kills only that tmux server and removes the temp dir;
#   - polling helpers (wait_for, wait_gone, wait_line, wait_cursor_on): never
#     fixed sleeps as synchronisation;
#   - check counting: ok/fail/fail_later and finish, which prints
#     "e2e NAME: N checks passed" or exits non-zero.
#
# The app runs in the pane through a small wrapper that prints a marker on the
# normal screen, runs rapport, writes its exit status to $TMP/status, prints
# "EXITED:<status>" and then stays alive (sleep) so the screen after exit can
# be inspected: seeing the marker and EXITED on the same screen, without the
# tab bar, shows that the alternate screen was left and the terminal restored.

set -u

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
  echo "usage: bash $0 /path/to/rapport" >&2
  exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TEST_NAME=$(basename "$0" .sh)

for tool in tmux python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "e2e $TEST_NAME: $tool is needed" >&2; exit 2; }
done

export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME
unset TMUX TMUX_PANE NO_COLOR EDITOR VISUAL RAPPORT_NOW

TMP=$(mktemp -d "${TMPDIR:-/tmp}/rapport-e2e.XXXXXX")
export HOME="$TMP/home"
mkdir -m 700 "$HOME"
DB="$TMP/journal.db"          # the default for tests that pass --db "$DB"
SOCK="rapport-test-$$"
SESSION=e2e
COLS=100
ROWS=30
CHECKS=0
LATER_FAILS=0

# The terminal type inside the pane: tmux's own entry if this system has it.
if infocmp tmux-256color >/dev/null 2>&1; then PANE_TERM=tmux-256color
elif infocmp screen-256color >/dev/null 2>&1; then PANE_TERM=screen-256color
else PANE_TERM=screen
fi

tm() { tmux -L "$SOCK" -f /dev/null "$@"; }

# tmux leaves its socket file behind after kill-server: remove ours too.
SOCK_PATH="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"

cleanup() {
  tmux -L "$SOCK" kill-server >/dev/null 2>&1
  rm -f "$SOCK_PATH"
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# now_us: wall-clock time in microseconds.
now_us() { local t=${EPOCHREALTIME/,/.}; echo "${t/./}"; }

# ---- reporting ----------------------------------------------------------

# screen: the visible pane text, one line per row, trailing blanks trimmed.
screen() { tm capture-pane -p -t "$SESSION" 2>/dev/null; }

dump_screen() {
  echo "----- screen ($(tm display -p -t "$SESSION" '#{pane_width}x#{pane_height}, cursor #{cursor_y},#{cursor_x}' 2>/dev/null)) -----" >&2
  screen | awk '{ printf "%2d|%s\n", NR, $0 }' >&2
  echo "----- end of screen -----" >&2
}

# fail MSG: stop the test now, with the screen dumped.
fail() {
  echo "FAIL e2e $TEST_NAME: $*" >&2
  tm has-session -t "$SESSION" 2>/dev/null && dump_screen
  exit 1
}

# fail_later MSG: record a failure (an app bug) but go on checking the rest;
# finish then exits non-zero.
fail_later() {
  echo "FAIL e2e $TEST_NAME: $*" >&2
  tm has-session -t "$SESSION" 2>/dev/null && dump_screen
  LATER_FAILS=$((LATER_FAILS + 1))
}

# ok DESC: count a passed check.
ok() {
  CHECKS=$((CHECKS + 1))
  echo "ok $CHECKS - $*"
}

finish() {
  if [ "$LATER_FAILS" -gt 0 ]; then
    echo "e2e $TEST_NAME: $LATER_FAILS check(s) FAILED, $CHECKS passed" >&2
    exit 1
  fi
  echo "e2e $TEST_NAME: $CHECKS checks passed"
  exit 0
}

# assert_eq DESC EXPECTED GOT
assert_eq() {
  if [ "$2" = "$3" ]; then ok "$1"
  else fail "$1: expected [$2], got [$3]"
  fi
}

# assert_match DESC REGEX TEXT  (grep -E on the whole text)
assert_match() {
  if printf '%s\n' "$3" | grep -Eq -- "$2"; then ok "$1"
  else fail "$1: [$3] does not match /$2/"
  fi
}

# ---- the app in tmux ----------------------------------------------------

# start_app ARGS...: (re)start a private tmux server running rapport ARGS in a
# COLS x ROWS pane, and wait for the first screen (the tab bar).
start_app() {
  tm kill-server >/dev/null 2>&1
  rm -f "$SOCK_PATH"        # a fresh socket: never talk to a server still exiting
  rm -f "$TMP/status"
  {
    echo "export TERM=$PANE_TERM"
    echo "printf 'E2E-SHELL-BEFORE\\n'"
    printf '%q ' "$BIN" "$@"
    echo
    echo 'rc=$?'
    printf 'echo "$rc" > %q\n' "$TMP/status"
    echo 'echo "EXITED:$rc"'
    echo 'exec sleep 3600'
  } > "$TMP/run.sh"
  tm new-session -d -s "$SESSION" -x "$COLS" -y "$ROWS" "bash $(printf %q "$TMP/run.sh")" \
    \; set-option -g window-size manual \
    || fail "could not start tmux"
  wait_for " 1 Today  2 Contacts" 10
}

# keys KEY...: tmux key names (Enter, Escape, Tab, BTab, Up, Down, F4, C-l …).
keys() { tm send-keys -t "$SESSION" "$@"; }

# type_text TEXT: literal UTF-8 text.
type_text() { tm send-keys -t "$SESSION" -l -- "$1"; }

# raw_bytes TEXT: literal bytes into the pane's input (escape sequences).
raw_bytes() { tm send-keys -t "$SESSION" -l -- "$1"; }

resize() { tm resize-window -t "$SESSION" -x "$1" -y "$2"; }

pane_size() { tm display -p -t "$SESSION" '#{pane_width}x#{pane_height}'; }

# _poll TIMEOUT COMMAND...: run COMMAND every 0.05 s until it succeeds, for at
# most TIMEOUT whole seconds (all the wait_* helpers default to 5).
_poll() {
  local timeout=$1; shift
  local deadline=$(( $(now_us) + ${timeout%.*} * 1000000 ))
  while :; do
    "$@" && return 0
    [ "$(now_us)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}

_screen_has() { screen | grep -Fq -- "$1"; }
_screen_lacks() { ! screen | grep -Fq -- "$1"; }
_screen_re() { screen | grep -Eq -- "$1"; }
_line_has() { screen_line "$1" | grep -Fq -- "$2"; }
_cursor_on() { cursor_line | grep -Fq -- "$1"; }

# wait_for TEXT [TIMEOUT]: until the screen contains TEXT (fixed string).
wait_for() {
  _poll "${2:-5}" _screen_has "$1" || fail "timed out waiting for [$1] on the screen"
}

# wait_for_re REGEX [TIMEOUT]
wait_for_re() {
  _poll "${2:-5}" _screen_re "$1" || fail "timed out waiting for /$1/ on the screen"
}

# wait_gone TEXT [TIMEOUT]: until the screen no longer contains TEXT.
wait_gone() {
  _poll "${2:-5}" _screen_lacks "$1" || fail "timed out waiting for [$1] to go away"
}

# screen_line N: row N of the screen (1 = top; -1 = bottom row).
screen_line() {
  local n=$1
  if [ "$n" -lt 0 ]; then
    local h; h=$(tm display -p -t "$SESSION" '#{pane_height}')
    n=$((h + 1 + n))
  fi
  screen | sed -n "${n}p"
}

# wait_line N TEXT [TIMEOUT]: until row N contains TEXT (e.g. -1 status bar).
wait_line() {
  _poll "${3:-5}" _line_has "$1" "$2" || fail "timed out waiting for [$2] on row $1"
}

# cursor_line: the screen row that holds the cursor (in a form: the field
# being edited, with its label).
cursor_line() {
  local y; y=$(tm display -p -t "$SESSION" '#{cursor_y}')
  screen_line $((y + 1))
}

# wait_cursor_on TEXT: until the cursor is on a row containing TEXT.
wait_cursor_on() {
  _poll "${2:-5}" _cursor_on "$1" || fail "timed out waiting for the cursor on a row with [$1] (cursor row: [$(cursor_line)])"
}

# wait_cursor_shown 1|0: until the terminal cursor is visible (1: typing in a
# field or the filter) or hidden (0: moving in lists).
_cursor_flag_is() { [ "$(tm display -p -t "$SESSION" '#{cursor_flag}')" = "$1" ]; }
wait_cursor_shown() {
  _poll "${2:-5}" _cursor_flag_is "$1" || fail "timed out waiting for cursor_flag=$1"
}

# form_goto LABEL N: from the current field, press Down N times and wait until
# the cursor is on the row labelled LABEL.
form_goto() {
  local label=$1 n=$2 i
  for ((i = 0; i < n; i++)); do keys Down; done
  wait_cursor_on "$label"
}

# row_of TEXT: the 1-based screen row of the first line containing TEXT.
row_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1; }

# quit_app: press q, then check that rapport exited 0 and gave the terminal
# back: the normal screen (with the line the shell printed before rapport)
# is shown again and the tab bar is gone.
quit_app() {
  keys q
  expect_exit 0
}

# expect_exit STATUS: rapport has ended with STATUS and restored the terminal.
expect_exit() {
  wait_for "EXITED:" 5
  local got; got=$(cat "$TMP/status" 2>/dev/null)
  [ "$got" = "$1" ] || fail "rapport exit status: expected $1, got [$got]"
  ok "rapport exited with status $1"
  wait_for "EXITED:$1"
  _screen_has "E2E-SHELL-BEFORE" || fail "the normal screen was not restored after exit"
  _screen_lacks "2 Contacts  3 Worksheet" || fail "the tab bar is still on the screen after exit"
  ok "terminal restored after exit (normal screen back, tab bar gone)"
}

# ---- the journal --------------------------------------------------------

# cli ARGS...: rapport --db "$DB" ARGS...
cli() { "$BIN" --db "$DB" "$@"; }

# db_query SQL [DBFILE]: rows tab-separated, NULL printed as NULL.
db_query() {
  python3 - "${2:-$DB}" "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("PRAGMA busy_timeout = 5000")
for row in con.execute(sys.argv[2]):
    print("\t".join("NULL" if v is None else str(v) for v in row))
PY
}

# json_field NAME FIELD [DBFILE]: one field of the (live) contact NAME from
# `rapport list --format json`; null → "null", lists joined with ",",
# introduced_by → the introducer's name; "<missing>" if there is no such contact.
json_field() {
  "$BIN" --db "${3:-$DB}" list --format json | python3 -c '
import json, sys
name, field = sys.argv[1], sys.argv[2]
for c in json.load(sys.stdin):
    if c["name"] == name:
        v = c[field]
        if v is None: print("null")
        elif isinstance(v, list): print(",".join(v))
        elif isinstance(v, dict): print(v["name"])
        elif isinstance(v, bool): print("true" if v else "false")
        else: print(v)
        break
else:
    print("<missing>")
' "$1" "$2" || fail "rapport list --format json failed"
}

# live_names [DBFILE]: names of live contacts, one a line, from `list --format tsv`.
live_names() {
  "$BIN" --db "${1:-$DB}" list --format tsv | tail -n +2 | cut -f2
}
