#!/usr/bin/env bash
# `rapport import csv|linkedin|vcard` against a temporary journal: what the
# file was found to be and the summary line, a second import that adds
# nothing, standard input, warnings for odd values, --dry-run, --encoding,
# a structurally broken file
# that adds nothing (exit 2, FILE:LINE: what is wrong), --skip-bad listing
# the skipped rows, the how-known from the config, usage errors, and the
# journal that cannot be opened (exit 3). Every check runs even when an
# earlier one fails; prints "N passed, M failed".
# Usage: bash test_import_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/import --python3 "$@"
DATA=$(cd "${BASH_SOURCE[0]%/*}/../unit/data/import" && pwd)
cp "$DATA"/*.csv "$DATA"/*.vcf "$TMP"/
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
cd "$TMP" || exit 2 # messages name the files as given

help_lists import

# ---- LinkedIn ------------------------------------------------------------------------
RAPPORT_ARGS=(--create --db "$DB")
run import linkedin connections.csv
RAPPORT_ARGS=(--db "$DB")
expect 0
same "first import" "$OUT" "connections.csv: LinkedIn connections
added 4, updated 0, unchanged 0, skipped 0, warnings 0"
eq "nothing on stderr" "$ERR" ""
eq "known since" "$(q "SELECT name, known_since, how_known FROM contact ORDER BY id")" \
"Ada Lovelace|2024-03-07|community
Grace Hopper|2023-01-15|community
Zoë Ørsted|2022-02-01|community
Tom Okafor||community"
run import linkedin connections.csv
expect 0
same "second import" "$OUT" "connections.csv: LinkedIn connections
added 0, updated 0, unchanged 4, skipped 0, warnings 0"
# what you typed is never overwritten; an empty field is filled
sql "UPDATE contact SET role = 'Countess', url = NULL WHERE name = 'Ada Lovelace'"
run --in connections.csv import linkedin -
expect 0
same "stdin" "$OUT" "stdin: LinkedIn connections
added 0, updated 1, unchanged 3, skipped 0, warnings 0"
eq "kept and filled" "$(q "SELECT role, url FROM contact WHERE name = 'Ada Lovelace'")" \
  "Countess|https://www.linkedin.com/in/ada-lovelace"

# ---- structurally broken: nothing is added ------------------------------------------------
run import linkedin bad_structure.csv
expect 2 "rapport import linkedin: bad_structure.csv:3: 8 fields, expected 7 as in the header"
run import linkedin bad_quote.csv
expect 2 "rapport import linkedin: bad_quote.csv:5: a quoted field is never closed"
run import linkedin not_linkedin.csv
expect 2 "not_linkedin.csv: no header line"
eq "nothing added" "$(q "SELECT count(*) FROM contact")" 4
run import linkedin --skip-bad bad_structure.csv
expect 0 "bad_structure.csv:3: 8 fields, expected 7" \
  "bad_structure.csv:4: a quoted field is never closed"
has "$OUT" "added 0, updated 0, unchanged 1, skipped 2 (broken), warnings 0"

# ---- odd content: the person is kept, the value dropped with a warning ----------------
run import linkedin bad_rows.csv --dry-run
expect 0 "warning: bad_rows.csv:4: Alan Turing: kept without 'known since': '31 Feb 2024' is not a date"
has "$OUT" "dry run, nothing written: would have added 3, updated 0, unchanged 1, skipped 0, warnings 1"
eq "a dry run adds nothing" "$(q "SELECT count(*) FROM contact")" 4
run import linkedin bad_rows.csv
expect 0 "warning: bad_rows.csv:4: Alan Turing: kept without 'known since': '31 Feb 2024' is not a date"
has "$OUT" "added 3, updated 0, unchanged 1, skipped 0, warnings 1"
eq "Alan Turing without a date" "$(q "SELECT org, known_since FROM contact WHERE name = 'Alan Turing'")" "Bletchley|"
run import linkedin bad_email.csv
expect 0 "warning: bad_email.csv:2: Ada Lovelace: kept without email 'ada.example.org': not an email address"
has "$OUT" "added 0, updated 0, unchanged 1, skipped 1 (no name), warnings 1"
# not UTF-8: read as Windows-1252 with one warning; --encoding says otherwise
printf 'First Name,Last Name,Email Address,Company,Position,Connected On\nZo\353,W\366lk,,Caf\351,,\n' > latin.csv
run import csv latin.csv --dry-run
expect 0 "warning: latin.csv:2: not UTF-8 (a spreadsheet or an old program saved it): read as Windows-1252"
has "$OUT" "latin.csv: LinkedIn connections (2018-2021 export)"
run import csv latin.csv --encoding latin1
expect 0
eq "--encoding latin1" "$(q "SELECT org FROM contact WHERE name = 'Zoë Wölk'")" "Café"
lacks "$ERR" "warning"
run import csv latin.csv --encoding klingon
expect 2 "unknown encoding 'klingon'"

# ---- vCard ---------------------------------------------------------------------------
run import vcard phone.vcf
expect 0
same "vcard" "$OUT" "phone.vcf: vCard
added 0, updated 2, unchanged 0, skipped 0, warnings 0"
run import vcard contacts4.vcf
expect 0
# Grace gains a phone and her own site; Tom's email is the one he has
has "$OUT" "added 0, updated 1, unchanged 1, skipped 0, warnings 0"
eq "Grace keeps her profile and gains her site" "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM contact_value v JOIN contact c ON c.id = v.contact_id WHERE c.name = 'Grace Hopper' AND kind = 'url' ORDER BY position)")" \
  "https://www.linkedin.com/in/grace-hopper/ https://grace.example/"
run import vcard contacts4.vcf
has "$OUT" "added 0, updated 0, unchanged 2, skipped 0, warnings 0"
eq "tags" "$(q "SELECT group_concat(tag, ',') FROM (SELECT tag FROM contact_tag ORDER BY tag)")" \
  "engines,kelp,mathematics,oceans,seas"
run import vcard bad_cards.vcf
expect 2 "rapport import vcard: bad_cards.vcf:1: the card begun here has no END:VCARD before the BEGIN:VCARD on line 4"
run import vcard unended.vcf --skip-bad
expect 0 "unended.vcf:5: the card begun here has no END:VCARD"
has "$OUT" "added 1, updated 0, unchanged 0, skipped 1 (broken), warnings 0"

# ---- the config's how-known ---------------------------------------------------------
CFG=$TMP/config.yaml
printf 'import:\n  linkedin_how_known: friend\n' >"$CFG"
RAPPORT_ARGS=(--db "$TMP/other.db" --config "$CFG")
run import linkedin connections.csv
expect 0
eq "how known" "$(DB=$TMP/other.db q "SELECT DISTINCT how_known FROM contact")" friend
printf 'import:\n  linkedin_how_known: pals\n' >"$CFG"
run import linkedin connections.csv
expect 2 "config.yaml:2:23: unknown how_known 'pals' in import.linkedin_how_known"
RAPPORT_ARGS=(--db "$DB")

# ---- usage ---------------------------------------------------------------------------
run import
expect 2 "rapport import: missing what to import"
run import outlook x.csv
expect 2 "rapport import: unknown kind 'outlook'; allowed: csv, linkedin, vcard, json"
run import linkedin
expect 2 "rapport import linkedin: missing FILE"
run import linkedin a.csv b.csv
expect 2 "give one FILE"
run import vcard --force phone.vcf
expect 2 "unknown option '--force'; allowed: --skip-bad, --dry-run, --encoding"
run import vcard nowhere.vcf
expect 2 "nowhere.vcf: no such file"
# a journal that cannot be opened: a folder in its place
mkdir -p "$TMP/folder.db"
RAPPORT_ARGS=(--db "$TMP/folder.db")
run import vcard phone.vcf
expect 3

cli_end
