/* The form widget: layout, drawing, focus, editing and saving of fields. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include "bitim/date.h"
#include "bitim/i18n.h"
#include "dialog.h"
#include "draw.h"
#include "formview.h"

const char fv_choice_hint[] = N_("Choice: type its first letters or 1-9; Enter: list; ←→: change; Del: clear");
const char fv_names_hint[] = N_("A party: type the first letters of the name or 1-9; Enter: list; ←→: change");

/* Rows a multi-line field shows. */
#define MULTILINE_ROWS 3

void fv_init(struct formview *fv, const struct fv_source *src)
{
	memset(fv, 0, sizeof *fv);
	fv->src = *src;
	editor_init(&fv->ed, false);
}

void fv_clear(struct formview *fv)
{
	for (size_t i = 0; i < fv->nitems; i++)
		free(fv->items[i].text);
	free(fv->items);
	fv->items = NULL;
	fv->nitems = 0;
	fv->focus = 0;
	fv->editing = false;
}

void fv_free(struct formview *fv)
{
	fv_clear(fv);
	fv_forget(fv);
	editor_free(&fv->ed);
}

void fv_add(struct formview *fv, enum fv_kind kind, const struct field_def *field, enum entity e,
	    int row, const char *text)
{
	struct fv_item *grown = realloc(fv->items, (fv->nitems + 1) * sizeof *grown);

	if (!grown)
		return; /* the form shows less; nothing is stored or lost */
	fv->items = grown;
	grown[fv->nitems] = (struct fv_item){ kind, field, e, row, text ? strdup(text) : NULL };
	fv->nitems++;
}

static bool focusable(const struct fv_item *it)
{
	return it->kind == FV_FIELD || it->kind == FV_ADD;
}

const struct fv_item *fv_current(const struct formview *fv)
{
	return fv->focus < fv->nitems ? &fv->items[fv->focus] : NULL;
}

/* Whether the focused item is edited as text (not a choice). */
static bool is_text(const struct fv_item *it)
{
	return it && it->kind == FV_FIELD && it->field->type != FIELD_CHOICE && it->field->type != FIELD_YESNO;
}

void fv_display(const struct field_def *f, const char *stored, char *buf, size_t size)
{
	field_display(f, stored, buf, size);
	if (stored && (f->type == FIELD_CHOICE || f->type == FIELD_YESNO))
		snprintf(buf, size, "%s", _(choice_label(f->choices, stored) ? choice_label(f->choices, stored) : stored));
}

void fv_load(struct formview *fv)
{
	const struct fv_item *it = fv_current(fv);
	char buf[4096];

	fv->editing = false;
	fv->typed_len = 0;
	if (!is_text(it))
		return;
	if (fv->src.names) {
		const char *names[2];
		if (fv->src.names(fv->src.ctx, it, names, 2) > 0)
			return; /* chosen from the names, like a choice */
	}
	editor_free(&fv->ed);
	editor_init(&fv->ed, it->field->type == FIELD_MULTILINE);
	/* Long stored texts go in whole; buf is only for short displayed forms. */
	if (it->field->type == FIELD_DATE) {
		fv_display(it->field, fv->src.value(fv->src.ctx, it), buf, sizeof buf);
		editor_set(&fv->ed, buf);
	} else {
		editor_set(&fv->ed, fv->src.value(fv->src.ctx, it));
	}
	fv->editing = true;
}

void fv_focus_first(struct formview *fv)
{
	fv->focus = fv->nitems;
	for (size_t i = 0; i < fv->nitems; i++)
		if (focusable(&fv->items[i])) {
			fv->focus = i;
			break;
		}
	fv_load(fv);
}

bool fv_focus_field(struct formview *fv, const char *key, int row)
{
	for (size_t i = 0; i < fv->nitems; i++) {
		const struct fv_item *it = &fv->items[i];
		if (it->kind == FV_FIELD && strcmp(it->field->key, key) == 0 && (row < 0 || it->row == row)) {
			fv->focus = i;
			fv_load(fv);
			return true;
		}
	}
	return false;
}

bool fv_move(struct formview *fv, int step)
{
	size_t i = fv->focus;

	for (;;) {
		if ((step < 0 && i == 0) || (step > 0 && i + 1 >= fv->nitems))
			return false;
		i = step < 0 ? i - 1 : i + 1;
		if (focusable(&fv->items[i]))
			break;
	}
	fv->focus = i;
	fv_load(fv);
	return true;
}

