#!/usr/bin/env bash
# Issue 18: pasted text is text, never keys. In a real terminal (tmux,
# TERM=xterm-256color) rapport turns bracketed paste on, so tmux's
# `paste-buffer -p` wraps the text in ESC[200~ … ESC[201~ (tmux turns each
# line break into CR, as terminals do):
#   - a multi-line paste into the new contact's Name field is one line of
#     it: the line breaks do not save the form, nothing after them runs as
#     a key on the list;
#   - a paste into the call's notes line saves one note per line, the last
#     piece stays in the line;
#   - bracketed paste is off again around $EDITOR, while suspended (SIGTSTP)
#     and after quitting: checked in what rapport wrote to the terminal
#     (tmux pipe-pane), or with tmux's #{bracketed_paste_flag} where tmux
#     has it.
. "$(dirname "$0")/lib.sh" "$@"

PANE_TERM=xterm-256color
LOG="$TMP/tty.log"

cli add "Dan Reyes" --org Acme >/dev/null || fail "seed"

# tmux_paste TEXT: through tmux, bracketed when the application asked for it
tmux_paste() {
  printf '%s' "$1" > "$TMP/paste.txt"
  tm load-buffer -b p "$TMP/paste.txt" || fail "load-buffer"
  tm paste-buffer -p -b p -t "$SESSION" || fail "paste-buffer"
}

# mode_last: the last bracketed-paste switch rapport wrote (h on, l off, - none)
mode_last() {
  python3 - "$LOG" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read() if __import__("os").path.exists(sys.argv[1]) else b""
m = re.findall(rb"\x1b\[\?2004([hl])", data)
print(m[-1].decode() if m else "-")
PY
}
_mode_is() { [ "$(mode_last)" = "$1" ]; }
wait_mode() { _poll 5 _mode_is "$1" || fail "$2: the last bracketed-paste switch is [$(mode_last)], not [$1]"; }
log_mark() { wc -c < "$LOG" 2>/dev/null || echo 0; }

# an editor that says it ran, and changes nothing
cat > "$TMP/editor.sh" <<'SH'
#!/bin/sh
printf 'E2E-EDITOR-RAN\n'
sleep 0.3
exit 0
SH
chmod +x "$TMP/editor.sh"
export EDITOR="$TMP/editor.sh"

start_app --db "$DB"
tm pipe-pane -O -t "$SESSION" "cat >> $(printf %q "$LOG")" || fail "pipe-pane"

# ---- the new contact's Name field ----
keys 2
wait_for "Dan Reyes"
keys a
wait_for "New contact"
wait_cursor_on "Name"
tmux_paste $'Carol Study\nstudy notes\n'
wait_for "Name Carol Study study notes"
ok "a two-line paste is one line in the Name field"
_screen_has "New contact" || fail "the form closed: a pasted line break saved it"
assert_eq "nothing saved by the paste" 1 "$(db_query 'SELECT count(*) FROM contact')"
assert_eq "Dan untouched" "Dan Reyes" "$(db_query 'SELECT name FROM contact')"
keys Enter
wait_line -1 "Saved Carol Study study notes"
assert_eq "Enter saves the pasted name" "Carol Study study notes|Dan Reyes" \
  "$(db_query 'SELECT name FROM contact WHERE deleted_at IS NULL ORDER BY name' | paste -sd '|')"

# ---- on the list, a paste is ignored ----
tmux_paste $'sudo e\nd\n'
wait_line -1 "Pasted text ignored: no text field is open"
assert_eq "no contact deleted or changed" "Carol Study study notes|Dan Reyes" \
  "$(db_query 'SELECT name FROM contact WHERE deleted_at IS NULL ORDER BY name' | paste -sd '|')"
_screen_lacks "Edit contact" || fail "a pasted e opened a form"
ok "a paste on the Contacts list runs nothing"

