#!/usr/bin/env bash
# `rapport export`, `rapport show`, `rapport backup` and `rapport import
# json` against a temporary journal with a fixed clock: the exact CSV, the
# JSON round trip (export → restore into a new journal → export gives the
# same bytes), -o writing a private file, a non-empty journal refused, a
# damaged file refused with FILE:LINE:COL and nothing added, the dossier,
# and the exit statuses. Every check runs even when an earlier one fails.
# Usage: bash test_export_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/export --python3 "$@"
export RAPPORT_NOW=1796025600 # 2026-11-30 08:00:00 (UTC), a Monday
help_lists export show backup

run add "Ada Lovelace" --how-known friend --org "Engines, Ltd" --email ada@example.org --tag math --tag poetry
expect 0
run add "Zoë Ørsted" --introduced-by Ada --org Acme --role "Research lead"
expect 0
run give Zoë --kind read "Read her paper on \"trials\""
expect 0
run conversation add Zoë --at "2026-12-01 10:00" --minutes 20 --objective "Learn how trials run"
expect 0
run question add Zoë "What does a day look like?"
expect 0
run followup add Ada --kind check-in --due 2026-12-03 --note "how the move went"
expect 0
# Ada's second email and two phones with their kinds, as the sqlite3 shell writes them
sql "UPDATE contact SET phone = '+44 20 7946 0000' WHERE id = 1"
sql "INSERT INTO contact_value (contact_id, kind, position, value, type, preferred) VALUES
     (1, 'email', 1, 'ada@home.example', 'home', 0), (1, 'phone', 0, '+44 20 7946 0000', 'work', 1),
     (1, 'phone', 1, '+44 7700 900123', 'mobile', 0)"

# ---- csv ------------------------------------------------------------------------
run export csv
expect 0
eq "csv" "$(tr -d '\r' <"$TMP/out")" 'id,name,org,role,field,email,phone,url,location,how_known,warmth,introduced_by,seniority,channel,stage,tags,known_since,work,challenges,notes,emails,phones,urls
1,Ada Lovelace,"Engines, Ltd",,,ada@example.org,+44 20 7946 0000,,,friend,warm,,,,identified,math;poetry,,,,,ada@example.org; ada@home.example,+44 20 7946 0000; +44 7700 900123,
2,Zoë Ørsted,Acme,Research lead,,,,,,referral,warm,Ada Lovelace,,,giving,,,,,,,,'
eq "csv CRLF" "$(grep -c $'\r$' "$TMP/out")" 3

# ---- list: the primary values and every one with its kind ---------------------------
run list --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "list json keys" \
  "$(py 'sorted(k for k in j[0] if k in ("email", "phone", "url", "emails", "phones", "urls", "known_since"))')" \
  "['email', 'emails', 'known_since', 'phone', 'phones', 'url', 'urls']"
eq "list json emails" "$(py 'j[0]["emails"]')" \
  "[{'value': 'ada@example.org', 'type': None, 'preferred': True}, {'value': 'ada@home.example', 'type': 'home', 'preferred': False}]"
eq "list json phones" "$(py '[j[0]["phone"], [(p["value"], p["type"]) for p in j[0]["phones"]], j[0]["urls"]]')" \
  "['+44 20 7946 0000', [('+44 20 7946 0000', 'work'), ('+44 7700 900123', 'mobile')], []]"
eq "list json Zoë" "$(py '[j[1]["name"], j[1]["emails"], j[1]["email"], j[1]["known_since"]]')" \
  "['Zoë Ørsted', [], None, None]"
run list --format tsv
expect 0
eq "tsv header" "$(printf '%s\n' "$OUT" | head -n 1)" "$(printf 'id\tname\torg\trole\temail\tstage\twarmth\ttags\temails\tphones\turls')"
has "$OUT" "$(printf '1\tAda Lovelace\tEngines, Ltd\t\tada@example.org\tidentified\twarm\tmath,poetry\tada@example.org (preferred); ada@home.example (home)\t+44 20 7946 0000 (work, preferred); +44 7700 900123 (mobile)\t')"
has "$OUT" "$(printf '2\tZoë Ørsted\tAcme\tResearch lead\t\tgiving\twarm\t\t\t\t')"
run search 900123
expect 0
has "$OUT" "  Ada Lovelace (Engines, Ltd)"

