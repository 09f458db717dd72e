/* editor.h — editing a text in the user's $VISUAL / $EDITOR: a private
 * temporary file, the editor run with exec (never through a shell), the
 * file read back and removed. No curses: the UI hands the terminal over
 * around editor_run. */
#ifndef RAPPORT_EDITOR_H
#define RAPPORT_EDITOR_H

#include "rapport/util.h"

/* Split an editor command into words the way a shell would for simple
 * cases: spaces separate words; '…' and "…" quote; a backslash escapes the
 * next character. Appends to argv. RP_INVALID on an unclosed quote.
 * No shell is involved: inside either kind of quote every character is
 * literal, a backslash too ("a\"b" is an unclosed quote), and $VAR, $(…),
 * `…`, ;, |, <, > and globs are plain text. So
 *   EDITOR='/path with space/ed.sh' --flag "x y"
 * runs "/path with space/ed.sh" with the arguments "--flag", "x y" and the
 * file. (tests/unit/test_editor.c, test_hostile_input.c) */
enum rp_status editor_split(const char *cmd, struct rp_strv *argv, struct rp_err *err);
/* The command: $VISUAL, else $EDITOR, else "vi". Not freed. */
const char *editor_command(void);
/* Write `text` to a new 0600 temporary file, run the editor on it and wait,
 * read the file back into *out (caller frees) and remove the file. A
 * trailing newline the editor added is dropped when `text` had none.
 * RP_INVALID (err says why; *out NULL) when the editor cannot be run, or
 * when what it left cannot be taken: it exited with an error after
 * changing the text, or the text is not UTF-8 or holds a NUL byte. What
 * the user wrote is then never thrown away: the file is kept and err names
 * it ("… what you wrote is kept in /tmp/rapport-XXXXXX.txt"). An editor
 * that fails without changing anything leaves nothing behind. */
enum rp_status editor_run(const char *text, char **out, struct rp_err *err);

#endif