enum fv_commit fv_commit(struct formview *fv, struct app *app)
{
	const struct fv_item *it = fv_current(fv);
	const char *reason = NULL;
	enum bitim_status st;
	char *text;

	if (!fv->editing || !fv->ed.dirty || !it)
		return FV_UNCHANGED;
	text = editor_text(&fv->ed);
	if (!text) {
		app_status(app, BITIM_ERR_NOMEM);
		return FV_INVALID;
	}
	st = fv->src.save(fv->src.ctx, it, text, &reason);
	free(text);
	if (st == BITIM_ERR_INVALID) {
		app_message(app, MSG_ERROR, "%s: %s", _(it->field->label), _(reason));
		return FV_INVALID;
	}
	if (st != BITIM_OK) {
		app_status(app, st);
		return FV_INVALID;
	}
	fv->ed.dirty = false;
	return FV_SAVED;
}

/* ------------------------------------------------------ leaving unsaved */

void fv_forget(struct formview *fv)
{
	free(fv->abandoned);
	fv->abandoned = NULL;
}

bool fv_leave_invalid(struct formview *fv, struct app *app, enum fv_after after)
{
	const struct fv_item *it = fv_current(fv);
	char question[1024], *typed;

	if (!it || !fv->editing)
		return true;
	snprintf(question, sizeof question, "%s\n\n%s\n%s", app->message,
		 _("Enter: correct it."),
		 _("Esc: leave it unsaved; what you typed is kept in the undo history, and Undo (F9 or Ctrl-Z) brings it back."));
	if (dialog_ask(app, N_("This value is not saved"), question, ACT_DLG_CORRECT, ACT_DLG_DISCARD))
		return false;
	typed = editor_text(&fv->ed);
	if (!typed)
		return false;
	fv_forget(fv);
	fv->abandoned = typed;
	snprintf(fv->abandoned_key, sizeof fv->abandoned_key, "%s", it->field->key);
	fv->abandoned_row = it->row;
	fv_load(fv);
	/* On the list F9 is Settings: say where Undo brings the text back. */
	if (after == FV_TO_LIST_FROM_CASE)
		app_message(app, MSG_INFO, _("Not saved: %s. Enter, then F9, brings it back."),
			    _(it->field->label));
	else if (after == FV_TO_LIST_FROM_SETTINGS)
		app_message(app, MSG_INFO, _("Not saved: %s. Open Settings again (F9): Undo (F9 or Ctrl-Z) there brings back what you typed."),
			    _(it->field->label));
	else
		app_message(app, MSG_INFO, _("Not saved: %s. Undo (F9 or Ctrl-Z) brings back what you typed."), _(it->field->label));
	return true;
}

const char *fv_abandoned(const struct formview *fv, int *row)
{
	*row = fv->abandoned_row;
	return fv->abandoned ? fv->abandoned_key : NULL;
}

const char *fv_abandoned_text(const struct formview *fv)
{
	return fv->abandoned;
}

void fv_adopt(struct formview *fv, const char *key, int row, char *text)
{
	fv_forget(fv);
	fv->abandoned = text;
	snprintf(fv->abandoned_key, sizeof fv->abandoned_key, "%s", key);
	fv->abandoned_row = row;
}

bool fv_take_back(struct formview *fv, struct app *app)
{
	const struct fv_item *it;

	if (!fv->abandoned || !fv_focus_field(fv, fv->abandoned_key, fv->abandoned_row))
		return false;
	it = fv_current(fv);
	editor_set(&fv->ed, fv->abandoned);
	fv->ed.dirty = true;
	fv_forget(fv);
	app_message(app, MSG_INFO, _("Back in %s: what you typed, not yet saved; correct it and leave the field."), _(it->field->label));
	return true;
}

/* ------------------------------------------------------------ choices */

/* The values a choice field offers: labels (msgids, or names shown as they
 * are) and what is stored for each. */
struct options {
	const char *labels[64];
	const char *codes[64];
	size_t n;
};

/* A field's options: its choice list, or the names the screen offers (the
 * case's parties for "which party"); false for a plain text field. */
