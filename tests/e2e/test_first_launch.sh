#!/usr/bin/env bash
# First launch in a fresh HOME, no --db and no XDG variables: the welcome
# screen, a clean quit (status 0, terminal restored) and a private journal at
# the default place ($HOME/.local/share/rapport/journal.db, file 0600 in a
# 0700 folder).
. "$(dirname "$0")/lib.sh" "$@"

JOURNAL="$HOME/.local/share/rapport/journal.db"
[ ! -e "$JOURNAL" ] || fail "journal exists before the first launch"

start_app                                   # plain `rapport`, no options
wait_for " Today · "
wait_for "Nobody to talk to yet: press 2 for Contacts and a to add someone"
wait_for "Know yourself first: your worksheet has 0 of 8 sections filled"
ok "a first launch opens on Today, which says what to do first"
keys 2
wait_for "Welcome to rapport, your networking journal."
ok "welcome text shown"
wait_for "Press a to add your first contact"
ok "first-contact hint shown"
wait_for_re "Contacts 0 · by name"
ok "list title says 0 contacts"
wait_line -1 "q quit"
ok "status bar shows key hints"

quit_app

[ -f "$JOURNAL" ] || fail "no journal at $JOURNAL; files under HOME: $(find "$HOME" | tr '\n' ' ')"
ok "journal created at \$HOME/.local/share/rapport/journal.db"
assert_eq "journal file mode" 600 "$(stat -c %a "$JOURNAL")"
assert_eq "journal folder mode" 700 "$(stat -c %a "$(dirname "$JOURNAL")")"
for side in "$JOURNAL-wal" "$JOURNAL-shm"; do
  if [ -e "$side" ]; then
    assert_eq "$(basename "$side") mode" 600 "$(stat -c %a "$side")"
  fi
done

# It is a real journal: the schema is there and holds no contacts.
assert_eq "journal has a contact table, empty" 0 \
  "$(db_query 'SELECT count(*) FROM contact' "$JOURNAL")"
user_version=$(db_query 'PRAGMA user_version' "$JOURNAL")
[ "$user_version" -gt 0 ] 2>/dev/null || fail "PRAGMA user_version is [$user_version], expected > 0"
ok "schema migrated (user_version $user_version)"

# No config file is written behind the user's back.
[ ! -e "$HOME/.config/rapport/config.yaml" ] || fail "a config file was created"
ok "no config file created"

# Starting again opens the same journal (a contact added by the CLI shows up).
"$BIN" add "Grace Hopper" --org Navy >/dev/null || fail "rapport add (default journal) failed"
start_app
keys 2  # Today is home; Contacts is 2
wait_for "Grace Hopper"
wait_for_re "Contacts 1 · by name"
ok "second launch opens the same default journal"
quit_app

finish
