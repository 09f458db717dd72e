#!/usr/bin/env bash
# Unix manners (issue 20, point 10): C-z suspends rapport from an
# interactive shell (the normal screen and the prompt come back), `fg`
# brings the screen back as it was, with a half-typed form still there and
# the keys working; a fatal error (here SIGABRT, which is how an
# out-of-memory abort ends) gives the terminal back before the process
# dies: normal screen, cursor on, mouse reporting off.
. "$(dirname "$0")/lib.sh" "$@"

# start_shell: a private tmux server running an interactive bash (job
# control on) with a known prompt.
start_shell() {
  tm kill-server >/dev/null 2>&1
  rm -f "$SOCK_PATH"
  {
    echo "PS1='E2E-PROMPT\$ '"
    echo "export TERM=$PANE_TERM"
    echo "unset PROMPT_COMMAND"
  } > "$TMP/bashrc"
  tm new-session -d -s "$SESSION" -x "$COLS" -y "$ROWS" \
    "bash --noprofile --rcfile $(printf %q "$TMP/bashrc") -i" \
    \; set-option -g window-size manual || fail "could not start tmux"
  wait_for 'E2E-PROMPT$'
}

pane_flag() { tm display -p -t "$SESSION" "#{$1}"; }
_flag_is() { [ "$(pane_flag "$1")" = "$2" ]; }
wait_flag() {
  _poll 5 _flag_is "$1" "$2" || fail "timed out waiting for $1=$2 (it is $(pane_flag "$1"))"
}

cli add "Ada Lovelace" --org "Analytical Engines" >/dev/null || fail "seed failed"

start_shell
type_text "$BIN --db $DB"
keys Enter
wait_for " 1 Today  2 Contacts"
wait_flag alternate_on 1

# ---- C-z in the middle of a form, then fg ------------------------------------
keys 2
wait_for_re "Contacts 1 · by name"
keys a
wait_for "New contact"
type_text "Grace"
wait_for "Grace"
keys C-z
wait_for "Stopped"
wait_flag alternate_on 0
wait_gone " 1 Today  2 Contacts"
wait_flag cursor_flag 1
wait_flag mouse_any_flag 0
ok "C-z: rapport stops, the shell's normal screen is back (cursor on, mouse off)"

type_text "fg"
keys Enter
wait_for " 1 Today  2 Contacts"
wait_flag alternate_on 1
wait_for "New contact"
wait_for "Grace"
ok "fg: the screen comes back with the half-typed form"
type_text " Hopper"
keys Enter
wait_line -1 "Saved Grace Hopper"
assert_eq "the form typed after fg is saved" "Analytical Engines" "$(json_field "Ada Lovelace" org)"
[ "$(json_field "Grace Hopper" name)" = "Grace Hopper" ] || fail "Grace Hopper not saved after fg"
ok "keys work after fg (raw mode back): Grace Hopper saved"

# C-z again from a list; the terminal is resized while the shell has it;
# fg draws at the new size
keys C-z
wait_for_re "Stopped.*(sh|rapport)"
wait_flag alternate_on 0
resize 80 24
_poll 3 eval '[ "$(pane_size)" = 80x24 ]' || fail "tmux did not resize to 80x24"
type_text "fg"
keys Enter
wait_for " 1 Today  2 Contacts"
wait_for_re "5 Call +rapport$"
# " rapport " ends the tab bar at the right edge (its last blank is trimmed)
assert_eq "the tab bar is 80 columns wide after fg" 79 "$(screen_line 1 | python3 -c 'import sys; print(len(sys.stdin.read().rstrip("\n")))')"
ok "resized while suspended: fg redraws at 80x24"
keys q
wait_flag alternate_on 0
wait_gone " 1 Today  2 Contacts"
type_text 'echo "ST=$?"'
keys Enter
wait_for "ST=0"
ok "after a second C-z and fg, q quits with status 0"

# ---- a fatal error gives the terminal back -------------------------------------
type_text "clear"
keys Enter
wait_gone "ST=0"
# the pid of rapport itself (sh execs it): the test signals that process only
type_text "sh -c 'echo \$\$ > $TMP/pid; exec $BIN --db $DB'; echo \"RC=\$?\""
keys Enter
wait_for " 1 Today  2 Contacts"
wait_flag alternate_on 1
keys 2
wait_for_re "Contacts 2 · by name"
kill -ABRT "$(cat "$TMP/pid")" || fail "could not signal rapport"
wait_for "RC=134"
wait_flag alternate_on 0
wait_flag cursor_flag 1
wait_flag mouse_any_flag 0
_screen_has " 1 Today  2 Contacts" && fail "the full screen is still shown after the abort"
ok "an abort gives the terminal back: normal screen, cursor on, mouse off"

finish
