#!/usr/bin/env bash
# Odd input through the real binary: invalid UTF-8 in the config, in any
# argument of any verb and in text on standard input is refused with a
# clear message and changes nothing; in a file another program wrote
# (a vCard, a CSV) it is read as Windows-1252 with a warning; SQL
# metacharacters and printf conversions (%s %n) in names, orgs, tags,
# search queries and config values are stored and shown literally; a
# 10,000-character name and a 1 MB note are stored whole and shown truncated
# by a UI that stays responsive; 100,000 contacts with the same name make
# name resolution say "matches several contacts" quickly.
. "$(dirname "$0")/../e2e/lib.sh" "$@"

# ---- invalid UTF-8 ------------------------------------------------------
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad \377\376 UTF\r\nEND:VCARD\r\n' > "$TMP/bad.vcf"
printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,L\351e,,,Org,,07 Mar 2024\n' > "$TMP/bad.csv"
printf 'theme: default\nstages:\n  - key: a\377\n' > "$TMP/bad.yaml"
out=$(cli import vcard "$TMP/bad.vcf" --dry-run 2>&1); rc=$?
assert_eq "a vCard with invalid UTF-8 (another program's file): exit 0" 0 "$rc"
assert_match "… a warning says which line is not UTF-8" 'bad.vcf:3: Bad .* FN was not UTF-8: read as Windows-1252' "$out"
out=$(cli import linkedin "$TMP/bad.csv" --dry-run 2>&1); rc=$?
assert_eq "a CSV with invalid UTF-8: read as Windows-1252, exit 0" 0 "$rc"
assert_match "… with a warning naming the line" 'bad.csv:2: not UTF-8 .*read as Windows-1252' "$out"
out=$("$BIN" --config "$TMP/bad.yaml" check-config 2>&1); rc=$?
assert_eq "a config with invalid UTF-8: exit 2" 2 "$rc"
assert_match "… names the place" 'bad.yaml:3:[0-9]+: .*UTF-8' "$out"
out=$(cli add $'Bad \xff\xfe name' 2>&1); rc=$?
assert_eq "a name argument that is not UTF-8: exit 2" 2 "$rc"
assert_match "… says so" 'not valid UTF-8' "$out"
out=$(cli add Someone --org $'Org \xc3' 2>&1); rc=$?
assert_eq "an org argument that is not UTF-8: exit 2" 2 "$rc"
assert_eq "nothing was added" 0 "$(db_query 'SELECT count(*) FROM contact')"
# every verb that stores text: refused in one place, nothing stored (in a
# journal of its own)
MAIN_DB=$DB DB=$TMP/utf8.db
cli add "Ada Lovelace" >/dev/null || fail "add Ada"
before=$(db_query "SELECT (SELECT count(*) FROM give) || (SELECT count(*) FROM question) || (SELECT count(*) FROM conversation) || (SELECT count(*) FROM followup) || (SELECT count(*) FROM ws_item)")
bad=$'caf\xe9 \xff'
for args in "give|Ada Lovelace|--kind|read|$bad" "question add|Ada Lovelace|$bad" \
            "conversation add|Ada Lovelace|--objective|$bad" "followup add|Ada Lovelace|--kind|check-in|--note|$bad" \
            "worksheet add|superpower|$bad" "worksheet set|want|$bad" "search|$bad"; do
  IFS='|' read -r -a argv <<<"$args"
  read -r -a verb <<<"${argv[0]}"
  out=$(cli "${verb[@]}" "${argv[@]:1}" 2>&1); rc=$?
  assert_eq "rapport ${argv[0]} with text that is not UTF-8: exit 2" 2 "$rc"
  assert_match "… says so" 'is not valid UTF-8 text' "$out"
done
out=$(printf 'caf\351\n' | "$BIN" --db "$DB" worksheet set want - 2>&1); rc=$?
assert_eq "worksheet set - with stdin that is not UTF-8: exit 2" 2 "$rc"
assert_match "… says so" 'not valid UTF-8' "$out"
assert_eq "nothing was stored" "$before" "$(db_query "SELECT (SELECT count(*) FROM give) || (SELECT count(*) FROM question) || (SELECT count(*) FROM conversation) || (SELECT count(*) FROM followup) || (SELECT count(*) FROM ws_item)")"
DB=$MAIN_DB

