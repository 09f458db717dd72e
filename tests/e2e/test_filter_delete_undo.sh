#!/usr/bin/env bash
# Filter as you type (\ and F4), delete with confirmation, undo and redo:
# checked on the screen and in the journal.
. "$(dirname "$0")/lib.sh" "$@"

add() { cli add "$@" >/dev/null || fail "rapport add $* failed"; }
add "Ana María 🌱" --org "Café Verde" --how-known friend
add "Grace Hopper" --org Navy --how-known former-colleague --tag cobol --tag navy
add "Linus Torvalds" --org "Linux Foundation" --introduced-by "Grace Hopper"
add "Zoë Ørsted" --org Acme --how-known family
add "李小龙" --org "Golden Harvest"
ALL=("Ana María 🌱" "Grace Hopper" "Linus Torvalds" "Zoë Ørsted" "李小龙")
ok "seeded 5 contacts with rapport add"

# only_shown NAME...: exactly these of ALL are in the list (live screen).
only_shown() {
  local n want
  for n in "${ALL[@]}"; do
    want=0
    for w in "$@"; do [ "$w" = "$n" ] && want=1; done
    if [ $want = 1 ]; then _screen_has "○ $n" || _screen_has "● $n" || fail "[$n] is not listed"
    else screen | grep -Eq -- "^[●○] $n" && fail "[$n] is listed but should be filtered out"
    fi
  done
  return 0
}

start_app --db "$DB"
keys 2  # Today is home; Contacts is 2
wait_for_re "Contacts 5 · by name"
only_shown "${ALL[@]}"
ok "all 5 listed"

# ---- filter ---------------------------------------------------------------
keys '\'
wait_line -2 "filter:"
type_text "李"
wait_for_re "Contacts 1 of 5 · by name"
wait_line -2 "filter: 李"
only_shown "李小龙"
ok "filter 李: only 李小龙, title says Contacts 1 of 5"
assert_match "filtered: the detail pane follows the only row" "│ 李小龙\$" "$(screen_line 2)"

keys Enter
wait_cursor_shown 0                 # the filter line no longer takes keys
_screen_has "Contacts 1 of 5" || fail "Enter did not keep the filter"
only_shown "李小龙"
ok "Enter keeps the filter"

keys '\'
wait_cursor_shown 1
keys Escape
wait_for_re "Contacts 5 · by name"
only_shown "${ALL[@]}"
ok "Esc clears the filter"

# Case-insensitive beyond ASCII, matching the organisation too; F4 filters too.
keys F4
wait_line -2 "filter:"
type_text "ørsted"
wait_for_re "Contacts 1 of 5"
only_shown "Zoë Ørsted"
ok "F4 filters; ørsted finds Zoë Ørsted (case folded beyond ASCII)"
keys BSpace BSpace BSpace BSpace BSpace BSpace
wait_for_re "Contacts 5 · by name"
type_text "HARVEST"
wait_for_re "Contacts 1 of 5"
only_shown "李小龙"
ok "HARVEST matches the organisation Golden Harvest"
keys Escape
wait_for_re "Contacts 5 · by name"

# ---- delete: any other key keeps, y deletes --------------------------------
keys Home j
wait_for_re "│ Grace Hopper$"
keys d
wait_for "─ Delete contact ─"
wait_for "Delete Grace Hopper?"
keys n
wait_gone "─ Delete contact ─"
only_shown "${ALL[@]}"
assert_eq "n keeps the contact (journal)" 5 "$(live_names | wc -l)"
ok "n keeps the contact"

keys d
wait_for "Delete Grace Hopper?"
keys y
wait_line -1 "Deleted Grace Hopper"
wait_for_re "Contacts 4 · by name"
only_shown "Ana María 🌱" "Linus Torvalds" "Zoë Ørsted" "李小龙"
ok "y deletes: gone from the screen"
live_names | grep -Fxq "Grace Hopper" && fail "Grace Hopper still in rapport list after delete"
assert_eq "rapport list has 4 contacts" 4 "$(live_names | wc -l)"
ok "deleted contact gone from rapport list"

# ---- undo ---------------------------------------------------------------
keys u
wait_line -1 "Undid: delete contact Grace Hopper"
wait_for_re "Contacts 5 · by name"
only_shown "${ALL[@]}"
ok "u brings it back on screen"
live_names | grep -Fxq "Grace Hopper" || fail "Grace Hopper not back in rapport list"
assert_eq "rapport list has 5 contacts again" 5 "$(live_names | wc -l)"
assert_eq "undo keeps the tags" "cobol,navy" "$(json_field "Grace Hopper" tags)"
assert_eq "undo keeps the organisation" "Navy" "$(json_field "Grace Hopper" org)"
assert_eq "undo keeps who she introduced" "Grace Hopper" "$(json_field "Linus Torvalds" introduced_by)"

keys C-r
wait_line -1 "Redid: delete contact Grace Hopper"
wait_for_re "Contacts 4 · by name"
assert_eq "C-r deletes her again" 4 "$(live_names | wc -l)"
keys u
wait_line -1 "Undid: delete contact Grace Hopper"
wait_for_re "Contacts 5 · by name"
assert_eq "u brings her back again" 5 "$(live_names | wc -l)"
ok "C-r redoes the delete, u undoes it again"

# ---- delete while filtered ---------------------------------------------------
keys '\'
wait_line -2 "filter:"
type_text "小龙"
wait_for_re "Contacts 1 of 5"
keys Enter
wait_cursor_shown 0
keys d
wait_for "Delete 李小龙?"
keys y
wait_line -1 "Deleted 李小龙"
wait_for_re "Contacts 0 of 4"
screen | grep -Eq "^[●○] " && fail "rows still listed after deleting the only match"
live_names | grep -Fxq "李小龙" && fail "李小龙 still in rapport list"
ok "delete while filtered: gone from screen and journal"
keys u
wait_line -1 "Undid: delete contact 李小龙"
wait_for_re "Contacts 1 of 5"
only_shown "李小龙"
assert_eq "李小龙 back in the journal" "Golden Harvest" "$(json_field "李小龙" org)"
ok "undo while filtered brings it back"

quit_app
assert_eq "5 live contacts after quitting" 5 "$(live_names | wc -l)"
finish