# ---- $EDITOR: bracketed paste off while it runs, on again after ----
mark=$(log_mark)
keys e
wait_for "Edit contact"
keys C-o
wait_for "E2E-EDITOR-RAN"
wait_for "Edit contact"
python3 - "$LOG" "$mark" <<'PY' || fail "bracketed paste was not off around \$EDITOR"
import sys
data = open(sys.argv[1], "rb").read()[int(sys.argv[2]):]
ran = data.find(b"E2E-EDITOR-RAN")
off = data.rfind(b"\x1b[?2004l", 0, ran)
on = data.find(b"\x1b[?2004h", ran)
sys.exit(0 if ran > 0 and off >= 0 and on > ran and data.rfind(b"\x1b[?2004h", 0, ran) < off else 1)
PY
ok "bracketed paste off while \$EDITOR runs, on again after"
keys Escape
wait_gone "Edit contact"

# ---- the call's notes line: one note per pasted line ----
wait_line 2 "Carol Study study notes"   # the detail: she is selected
keys c
wait_for "Not ready to call yet" # not ready: c asks first
keys y
wait_for " Call · Carol Study study notes"
tmux_paste $'first pasted note\r\n! second, an insight\nhalf a li'
wait_for "insight  second, an insight"
wait_for "› half a li"
assert_eq "two notes saved from the paste" \
  "$(printf 'first pasted note\t\nsecond, an insight\tinsight')" \
  "$(db_query 'SELECT text, tag FROM note ORDER BY id')"
type_text "ne"
keys Enter
wait_for "half a line"
assert_eq "the unfinished line, finished by hand" 3 "$(db_query 'SELECT count(*) FROM note')"
ok "a paste into the notes line saves one note per line"

# ---- quit: bracketed paste off ----
keys C-c
expect_exit 0
flag=$(tm display -p -t "$SESSION" '#{bracketed_paste_flag}' 2>/dev/null)
if [ -n "$flag" ]; then
  assert_eq "tmux: bracketed paste off after quitting" 0 "$flag"
fi
wait_mode l "after quitting"
ok "bracketed paste turned off on exit"

# ---- suspend (SIGTSTP) in a job-control shell, then fg ----
tm kill-server >/dev/null 2>&1
rm -f "$SOCK_PATH" "$LOG"
tm new-session -d -s "$SESSION" -x "$COLS" -y "$ROWS" \
  "env TERM=$PANE_TERM PS1='E2E-PROMPT\$ ' bash --norc --noprofile --noediting -i" \
  \; set-option -g window-size manual || fail "could not start tmux"
wait_for "E2E-PROMPT"
tm pipe-pane -O -t "$SESSION" "cat >> $(printf %q "$LOG")" || fail "pipe-pane"
type_text "$(printf '%q ' "$BIN" --db "$DB")"
keys Enter
wait_for " 1 Today  2 Contacts" 10
wait_for "Interrupted call"  # the call left by C-c above: decide later
keys Escape
wait_gone "Interrupted call"
wait_mode h "at start"
pane_pid=$(tm display -p -t "$SESSION" '#{pane_pid}')
app_pid=$(pgrep -P "$pane_pid" -f rapport | head -1)
[ -n "$app_pid" ] || fail "could not find the rapport process"
kill -TSTP "$app_pid"
_stopped() { [ "$(ps -o stat= -p "$app_pid" | cut -c1)" = T ]; }
_poll 5 _stopped || fail "rapport did not stop on SIGTSTP"
wait_mode l "while suspended"
wait_for "E2E-PROMPT"
ok "SIGTSTP: stopped, terminal given back with bracketed paste off"
type_text "fg"
keys Enter
wait_for " 1 Today  2 Contacts"
wait_mode h "after fg"
tmux_paste $'Carol\n'
wait_line -1 "Pasted text ignored: no text field is open"
ok "fg: bracketed paste on again"
keys q
wait_gone " 1 Today  2 Contacts"
wait_mode l "after quitting from the shell"
finish