static bool options_of(const struct formview *fv, const struct fv_item *it, struct options *o)
{
	const struct field_def *f = it->field;

	o->n = 0;
	if (f->type == FIELD_CHOICE || f->type == FIELD_YESNO) {
		for (size_t i = 0; i < f->choices->count && o->n < 64; i++, o->n++) {
			o->labels[o->n] = f->choices->items[i].label;
			o->codes[o->n] = f->choices->items[i].code;
		}
		return true;
	}
	if (fv->src.names) {
		o->n = fv->src.names(fv->src.ctx, it, o->labels, 64);
		for (size_t i = 0; i < o->n; i++)
			o->codes[i] = o->labels[i];
		return o->n > 0;
	}
	return false;
}

static int option_index(const struct options *o, const char *code)
{
	for (size_t i = 0; code && i < o->n; i++)
		if (strcmp(o->codes[i], code) == 0)
			return (int)i;
	return -1;
}

static void save_choice(struct formview *fv, struct app *app, const struct fv_item *it,
			const struct options *o, int index)
{
	const char *reason = NULL;
	enum bitim_status st;

	if (index < 0 || (size_t)index >= o->n)
		return;
	st = fv->src.save(fv->src.ctx, it, o->codes[index], &reason);
	if (st == BITIM_ERR_INVALID)
		app_message(app, MSG_ERROR, "%s: %s", _(it->field->label), _(reason));
	else if (st != BITIM_OK)
		app_status(app, st);
}

