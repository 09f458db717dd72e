#!/usr/bin/env bash
# `rapport thanks NAME [--file FILE|-]`: the thank-you for the last call
# held with NAME and its verdict. Exit 0 specific, 1 not specific (the
# issue's "Hi Priya, thanks for your time! Best, Alex": her name, a
# greeting and a signature are no topic), 2 no conversation to thank for,
# an unknown NAME or bad usage. --file FILE and --file - (standard input)
# save the draft first; placeholders are never stored. Every check runs
# even when an earlier one fails; prints "N passed, M failed".
# Usage: bash test_thanks_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/thanks --python3 "$@"
export RAPPORT_NOW=1795000000 # 2026-11-18 08:26:40 (UTC)
CFG=$TMP/config.yaml
cat >"$CFG" <<'EOF'
followup:
  my_name: Alex Morgan
EOF
RAPPORT_ARGS=(--db "$DB" --config "$CFG")
EXPECT_QUIET_FROM=2 # exit 1 prints the draft and its verdict

run add "Priya Raman" --org CharityComms
expect 0
run add "Bo Chen"
expect 0
# Priya: an older call, then the last one held (with notes), then a planned one
sql "INSERT INTO conversation (id, contact_id, minutes, status, started_at, ended_at, objective,
       created_at, updated_at) VALUES
     (1, 1, 20, 'held', 1794000000, 1794001200, 'an old call', 0, 0),
     (2, 1, 20, 'held', 1794900000, 1794901200, NULL, 0, 0),
     (3, 1, 20, 'planned', NULL, NULL, 'the next call', 0, 0)"
sql "INSERT INTO note (conversation_id, offset_s, tag, text, created_at, updated_at) VALUES
     (2, 30, '', 'Priya said I should call her back', 0, 0),
     (2, 60, 'action', 'Build a portfolio of 3 field stories', 0, 0)"

# ---- the template draft: placeholders filled or removed --------------------
run thanks Priya
expect 1
has "$OUT" "Thank-you to Priya Raman · due 2026-11-18 · by email"
has "$OUT" "Hi Priya,"
has "$OUT" "Not specific: name something from the call, e.g. 'field stories'."
lacks "$OUT" "{"
eq "one thank-you, for the last call held" "$(q 'SELECT conversation_id FROM followup')" "2"
lacks "$(q 'SELECT draft FROM followup')" "{"
lacks "$(q 'SELECT draft FROM followup')" "understand" # no objective: its sentence is gone

# ---- --file -: the issue's generic thank-you --------------------------------
printf 'Hi Priya, thanks for your time! Best, Alex\n' >"$TMP/generic.txt"
run --in "$TMP/generic.txt" thanks "Priya Raman" --file -
expect 1
has "$OUT" "Hi Priya, thanks for your time! Best, Alex"
has "$OUT" "Not specific: name something from the call, e.g. 'field stories'."
eq "saved from stdin" "$(q 'SELECT draft FROM followup')" "Hi Priya, thanks for your time! Best, Alex"

# ---- --file FILE: a specific one --------------------------------------------
printf 'Dear Priya,\n\nI have started on the three field stories.\n\nAlex\n\n' >"$TMP/specific.txt"
run thanks Priya --file "$TMP/specific.txt"
expect 0
has "$OUT" "Specific: it names 'field stories' from your notes."
eq "saved from FILE, trailing blank lines dropped" "$(q 'SELECT draft FROM followup' | tail -1)" "Alex"
run thanks Priya
expect 0
has "$OUT" "I have started on the three field stories."
eq "still one thank-you" "$(q 'SELECT count(*) FROM followup')" "1"

# ---- no conversation, bad usage ---------------------------------------------
run thanks Bo
expect 2 "no conversation held yet"
eq "no thank-you made for Bo" "$(q 'SELECT count(*) FROM followup WHERE contact_id = 2')" "0"
run thanks Nobody
expect 2
run thanks
expect 2 "missing NAME"
run thanks Priya --file "$TMP/missing.txt"
expect 2 "no such file"
: >"$TMP/empty.txt"
run thanks Priya --file "$TMP/empty.txt"
expect 2 "is empty"
printf 'caf\xe9\n' >"$TMP/latin1.txt"
run thanks Priya --file "$TMP/latin1.txt"
expect 2 "not UTF-8"
eq "a refused file changes nothing" "$(q 'SELECT draft FROM followup' | tail -1)" "Alex"

# ---- help --------------------------------------------------------------------
help_lists thanks
run thanks --help
expect 0
has "$OUT" "Usage: rapport thanks NAME [--file FILE|-]"
cli_end
