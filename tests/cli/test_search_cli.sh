#!/usr/bin/env bash
# `rapport search` against a temporary journal: the exact table print-out
# (grouped by kind, matched words in [brackets]), the JSON (parsed with
# python3), accents and prefixes, FTS syntax taken literally, deleted
# contacts left out, an index that follows edits made with SQL, --limit, and
# the exit statuses (0 hits, 1 nothing matches, 2 bad usage, 3 the journal
# cannot be opened). Every check runs even when an earlier one fails;
# prints "N passed, M failed".
# Usage: bash test_search_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/search --python3 "$@"
export RAPPORT_NOW=1795000000 # 2026-11-18 08:26:40 (UTC)
# expect: on exit 1 or more nothing on stdout (the default)

help_lists search

# ---- a small journal ---------------------------------------------------------------
run add "Zoë Ørsted" --org "Acme Labs" --role "research lead" --tag oceans
expect 0
run add "Priya Shah" --org "Kelp Works"
expect 0
run add "Tom Okafor" --field transport
expect 0
run give Zoë --kind read --date 2026-03-01 "Read her kelp article"
expect 0
run conversation add Priya --at "2026-11-20 14:30" --objective "how kelp farms hire"
expect 0
run worksheet add superpower "Explaining kelp to farmers"
expect 0
sql "UPDATE contact SET notes = 'met at the kelp fair' WHERE name = 'Tom Okafor'"

# ---- the table ---------------------------------------------------------------------
run search kelp
expect 0
same "table" "$OUT" "Contacts
  Priya Shah (Kelp Works)
    Priya Shah · [Kelp] Works
  Tom Okafor
    transport · met at the [kelp] fair

Gives
  Gave to Zoë Ørsted on 2026-03-01
    Read her [kelp] article

Worksheet
  Worksheet · superpower
    Explaining [kelp] to farmers

Drafts and questions
  Call with Priya Shah on 2026-11-20
    how [kelp] farms hire"

# accents and case, prefixes, several words (all must match)
for q in zoe ZOE Zoë orsted Ørsted ørs "zo ac" "acme lab"; do
  run search "$q"
  expect 0
  has "$OUT" "  Zoë Ørsted (Acme Labs)"
done
run search zoe transport
expect 1 "rapport search: nothing matches 'zoe transport'"
run search research lead
expect 0
has "$OUT" "    [research] [lead] · oceans"

# FTS syntax is taken literally: no error
for q in '"' '"kelp' 'kelp*' 'NEAR(kelp' 'kelp OR' '(' 'a:b' '^kelp' "'"; do
  run search "$q"
  case $RC in 0 | 1) ok ;; *) bad "search [$q]: exit $RC ($ERR)" ;; esac
done
run search -- "-kelp" # after --: a word, not an option (and not an FTS negation)
expect 0

# ---- JSON --------------------------------------------------------------------------
run search kelp --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "json count" "$(py 'len(j)')" 5
eq "json kinds" "$(py '",".join(h["kind"] for h in j)')" "contact,contact,give,worksheet,draft"
eq "json give" "$(py '(j[2]["title"], j[2]["snippet"], j[2]["matched"], j[2]["contact"]["name"], j[2]["ref_id"])')" \
   "('Gave to Zoë Ørsted on 2026-03-01', 'Read her kelp article', ['kelp'], 'Zoë Ørsted', 1)"
eq "json worksheet" "$(py '(j[3]["contact"], j[3]["where"], j[3]["ref_id"] > 0)')" "(None, 'superpower', True)"
eq "json draft" "$(py '(j[4]["where"], j[4]["contact"]["id"])')" "('objective', 2)"

# ---- the index follows edits; deleted contacts are left out -------------------------
sql "UPDATE contact SET notes = 'now into trains' WHERE name = 'Tom Okafor'"
run search kelp --format json
printf '%s' "$OUT" >"$TMP/json"
eq "edit followed" "$(py 'len(j)')" 4
run search trains
expect 0
sql "UPDATE contact SET deleted_at = 1795000000, deleted_seq = 1 WHERE name = 'Priya Shah'"
run search kelp --format json
printf '%s' "$OUT" >"$TMP/json"
eq "deleted left out" "$(py '",".join(h["kind"] for h in j)')" "give,worksheet"
run search priya
expect 1 "nothing matches 'priya'"
sql "UPDATE contact SET deleted_at = NULL, deleted_seq = NULL WHERE name = 'Priya Shah'"
run search priya
expect 0

# ---- --limit -------------------------------------------------------------------------
run search kelp --limit 2
expect 0
eq "limit 2" "$(printf '%s\n' "$OUT" | grep -c '^  [^ ]')" 2
run search kelp --limit 0
expect 0
eq "limit 0 = all" "$(printf '%s\n' "$OUT" | grep -c '^  [^ ]')" 4

# ---- bad usage and a journal that cannot be opened ----------------------------------
run search
expect 2 "missing QUERY"
run search "  "
expect 2 "missing QUERY"
run search kelp --format xml
expect 2 "--format: 'xml' is not a format"
run search kelp --limit -1
expect 2 "--limit"
run search kelp --limit x
expect 2 "--limit"
printf 'not a journal' >"$TMP/bad.db"
"$BIN" --db "$TMP/bad.db" search kelp >"$TMP/out" 2>"$TMP/err"
eq "not a journal" "$?" 3

cli_end
