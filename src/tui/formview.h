/* A form on screen: headings, fields with their editors, group rows, and
 * "add" lines; used by the case pages and the settings screen. It draws and
 * edits; where values come from and go to is the screen's business. */
#ifndef BITIM_TUI_FORMVIEW_H
#define BITIM_TUI_FORMVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>
#include "bitim/form.h"
#include "app.h"
#include "editor.h"

enum fv_kind { FV_SECTION, FV_FIELD, FV_ROW_HEAD, FV_ADD };

struct fv_item {
	enum fv_kind kind;
	const struct field_def *field; /* FV_FIELD; borrowed */
	enum entity entity;            /* for group items */
	int row;                       /* group row index, -1 outside groups */
	char *text;                    /* heading, row title or add line (translated); owned */
};

/* Where a form's values come from and go. */
struct fv_source {
	void *ctx;
	/* The stored value (borrowed), or NULL. */
	const char *(*value)(void *ctx, const struct fv_item *it);
	/* Save what was typed; reason is an untranslated msgid for ERR_INVALID. */
	enum bitim_status (*save)(void *ctx, const struct fv_item *it, const char *input, const char **reason);
	/* Why the field cannot be changed now (msgid), or NULL. */
	const char *(*locked)(void *ctx, const struct fv_item *it);
	/* For a text field chosen from names (the case's parties): fills at
	 * most max names (borrowed) and returns how many; 0 for a plain text
	 * field. NULL when no field is. */
	size_t (*names)(void *ctx, const struct fv_item *it, const char **names, size_t max);
};

/* The one hint of every choice field (msgid), and of a field chosen from names. */
extern const char fv_choice_hint[];
extern const char fv_names_hint[];

struct formview {
	struct fv_item *items; /* owned */
	size_t nitems;
	size_t focus;          /* index of the focused item; nitems when none */
	int scroll;            /* rows of the form above the visible area */
	struct editor ed;      /* holds the focused text field's text */
	bool editing;          /* ed belongs to the focused item */
	struct fv_source src;
	wchar_t typed[32];     /* letters typed on a choice field, to find an option */
	size_t typed_len;
	char *abandoned;       /* text left unsaved (invalid) for Undo to bring back; owned */
	char abandoned_key[128];
	int abandoned_row;
	int label_width;       /* set by fv_draw */
	int value_width;
};

enum fv_commit { FV_UNCHANGED, FV_SAVED, FV_INVALID };

void fv_init(struct formview *fv, const struct fv_source *src);
void fv_free(struct formview *fv);

/* Building: clear, then add items in order. */
void fv_clear(struct formview *fv);
void fv_add(struct formview *fv, enum fv_kind kind, const struct field_def *field, enum entity e,
	    int row, const char *text);

/* Focus: the first focusable item, the item of a field (and row), or next/prev. */
void fv_focus_first(struct formview *fv);
bool fv_focus_field(struct formview *fv, const char *key, int row);
bool fv_move(struct formview *fv, int step);
const struct fv_item *fv_current(const struct formview *fv);

/* Save the focused field if its text changed. On FV_INVALID the message
 * line says why and the typed text stays in the editor. */
enum fv_commit fv_commit(struct formview *fv, struct app *app);

/* After fv_commit said FV_INVALID on a key that leaves (F10, Esc): ask
 * whether to correct the value or leave it unsaved. Leaving keeps the typed
 * text for Undo (fv_take_back) and shows the stored value again. True when
 * the user chose to leave. after says where the user goes, for the
 * message on how to get the text back from there. */
enum fv_after { FV_STAY, FV_TO_LIST_FROM_CASE, FV_TO_LIST_FROM_SETTINGS };
bool fv_leave_invalid(struct formview *fv, struct app *app, enum fv_after after);

/* The text left unsaved, if any: its field key and row (for the screen to
 * show its page). NULL when there is none. */
const char *fv_abandoned(const struct formview *fv, int *row);
/* The text left unsaved, as fv_abandoned names it (NULL: none). */
const char *fv_abandoned_text(const struct formview *fv);
/* Take text (owned from now on) as the text left unsaved in field key, row. */
void fv_adopt(struct formview *fv, const char *key, int row, char *text);

/* Put the text left unsaved back into its field (which must be on the
 * form) for correcting; true when there was one. */
bool fv_take_back(struct formview *fv, struct app *app);

/* Forget the text left unsaved (another case is opened). */
void fv_forget(struct formview *fv);

/* (Re)load the editor from the stored value of the focused item. */
void fv_load(struct formview *fv);

/* A key for the focused field (typing, editing, choices). Returns true when used. */
bool fv_key(struct formview *fv, struct app *app, bool is_key, wint_t key);

/* Draw the form in rows [top, top+rows) and place the cursor. */
void fv_draw(struct formview *fv, int top, int rows, int cols);

/* A short hint for the focused field (msgid), for the message line. */
const char *fv_hint(const struct formview *fv);

/* The text a stored value shows as (translated choice, DD.MM.YYYY). */
void fv_display(const struct field_def *f, const char *stored, char *buf, size_t size);

#endif
