/* form_recovery.c — a form's fields as one text and back, for the
 * recovery copy of a form being filled in (recovery_ui.c). Records are
 * separated by RS (0x1E), the parts of a record by US (0x1F): KEY US KIND
 * US …; text fields "t" and the value, choices "c" and the index, contact
 * fields "p", the id and the search text, list rows "l", the value, the
 * type and "1" when preferred. */
#include <stdlib.h>
#include <string.h>

#include "widget_form_list.h"
#include "widgets.h"

#define RS "\x1e"
#define US "\x1f"

/* See widgets.h. */
char *form_snapshot(const struct form *f) {
  struct rp_buf b = {0};
  buf_adds(&b, "");
  for (size_t i = 0; i < f->n; i++) {
    const struct form_field *fld = &f->fields[i];
    switch (fld->kind) {
    case FIELD_TEXT: buf_addf(&b, "%s" US "t" US "%s" RS, fld->key, line_edit_text(&fld->edit)); break;
    case FIELD_MULTILINE:
      buf_addf(&b, "%s" US "t" US "%s" RS, fld->key, text_edit_text(&fld->text));
      break;
    case FIELD_CHOICE: buf_addf(&b, "%s" US "c" US "%d" RS, fld->key, fld->choice); break;
    case FIELD_CONTACT:
      buf_addf(&b, "%s" US "p" US "%lld" US "%s" RS, fld->key, (long long)fld->contact_id,
               line_edit_text(&fld->edit));
      break;
    case FIELD_NOTE: break; /* nothing typed */
    case FIELD_LIST:
      for (size_t r = 0; r < fld->nitems; r++) {
        const char *v = form_list_value(fld, r), *t = form_list_type(fld, r);
        if (str_empty(v)) continue;
        buf_addf(&b, "%s" US "l" US "%s" US "%s" US "%d" RS, fld->key, v, t ? t : "",
                 fld->items[r].preferred ? 1 : 0);
      }
      break;
    }
  }
  return buf_steal(&b);
}

static struct form_field *by_key(struct form *f, const char *key) {
  for (size_t i = 0; i < f->n; i++)
    if (f->fields[i].key && strcmp(f->fields[i].key, key) == 0) return &f->fields[i];
  return NULL;
}

/* The next record of a snapshot at *cursor (cut in place): its parts into
 * part[0..5], how many into *n; NULL at the end. */
static char *next_record(char **cursor, char *part[6], size_t *n) {
  char *rec = *cursor;
  if (!rec || !*rec) return NULL;
  char *next = strchr(rec, '\x1e');
  if (next) *next++ = '\0';
  *cursor = next;
  memset(part, 0, 6 * sizeof *part);
  *n = 0;
  for (char *p = rec; p && *n < 6; (*n)++) {
    part[*n] = p;
    p = strchr(p, '\x1f');
    if (p) *p++ = '\0';
  }
  return rec;
}

/* See widgets.h. */
char *form_snapshot_describe(struct form *f, const char *text) {
  char *copy = xstrdup(text ? text : ""), *cursor = copy;
  char *part[6];
  size_t n;
  struct rp_buf b = {0};
  buf_adds(&b, "");
  while (next_record(&cursor, part, &n)) {
    if (n < 3 || part[1][0] == 'c') continue;
    const char *value = part[1][0] == 'p' && n >= 4 ? part[3] : part[2];
    if (str_empty(value)) continue;
    struct form_field *fld = by_key(f, part[0]);
    buf_addf(&b, "%s%s: ", b.len ? "\n" : "", fld && fld->label ? fld->label : part[0]);
    for (const char *c = value; *c; c++) buf_addc(&b, *c == '\n' ? ' ' : *c);
  }
  free(copy);
  return buf_steal(&b);
}

/* See widgets.h. */
void form_restore(struct form *f, const char *text) {
  char *copy = xstrdup(text ? text : ""), *cursor = copy;
  struct form_field *listed = NULL; /* the list field whose rows come now */
  size_t row = 0;
  char *part[6];
  size_t n;
  while (next_record(&cursor, part, &n)) {
    if (n < 3) continue;
    struct form_field *fld = by_key(f, part[0]);
    if (!fld) continue;
    if (part[1][0] == 't' && fld->kind == FIELD_TEXT) line_edit_set(&fld->edit, part[2]);
    else if (part[1][0] == 't' && fld->kind == FIELD_MULTILINE) text_edit_set(&fld->text, part[2]);
    else if (part[1][0] == 'c' && fld->kind == FIELD_CHOICE) {
      int c = atoi(part[2]);
      if (fld->choices && c >= -1 && (size_t)(c + 1) <= fld->choices->n) fld->choice = c;
    } else if (part[1][0] == 'p' && fld->kind == FIELD_CONTACT && n >= 4) {
      fld->contact_id = atoll(part[2]);
      line_edit_set(&fld->edit, part[3]);
    } else if (part[1][0] == 'l' && fld->kind == FIELD_LIST && n >= 5) {
      if (listed != fld) {
        listed = fld;
        row = 0;
      }
      char *init = xstrdup(fld->initial); /* "changed?" is against the form as opened */
      if (row + 1 < fld->nitems) {
        line_edit_set(&fld->items[row].edit, part[2]);
        fld->items[row].preferred = part[4][0] == '1';
      } else {
        form_list_append(fld, part[2], part[3][0] ? part[3] : NULL, part[4][0] == '1');
      }
      free(fld->initial);
      fld->initial = init;
      row++;
    }
  }
  free(copy);
}
