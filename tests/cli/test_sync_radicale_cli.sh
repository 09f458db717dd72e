#!/usr/bin/env bash
# `rapport sync` with the real engines: Radicale (a CardDAV server) on
# 127.0.0.1 at a free port with a temporary storage and no auth, and
# vdirsyncer pairing rapport's contacts folder with the server's address
# book. A contact added in rapport appears on the server; a phone number
# added on the server with plain HTTP (what a phone does) appears in
# rapport; a conflict is reported and loses nothing; a card added on the
# server becomes a contact, one deleted there unlinks it; syncing twice
# changes nothing. Radicale is stopped by its own pid. Exit 77 (skipped)
# when radicale, vdirsyncer or curl is missing (.ci/deps --test installs
# them).
# Usage: bash test_sync_radicale_cli.sh /path/to/rapport
set -u
for tool in radicale vdirsyncer curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "cli/sync-radicale: $tool is missing: skipped"; exit 77; }
done
. "${BASH_SOURCE[0]%/*}/lib.sh"
cli_begin cli/sync-radicale --python3 "$@"
export RAPPORT_NOW=1796025600 # 2026-11-30 08:00:00 (UTC)
V=$TMP/vdir/contacts
mkdir -p "$V"

# ---- Radicale on a free port, stopped by its pid whatever happens ----
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
radicale --config "" --storage-filesystem-folder "$TMP/store" --server-hosts "127.0.0.1:$PORT" \
  --auth-type none --rights-type owner_only --logging-level warning >"$TMP/radicale.log" 2>&1 &
RAD=$!
trap 'kill $RAD 2>/dev/null; wait $RAD 2>/dev/null; rm -rf "$TMP"' EXIT
SERVER=http://127.0.0.1:$PORT
for _ in $(seq 100); do
  curl -s -o /dev/null "$SERVER/" && break
  sleep 0.1
done
curl -s -o /dev/null "$SERVER/" && ok || bad "radicale did not answer: $(cat "$TMP/radicale.log")"
BOOK=$SERVER/ana/contacts/
code=$(curl -s -o /dev/null -w '%{http_code}' -u ana:x -X MKCOL -H 'Content-Type: application/xml' \
  --data '<?xml version="1.0"?><mkcol xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><set><prop><resourcetype><collection/><C:addressbook/></resourcetype></prop></set></mkcol>' \
  "$BOOK")
eq "address book made" "$code" 201

cat >"$TMP/vdirsyncer.conf" <<CONF
[general]
status_path = "$TMP/status/"

[pair contacts]
a = "rapport_contacts"
b = "server_contacts"
collections = null
conflict_resolution = "a wins"

[storage rapport_contacts]
type = "filesystem"
path = "$V"
fileext = ".vcf"

[storage server_contacts]
type = "carddav"
url = "$BOOK"
username = "ana"
password = "x"
CONF
vsync() {
  vdirsyncer -c "$TMP/vdirsyncer.conf" sync >"$TMP/vs.out" 2>&1 || bad "vdirsyncer sync: $(cat "$TMP/vs.out")"
}
yes | vdirsyncer -c "$TMP/vdirsyncer.conf" discover >"$TMP/vs.out" 2>&1 && ok ||
  bad "vdirsyncer discover: $(cat "$TMP/vs.out")"

# the cards on the server: href per line
hrefs() {
  curl -s -u ana:x -X PROPFIND -H 'Depth: 1' "$BOOK" |
    python3 -c 'import re, sys; print("\n".join(h for h in re.findall(r"<href>([^<]*\.vcf)</href>", sys.stdin.read())))'
}
get() { curl -s -u ana:x "$SERVER$1"; }
put() { curl -s -o /dev/null -w '%{http_code}' -u ana:x -X PUT -H 'Content-Type: text/vcard' --data-binary @"$2" "$SERVER$1"; }

