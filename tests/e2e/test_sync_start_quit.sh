#!/usr/bin/env bash
# sync: on_start and on_quit in the config: the full screen syncs the
# contacts folder as it opens (the result in the status bar; Today shows
# the contact a card in the folder brought in) and again as it quits (a
# contact added meanwhile is written). A sync that cannot run (the folder
# is a file) never blocks the screen: the status bar says so, and the
# journal opens as usual.
. "$(dirname "$0")/lib.sh" "$@"

CARDS="$TMP/cards"
CFG="$TMP/config.yaml"
printf 'sync:\n  contacts: %s\n  on_start: true\n  on_quit: true\n' "$CARDS" >"$CFG"
mkdir -p "$CARDS"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nFN:Jon Bell\r\nTEL:+1 555 0100\r\nEND:VCARD\r\n' \
  >"$CARDS/phone-1.vcf"
"$BIN" --db "$DB" --create add "Priya Shah" >/dev/null || fail "rapport add failed"

start_app --db "$DB" --config "$CFG"
wait_for "synced: 2 written, 1 read"
ok "the sync on start is in the status bar"
keys 2
wait_for "Jon Bell"
ok "the card read on start is a contact"
# a contact added while the screen is open goes out on quit
"$BIN" --db "$DB" add "Ada Lovelace" >/dev/null || fail "rapport add (while open) failed"
quit_app
grep -lq "FN:Ada Lovelace" "$CARDS"/*.vcf 2>/dev/null || fail "no card for Ada after quit: $(ls "$CARDS")"
ok "the sync on quit wrote the contact added meanwhile"
assert_eq "cards" 3 "$(ls "$CARDS" | grep -c '\.vcf$')"

# a sync that fails: the screen opens anyway and says it
rm -rf "$CARDS"
: >"$CARDS"
start_app --db "$DB" --config "$CFG"
wait_for "sync failed, nothing lost"
ok "a failed sync on start is a message, not a block"
keys 2
wait_for "Ada Lovelace"
quit_app
wait_for "rapport: the sync on quit failed, nothing lost"
ok "a failed sync on quit is said once the terminal is back"

finish
