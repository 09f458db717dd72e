/* yaml_doc.c — libyaml events → a small located tree (see yaml_doc.h). */
#include "config/yaml_doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "rapport/config.h"
#include "rapport/utf8.h"

#define YDOC_MAX_DEPTH 64

struct builder {
  yaml_parser_t parser;
  const char *name;
  const char *text;
  size_t len;
  struct rp_err *err;
};

/* Line and column (1-based, columns in characters as libyaml counts them)
 * of byte `offset` of the text: reader errors only carry an offset. */
static void offset_to_mark(const char *text, size_t len, size_t offset, int *line, int *col) {
  int l = 1, c = 1;
  if (offset > len) offset = len;
  for (size_t i = 0; i < offset; i++) {
    unsigned char ch = (unsigned char)text[i];
    if (ch == '\n' || (ch == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) {
      l++;
      c = 1;
    } else if (ch != '\r' && (ch & 0xC0) != 0x80) {
      c++;
    }
  }
  *line = l;
  *col = c;
}

/* Fill err from the parser's error state. */
static enum rp_status fail_parser(struct builder *b) {
  const yaml_parser_t *p = &b->parser;
  const char *problem = p->problem ? p->problem : "invalid YAML";
  int line, col;
  if (p->error == YAML_MEMORY_ERROR) {
    return rp_err_set(b->err, RP_INVALID, "%s: out of memory while reading YAML", b->name);
  } else if (p->error == YAML_READER_ERROR) {
    size_t off = p->problem_offset;
    if (off <= b->len && strcmp(problem, "invalid trailing UTF-8 octet") == 0) {
      /* point at the character that was cut short, not at the byte after it */
      while (off > 0 && ((unsigned char)b->text[off - 1] & 0xC0) == 0x80) off--;
      if (off > 0) off--;
    }
    offset_to_mark(b->text, b->len, off, &line, &col);
  } else {
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
  }
  return rp_err_set(b->err, RP_INVALID, "%s:%d:%d: %s", b->name, line, col, problem);
}

static enum rp_status fail_at(struct builder *b, const yaml_mark_t *m, const char *what) {
  rp_err_set(b->err, RP_INVALID, "%s:%d:%d: %s", b->name, (int)m->line + 1, (int)m->column + 1,
             what);
  return RP_INVALID; /* spelled out, so callers (and -fanalyzer) see it is never RP_OK */
}

static enum rp_status next_event(struct builder *b, yaml_event_t *ev) {
  if (!yaml_parser_parse(&b->parser, ev)) {
    memset(ev, 0, sizeof *ev);
    return fail_parser(b);
  }
  return RP_OK;
}

static struct ynode *node_new(enum ynode_kind kind, const yaml_mark_t *m) {
  struct ynode *n = xcalloc(1, sizeof *n);
  n->kind = kind;
  n->line = (int)m->line + 1;
  n->col = (int)m->column + 1;
  return n;
}

/* Append kid; the array doubles when full (its size is a power of two
 * from 8 on), so a mapping of 200,000 keys is built in linear time. */
static void node_append(struct ynode *parent, struct ynode *kid) {
  size_t n = parent->n;
  if (n < 8 ? n == 0 : (n & (n - 1)) == 0)
    parent->kids = xrealloc(parent->kids, (n < 8 ? 8 : 2 * n) * sizeof *parent->kids);
  parent->kids[parent->n++] = kid;
}

/* The keys of a mapping being built, for finding a duplicate at once: an
 * open-addressing table of indexes into its kids. */
struct keyset {
  size_t *slot; /* 1 + index of the key in kids; 0 = empty */
  size_t cap, n;
};

static size_t key_hash(const char *s) {
  size_t h = 1469598103934665603u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The index of a key equal to `key` among kids, or SIZE_MAX; with `add`,
 * a new key (at index `at`) is remembered. */
static size_t keyset_find(struct keyset *ks, struct ynode *const *kids, const char *key,
                          size_t at, bool add) {
  if (add && 2 * (ks->n + 1) > ks->cap) {
    struct keyset big = {xcalloc(ks->cap ? 2 * ks->cap : 64, sizeof *big.slot),
                         ks->cap ? 2 * ks->cap : 64, 0};
    for (size_t i = 0; i < ks->cap; i++)
      if (ks->slot[i]) {
        size_t j = key_hash(kids[ks->slot[i] - 1]->str) & (big.cap - 1);
        while (big.slot[j]) j = (j + 1) & (big.cap - 1);
        big.slot[j] = ks->slot[i];
        big.n++;
      }
    free(ks->slot);
    *ks = big;
  }
  if (!ks->cap) return SIZE_MAX;
  size_t j = key_hash(key) & (ks->cap - 1);
  for (; ks->slot[j]; j = (j + 1) & (ks->cap - 1))
    if (strcmp(kids[ks->slot[j] - 1]->str, key) == 0) return ks->slot[j] - 1;
  if (add) {
    ks->slot[j] = at + 1;
    ks->n++;
  }
  return SIZE_MAX;
}

static enum rp_status build_node(struct builder *b, yaml_event_t *ev, int depth,
                                 struct ynode **out);

/* Read the entries of a sequence or mapping up to its end event. */
static enum rp_status build_children(struct builder *b, struct ynode *n, int depth) {
  yaml_event_type_t end = n->kind == YNODE_SEQ ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT;
  struct keyset ks = {0};
  for (;;) {
    yaml_event_t ev;
    enum rp_status st = next_event(b, &ev);
    if (st != RP_OK) {
      free(ks.slot);
      return st;
    }
    if (ev.type == end) {
      yaml_event_delete(&ev);
      free(ks.slot);
      return RP_OK;
    }
    struct ynode *kid = NULL;
    st = build_node(b, &ev, depth + 1, &kid);
    if (st != RP_OK) {
      free(ks.slot);
      return st;
    }
    if (n->kind == YNODE_MAP && n->n % 2 == 0) { /* kid is a key */
      if (kid->kind != YNODE_SCALAR) {
        enum rp_status r = rp_err_set(b->err, RP_INVALID,
                                      "%s:%d:%d: a mapping key must be plain text, not %s",
                                      b->name, kid->line, kid->col, ynode_kind_name(kid));
        ynode_free(kid);
        free(ks.slot);
        return r;
      }
      size_t i = keyset_find(&ks, n->kids, kid->str, n->n, true);
      if (i != SIZE_MAX) {
        char *shown = utf8_sanitize(kid->str);
        enum rp_status r = rp_err_set(b->err, RP_INVALID,
                                      "%s:%d:%d: duplicate key '%s' (already given at line %d)",
                                      b->name, kid->line, kid->col, shown, n->kids[i]->line);
        free(shown);
        ynode_free(kid);
        free(ks.slot);
        return r;
      }
    }
    node_append(n, kid);
  }
}

/* Build the node that starts with event *ev (consumed here) into *out. On
 * error *out is NULL and nothing leaks. */
static enum rp_status build_node(struct builder *b, yaml_event_t *ev, int depth,
                                 struct ynode **out) {
  enum rp_status st = RP_OK;
  struct ynode *n = NULL;
  *out = NULL;
  if (depth > YDOC_MAX_DEPTH) {
    st = fail_at(b, &ev->start_mark, "nesting is too deep (at most 64 levels)");
    yaml_event_delete(ev);
    return st;
  }
  switch (ev->type) {
  case YAML_SCALAR_EVENT: {
    const char *v = (const char *)ev->data.scalar.value;
    size_t vlen = ev->data.scalar.length;
    if (memchr(v, '\0', vlen)) {
      st = fail_at(b, &ev->start_mark, "text must not contain NUL characters");
      break;
    }
    n = node_new(YNODE_SCALAR, &ev->start_mark);
    n->str = xstrndup(v, vlen);
    n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    break;
  }
  case YAML_SEQUENCE_START_EVENT:
    n = node_new(YNODE_SEQ, &ev->start_mark);
    st = build_children(b, n, depth);
    break;
  case YAML_MAPPING_START_EVENT:
    n = node_new(YNODE_MAP, &ev->start_mark);
    st = build_children(b, n, depth);
    break;
  case YAML_ALIAS_EVENT:
    st = fail_at(b, &ev->start_mark,
                 "aliases (*name) are not supported; write the value out in full");
    break;
  default:
    st = fail_at(b, &ev->start_mark, "unexpected YAML structure");
    break;
  }
  yaml_event_delete(ev);
  if (st != RP_OK) {
    ynode_free(n);
    return st;
  }
  *out = n;
  return RP_OK;
}

/* Expect an event of type `want` next (stream/document framing). */
static enum rp_status expect(struct builder *b, yaml_event_type_t want, yaml_event_t *ev) {
  enum rp_status st = next_event(b, ev);
  if (st != RP_OK) return st;
  if (ev->type != want) {
    st = fail_at(b, &ev->start_mark, "unexpected YAML structure");
    yaml_event_delete(ev);
  }
  return st;
}

static enum rp_status parse_stream(struct builder *b, struct ynode **root) {
  yaml_event_t ev;
  enum rp_status st = expect(b, YAML_STREAM_START_EVENT, &ev);
  if (st != RP_OK) return st;
  yaml_event_delete(&ev);
  if ((st = next_event(b, &ev)) != RP_OK) return st;
  if (ev.type == YAML_STREAM_END_EVENT) { /* nothing but comments */
    yaml_event_delete(&ev);
    return RP_OK;
  }
  if (ev.type != YAML_DOCUMENT_START_EVENT) {
    st = fail_at(b, &ev.start_mark, "unexpected YAML structure");
    yaml_event_delete(&ev);
    return st;
  }
  yaml_event_delete(&ev);
  if ((st = next_event(b, &ev)) != RP_OK) return st;
  if ((st = build_node(b, &ev, 0, root)) != RP_OK) return st;
  if ((st = expect(b, YAML_DOCUMENT_END_EVENT, &ev)) != RP_OK) return st;
  yaml_event_delete(&ev);
  if ((st = next_event(b, &ev)) != RP_OK) return st;
  if (ev.type == YAML_DOCUMENT_START_EVENT) {
    st = fail_at(b, &ev.start_mark, "only one YAML document is allowed (remove this '---')");
  } else if (ev.type != YAML_STREAM_END_EVENT) {
    st = fail_at(b, &ev.start_mark, "unexpected YAML structure");
  }
  yaml_event_delete(&ev);
  return st;
}

enum rp_status ydoc_parse(const char *name, const char *text, size_t len, struct ynode **root,
                          struct rp_err *err) {
  struct builder b = {.name = name, .text = text, .len = len, .err = err};
  *root = NULL;
  if (!yaml_parser_initialize(&b.parser))
    return rp_err_set(err, RP_INVALID, "%s: out of memory while reading YAML", name);
  yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
  yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);
  enum rp_status st = parse_stream(&b, root);
  yaml_parser_delete(&b.parser);
  if (st != RP_OK) {
    ynode_free(*root);
    *root = NULL;
  }
  return st;
}

void ynode_free(struct ynode *n) {
  if (!n) return;
  for (size_t i = 0; i < n->n; i++) ynode_free(n->kids[i]);
  free(n->kids);
  free(n->str);
  free(n);
}

bool ynode_is_null(const struct ynode *n) {
  if (!n) return true;
  if (n->kind != YNODE_SCALAR || !n->plain) return false;
  return n->str[0] == '\0' || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
         strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0;
}

size_t ynode_map_len(const struct ynode *n) {
  return n && n->kind == YNODE_MAP ? n->n / 2 : 0;
}

const struct ynode *ynode_map_key(const struct ynode *n, size_t i) { return n->kids[2 * i]; }

const struct ynode *ynode_map_value(const struct ynode *n, size_t i) {
  return n->kids[2 * i + 1];
}

const char *ynode_kind_name(const struct ynode *n) {
  if (ynode_is_null(n)) return "empty";
  switch (n->kind) {
  case YNODE_SCALAR: return "a string";
  case YNODE_SEQ: return "a list";
  case YNODE_MAP: return "a mapping";
  }
  return "?";
}

const char *config_library_version(void) { return yaml_get_version_string(); }
