#!/usr/bin/env bash
# Readiness before reaching out, as a user meets it: moving an unready
# contact to "asked" asks for confirmation listing what is missing (n keeps
# the form and changes nothing, y saves anyway); the Prep screen shows the
# checklist, starts the outreach draft from the template, flags a job
# request live, takes a clean draft from $EDITOR and ticks manual items;
# once everything is met, "asked" is saved without a question.
. "$(dirname "$0")/lib.sh" "$@"

mkdir -p "$HOME/.config/rapport"
cat > "$HOME/.config/rapport/config.yaml" <<'YAML'
readiness:
  manual:
    - key: why-them
      text: I can say in one sentence why I am asking this person
YAML
# $EDITOR: a script that replaces the text with a clean draft
cat > "$TMP/editor.sh" <<'SH'
#!/bin/sh
cat > "$1" <<'TXT'
Hi Zoë,

Ann suggested I get in touch. I read your post on idempotency keys and
it is the kind of work I hope to move into. Would you have 20 minutes
for a call in the next few weeks? Thank you either way,
Sam
TXT
SH
chmod +x "$TMP/editor.sh"
export EDITOR="$TMP/editor.sh"

cli add "Ann Friend" --org Acme --how-known friend >/dev/null || fail "seed failed"
cli add "Zoë Ørsted" --org Acme --introduced-by "Ann Friend" >/dev/null || fail "seed failed"
cli give "Zoë Ørsted" --kind read "Read her post on idempotency keys" >/dev/null \
  || fail "seed failed"

stage() { db_query "SELECT stage FROM contact WHERE name = 'Zoë Ørsted'"; }

# set_stage_asked: open the edit form on Zoë and move Stage to "asked".
set_stage_asked() {
  keys e
  wait_for "─ Edit contact ─"
  form_goto "Stage" 7
  keys Right Right
  wait_for "Stage ‹ asked ›"
  keys C-s
}

start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for "● Zoë Ørsted"
keys j
wait_line 2 "│ Zoë Ørsted"
wait_for_re "Reach out +not ready yet 3/10"
ok "the detail says: not ready yet 3/10"

# ---- "asked" while not ready: a question, n changes nothing -------------
set_stage_asked
wait_for "─ Not ready to ask yet ─"
for reason in "missing 7 of the 10" "✗ no superpower yet" "✗ no research notes on them yet" \
              "✗ no outreach draft yet" "✗ I can say in one sentence why"; do
  _screen_has "$reason" || fail "the confirmation lacks [$reason]"
done
ok "moving to asked lists what is missing"
keys n
wait_gone "─ Not ready to ask yet ─"
_screen_has "─ Edit contact ─" || fail "n closed the form"
assert_eq "n saved nothing" "giving" "$(stage)"
ok "n goes back to the form and changes nothing"

# y saves anyway
keys C-s
wait_for "─ Not ready to ask yet ─"
keys y
wait_line -1 "Saved Zoë Ørsted"
assert_eq "y saves the stage anyway" "asked" "$(stage)"
ok "y saves asked anyway"
quit_app

# ---- get ready: worksheet, research, draft, the manual item ----------------
cli worksheet add superpower "Untangling payment systems" \
  --evidence "Cut failed payouts by 40% at Shopco by rebuilding retries" >/dev/null
cli worksheet add problem "Payments that fail silently" >/dev/null
cli worksheet set want "Move from support into backend engineering on payments" >/dev/null
cli conversation add "Zoë Ørsted" --minutes 20 --objective "How she moved into payments" >/dev/null \
  || fail "conversation add failed"
for q in "What does a typical week look like for you?" "What do you wish you had known?" \
         "Who else should I talk to?"; do
  cli question add "Zoë Ørsted" "$q" >/dev/null || fail "question add failed"
done
start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for "● Zoë Ørsted"
keys j
wait_line 2 "│ Zoë Ørsted"
keys e
wait_for "─ Edit contact ─"
form_goto "Stage" 7
keys Left Left
wait_for "Stage ‹ giving ›"
form_goto "Research" 11
type_text "Writes about idempotency; talks at PyCon"
keys C-s
wait_line -1 "Saved Zoë Ørsted"
assert_eq "research saved" "Writes about idempotency; talks at PyCon" \
  "$(db_query "SELECT research FROM contact WHERE name = 'Zoë Ørsted'")"
wait_for "Research      Writes about"
ok "research notes are saved and shown under What I know about them"

keys p
wait_for " Prep · Zoë Ørsted (Acme)"
wait_for "not ready yet 8/10"
wait_for "✓ research notes on them"
wait_for "✗ an outreach draft that passes the ask"
wait_for "No draft yet"
wait_for "Objective: How she moved into payments"
wait_for "1 What does a typical week look like for"
wait_for "✓ an objective and at least three"
ok "p opens Prep: objective, questions, checklist with reasons, no draft yet"

keys Tab Tab
wait_for_re "│ Outreach draft · 0 words"
keys e
wait_for "Outreach draft · "
wait_for "Hi Zoë,"
wait_for "Ann suggested I get in touch"
wait_for "Untangling payment systems"
wait_for "Ask check: 1 finding"
wait_for "unfilled placeholder “{their_work}”"
ok "e starts the draft from the template, filled in; the unknown placeholder is flagged"
keys C-e Enter
type_text "PS: are you hiring?"
wait_for "Ask check: 2 findings"
wait_for "job request “are you hiring”"
ok "a job request is flagged as it is typed"
keys C-s
wait_line -1 "Saved the draft to Zoë Ørsted · ask check: 2 findings"
case "$(db_query "SELECT draft FROM contact WHERE name = 'Zoë Ørsted'")" in
  *"are you hiring"*) ok "the draft is saved with C-s" ;;
  *) fail "the draft was not saved" ;;
esac
cli ready "Zoë Ørsted" >"$TMP/ready.txt"
assert_eq "rapport ready exits 1 while the draft has findings" 1 "$?"
grep -q "job request\|unfilled placeholder" "$TMP/ready.txt" || fail "ready does not say why"

keys C-o
wait_for "Ask check: clean"
wait_line -1 "Saved the draft to Zoë Ørsted · ask check: clean"
wait_for "✓ an outreach draft that passes the ask"
ok "C-o takes a clean draft from \$EDITOR and the item is met"

# y copies the draft through OSC 52 (tmux keeps it as a paste buffer when
# set-clipboard is on)
tm set-option -s set-clipboard on
keys y
wait_line -1 "Copied the outreach draft to the clipboard"
copied() { tm show-buffer 2>/dev/null | grep -q "Ann suggested I get in touch. I read your post"; }
_poll 5 copied || fail "the clipboard (tmux buffer) lacks the draft: [$(tm show-buffer 2>&1)]"
ok "y copies the draft to the clipboard (OSC 52)"

keys End
keys Space
wait_line -1 "Ticked: I can say in one sentence"
wait_line 2 "ready 10/10"
assert_eq "the tick is in the journal" "why-them" \
  "$(db_query "SELECT key FROM ready_check")"
cli ready "Zoë Ørsted" >/dev/null
assert_eq "rapport ready exits 0 now" 0 "$?"
ok "Space ticks the manual item: ready 10/10"

# ---- ready: "asked" is saved at once ----------------------------------
keys 2
wait_for "Reach out     ready 10/10"
set_stage_asked
wait_line -1 "Saved Zoë Ørsted"
_screen_has "Not ready to ask yet" && fail "asked a question although ready"
assert_eq "asked saved" "asked" "$(stage)"
ok "when ready, asked is saved without a question"

quit_app
finish
