#!/usr/bin/env bash
# `rapport draft check [FILE|-]`: the findings printed for a small draft,
# standard input, a clean draft, a config with its own phrases, and the exit
# statuses (0 clean, 1 findings, 2 bad usage, unreadable or not UTF-8). The
# journal is never opened. Every check runs even when an earlier one fails;
# prints "N passed, M failed".
# Usage: bash test_draft_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/draft "$@"
EXPECT_QUIET_FROM=2 # exit 1 prints the findings on stdout
EXPECT_STDERR=lines # each message is a whole line of stderr

# ---- a draft with one of everything ------------------------------------
cat >"$TMP/draft.txt" <<'EOF'
Hi {name},

Zoë suggested I write. Could I pick your
brain? I am looking for a job at Acme,
and I have attached my CV. Maybe you could
pass my resume to your boss.
EOF
# in text order: line, then column
WANT='1:4: placeholder: "{name}" — Replace {name} with the real text, or delete it.
3:32: pick-brain: "pick your brain" — Say what you want to learn and why you are asking them, instead.
4:13: job-request: "looking for a job" — Ask for information and advice, not a job: a hidden job request breaks trust.
5:12: resume: "attached my CV" — Don'"'"'t send a resume unless they ask for it.
6:1: second-favour: "pass my resume" — One favour at a time: if you want an introduction, that is a different conversation.'
run draft check "$TMP/draft.txt"
expect 1
eq "findings" "$OUT" "$WANT"
eq "findings: stderr" "$ERR" ""
run --in "$TMP/draft.txt" draft check -
expect 1
eq "stdin -" "$OUT" "$WANT"
run --in "$TMP/draft.txt" draft check
expect 1
eq "stdin, no FILE" "$OUT" "$WANT"

# ---- clean ---------------------------------------------------------------
cat >"$TMP/clean.txt" <<'EOF'
Hi Maya,

I'd love to hear how you moved from nursing into health-tech research.
Would you have 20 minutes in the next few weeks?
EOF
run draft check "$TMP/clean.txt"
expect 0
eq "clean: stdout" "$OUT" ""
eq "clean: stderr" "$ERR" ""
printf '' >"$TMP/empty.txt"
run draft check "$TMP/empty.txt"
expect 0

# ---- the word limit --------------------------------------------------------
: >"$TMP/long.txt"
for i in $(seq 1 151); do printf 'word%d ' "$i" >>"$TMP/long.txt"; done
run draft check "$TMP/long.txt"
expect 1
eq "too long" "$OUT" '1:1093: length: "151 words" — Keep it to 150 words or fewer: their time is gold.'

# ---- the config's own phrases ---------------------------------------------
cat >"$TMP/config.yaml" <<'EOF'
ask_check:
  max_words: 20
  categories:
    - key: salary
      label: salary question
      suggestion: Leave pay for a later conversation.
      phrases: ["how much do you earn", "CAFÉ crème"]
EOF
printf 'Tell me: how much do\nyou EARN? Then a café Crème.\n' >"$TMP/salary.txt"
run --config "$TMP/config.yaml" draft check "$TMP/salary.txt"
expect 1
eq "custom phrases" "$OUT" '1:10: salary: "how much do you EARN" — Leave pay for a later conversation.
2:18: salary: "café Crème" — Leave pay for a later conversation.'
# the shipped categories are replaced
run --config "$TMP/config.yaml" draft check "$TMP/clean.txt"
expect 1
eq "custom limit" "$OUT" '4:30: length: "24 words" — Keep it to 20 words or fewer: their time is gold.'
printf 'Are you hiring?\n' >"$TMP/hiring.txt"
run --config "$TMP/config.yaml" draft check "$TMP/hiring.txt"
expect 0
printf 'ask_check:\n  max_words: 10\n' >"$TMP/bad.yaml"
run --config "$TMP/bad.yaml" draft check "$TMP/clean.txt"
expect 2 "rapport: $TMP/bad.yaml:2:14: max_words must be a whole number from 20 to 2000, not '10'"

# ---- usage and input errors ------------------------------------------------
run draft
expect 2 "rapport draft: missing subcommand (rapport draft check [FILE|-]); allowed: check"
run draft lint "$TMP/draft.txt"
expect 2 "rapport draft: unknown subcommand 'lint'; allowed: check"
run draft check "$TMP/draft.txt" "$TMP/clean.txt"
expect 2 "rapport draft: give at most one FILE (or - for standard input)"
run draft check --fix "$TMP/draft.txt"
expect 2 "rapport draft: unknown option '--fix'; allowed: none"
run draft check "$TMP/missing.txt"
expect 2 "rapport draft: cannot read $TMP/missing.txt: No such file or directory"
run draft check "$TMP"
expect 2 "rapport draft: cannot read $TMP: is a folder, not a file"
printf 'Hi Ana,\nna\xefve\n' >"$TMP/latin1.txt"
run draft check "$TMP/latin1.txt"
expect 2 "rapport draft: $TMP/latin1.txt:2:3: not valid UTF-8; save the draft as UTF-8"
run --in "$TMP/latin1.txt" draft check -
expect 2 "rapport draft: standard input:2:3: not valid UTF-8; save the draft as UTF-8"
run help draft
expect 0
printf '%s\n' "$OUT" | grep -Fxq 'Usage: rapport draft check [FILE|-]' && ok || bad "help draft: [$OUT]"

# the journal is never created
[ ! -e "$DB" ] && ok || bad "draft check created the journal"

cli_end