# ---- json round trip ------------------------------------------------------------
run export json -o "$TMP/a.json"
expect 0
eq "-o prints nothing" "$OUT" ""
eq "-o mode" "$(stat -c %a "$TMP/a.json")" 600
python3 -m json.tool "$TMP/a.json" >/dev/null && ok || bad "a.json is not JSON"
cp "$TMP/a.json" "$TMP/json"
eq "header" "$(py '[j["format"], j["version"], j["schema"] >= 8]')" "['rapport', 1, True]"
eq "no search index" "$(py '"search_fts" in j["tables"]')" "False"
RAPPORT_ARGS=(--db "$TMP/b.db")
run import json "$TMP/a.json"
expect 0
eq "restore summary" "$OUT" "restored: 2 contacts, 9 rows in all"
run export json
expect 0
cmp -s "$TMP/out" "$TMP/a.json" && ok || bad "round trip differs: $(diff "$TMP/a.json" "$TMP/out" | head -5)"
run search trials
expect 0
run import json "$TMP/a.json"
expect 2 "rapport import json: the journal is not empty" "--merge"
run import json "$TMP/a.json" --merge
expect 0
eq "merge summary" "$OUT" "merged: 0 contacts added, 2 already there (left as they were), 0 rows in all"

# ---- json written as it is made: a failed write keeps the old file ---------------
# a journal whose export is well over a 64 KiB file-size limit (which its
# own files stay under: the export only reads)
cp "$TMP/b.db" "$TMP/big.db"
python3 - "$TMP/big.db" <<'PY' || bad "could not grow big.db"
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("UPDATE contact SET notes = ? WHERE id = 1", ("x" * 200000,))
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
PY
RAPPORT_ARGS=(--db "$TMP/big.db")
(trap '' XFSZ; ulimit -f 64; exec "$BIN" "${RAPPORT_ARGS[@]}" export json -o "$TMP/a.json") \
  >"$TMP/out" 2>"$TMP/err"
RC=$? OUT=$(cat "$TMP/out") ERR=$(cat "$TMP/err") LAST="rapport export json -o (64 KiB limit)"
expect 3 "rapport export: $TMP/a.json: cannot write: no space left (the disk is full, or a file size limit was reached)"
cmp -s "$TMP/a.json" "$TMP/json" && ok || bad "a failed export changed a.json"
eq "no temporary file left" "$(ls "$TMP" | grep -c '^a\.json\.')" 0
run export json -o "$TMP/big.json"
expect 0
eq "the whole export" "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["tables"]["contact"][0]["notes"]))' "$TMP/big.json")" 200000
run export json -o "$TMP"
expect 2 "rapport export: $TMP: is a folder"

# -o onto what is not a regular file: a FIFO and a link to standard output
# are written straight through (never replaced by a file); a device node is
# refused and stays a device; a link to a file keeps the link and replaces
# the file. (Never the real /dev/stdout or /dev/null: CI runs as root.)
run export csv; want_csv=$OUT
mkfifo "$TMP/fifo"
timeout 10 cat "$TMP/fifo" > "$TMP/from-fifo" & reader=$!
run export csv -o "$TMP/fifo"; expect 0
wait "$reader"
eq "-o FIFO: the reader gets the export" "$(cat "$TMP/from-fifo")" "$want_csv"
[ -p "$TMP/fifo" ] && ok || bad "-o FIFO: the FIFO was replaced"
ln -s /proc/self/fd/1 "$TMP/stdout-link"
got=$("$BIN" "${RAPPORT_ARGS[@]}" export csv -o "$TMP/stdout-link" | cat); rc=$?
eq "-o a link to standard output (a pipe): exit" "$rc" 0
eq "-o a link to standard output: the export comes through the pipe" "$got" "$want_csv"
[ -L "$TMP/stdout-link" ] && ok || bad "-o a link to standard output: the link was replaced"
if [ "$(id -u)" = 0 ]; then
  mknod "$TMP/null" c 1 3
  run export csv -o "$TMP/null"; expect 2 "$TMP/null: a device, not a file"
  [ -c "$TMP/null" ] && ok || bad "-o a device node: it was replaced"
fi
echo old > "$TMP/real.csv"
ln -s real.csv "$TMP/file-link"
run export csv -o "$TMP/file-link"; expect 0
[ -L "$TMP/file-link" ] && ok || bad "-o a link to a file: the link was replaced"
eq "-o a link to a file: the file it names holds the export" "$(cat "$TMP/real.csv")" "$want_csv"
eq "-o a link to a file: no temporary file left" "$(ls "$TMP" | grep -c '^real\.csv\.')" 0
"$BIN" "${RAPPORT_ARGS[@]}" export json >/dev/full 2>"$TMP/err"
RC=$? OUT="" ERR=$(cat "$TMP/err") LAST="rapport export json >/dev/full"
expect 3 "rapport export: could not write the output"

