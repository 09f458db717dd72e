#!/usr/bin/env bash
# Keys in any terminal (issue 20, point 1): under TERM=xterm-256color,
# tmux-256color, screen, xterm and linux, Home/End/PgUp/PgDn/F1 do what
# they say whichever form the terminal sends them in (ESC[1~ ESC[4~ ESC[7~
# ESC[8~ ESC[H ESC[F ESCOH ESCOF, ESC[11~, ESC[[A, with modifiers); an
# escape sequence rapport does not know types nothing and is never split
# into keys (End was ESC [ 4 ~: "4" went to Prep, or "4~" was typed).
. "$(dirname "$0")/lib.sh" "$@"

cli add "Ada Lovelace" --org "Analytical Engines" >/dev/null || fail "seed failed"
cli add "Bob Brown" --org Acme >/dev/null || fail "seed failed"
cli add "Zoë Ørsted" --org Acme >/dev/null || fail "seed failed"

E=$'\033'

# on_contact NAME WHAT: the detail pane shows NAME (the selected row) and the
# screen is still Contacts. (The divider is │, or x where tmux keeps the
# line-drawing set of TERM=xterm*/linux as letters in its capture.)
_detail_is() { screen_line 2 | grep -Eq -- "[│x] $1\$"; }
on_contact() {
  if ! _poll 3 _detail_is "$1"; then fail "$TERM_NOW: $2: the selection is not on $1"; fi
  _screen_re "Contacts 3 · by name" || fail "$TERM_NOW: $2: left the Contacts screen"
  ok "$TERM_NOW: $2 selects $1 on Contacts"
}

run_term() {
  TERM_NOW=$1
  PANE_TERM=$1
  start_app --db "$DB"
  keys 2
  wait_for_re "Contacts 3 · by name"
  on_contact "Ada Lovelace" "the start"

  # tmux's own Home/End (ESC[1~ / ESC[4~ whatever the pane's TERM)
  keys End
  on_contact "Zoë Ørsted" "End"
  keys Home
  on_contact "Ada Lovelace" "Home"
  # every other common form, sent as raw bytes: End forms and Home forms
  # in turn
  ends=("[4~" "[8~" "[F" "OF" "[1;5F" "[4;2~" "[8^")
  homes=("[1~" "[7~" "[H" "OH" "[1;5H" "[1;3~" "[7^")
  for i in "${!ends[@]}"; do
    raw_bytes "$E${ends[$i]}"
    on_contact "Zoë Ørsted" "ESC${ends[$i]} (End)"
    raw_bytes "$E${homes[$i]}"
    on_contact "Ada Lovelace" "ESC${homes[$i]} (Home)"
  done
  keys PgUp
  on_contact "Ada Lovelace" "PgUp"
  keys PgDn
  on_contact "Zoë Ørsted" "PgDn"
  raw_bytes "${E}[5~"
  on_contact "Ada Lovelace" "ESC[5~ (PgUp)"

  # unknown sequences do nothing at all: no screen switch, no selection
  # move, no help ("?" from ESC[?1;2c), nothing typed
  for seq in "[99~" "[1;5Y" "[?1;2c" "[I" "OZ"; do raw_bytes "$E$seq"; done
  keys Down
  on_contact "Bob Brown" "Down after five unknown sequences"
  _screen_has "any other key closes" && fail "$TERM_NOW: an unknown sequence opened the help"
  keys Up
  on_contact "Ada Lovelace" "Up"

  # F1 in each form opens the help
  for seq in "OP" "[11~" "[[A" "[1;2P"; do
    raw_bytes "$E$seq"
    wait_for "any other key closes"
    # its box is drawn in Unicode lines, not the alternate character set
    # (ESC ( 0, shown as "lqqk" by terminals and multiplexers that lack it)
    wait_for "─ Keys ─"
    keys Escape
    wait_gone "any other key closes"
    ok "$TERM_NOW: ESC$seq opens the help (F1), its box in Unicode lines"
  done

  # the search box: Home/End move in the query, the box stays open
  keys /
  wait_for " Search "
  type_text "Lovel"
  keys Home
  keys End
  raw_bytes "${E}[7~"
  raw_bytes "${E}[99~"
  type_text "x"
  wait_for "/ xLovel"
  _screen_has " Search " || fail "$TERM_NOW: the search box closed"
  ok "$TERM_NOW: Home/End in the search box keep the query; ESC[99~ types nothing"
  keys Escape
  wait_gone " Search "

  # the draft editor on Prep: End goes to the end of the line, types nothing
  keys p
  wait_for " Prep · Ada Lovelace"
  keys Tab Tab e   # the draft has the focus after the questions and the checklist
  wait_cursor_shown 1
  type_text "Dear"
  keys End
  type_text "Q"
  raw_bytes "${E}[4~"
  raw_bytes "${E}[99~"
  raw_bytes "${E}[F"
  type_text "W"
  wait_for_re "QW"
  _screen_has "4~" && fail "$TERM_NOW: End typed 4~ into the draft"
  _screen_has "99~" && fail "$TERM_NOW: ESC[99~ typed into the draft"
  ok "$TERM_NOW: End in the draft editor moves, types nothing (QW at the line end)"
  keys Escape
  wait_for "Discard changes?"
  keys y
  wait_gone "Discard changes?"
  keys q
  wait_for "EXITED:0" # (TERM=linux has no alternate screen: nothing to restore)
  ok "$TERM_NOW: q quits"
}

for t in xterm-256color tmux-256color screen xterm linux; do
  if infocmp "$t" >/dev/null 2>&1; then
    run_term "$t"
  else
    echo "# skipped TERM=$t: no terminfo entry on this system"
  fi
done

finish