# ---- a contact added in rapport appears on the server ----
run --create add "Priya Shah" --org Acme --role CTO --email priya@acme.example --phone "+44 20 7946 0000"
expect 0
run sync --contacts "$V"
expect 0
has "$OUT" "synced: 1 written"
vsync
href=$(hrefs)
eq "one card on the server" "$(printf '%s\n' "$href" | grep -c .)" 1
card=$(get "$href")
[[ $card == *"FN:Priya Shah"* && $card == *"X-RAPPORT-STAGE:"* ]] && ok || bad "server card: [$card]"

# ---- a phone number added on the server appears in rapport ----
printf '%s' "$card" | python3 -c 'import sys
t = sys.stdin.read().replace("\r\n", "\n").replace("\n", "\r\n")
t = t.replace("END:VCARD", "TEL;TYPE=CELL:+44 7700 900999\r\nEND:VCARD")
open(sys.argv[1], "w", newline="").write(t)' "$TMP/phone.vcf"
code=$(put "$href" "$TMP/phone.vcf")
[[ $code == 20[14] ]] && ok || bad "PUT: $code"
vsync
run sync --contacts "$V"
expect 0
[[ $OUT == *"read "*"Priya Shah: phone +44 7700 900999"* ]] && ok || bad "read the phone: [$OUT]"
eq "phone in rapport" "$(q "SELECT count(*) FROM contact_value WHERE value = '+44 7700 900999'")" 1

# ---- twice: nothing changes ----
vsync
run sync --contacts "$V"
same "in step" "synced: nothing changed, all in step"
vsync
run sync --contacts "$V"
same "still in step" "synced: nothing changed, all in step"

# ---- a conflict: both changed the title; rapport keeps its own, saves the other ----
sql "UPDATE contact SET role = 'CEO', updated_at = updated_at + 60"
get "$href" | python3 -c 'import sys
t = sys.stdin.read().replace("TITLE:CTO", "TITLE:VP Engineering")
open(sys.argv[1], "w", newline="").write(t)' "$TMP/title.vcf"
code=$(put "$href" "$TMP/title.vcf")
[[ $code == 20[14] ]] && ok || bad "PUT title: $code"
vsync
run sync --contacts "$V"
expect 0
[[ $OUT == *"conflict "*"Priya Shah: title: kept CEO, saved VP Engineering in the notes"* ]] && ok ||
  bad "conflict: [$OUT]"
eq "journal's title kept" "$(q 'SELECT role FROM contact')" "CEO"
[[ $(q 'SELECT notes FROM contact') == *"From your phone, 2026-11-30: title VP Engineering"* ]] && ok ||
  bad "notes: [$(q 'SELECT notes FROM contact')]"
vsync
card=$(get "$href")
[[ $card == *"TITLE:CEO"* && $card == *"VP Engineering"* ]] && ok || bad "merged card on the server: [$card]"

# ---- a card added on the server is a new contact; one deleted there unlinks it ----
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-jon-1\r\nFN:Jon Bell\r\nN:Bell;Jon;;;\r\nTEL;TYPE=CELL:+1 555 0100\r\nEND:VCARD\r\n' >"$TMP/jon.vcf"
code=$(put "${BOOK#$SERVER}phone-jon-1.vcf" "$TMP/jon.vcf")
[[ $code == 20[14] ]] && ok || bad "PUT new: $code"
vsync
run sync --contacts "$V"
expect 0
[[ $OUT == *"Jon Bell: new contact"* ]] && ok || bad "new card: [$OUT]"
eq "new contact" "$(q "SELECT stage FROM contact WHERE name = 'Jon Bell'")" identified
vsync
curl -s -o /dev/null -u ana:x -X DELETE "$SERVER${BOOK#$SERVER}phone-jon-1.vcf"
vsync
run sync --contacts "$V"
expect 0
[[ $OUT == *"unlinked "*"Jon Bell"* ]] && ok || bad "unlinked: [$OUT]"
eq "unlinked, kept" "$(q "SELECT count(*) FROM contact WHERE name = 'Jon Bell' AND deleted_at IS NULL")" 1
vsync
run sync --contacts "$V"
same "in step at the end" "synced: nothing changed, all in step"
eq "one card left on the server" "$(hrefs | grep -c .)" 1

cli_end