# ---- a damaged file: FILE:LINE:COL, nothing added --------------------------------
RAPPORT_ARGS=(--db "$TMP/c.db")
sed 's/"minutes": 20/"minutes": 20,/' "$TMP/a.json" >"$TMP/bad.json"
run import json "$TMP/bad.json"
expect 2 "rapport import json: $TMP/bad.json:"
[[ $ERR =~ bad\.json:[0-9]+:[0-9]+:\ expected\ a\ key ]] && ok || bad "no LINE:COL in [$ERR]"
eq "nothing added" "$(DB=$TMP/c.db q "SELECT count(*) FROM contact")" 0
run import json "$TMP/missing.json"
expect 2 "missing.json"
run import json
expect 2 "missing FILE"

# ---- export errors ----------------------------------------------------------------
RAPPORT_ARGS=(--db "$DB")
run export
expect 2 "missing FORMAT; one of: json, csv, vcard, ics"
run export xml
expect 2 "'xml' is not a format; one of: json, csv, vcard, ics"
run export vcard --vcard-version 2
expect 2 "--vcard-version: '2' is not 3 or 4"
run export csv --vcard-version 3
expect 2 "--vcard-version goes with the vcard format only"
run export vcard --vcard-version 3
expect 0
has "$(tr -d '\r' <"$TMP/out")" "VERSION:3.0"
has "$(tr -d '\r' <"$TMP/out")" "ORG:Engines\\, Ltd"
run export ics -o "$TMP/one.ics"
expect 0
run export ics -o "$TMP/two.ics"
cmp -s "$TMP/one.ics" "$TMP/two.ics" && ok || bad "ics differs between runs"
has "$(tr -d '\r' <"$TMP/one.ics")" "DTSTART:20261201T100000Z"
has "$(tr -d '\r' <"$TMP/one.ics")" "DUE;VALUE=DATE:20261203"

# ---- show -----------------------------------------------------------------------
run show Zoë
expect 0
has "$OUT" "# Zoë Ørsted"
has "$OUT" "Ada Lovelace (Engines, Ltd) → Zoë Ørsted (Acme)"
has "$OUT" "- 2026-11-30 · read: Read her paper on \"trials\""
has "$OUT" "1. What does a day look like?"
has "$OUT" "## Readiness: not ready (3 of 13)"
run show Ada
expect 0
has "$OUT" "- Email: ada@example.org (preferred) · ada@home.example (home)"
has "$OUT" "- Phone: +44 20 7946 0000 (work, preferred) · +44 7700 900123 (mobile)"
lacks "$OUT" "- URL:"
run show Ada --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "show json values" "$(py '[j["email"], [e["value"] for e in j["emails"]], [p["type"] for p in j["phones"]], j["urls"]]')" \
   "['ada@example.org', ['ada@example.org', 'ada@home.example'], ['work', 'mobile'], []]"
run show Zoë --format json
expect 0
printf '%s' "$OUT" >"$TMP/json"
eq "show json" "$(py '[j["name"], [p["name"] for p in j["path"]], j["next"]["open_questions"], j["given"]]')" \
   "['Zoë Ørsted', ['Ada Lovelace', 'Zoë Ørsted'], ['What does a day look like?'], 1]"
run show Nobody
expect 2 "rapport show: no contact matches"
run show Zoë --format pdf
expect 2 "--format: 'pdf' is not a format; allowed: md, json"

# ---- backup ---------------------------------------------------------------------
run backup "$TMP/copy.db"
expect 0
eq "backup mode" "$(stat -c %a "$TMP/copy.db")" 600
# a copy is one file: its header says rollback journal (bytes 18-19 = 1), so
# opening it makes no -wal or -shm that a signal could leave behind
wal_bytes() { od -An -tu1 -j18 -N2 "$1" | tr -s ' ' | sed 's/^ //'; }
eq "a backup is not in WAL mode" "$(wal_bytes "$TMP/copy.db")" "1 1"
run backup "$TMP/copy.db"
expect 2 "already exists; use --force to overwrite it"
run backup "$TMP/copy.db" --force
expect 0
eq "a backup --force onto a copy is not in WAL mode" "$(wal_bytes "$TMP/copy.db")" "1 1"
RAPPORT_ARGS=(--db "$TMP/copy.db")
run export json
cmp -s "$TMP/out" "$TMP/a.json" && ok || bad "the backup exports differently"
run backup
expect 2 "missing FILE"

cli_end
