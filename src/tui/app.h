/* The terminal application: its state, the screens' common operations and
 * the frame around every screen (title, message line, key bar). */
#ifndef BITIM_TUI_APP_H
#define BITIM_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>
#include "bitim/procedure.h"
#include "bitim/store.h"
#include "actions.h"

/* Below this size bitim shows "terminal too small" until it grows. */
#define MIN_COLS 60
#define MIN_ROWS 18

enum message_kind { MSG_INFO, MSG_ERROR };

struct app;

/* What every screen does; the main loop knows nothing else about screens. */
struct screen {
	const char *name;
	/* The actions offered, for dispatch, key bar and help; ends with ACT_NONE. */
	const enum action *(*actions)(struct app *app);
	void (*enter)(struct app *app);
	void (*draw)(struct app *app);
	/* A key: `action` is what the table makes of it (ACT_NONE for typing). */
	void (*key)(struct app *app, enum action action, bool is_key, wint_t key);
	/* Save what is being edited before leaving or quitting; false when it
	 * cannot be saved (the message line says why) and the user must stay. */
	bool (*leave)(struct app *app);
	/* Text for F1 about the current field, or NULL (malloc'd). */
	char *(*field_help)(struct app *app);
	/* The stage's law and trainee text for F1, or NULL (borrowed msgids). */
	const char *(*stage_help)(struct app *app, const char **trainee);
	/* A hint for the message line when it has no message (msgid), or NULL. */
	const char *(*hint)(struct app *app);
	/* Free what the screen keeps between visits (at exit). */
	void (*release)(void);
};

struct app {
	struct store *store;           /* borrowed */
	const struct procedure *proc;  /* borrowed */
	const struct screen *screen;   /* current */
	const struct screen *next;     /* set to switch screens after a key */
	int64_t case_id;               /* the case the case screen shows */
	char message[512];
	enum message_kind message_kind;
	/* Work done between keys (background.h): how far it came, shown on the
	 * message line when no message is; and whether it changed what the
	 * screens show (the list reloads its rows). */
	char status[256];
	bool data_changed;
	bool quit;
	int rows, cols;
	bool demo;                     /* a demonstration database: trainee help shown */
	/* While a dialog is open: its keys for the key bar (the screen's keys do
	 * nothing then, so they are not shown). Static arrays; NULL otherwise. */
	const enum action *overlay;
};

extern const struct screen screen_list;
extern const struct screen screen_case;
extern const struct screen screen_settings;

/* Show a message on the message line (format already translated). */
void app_message(struct app *app, enum message_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Show a core status as an error, with SQLite's words when there are any. */
void app_status(struct app *app, enum bitim_status status);

/* Switch to another screen (after the current one agreed to leave). */
void app_switch(struct app *app, const struct screen *to);

/* Rows available to a screen's body: between the title and the message line. */
int app_body_top(const struct app *app);
int app_body_rows(const struct app *app);

/* A stage's name, translated: its label, or its short form from forms/
 * (when it has one) if the label is wider than width columns. */
const char *app_stage_name(const struct app *app, int stage, int width);

/* Draw the title line. The right part (a deadline) is never cut; the left
 * part is cut at the end of a word when both do not fit. */
void app_title(struct app *app, const char *left, const char *right);

/* Whether the terminal is below the smallest usable size. */
bool app_too_small(const struct app *app);

/* Redraw everything (screen, message, key bar), e.g. under a dialog. */
void app_draw(struct app *app);

/* How far a deadline is: "in 5 days", "due today", "!3 days overdue"
 * (the "!" marks an overdue one without colour). */
void app_due_text(const char *iso, char *buf, size_t size, bool *overdue);

/* Cycle the interface language kk → ru → en and save the choice. */
void app_cycle_language(struct app *app);

/* Whether SIGTERM or SIGHUP asked bitim to stop (checked by dialogs too). */
bool app_stop_requested(void);

/* Read one key as get_wch does (OK/KEY_CODE_YES/ERR). Terminfo's "suspend"
 * key is given back as Ctrl-Z; an escape sequence no key is known for is
 * read whole and dropped (ERR), so its tail never lands in a field. */
int app_read_key(wint_t *key);

/* Whether a key means "switch the language" (F5, Ctrl-L): dialogs ask. */
bool app_is_language_key(int kind, wint_t key);

/* Run the interface until the user quits or a signal asks to stop.
 * forms_fingerprint (deadlines.h) tells whether the open cases' deadlines
 * must be recomputed for changed forms; NULL when it could not be read. */
int tui_run(struct store *store, const struct procedure *proc, const char *forms_fingerprint);

#endif
