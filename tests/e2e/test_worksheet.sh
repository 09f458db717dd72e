#!/usr/bin/env bash
# The worksheet through the UI: a superpower with evidence typed in the form
# is in `rapport worksheet --format json`; a superpower that only restates its
# title is marked "needs evidence"; the pitch edited in $VISUAL (a test editor
# script, given a private temp file that is removed afterwards) is saved and
# timed; everything is still there after a restart.
. "$(dirname "$0")/lib.sh" "$@"

ws_json() {
  cli worksheet --format json | python3 -c "$1" || fail "rapport worksheet --format json failed"
}

# The test editor: records the file it was given and its mode, writes a pitch.
EDITOR_LOG="$TMP/editor.log"
cat > "$TMP/editor.sh" <<SH
#!/bin/sh
echo "\$1" > "$EDITOR_LOG"
stat -c %a "\$1" >> "$EDITOR_LOG"
printf '%s\n' "I turn messy data into decisions: at Acme I built the churn model that kept 2,000 customers. Now I am exploring product research." > "\$1"
SH
chmod +x "$TMP/editor.sh"
export VISUAL="$TMP/editor.sh"

start_app --db "$DB"
keys 3
wait_for "Worksheet · 0 of 8 filled"
wait_for "what I want is not written yet"
ok "3 opens the worksheet; the header says what is missing"

# ---- a superpower with evidence ---------------------------------------------
keys j j
wait_for "Nothing yet. Press a to add a superpower."
keys a
wait_for "─ New superpower ─"
type_text "Turn messy data into decisions"
keys Tab
type_text "Built the churn model that kept 2,000 Acme customers in 2024"
keys Enter
type_text "(the retention team still uses it)."
keys C-s
wait_for "Saved “Turn messy data into decisions”"
wait_gone "─ New superpower ─"
ok "the superpower form saves with C-s (Enter made a new line)"
got=$(ws_json '
import json, sys
w = json.load(sys.stdin)
s = w["superpowers"]
assert len(s) == 1, s
print(s[0]["title"] + "|" + s[0]["evidence"] + "|" + str(s[0]["needs_evidence"]))')
assert_eq "superpower in the JSON" \
  "Turn messy data into decisions|Built the churn model that kept 2,000 Acme customers in 2024
(the retention team still uses it).|False" "$got"

# ---- one that only restates its title ----------------------------------------
keys a
wait_for "─ New superpower ─"
type_text "Strong communicator"
keys Tab
type_text "communicator, strong!"
keys C-s
wait_for "Saved “Strong communicator”"
wait_for "needs evidence"
ok "a superpower whose evidence restates the title is marked needs evidence"
assert_eq "needs_evidence in the JSON" "True" "$(ws_json '
import json, sys
print([s["needs_evidence"] for s in json.load(sys.stdin)["superpowers"] if s["title"] == "Strong communicator"][0])')"

# ---- the pitch in $VISUAL --------------------------------------------------
keys Escape                      # back to the sections
for _ in 1 2 3; do keys j; done  # Superpowers → Problems → Skills → Pitch
wait_for "Nothing written yet. Press e/Enter to write it"
keys Tab C-o
wait_for "Saved 30-second pitch"
wait_for "I turn messy data into decisions"
wait_for "23 words · about 10 s of 30 s"
ok "C-o runs \$VISUAL on the pitch, saves it and times it"
[ -s "$EDITOR_LOG" ] || fail "the test editor did not run"
tmpfile=$(sed -n 1p "$EDITOR_LOG")
assert_eq "the editor's temp file is private" "600" "$(sed -n 2p "$EDITOR_LOG")"
[ ! -e "$tmpfile" ] || fail "the editor's temp file $tmpfile was not removed"
ok "the editor's temp file is removed afterwards"
assert_eq "pitch in the JSON" \
  "I turn messy data into decisions: at Acme I built the churn model that kept 2,000 customers. Now I am exploring product research.|23" \
  "$(ws_json 'import json,sys; w=json.load(sys.stdin); print(w["pitch"] + "|" + str(w["pitch_words"]))')"

# ---- after a restart --------------------------------------------------------
quit_app
start_app --db "$DB"
keys 3
wait_for "Worksheet · 2 of 8 filled"
keys j j
wait_for "Turn messy data into decisions"
wait_for "Strong communicator"
ok "the worksheet is all there after a restart"
cli worksheet | grep -q "^## Superpowers" || fail "the Markdown print-out has no Superpowers section"
cli worksheet | grep -qF "Turn messy data into decisions" || fail "the Markdown print-out lacks the superpower"
ok "the Markdown print-out has the superpower"
quit_app
finish