# ---- SQL metacharacters and printf conversions ---------------------------
evil="Robert'); DROP TABLE contact;-- %s%n%x%p \" \\ _ %"
id=$(cli add "$evil" --org '%n%n%n%s' --tag "';--" --tag '%s') || fail "add with metacharacters failed"
ok "a name full of SQL and printf metacharacters is added (id $id)"
assert_eq "the name is stored literally" "$evil" "$(db_query 'SELECT name FROM contact')"
assert_eq "the org is stored literally" '%n%n%n%s' "$(db_query 'SELECT org FROM contact')"
assert_match "list shows it literally" "Robert'\); DROP TABLE contact;--" "$(cli list)"
out=$(cli show "$evil") || fail "show by the exact hostile name failed"
assert_match "show prints it literally" '^# Robert.*%s%n%x%p " \\ _ %$' "$out"
for q in '%s' '%n%n%n' "'; DROP TABLE contact; --" '"unbalanced' 'a OR NOT ( * NEAR' '%' '_' '\' 'NEAR(' '*'; do
  cli search "$q" >/dev/null 2>"$TMP/err"; rc=$?
  [ $rc -le 1 ] || fail "search [$q] exited $rc: $(cat "$TMP/err")"
done
ok "search queries with SQL, FTS and printf syntax answer (found or not), never fail"
assert_match "search for %s finds the contact" "Robert" "$(cli search '%s')"
assert_eq "the contact table is still there" 1 "$(db_query 'SELECT count(*) FROM contact')"
cat > "$TMP/pct.yaml" <<'YAML'
theme: default
ask_check:
  max_words: 120
stages:
  - key: "%s%n"
    label: "%n%n%s'); DROP TABLE contact;--"
  - key: identified
    label: Identified
YAML
out=$("$BIN" --config "$TMP/pct.yaml" check-config 2>&1); rc=$?
if [ $rc -eq 0 ]; then
  id2=$("$BIN" --config "$TMP/pct.yaml" --db "$DB" add "Pct Stage" --stage '%s%n') || fail "add with a %s stage failed"
  assert_eq "a config key with %s%n is stored literally" '%s%n' "$(db_query "SELECT stage FROM contact WHERE id = $id2")"
else
  assert_match "a config with %s values is refused with a message, not a crash" 'pct.yaml:' "$out"
fi

# ---- very long fields -----------------------------------------------------
python3 - "$TMP/big.vcf" <<'PY'
import sys
with open(sys.argv[1], "w", newline="") as f:
    f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + "N" * 9990 + "longname\r\nNOTE:"
            + "long note " * 104857 + "END\r\nEND:VCARD\r\n")  # just under 1 MiB, the most a text holds
PY
cli import vcard "$TMP/big.vcf" >/dev/null || fail "import of a 10,000-character name and 1 MB note failed"
assert_eq "the name is stored whole" 9998 "$(db_query "SELECT length(name) FROM contact WHERE name LIKE 'NNN%'")"
assert_eq "the note is stored whole" 1048573 "$(db_query "SELECT length(notes) FROM contact WHERE name LIKE 'NNN%'")"
w=$(cli list | awk '{ if (length($0) > m) m = length($0) } END { print m }')
[ "$w" -lt 300 ] || fail "rapport list prints a $w-column line"
ok "rapport list truncates the long name ($w columns)"

start_app --db "$DB"
keys 2
wait_for "NNNNNNNN"
wait_for_re 'N…'
ok "the long name is shown truncated with an ellipsis"
t0=$(now_us)
for i in 1 2 3; do keys Down; keys Up; done
keys /
type_text "longname"
wait_for "longname" 10
keys Escape
keys 1
wait_for " 1 Today  2 Contacts"
keys 2
wait_for "NNNNNNNN"
t1=$(now_us)
[ $(( (t1 - t0) / 1000 )) -lt 5000 ] || fail "moving around took $(( (t1 - t0) / 1000 )) ms"
ok "the UI stays responsive with a 1 MB note ($(( (t1 - t0) / 1000 )) ms for a round of keys)"
quit_app

# ---- 100,000 contacts with the same name --------------------------------
DB2="$TMP/many.db"
"$BIN" --db "$DB2" add "Sam Same" >/dev/null || fail "could not create the second journal"
python3 - "$DB2" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
row = con.execute("SELECT warmth, stage, created_at FROM contact").fetchone()
con.executemany(
    "INSERT INTO contact (name, warmth, stage, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
    (("Sam Same", row[0], row[1], row[2], row[2]) for _ in range(99999)))
con.commit()
PY
assert_eq "100,000 contacts named Sam Same" 100000 "$(db_query "SELECT count(*) FROM contact WHERE name = 'Sam Same'" "$DB2")"
for verb in "show" "notes" "ready"; do
  t0=$(now_us)
  out=$("$BIN" --db "$DB2" $verb "Sam Same" 2>&1); rc=$?
  ms=$(( ($(now_us) - t0) / 1000 ))
  assert_match "rapport $verb 'Sam Same' says it matches several" 'matches several contacts' "$out"
  [ $rc -ne 0 ] || fail "rapport $verb with an ambiguous name exited 0"
  [ "$ms" -lt 3000 ] || fail "rapport $verb took $ms ms to say so"
  ok "… in $ms ms, exit $rc, with a short message ($(printf '%s' "$out" | wc -l) lines)"
  [ "$(printf '%s' "$out" | wc -c)" -lt 2000 ] || fail "the message lists too much: $(printf '%s' "$out" | wc -c) bytes"
done
finish
