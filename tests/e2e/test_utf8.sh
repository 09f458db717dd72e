#!/usr/bin/env bash
# UTF-8 widths in a real terminal: accented, combining (NFD), CJK (2 columns)
# and emoji (2 columns) names and organisations. In the captured screen the
# Organisation and Stage columns and the pane separator must start at the same
# display column on every row; names and organisations too long for their
# column are cut on a character boundary with "…" and the columns still line
# up. Checked at two terminal widths.
. "$(dirname "$0")/lib.sh" "$@"

NFD_ZOE=$(printf 'Zoe\xcc\x88 Nfd')            # e + U+0308 COMBINING DIAERESIS
CONTACTS=(
  "Zoë Ørsted|Acme"
  "李小龙|Golden Harvest"
  "Ana María 🌱|Café 🌱 Verde"
  "$NFD_ZOE|Ørsted A/S"
  "Grace Hopper|Navy"
  "Maximiliana Wolkenstein-Rabenhorst|International Business Machines Corporation"
  "李小龙李小龙李小龙李小龙李小龙|北京大学北京大学北京大学北京大学"
  "🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱 Garden|Jardín 🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱"
)
for c in "${CONTACTS[@]}"; do
  cli add "${c%%|*}" --org "${c#*|}" >/dev/null || fail "rapport add ${c%%|*} failed"
done
ok "seeded ${#CONTACTS[@]} contacts with wide and combining characters"
assert_eq "the NFD name is stored byte for byte" "$NFD_ZOE" \
  "$(db_query "SELECT name FROM contact WHERE name LIKE '%Nfd'")"

# check_columns: the list rows on the current screen line up (see header).
check_columns() {
  screen > "$TMP/screen.txt"
  printf '%s\n' "${CONTACTS[@]}" > "$TMP/contacts.txt"
  python3 - "$TMP/screen.txt" "$TMP/contacts.txt" "$COLS" <<'PY' || fail "columns do not line up at ${COLS} columns (see above)"
import sys, unicodedata

def cw(ch):
    if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1

def width(s):
    return sum(cw(c) for c in s)

screen = open(sys.argv[1], encoding="utf-8").read().split("\n")
contacts = [l.split("|", 1) for l in open(sys.argv[2], encoding="utf-8").read().splitlines()]
cols = int(sys.argv[3])
problems = []

header = next((l for l in screen if l.startswith("  Name ") and "Organisation" in l), None)
if header is None:
    sys.exit("no list header on the screen")
org_col = width(header[:header.index("Organisation")])
sep_col = width(header[:header.index("│")])
# Narrow terminals drop the Stage column; Organisation then runs up to the
# separator.
has_stage = "Stage" in header
stage_col = width(header[:header.index("Stage")]) if has_stage else sep_col
org_gap = 1 if has_stage else 0
print(f"header: Organisation at column {org_col}, Stage at {stage_col if has_stage else '-'}, separator at {sep_col}")

def cell(line, start, end):
    """The text of display columns [start, end) of line."""
    out, col = "", 0
    for ch in line:
        w = cw(ch)
        if col >= start and col + w <= end:
            out += ch
        elif col < end and col + w > end and col >= start:
            problems.append(f"a character straddles column {end}: {line!r}")
        col += w
    return out

for line in screen:
    if width(line) > cols:
        problems.append(f"row wider than {cols} columns ({width(line)}): {line!r}")

list_rows = [l for l in screen if l[:1] and l[:1] in "●○"]
if len(list_rows) != len(contacts):
    problems.append(f"{len(list_rows)} list rows on screen, expected {len(contacts)}")

def shows(shown, full):
    return shown == full or (shown.endswith("…") and full.startswith(shown[:-1]))

for name, org in contacts:
    rows = [l for l in list_rows if shows(cell(l, 2, org_col).rstrip(" "), name)]
    if len(rows) != 1:
        problems.append(f"expected one list row for {name!r}, found {len(rows)}")
        continue
    row = rows[0]
    shown_name = cell(row, 2, org_col).rstrip(" ")
    shown_org = cell(row, org_col, stage_col).rstrip(" ")
    shown_stage = cell(row, stage_col, sep_col).rstrip(" ")
    if cell(row, sep_col, sep_col + 1) != "│":
        problems.append(f"{name!r}: separator not at column {sep_col}: {row!r}")
    if has_stage and shown_stage != "identified":
        problems.append(f"{name!r}: stage column shows {shown_stage!r}: {row!r}")
    for label, full, shown, room in (("name", name, shown_name, org_col - 2 - 1),
                                     ("organisation", org, shown_org, stage_col - org_col - org_gap)):
        if width(full) <= room:
            if shown != full:
                problems.append(f"{name!r}: {label} shown as {shown!r}, expected {full!r} in column")
        else:
            if not shown.endswith("…") or not full.startswith(shown[:-1]):
                problems.append(f"{name!r}: long {label} not cut with an ellipsis: {shown!r}")
            elif width(shown) > room:
                problems.append(f"{name!r}: cut {label} {shown!r} is {width(shown)} wide, room {room}")
            elif width(shown) < room - 1:
                problems.append(f"{name!r}: cut {label} {shown!r} wastes room ({width(shown)} of {room})")
    print(f"  {shown_name!r:40} org {shown_org!r}")

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
PY
}

for size in "100 30" "72 24"; do
  read -r COLS ROWS <<<"$size"
  start_app --db "$DB"
  keys 2  # Today is home; Contacts is 2
  wait_for_re "Contacts ${#CONTACTS[@]} · by name"
  wait_for "Grace Hopper"
  check_columns
  ok "${COLS}×${ROWS}: Organisation, Stage (if shown) and │ line up on every row; long cells end in …"

  # The detail pane of a wide-character contact: the header is the full name
  # (or cut with …) and stays inside the pane.
  keys G
  wait_for_re "│ 🌱"
  line=$(screen_line 2)
  echo "detail header: [$line]"
  assert_match "${COLS}×${ROWS}: detail header of the emoji contact" "│ 🌱🌱" "$line"
  python3 - "$line" "$COLS" "${CONTACTS[7]%%|*}" <<'PY' || fail "detail header of the emoji contact is wrong at ${COLS} columns"
import sys, unicodedata
line, cols, full = sys.argv[1], int(sys.argv[2]), sys.argv[3]
w = lambda s: sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
head = line.split("│ ", 1)[1].rstrip()
if w(line) > cols:
    sys.exit(f"header row is {w(line)} columns wide, the terminal {cols}")
if head != full and not (head.endswith("…") and full.startswith(head[:-1])):
    sys.exit(f"header {head!r} is neither {full!r} nor a prefix of it with …")
PY
  ok "${COLS}×${ROWS}: the detail header fits (cut with … if needed)"
  quit_app
done

finish