/* Whether a translated label starts with what was typed (any case). */
static bool starts_with(const char *label, const wchar_t *typed, size_t n)
{
	wchar_t wide[256];
	size_t len = mbstowcs(wide, label, 255);

	if (len == (size_t)-1 || len < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (towlower((wint_t)wide[i]) != towlower((wint_t)typed[i]))
			return false;
	return true;
}

/* The first option whose label starts with the typed letters, or -1. */
static int option_typed(const struct options *o, const wchar_t *typed, size_t n)
{
	for (size_t i = 0; i < o->n; i++)
		if (starts_with(_(o->labels[i]), typed, n))
			return (int)i;
	/* On a Latin keyboard the English words work too ("y" for Иә). */
	for (size_t i = 0; i < o->n; i++)
		if (starts_with(o->labels[i], typed, n))
			return (int)i;
	return -1;
}

/* A letter typed on a choice: it adds to the letters typed so far and the
 * first option starting with them is chosen. */
static void choice_letter(struct formview *fv, struct app *app, const struct fv_item *it,
			  const struct options *o, wchar_t c)
{
	int found;

	if (fv->typed_len < sizeof fv->typed / sizeof fv->typed[0])
		fv->typed[fv->typed_len++] = c;
	found = option_typed(o, fv->typed, fv->typed_len);
	if (found < 0 && c != L' ') {
		/* Not a continuation: maybe the start of another option. */
		fv->typed[0] = c;
		fv->typed_len = 1;
		found = option_typed(o, fv->typed, fv->typed_len);
	}
	if (found < 0) {
		fv->typed_len = 0;
		if (c != L' ')
			app_message(app, MSG_INFO, "%s", _(fv_choice_hint));
		return;
	}
	if (found != option_index(o, fv->src.value(fv->src.ctx, it)))
		save_choice(fv, app, it, o, found);
}

static bool choice_key(struct formview *fv, struct app *app, const struct fv_item *it,
		       const struct options *o, bool is_key, wint_t key)
{
	int cur = option_index(o, fv->src.value(fv->src.ctx, it)), n = (int)o->n;

	/* Enter opens the list; Space does not (a stray Enter would then choose). */
	if ((!is_key && (key == L'\r' || key == L'\n')) || (is_key && key == KEY_ENTER)) {
		fv->typed_len = 0;
		save_choice(fv, app, it, o, dialog_pick(app, it->field->label, o->labels, o->n, cur));
		return true;
	}
	if (is_key && (key == KEY_RIGHT || key == KEY_LEFT)) {
		int next = key == KEY_RIGHT ? (cur + 1) % n : (cur <= 0 ? n - 1 : cur - 1);
		fv->typed_len = 0;
		save_choice(fv, app, it, o, next);
		return true;
	}
	if (!is_key && key >= L'1' && key <= L'9' && (int)(key - L'1') < n) {
		fv->typed_len = 0;
		save_choice(fv, app, it, o, (int)(key - L'1'));
		return true;
	}
	if ((is_key && (key == KEY_DC || key == KEY_BACKSPACE)) || (!is_key && (key == 127 || key == 8 || key == 4))) {
		const char *reason;
		enum bitim_status st = fv->src.save(fv->src.ctx, it, "", &reason);
		fv->typed_len = 0;
		if (st != BITIM_OK)
			app_status(app, st);
		return true;
	}
	if (!is_key && key == L' ' && fv->typed_len == 0)
		return true; /* a Space alone chooses nothing */
	if (!is_key && key >= 0x20) {
		choice_letter(fv, app, it, o, (wchar_t)key);
		return true;
	}
	return false;
}

/* -------------------------------------------------------------- typing */

static bool text_key(struct formview *fv, struct app *app, bool is_key, wint_t key)
{
	struct editor *ed = &fv->ed;

	if (is_key) {
		switch (key) {
		case KEY_LEFT: editor_left(ed); return true;
		case KEY_RIGHT: editor_right(ed); return true;
		case KEY_HOME: editor_home(ed); return true;
		case KEY_END: editor_end(ed); return true;
		case KEY_BACKSPACE: editor_backspace(ed); return true;
		case KEY_DC: editor_delete(ed); return true;
		case 0x221: /* Ctrl-Left in xterm */
		case 0x222: editor_word_left(ed); return true;
		case 0x230:
		case 0x231: editor_word_right(ed); return true;
		default: return false;
		}
	}
	switch (key) {
	case 1: editor_home(ed); return true;         /* ^A */
	case 5: editor_end(ed); return true;          /* ^E */
	case 4: editor_delete(ed); return true;       /* ^D */
	case 8: case 127: editor_backspace(ed); return true;
	case 23: editor_delete_word(ed); return true; /* ^W */
	case 2: editor_left(ed); return true;         /* ^B */
	default:
		break;
	}
	if (key < 0x20 && key != L'\r' && key != L'\n')
		return false;
	switch (editor_insert(ed, key == L'\r' ? L'\n' : (wchar_t)key)) {
	case EDITOR_FULL:
		app_message(app, MSG_ERROR, _("This field holds at most %d characters"), EDITOR_MAX_CHARS);
		break;
	case EDITOR_REJECTED:
		break; /* control characters never enter a field */
	case EDITOR_OK:
		break;
	}
	return true;
}

bool fv_key(struct formview *fv, struct app *app, bool is_key, wint_t key)
{
	const struct fv_item *it = fv_current(fv);
	struct options o;
	const char *why;

	if (!it || it->kind != FV_FIELD)
		return false;
	why = fv->src.locked ? fv->src.locked(fv->src.ctx, it) : NULL;
	if (why && (!is_key || key == KEY_DC || key == KEY_BACKSPACE)) {
		app_message(app, MSG_ERROR, "%s", _(why));
		return true;
	}
	if (why)
		return false;
	if (!is_text(it) || options_of(fv, it, &o))
		return options_of(fv, it, &o) && choice_key(fv, app, it, &o, is_key, key);
	return text_key(fv, app, is_key, key);
}

const char *fv_hint(const struct formview *fv)
{
	const struct fv_item *it = fv_current(fv);
	const char *why;

	if (!it)
		return NULL;
	if (it->kind == FV_ADD)
		return N_("Press Enter (or F4) to add one");
	/* A field that cannot be changed says why, not how to type. */
	if (it->kind == FV_FIELD && fv->src.locked && (why = fv->src.locked(fv->src.ctx, it)))
		return why;
	if (it->kind == FV_FIELD && fv->src.names && !fv->editing && is_text(it)) {
		const char *names[2];
		if (fv->src.names(fv->src.ctx, it, names, 2) > 0)
			return fv_names_hint;
	}
	switch (it->field->type) {
	case FIELD_DATE: return N_("A date: DD.MM.YYYY");
	case FIELD_CHOICE:
	case FIELD_YESNO: return fv_choice_hint;
	case FIELD_IIN: return N_("IIN: 12 digits");
	case FIELD_BIN: return N_("BIN: 12 digits");
	case FIELD_PHONE: return N_("Phone: +7 7xx xxx xx xx");
	case FIELD_INT: return N_("A whole number");
	case FIELD_MULTILINE: return N_("Several lines: Enter starts a new line, Tab goes to the next field");
	default: return N_("Type the text; Tab or Enter: next field");
	}
}

/* ------------------------------------------------------------- drawing */

static int label_rows(const struct formview *fv, const struct fv_item *it)
{
	return (int)text_wrap(_(it->field->label), fv->label_width - 2, NULL, 0);
}

/* Rows the value takes: a multi-line field its box; a one-line value too
 * wide for its column wraps at words onto up to three rows (a choice such
 * as a ground of termination is read whole, not cut). */
static int value_rows(const struct formview *fv, const struct fv_item *it)
{
	char buf[4096];
	size_t n;

	if (it->field->type == FIELD_MULTILINE)
		return MULTILINE_ROWS;
	if (fv->value_width < 1)
		return 1;
	fv_display(it->field, fv->src.value(fv->src.ctx, it), buf, sizeof buf);
	n = text_wrap(buf, fv->value_width, NULL, 0);
	return n < 1 ? 1 : (n > 3 ? 3 : (int)n);
}

static int item_height(const struct formview *fv, const struct fv_item *it, size_t index)
{
	int h;

	switch (it->kind) {
	case FV_SECTION:
		return index == 0 ? 1 : 2;
	case FV_ROW_HEAD:
		return index == 0 ? 1 : 2;
	case FV_ADD:
		return 1;
	case FV_FIELD:
		h = value_rows(fv, it);
		return label_rows(fv, it) > h ? label_rows(fv, it) : h;
	}
	return 1;
}

static void draw_label(const struct formview *fv, const struct fv_item *it, int y, int rows, bool focused)
{
	const char *label = _(it->field->label);
	size_t n = text_wrap(label, fv->label_width - 2, NULL, 0);
	struct span *lines = malloc((n ? n : 1) * sizeof *lines);
	attr_t a = focused ? A_REVERSE : A_NORMAL;

	if (!lines)
		return;
	text_wrap_label(label, fv->label_width - 2, lines, n);
	if (it->field->required)
		draw_text(y, 0, "*", 1, A_BOLD, false);
	for (size_t r = 0; r < n && (int)r < rows; r++)
		draw_text_n(y + (int)r, 2, label + lines[r].start, lines[r].end - lines[r].start,
			    fv->label_width - 2, a, false);
	free(lines);
}

/* The stored value of an unfocused field. */
static void draw_value(const struct formview *fv, const struct fv_item *it, int y, int rows)
{
	char buf[4096];
	const char *stored = fv->src.value(fv->src.ctx, it);
	int x = fv->label_width + 1;
	attr_t a = fv->src.locked && fv->src.locked(fv->src.ctx, it) ? A_NORMAL : A_UNDERLINE;

	fv_display(it->field, stored, buf, sizeof buf);
	if (it->field->type != FIELD_MULTILINE && text_width(buf) <= fv->value_width) {
		draw_text(y, x, buf, fv->value_width, a, true);
		return;
	}
	size_t n = text_wrap(buf, fv->value_width, NULL, 0);
	struct span *lines = malloc((n ? n : 1) * sizeof *lines);
	if (!lines)
		return;
	text_wrap(buf, fv->value_width, lines, n);
	for (int r = 0; r < rows; r++) {
		if ((size_t)r < n && r == rows - 1 && (size_t)r + 1 < n) {
			/* The last visible line ends with "…" at a word's end when more follows. */
			draw_blank(y + r, x, fv->value_width, a);
			draw_text_cut(y + r, x, buf + lines[r].start, fv->value_width, a, "");
		} else if ((size_t)r < n) {
			draw_text_n(y + r, x, buf + lines[r].start, lines[r].end - lines[r].start, fv->value_width, a, true);
		} else {
			draw_blank(y + r, x, fv->value_width, a);
		}
	}
	free(lines);
}

/* The focused text field from its editor; returns the cursor's screen place. */
static void draw_editor(struct formview *fv, int y, int rows, int *cy, int *cx)
{
	struct editor *ed = &fv->ed;
	int x = fv->label_width + 1, w = fv->value_width;
	wchar_t one[2] = { 0, 0 };

	editor_scroll_to_cursor(ed, w, rows);
	if (!ed->multiline) {
		int cols = 0;
		draw_blank(y, x, w, A_UNDERLINE);
		*cy = y;
		*cx = x;
		for (size_t i = ed->scroll; i < ed->len_chars; i++) {
			int cw = editor_char_width(ed->text[i]);
			if (i == ed->cursor)
				*cx = x + cols;
			if (cols + cw > w)
				break;
			one[0] = ed->text[i];
			attron(A_UNDERLINE);
			mvaddnwstr(y, x + cols, one, 1);
			attroff(A_UNDERLINE);
			cols += cw;
		}
		if (ed->cursor >= ed->len_chars)
			*cx = x + cols < x + w ? x + cols : x + w - 1;
		return;
	}
	size_t total = editor_layout(ed, w, NULL, 0), crow;
	int ccol;
	struct editor_row *layout = malloc((total ? total : 1) * sizeof *layout);
	if (!layout)
		return;
	editor_layout(ed, w, layout, total);
	editor_cursor_at(ed, w, &crow, &ccol);
	for (int r = 0; r < rows; r++) {
		size_t lr = ed->scroll + (size_t)r;
		int cols = 0;
		draw_blank(y + r, x, w, A_UNDERLINE);
		if (lr >= total)
			continue;
		for (size_t i = layout[lr].start; i < layout[lr].end; i++) {
			one[0] = ed->text[i] == L'\n' ? L' ' : ed->text[i];
			attron(A_UNDERLINE);
			mvaddnwstr(y + r, x + cols, one, 1);
			attroff(A_UNDERLINE);
			cols += editor_char_width(ed->text[i]);
		}
	}
	*cy = y + (int)(crow - ed->scroll);
	*cx = x + (ccol < w ? ccol : w - 1);
	free(layout);
}

/* Scroll so the focused item is on screen with a few rows below it in
 * view (what comes next), and no blank space below the form's end (after
 * a resize to a larger terminal the page uses the room). */
static void scroll_to_focus(struct formview *fv, int rows)
{
	int y = 0, total = 0, focus_top = 0, focus_bottom = 0, margin = rows / 4 < 3 ? rows / 4 : 3;

	for (size_t i = 0; i < fv->nitems; i++) {
		int h = item_height(fv, &fv->items[i], i);
		if (i == fv->focus) {
			/* Keep a heading just above the focus in view too. */
			focus_top = y;
			if (i > 0 && fv->items[i - 1].kind != FV_FIELD)
				focus_top -= item_height(fv, &fv->items[i - 1], i - 1);
			focus_bottom = y + h;
		}
		y += h;
	}
	total = y;
	if (fv->focus < fv->nitems) {
		if (focus_top < fv->scroll)
			fv->scroll = focus_top < 0 ? 0 : focus_top;
		if (focus_bottom + margin > fv->scroll + rows)
			fv->scroll = focus_bottom + margin - rows;
		/* A tall item keeps its top in view rather than its margin. */
		if (focus_top < fv->scroll)
			fv->scroll = focus_top < 0 ? 0 : focus_top;
	}
	if (fv->scroll > total - rows)
		fv->scroll = total - rows;
	if (fv->scroll < 0)
		fv->scroll = 0;
}

void fv_draw(struct formview *fv, int top, int rows, int cols)
{
	int y = 0, cy = -1, cx = -1;

	fv->label_width = cols * 2 / 5 < 40 ? cols * 2 / 5 : 40;
	fv->value_width = cols - fv->label_width - 2;
	scroll_to_focus(fv, rows);
	for (size_t i = 0; i < fv->nitems; i++) {
		const struct fv_item *it = &fv->items[i];
		int h = item_height(fv, it, i), sy = top + y - fv->scroll;
		bool focused = i == fv->focus;

		y += h;
		if (sy + h <= top || sy >= top + rows)
			continue;
		/* Items cut by the top or bottom edge are drawn only where visible. */
		if (sy < top || sy + h > top + rows) {
			if (it->kind != FV_FIELD || it->field->type != FIELD_MULTILINE)
				continue;
		}
		switch (it->kind) {
		case FV_SECTION:
		case FV_ROW_HEAD:
			draw_text(sy + h - 1, it->kind == FV_SECTION ? 0 : 1, it->text, cols - 1, A_BOLD, false);
			break;
		case FV_ADD:
			draw_text(sy, 2, it->text, cols - 2, focused ? A_REVERSE : A_NORMAL, false);
			if (focused) {
				cy = sy;
				cx = 2;
			}
			break;
		case FV_FIELD: {
			int vis = h;
			if (sy < top || sy + h > top + rows)
				break;
			draw_label(fv, it, sy, vis, focused);
			if (focused && fv->editing) {
				draw_editor(fv, sy, it->field->type == FIELD_MULTILINE ? MULTILINE_ROWS : 1, &cy, &cx);
			} else {
				draw_value(fv, it, sy, value_rows(fv, it));
				if (focused) {
					cy = sy;
					cx = fv->label_width + 1;
				}
			}
			break;
		}
		}
	}
	if (cy >= 0) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
}
