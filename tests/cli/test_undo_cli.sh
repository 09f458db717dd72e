#!/usr/bin/env bash
# `rapport undo` and `rapport redo`: each verb that writes is one step,
# undone last first with what it was; a follow-up marked done comes back
# open; redo makes it again; a new change clears the redo; nothing to undo
# is exit 1; a step changed since outside rapport is refused (exit 2) and
# nothing changes; verbs that only read make no step.
# Usage: bash test_undo_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/undo --python3 "$@"

run undo
expect 1 "rapport undo: nothing to undo"
run --create add "Priya Raman" --org Acme
expect 0
run followup add "Priya Raman" --kind check-in --due 2026-12-01
expect 0
FID=$OUT
run followup done "$FID"
expect 0
eq "done" "$(q "SELECT status FROM followup")" "done"
run list
run agenda
run undo
expect 0
same "undo says what" "undid: rapport followup done $FID"
eq "back to open" "$(q "SELECT status || '|' || coalesce(done_at, '-') FROM followup")" "open|-"
run redo
expect 0
same "redo says what" "redid: rapport followup done $FID"
eq "done again" "$(q "SELECT status FROM followup")" "done"
run redo
expect 1 "rapport redo: nothing to redo"

# back to the start, step by step; a new change then clears the redo
run undo
run undo
same "the follow-up" "undid: rapport followup add Priya Raman --kind check-in --due 2026-12-01"
eq "no follow-up" "$(q "SELECT count(*) FROM followup")" "0"
run add "Ana Lima"
expect 0
run redo
expect 1 "nothing to redo"
run undo
same "the last add" "undid: rapport add Ana Lima"
run undo
same "the first add" "undid: rapport add Priya Raman --org Acme"
eq "empty" "$(q "SELECT count(*) FROM contact")" "0"
run undo
expect 1 "nothing to undo"
run redo
expect 0
eq "Priya is back, same id" "$(q "SELECT id || ' ' || name || ' ' || org FROM contact")" "1 Priya Raman Acme"

# changed since outside rapport: refused, nothing changes
run add "Ben Okafor" --org Initech
sql "UPDATE contact SET org = 'Globex' WHERE name = 'Ben Okafor'"
sql "DELETE FROM contact WHERE name = 'Ben Okafor'"
run undo
expect 2 "rapport undo: cannot undo \"rapport add Ben Okafor --org Initech\"" "changed again since"
eq "Priya untouched" "$(q "SELECT count(*) FROM contact")" "1"

# help
help_lists undo redo
cli_end
