#!/usr/bin/env bash
# The mouse in a real terminal. tmux's `send-keys -M` only replays real mouse
# events, so the clicks are written into the pane as the raw xterm report the
# terminal would send: ncurses with TERM=tmux-256color (kmous=\E[M) turns on
# mode 1000 and reads X10-encoded reports (ESC [ M b x y, each +32/+33); if the
# app asks for SGR reports (mode 1006) we send ESC [ < b ; x ; y M/m instead.
# Checked: a click on a list row selects it (the detail pane follows), the
# wheel scrolls, a click on a tab switches screens, a click on a form field
# moves there, and mouse reporting is switched off again on exit.
. "$(dirname "$0")/lib.sh" "$@"

for n in "Ana María 🌱" "Grace Hopper" "Zoë Ørsted" "李小龙"; do
  cli add "$n" >/dev/null || fail "seed $n failed"
done
for i in $(seq -w 1 30); do
  cli add "Person $i" --org "Org $i" >/dev/null || fail "seed Person $i failed"
done
ok "seeded 34 contacts"

# mouse_report BUTTON X Y PRESS(1)/RELEASE(0): write one report (0-based X, Y).
mouse_report() {
  local b=$1 x=$2 y=$3 press=$4
  if [ "$(tm display -p -t "$SESSION" '#{mouse_sgr_flag}')" = 1 ]; then
    raw_bytes "$(printf '\e[<%d;%d;%d%s' "$b" $((x + 1)) $((y + 1)) "$([ "$press" = 1 ] && echo M || echo m)")"
  else
    [ $((x + 33)) -lt 128 ] && [ $((y + 33)) -lt 128 ] || fail "X10 mouse report cannot reach $x,$y"
    [ "$press" = 1 ] || b=3                    # X10 release: button 3
    raw_bytes "$(printf '\e[M%b%b%b' "\\$(printf %03o $((b + 32)))" \
      "\\$(printf %03o $((x + 33)))" "\\$(printf %03o $((y + 33)))")"
  fi
}
click() { mouse_report 0 "$1" "$2" 1; mouse_report 0 "$1" "$2" 0; }
wheel_down() { mouse_report 65 "$1" "$2" 1; }
wheel_up() { mouse_report 64 "$1" "$2" 1; }

# detail_is NAME: wait until the detail pane header (row 2) shows NAME.
_detail_is() { screen_line 2 | grep -Eq -- "│ $1\$"; }
detail_is() { _poll 5 _detail_is "$1" || fail "detail pane does not show [$1]: [$(screen_line 2)]"; }

start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for_re "Contacts 34 · by name"
detail_is "Ana María 🌱"
[ "$(tm display -p -t "$SESSION" '#{mouse_any_flag}')" = 1 ] || fail "rapport did not turn on mouse reporting"
ok "rapport turned on mouse reporting ($(tm display -p -t "$SESSION" '#{?mouse_sgr_flag,SGR,X10}') reports)"

# ---- click on the 2nd row --------------------------------------------------------
y=$(( $(row_of "Grace Hopper") - 1 ))
click 5 "$y"
detail_is "Grace Hopper"
ok "click on the 2nd row selects Grace Hopper"

y=$(( $(row_of "Person 02") - 1 ))
click 30 "$y"                           # in the Organisation column of that row
detail_is "Person 02"
ok "click on the Organisation cell of a row selects that row"

# A click on the column header selects nothing: the wheel that follows moves
# 3 rows from Person 02 (events are handled in order, so no sleep is needed).
click 5 2

# ---- wheel -------------------------------------------------------------------------
wheel_down 5 10
detail_is "Person 05"
ok "click on the header kept the selection; wheel down in the list moves 3 rows"
wheel_up 5 10
detail_is "Person 02"
ok "wheel up moves back 3 rows"

# ---- tabs -----------------------------------------------------------------------------
line1=$(screen_line 1)
x=$(python3 -c 'import sys; print(sys.argv[1].index("3 Worksheet"))' "$line1")
click "$x" 0
wait_for "Worksheet · 0 of 8 filled"
ok "click on the 3 Worksheet tab switches screens"
x=$(python3 -c 'import sys; print(sys.argv[1].index("2 Contacts"))' "$line1")
click "$x" 0
wait_for_re "Contacts 34 · by name"
detail_is "Person 02"
ok "click on the 2 Contacts tab comes back with the selection kept"

# ---- form: click on a field ------------------------------------------------------------
keys a
wait_for "─ New contact ─"
wait_cursor_on "Name"
row=$(screen | grep -nE "│ +Organisation" | head -1 | cut -d: -f1)
[ -n "$row" ] || fail "the form's Organisation field is not on the screen"
y=$((row - 1))
x=$(python3 -c 'import sys; print(sys.argv[1].index("Organisation") + 14)' "$(screen_line $((y + 1)))")
click "$x" "$y"
wait_cursor_on "Organisation"
ok "click on the Organisation field moves the cursor there"
type_text "Clicked Org"
keys BTab
wait_cursor_on "Name"
type_text "Mouse Person"
keys Enter
wait_line -1 "Saved Mouse Person"
assert_eq "the clicked field got the text" "Clicked Org" "$(json_field "Mouse Person" org)"

# ---- exit: mouse reporting off again ----------------------------------------------------
quit_app
assert_eq "mouse reporting off after exit" 0 "$(tm display -p -t "$SESSION" '#{mouse_any_flag}')"
assert_eq "35 contacts, nothing changed by clicks" 35 "$(live_names | wc -l)"

finish
