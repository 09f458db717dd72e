#!/usr/bin/env bash
# Exported files read by real programs: the vCards (4.0 and 3.0) by khard
# (a throwaway config over a vdir of one .vcf per card: every email with
# its kind and the preferred one, the mobile phone, the location) and by abook
# --convert; the iCalendar file by calcurse -i into a temporary folder
# (the event and the to-do land); the JSON by python3 -m json.tool; and the
# man page renders with man -l without warnings. A missing tool is a
# failure, not a skip: .ci/deps --test installs them (khard abook calcurse man-db).
# Usage: bash test_export_tools_cli.sh /path/to/rapport
set -u
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/export-tools --python3 "$@"
SRC=$(cd "${BASH_SOURCE[0]%/*}/../.." && pwd)
export RAPPORT_NOW=1796025600 # 2026-11-30 08:00:00 (UTC)
for tool in khard abook calcurse man; do
  command -v "$tool" >/dev/null 2>&1 && ok || bad "$tool is not installed (run .ci/deps --test)"
done

run add "Ada Lovelace" --how-known friend --org "Engines, Ltd; R&D" --email ada@example.org \
  --phone "+44 20 7946 0000" --url "https://example.org/ada" --tag math --tag "poetry, verse" \
  --location "Lisbon, Portugal"
expect 0
# a second email and phone, with their kinds (the first ones stay preferred)
sql "INSERT INTO contact_value (contact_id, kind, position, value, type) VALUES
     (1, 'email', 1, 'ada@home.example', 'home'), (1, 'phone', 1, '+44 7700 900123', 'mobile')"
run add "Zoë Ørsted" --introduced-by Ada --org Acme --role "Research lead"
expect 0
sql "UPDATE contact SET notes = ? WHERE id = 2" \
  "$(printf 'Met at the \\ conference;\nlikes long walks, and a very long note that certainly needs folding at seventy-five octets: ÆØÅ€😀')"
run conversation add Zoë --at "2026-12-01 10:00" --minutes 25 --objective "Learn how trials run, day to day"
expect 0
run followup add Ada --kind check-in --due 2026-12-03 --note "how the move went"
expect 0

# ---- khard: a vdir of one card per file ------------------------------------------
for v in 4 3; do
  run export vcard --vcard-version $v -o "$TMP/all$v.vcf"
  expect 0
  mkdir -p "$TMP/vdir$v"
  python3 - "$TMP/all$v.vcf" "$TMP/vdir$v" <<'PY'
import re, sys
data = open(sys.argv[1], newline='').read()
for i, card in enumerate(re.findall(r'BEGIN:VCARD\r\n.*?END:VCARD\r\n', data, re.S)):
    open(f'{sys.argv[2]}/{i}.vcf', 'w', newline='').write(card)
PY
  khard_conf "$TMP/vdir$v" "$TMP/khard$v.conf"
  out=$(khard -c "$TMP/khard$v.conf" email --parsable 2>&1)
  eq "khard v$v rc" "$?" 0
  # the preferred one: PREF (3.0: TYPE=…,PREF; 4.0: PREF=1, which khard shows as it is)
  grep -Eiq $'^ada@example.org\tAda Lovelace\t(internet, )?pref(=1)?$' <<<"$out" && ok ||
    bad "khard v$v email: [$out]"
  grep -Eiq $'^ada@home.example\tAda Lovelace\t(internet, )?home$' <<<"$out" && ok ||
    bad "khard v$v: no second email in [$out]"
  out=$(khard -c "$TMP/khard$v.conf" list 2>&1)
  eq "khard v$v list rc" "$?" 0
  [[ $out == *"Zoë Ørsted"* ]] && ok || bad "khard v$v: no Zoë in [$out]"
  out=$(khard -c "$TMP/khard$v.conf" show --format yaml Ada 2>&1)
  [[ $out == *"Engines, Ltd; R&D"* ]] && ok || bad "khard v$v: organisation not unescaped: [$out]"
  [[ $out == *"poetry, verse"* ]] && ok || bad "khard v$v: category with a comma: [$out]"
  [[ $out == *"City: Lisbon, Portugal"* ]] && ok || bad "khard v$v: no location (ADR): [$out]"
  grep -Eiq '^ +cell: \+44 7700 900123$' <<<"$out" && ok || bad "khard v$v: no mobile phone: [$out]"
  out=$(khard -c "$TMP/khard$v.conf" show --format yaml Zoë 2>&1)
  # YAML writes the emoji as \U0001F600: the characters around it must be whole
  [[ $out == *"likes long walks"*"ÆØÅ€"* && $out == *"Met at the "* ]] && ok ||
    bad "khard v$v: folded UTF-8 note: [$out]"
  # ---- abook --convert ----
  out=$(abook --convert --informat vcard --infile "$TMP/all$v.vcf" --outformat csv 2>&1)
  eq "abook v$v rc" "$?" 0
  [[ $out == *'"Ada Lovelace","ada@example.org,ada@home.example"'* ]] && ok ||
    bad "abook v$v: no Ada with both emails in [$out]"
  [[ $out == *'"Zoë Ørsted"'* ]] && ok || bad "abook v$v: no Zoë in [$out]"
done

# ---- calcurse -i into a temporary folder ---------------------------------------------
run export ics -o "$TMP/cal.ics"
expect 0
mkdir -p "$TMP/cc/data" "$TMP/cc/conf"
out=$(calcurse -D "$TMP/cc/data" -C "$TMP/cc/conf" -i "$TMP/cal.ics" 2>&1)
eq "calcurse rc" "$?" 0
[[ $out == *"1 app / 0 events / 1 todo / 0 skipped"* ]] && ok || bad "calcurse import: [$out]"
grep -Eq '^12/01/2026 @ 10:00 -> 12/01/2026 @ 10:25>[0-9a-f]+ \|Conversation with Zoë Ørsted \(Acme\)$' \
  "$TMP/cc/data/apts" && ok || bad "calcurse apts: [$(cat "$TMP/cc/data/apts")]"
out=$(calcurse -D "$TMP/cc/data" -C "$TMP/cc/conf" -t 2>&1)
[[ $out == *"Check in with Ada Lovelace"* ]] && ok || bad "calcurse todo: [$out]"
# the same journal exported again: the same UIDs, so nothing new is added
run export ics -o "$TMP/cal2.ics"
cmp -s "$TMP/cal.ics" "$TMP/cal2.ics" && ok || bad "the ics changed between two exports"

# ---- python3 -m json.tool ------------------------------------------------------------
run export json -o "$TMP/all.json"
expect 0
python3 -m json.tool "$TMP/all.json" >/dev/null 2>"$TMP/jerr" && ok || bad "json.tool: $(cat "$TMP/jerr")"

# ---- the man page --------------------------------------------------------------------
warn=$(MANWIDTH=80 man --warnings -l "$SRC/docs/rapport.1" 2>&1 >/dev/null)
eq "man warnings" "$warn" ""
page=$(MANWIDTH=80 man -l "$SRC/docs/rapport.1" 2>/dev/null | col -b)
for verb in export show backup "import json"; do
  [[ $page == *"$verb"* ]] && ok || bad "man page lacks $verb"
done

cli_end
