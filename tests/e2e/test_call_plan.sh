#!/usr/bin/env bash
# After the call, what was said becomes what to do, in a real terminal: a
# call opened with `rapport call` takes an insight, a + action, an @
# referral and a promise to report back; C-x ends it, and Today shows at
# once the action under "Actions from conversations" (with the person) and
# the reach-out to the person referred under "Introductions"; x marks the
# action done. `rapport agenda --days 60` lists the promised update and
# does not say "Nothing due".
. "$(dirname "$0")/lib.sh" "$@"

cli add "Priya Raman" --org CharityComms --how-known friend >/dev/null || fail "seed"

start_app --db "$DB" call "Priya Raman"
wait_for " Call · Priya Raman (CharityComms)"
type_text "! they hire juniors in spring"
keys Enter
wait_for "they hire juniors in spring"
type_text "+ Build a portfolio of 3 field stories"
keys Enter
wait_for "action   Build a portfolio of 3 field stories"
type_text "@Tomás Ruiz, CharityComms — runs their digital team"
keys Enter
wait_for "Referral: Tomás Ruiz is in Contacts"
type_text "I will let you know how it goes"
keys Enter
wait_for "I will let you know how it goes"
keys C-x
wait_for "─ Wrap-up · Priya Raman · "
ok "a call with an action, a referral and a promise, ended with C-x"

assert_eq "the action is an open follow-up for Priya, due in 7 days" \
  "$(printf 'Priya Raman\tBuild a portfolio of 3 field stories\t%s\topen' "$(date -d '+7 days' +%F)")" \
  "$(db_query "SELECT c.name, f.note, f.due, f.status FROM followup f JOIN contact c ON c.id = f.contact_id WHERE f.origin = 'action'")"
assert_eq "the promised update, due in 30 days" \
  "$(printf 'update\t%s' "$(date -d '+30 days' +%F)")" \
  "$(db_query "SELECT kind, due FROM followup WHERE origin = 'promise'")"

keys C-s
wait_for "Thank-you to Priya Raman"
keys Escape
keys 1
wait_for "Actions from conversations (1)"
wait_for "Build a portfolio of 3 field stories"
wait_for "Introductions (1)"
wait_for "reach out to Tomás Ruiz (introduced by Priya Raman"
ok "Today shows the action and the reach-out at once"

row=$(row_of "Build a portfolio of 3 field stories")
case "$(screen_line "$row")" in
  *"Priya Raman"*) ok "the action row names the person" ;;
  *) fail "the action row does not name Priya: [$(screen_line "$row")]" ;;
esac
# the thank-you is selected first; Down reaches the action
keys Down
keys x
wait_line -1 "Done for Priya Raman"
wait_gone "Actions from conversations"
assert_eq "the action is done" "done" "$(db_query "SELECT status FROM followup WHERE origin = 'action'")"
ok "x marks the action done"

out=$(cli agenda --days 60) || fail "agenda --days 60 failed"
case "$out" in
  *"Nothing due"*) fail "agenda --days 60 says Nothing due: $out" ;;
  *"share an update: promised on the call of"*"I will let you know how it goes"*) ok "agenda --days 60 lists the promised update" ;;
  *) fail "agenda --days 60 lacks the update: $out" ;;
esac
case "$out" in
  *"reach out to Tomás Ruiz"*) ok "agenda lists the reach-out" ;;
  *) fail "agenda lacks the reach-out: $out" ;;
esac

quit_app
finish
