#!/usr/bin/env bash
# Help everywhere and leaving a call, in a real terminal (issue 20, points 2
# and 6): with help rebound to F2, a form's status bar says "F2 help" and
# F2 opens the form's keys while "?" types; the draft editor too. During a
# call C-g then 1 goes to Today, which says the call is in progress; the
# clock runs on, the half-typed line is kept, and 5 goes back.
. "$(dirname "$0")/lib.sh" "$@"

mkdir -p "$HOME/.config/rapport"
cat > "$HOME/.config/rapport/config.yaml" <<'YAML'
keys:
  global:
    help: ["?", F2]
YAML

cli add "Zoë Ørsted" --org Acme >/dev/null || fail "seed failed"

start_app --db "$DB"
keys 2
wait_for "Zoë Ørsted"

# ---- a form: the rebound help key ---------------------------------------
keys a
wait_for "─ New contact ─"
type_text "Ada?"
wait_for "Ada?"
wait_line -1 "F2 help"
_screen_has "? help" && fail "the form's status bar offers ? (which types)"
ok "a form's status bar says F2 help (help rebound), ? types"
keys F2
wait_for "─ Keys ─"
wait_for "In a form"
wait_for_re "│ F2 +show the keys"
ok "F2 opens the form's keys"
keys Escape
wait_gone "─ Keys ─"
keys F1
sleep 0.3
_screen_has "─ Keys ─" && fail "F1 still opens the help after it was rebound to F2"
ok "F1, no longer bound, does nothing"
keys Escape
wait_for "Discard"
keys y
wait_gone "─ New contact ─"

# ---- the draft editor on Prep --------------------------------------------
keys p
wait_for " Prep · Zoë Ørsted"
keys Tab Tab e
wait_for "editing"
type_text "Why?"
wait_line -1 "F2 help"
keys F2
wait_for "In a multi-line text"
keys Escape
wait_gone "─ Keys ─"
wait_for "Why?"
ok "F2 opens the draft editor's keys; ? types there"
keys Escape
wait_for "Discard"
keys y
wait_gone "editing"

# ---- leave a running call and come back ------------------------------------
keys c
wait_for "Not ready to call yet" # not ready: c asks first
keys y
wait_for " Call · Zoë Ørsted"
type_text "! budget every quarter"
keys Enter
wait_for "budget every quarter"
type_text "half typed 1q"
wait_for "› half typed 1q"
keys C-g
wait_line -1 "Go to which screen?"
keys 1
wait_for "call in progress with Zoë Ørsted: 5 goes back to it"
ok "C-g 1 goes to Today, which says the call is in progress"
sleep 2.2
keys 5
wait_for " Call · Zoë Ørsted"
wait_for "› half typed 1q"
wait_for "budget every quarter"
ok "5 goes back: the notes and the half-typed line are there"
keys Enter
# the line's time is from the start of the call: the clock ran while away
wait_for_re "^ 00:0[2-9] .*half typed 1q"
ok "the clock ran while Today was shown (the line is stamped 2 s or more later)"
assert_eq "both lines saved in the journal" 2 "$(db_query "SELECT count(*) FROM note")"
keys C-c
expect_exit 0
finish
