/* Every action of the interface, declared once with its keys, its key-bar
 * label and its help text. Key dispatch, the key bar and the help screen are
 * all generated from this one table. */
#ifndef BITIM_TUI_ACTIONS_H
#define BITIM_TUI_ACTIONS_H

#include <stdbool.h>
#include <wchar.h>

enum action {
	ACT_NONE,
	ACT_HELP,
	ACT_ADVANCE,
	ACT_SEARCH,
	ACT_NEW_CASE,
	ACT_LANGUAGE,
	ACT_FILTER,
	ACT_TERMINATE,
	ACT_PRINT,
	ACT_EXPORT,
	ACT_REPORT,
	ACT_SETTINGS,
	ACT_CONFLICTS,
	ACT_ADD_ROW,
	ACT_REMOVE_ROW,
	ACT_UNDO,
	ACT_OPEN,
	ACT_PAGES,
	ACT_NEXT_PAGE,
	ACT_PREV_PAGE,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_NEXT_FIELD_TAB, /* the same in a multi-line text, where Enter starts a line */
	ACT_ESCAPE,
	ACT_BACK,
	ACT_QUIT,
	/* Keys of dialogs, for the key bar under a dialog (the dialog reads them). */
	ACT_DLG_YES,
	ACT_DLG_NO,
	ACT_DLG_CORRECT,
	ACT_DLG_DISCARD,
	ACT_DLG_SETTINGS,
	ACT_DLG_LATER,
	ACT_DLG_CLOSE,
	ACT_DLG_SCROLL,
	ACT_DLG_CHOOSE,
	ACT_DLG_CANCEL,
	ACT_COUNT
};

struct action_def {
	enum action action;
	int fkey;            /* 1..12, or 0 */
	int ctrl;            /* the control key's letter ('G' for Ctrl-G), or 0 */
	const char *other;   /* another key's name as shown ("Enter", "PgDn", "/"), or NULL */
	const char *label;   /* short key-bar label, msgid */
	const char *help;    /* one sentence for the help screen, msgid */
	bool optional;       /* left off the key bar when it is full (still in F1) */
	const char *more;    /* further keys, listed in F1 only ("^Y ^V"), or NULL */
};

/* The definition of an action. */
const struct action_def *action_def(enum action a);

/* The action a key means on a screen that offers `offered` (a list ending
 * with ACT_NONE); ACT_NONE when the key is not an action there (plain typing).
 * is_key is true for function and cursor keys (KEY_ codes). */
enum action action_for_key(const enum action *offered, bool is_key, wint_t key);

/* The key as shown: "F2 ^O", "Enter", "PgUp PgDn". Writes into buf. */
const char *action_keys(const struct action_def *d, char *buf, int size);

/* Every key of an action, for the help screen: "PgUp PgDn ^Y ^V". */
const char *action_all_keys(const struct action_def *d, char *buf, int size);

#endif
