/* The case list: one row per case, most urgent first, paged from the
 * database; search as you type; filter by stage. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/backup.h"
#include "bitim/casefile.h"
#include "bitim/conflicts.h"
#include "bitim/i18n.h"
#include "bitim/search.h"
#include "background.h"
#include "conflicts_view.h"
#include "dialog.h"
#include "draw.h"
#include "editor.h"
#include "help.h"
#include "register.h"
#include "today.h"

static struct {
	struct case_row *rows; /* the visible page; owned */
	size_t nrows;
	struct case_tally tally; /* what the count line says */
	bool partial;          /* a short search stopped looking before the page was full */
	size_t looked;         /* cases it looked at */
	size_t sel;            /* the selected row of the page */
	struct case_row anchor; /* the top row's place, to reload from; status and deadline owned */
	bool from_anchor;      /* reload from the anchor (else from the first page) */
	struct editor search;
	bool searching;        /* the search line has the cursor */
	char *text;            /* the search text in force; owned */
	int stage;             /* stage filter: a stage index, or -1 for all */
	bool stale;            /* reload before drawing */
	int loaded_rows;       /* visible rows when last loaded (a resize reloads) */
	bool ready;            /* search editor initialised */
	size_t conflicts;      /* imported records waiting to be resolved */
} L = { .stage = -1, .stale = true };

/* Rows of cases that fit under the status and header lines. */
static int visible_rows(struct app *app)
{
	return app_body_rows(app) - 2;
}

static struct case_query list_query(struct app *app)
{
	return (struct case_query){
		.text = L.text,
		.stage = L.stage >= 0 ? app->proc->stages[L.stage].name : NULL,
	};
}

/* Remember the top row's place, so a reload shows the list from there. */
static void keep_anchor(void)
{
	free(L.anchor.status);
	free(L.anchor.next_deadline);
	memset(&L.anchor, 0, sizeof L.anchor);
	L.from_anchor = L.nrows > 0;
	if (L.nrows) {
		L.anchor.id = L.rows[0].id;
		L.anchor.status = L.rows[0].status ? strdup(L.rows[0].status) : NULL;
		L.anchor.next_deadline = L.rows[0].next_deadline ? strdup(L.rows[0].next_deadline) : NULL;
	}
}

/* Put a fetched page on the screen in place of the old one. */
static void show_page(struct case_page_result *r)
{
	store_case_rows_free(L.rows, L.nrows);
	L.rows = r->rows;
	L.nrows = r->count;
	L.partial = r->partial;
	L.looked = r->looked;
	if (L.sel >= L.nrows)
		L.sel = L.nrows ? L.nrows - 1 : 0;
	keep_anchor();
}

/* Fetch a page at where from the given row; false (and a message) on error. */
static bool fetch(struct app *app, enum case_page where, const struct case_row *from, size_t limit,
		  struct case_page_result *r)
{
	struct case_query q = list_query(app);
	enum bitim_status st = store_case_page(app->store, &q, where, from, limit, r);

	if (st != BITIM_OK) {
		app_status(app, st);
		return false;
	}
	return true;
}

/* Reload the page (after a change, a new search, a resize): the count line,
 * then the rows from the top row's place (or the first page). */
static void load(struct app *app)
{
	struct case_query q = list_query(app);
	size_t rows = visible_rows(app) > 0 ? (size_t)visible_rows(app) : 1;
	struct case_page_result r;
	enum bitim_status st;

	L.stale = false;
	L.loaded_rows = (int)rows;
	if ((st = store_case_tally(app->store, &q, &L.tally)) != BITIM_OK) {
		app_status(app, st);
		return;
	}
	if (!fetch(app, L.from_anchor ? CASE_PAGE_FROM : CASE_PAGE_FIRST, L.from_anchor ? &L.anchor : NULL, rows, &r))
		return;
	if (r.count < rows && L.from_anchor && !r.partial) {
		/* Near the end: the last screenful instead, the selection kept on its case. */
		int64_t id = L.sel < L.nrows ? L.rows[L.sel].id : 0;
		struct case_page_result last;
		if (fetch(app, CASE_PAGE_LAST, NULL, rows, &last)) {
			store_case_rows_free(r.rows, r.count);
			r = last;
			for (size_t i = 0; i < r.count; i++)
				if (r.rows[i].id == id)
					L.sel = i;
		}
	}
	show_page(&r);
}

/* How many imported records wait: counted when the list is entered and
 * after F2, the only times it changes here (not on every reload). */
static void count_conflicts(struct app *app)
{
	if (conflicts_waiting(app->store, &L.conflicts) != BITIM_OK)
		L.conflicts = 0;
}

/* Once a run: a register that no copy left for 30 days is one stolen
 * laptop from being lost. */
static void warn_no_copy(struct app *app)
{
	static bool warned;
	bool overdue = false;

	if (warned)
		return;
	warned = true;
	/* (today's automatic backup is made between keys, and tells itself
	 * when it fails: background.c) */
	if (backup_copy_overdue(app->store, today_get(), &overdue) == BITIM_OK && overdue)
		app_message(app, MSG_ERROR, "%s", _("No copy left this computer in 30 days: run bitim backup --to DIR"));
	else
		warned = false;
}

static void list_enter(struct app *app)
{
	char *done = NULL;
	size_t count = 0;
	struct case_query all = { 0 };
	bool greet = false;

	L.stale = true;
	count_conflicts(app);
	if (!L.ready) {
		editor_init(&L.search, false);
		L.ready = true;
	}
	/* A first run greets the user and offers the settings. The greeting
	 * counts as seen once it is dismissed (a bitim ended while it shows
	 * greets again next time); a register that already holds cases is
	 * marked as greeted, so no later start counts again. */
	if (store_setting_get(app->store, "welcomed", &done) == BITIM_OK && !done &&
	    store_case_count(app->store, &all, &count) == BITIM_OK) {
		greet = count == 0;
		if (!greet)
			store_setting_set(app->store, "welcomed", "1");
	}
	if (greet) {
		/* Each key of the greeting does what its label says. */
		bool settings = dialog_ask(app, N_("Welcome to bitim"),
			       N_("bitim guides you through mediation under the Law of the Republic of Kazakhstan \"On Mediation\": from the request, through the parties' consent and the agreement on mediation, to a signed settlement agreement.\n\n"
				  "Everything you type is saved at once. The keys that work are always shown at the bottom of the screen; F1 explains them.\n\n"
				  "First, enter your office and your own details: Enter opens the settings now; Esc leaves them for later (F9 on the case list). Then press F4 on the case list to open your first case."),
			       ACT_DLG_SETTINGS, ACT_DLG_LATER);
		store_setting_set(app->store, "welcomed", "1");
		if (settings)
			app_switch(app, &screen_settings);
	} else {
		warn_no_copy(app);
	}
	free(done);
}

/* Column widths for this terminal width. */
struct columns { int number, parties, category, stage, due; };

static struct columns layout(int cols, size_t shown)
{
	/* At 80 columns: most kinds of dispute and every stage (or its short name) whole. */
	struct columns c = { 13, 0, cols >= 100 ? 18 : (cols >= 76 ? 15 : 0), cols >= 100 ? 18 : 12, 18 };

	/* A number is never cut: a register with more than 9999 cases a year
	 * (or a number shown with its office) widens the column, the parties
	 * give the room. */
	for (size_t i = 0; i < shown && i < L.nrows; i++) {
		int w = text_width(L.rows[i].number);
		if (w > c.number && w <= 24)
			c.number = w;
	}
	c.parties = cols - c.number - c.category - c.stage - c.due - 4;
	return c;
}

/* The status line up to the search text: how many cases, the stage filter. */
static void status_text(struct app *app, char *line, size_t size)
{
	const char *stage = L.stage >= 0 ? _(app->proc->stages[L.stage].label) : _("all stages");

	if (L.tally.uncounted)
		snprintf(line, size, "%s", _("not counted (type 3 letters)"));
	else if (L.tally.more)
		snprintf(line, size, ngettext("over %zu case", "over %zu cases", L.tally.count), L.tally.count);
	else
		snprintf(line, size, ngettext("%zu case", "%zu cases", L.tally.count), L.tally.count);
	snprintf(line + strlen(line), size - strlen(line), " · %s: %s · %s ", _("Stage"), stage, _("Search:"));
}

static void draw_status(struct app *app, int y)
{
	char line[512];

	status_text(app, line, sizeof line);
	int w = draw_text(y, 0, line, app->cols, A_NORMAL, false);
	if (L.searching) {
		char *t = editor_text(&L.search);
		draw_text(y, w, t ? t : "", app->cols - w, A_UNDERLINE, true);
		free(t);
	} else {
		draw_text(y, w, L.text && *L.text ? L.text : _("(none: F3 or /)"), app->cols - w, A_NORMAL, false);
	}
}

static void draw_header(struct app *app, int y, const struct columns *c)
{
	int x = 0;
	draw_blank(y, 0, app->cols, A_BOLD | A_UNDERLINE);
	draw_text(y, x, _("Number"), c->number, A_BOLD | A_UNDERLINE, false);
	x += c->number + 1;
	draw_text(y, x, _("Parties"), c->parties, A_BOLD | A_UNDERLINE, false);
	x += c->parties + 1;
	if (c->category) {
		draw_text(y, x, _("Kind of dispute"), c->category, A_BOLD | A_UNDERLINE, false);
		x += c->category + 1;
	}
	draw_text(y, x, _("Stage"), c->stage, A_BOLD | A_UNDERLINE, false);
	x += c->stage + 1;
	draw_text(y, x, _("Deadline"), c->due, A_BOLD | A_UNDERLINE, false);
}

/* A row's deadline, or that it is being recalculated for changed forms
 * (the cached one may be wrong: it is never shown as if it were certain). */
static void row_due_text(struct app *app, const struct case_row *r, char *due, size_t size, bool *overdue)
{
	*overdue = false;
	if (r->status && strcmp(r->status, "open") == 0 && !background_deadline_current(app, r->id))
		snprintf(due, size, "%s", _("recalculating…"));
	else
		app_due_text(r->next_deadline, due, size, overdue);
}

static void draw_row(struct app *app, int y, const struct case_row *r, const struct columns *c, bool selected)
{
	const struct choice_list *cats = procedure_choices(app->proc, "category");
	int stage = procedure_stage_index(app->proc, r->stage), x = 0;
	const char *cat = r->category ? choice_label(cats, r->category) : NULL;
	attr_t a = selected ? A_REVERSE : A_NORMAL;
	char due[64];
	bool overdue;

	row_due_text(app, r, due, sizeof due, &overdue);
	draw_blank(y, 0, app->cols, a);
	draw_text(y, x, r->number, c->number, a, false);
	x += c->number + 1;
	/* Columns too narrow for a text cut it at the end of a word; a stage
	 * takes its short name from forms/ when its label does not fit. */
	draw_text_cut(y, x, r->parties ? r->parties : "", c->parties, a, "");
	x += c->parties + 1;
	if (c->category) {
		draw_text_cut(y, x, cat ? _(cat) : "", c->category, a, "");
		x += c->category + 1;
	}
	draw_text_cut(y, x, stage >= 0 ? app_stage_name(app, stage, c->stage) : r->stage, c->stage, a, "");
	x += c->stage + 1;
	draw_text(y, x, due, c->due, a | (overdue ? A_BOLD : 0), false);
}

static void list_draw(struct app *app)
{
	int top = app_body_top(app), rows = visible_rows(app);

	if (L.stale || L.loaded_rows != rows || app->data_changed)
		load(app);
	app->data_changed = false;
	struct columns c = layout(app->cols, (size_t)rows);
	app_title(app, _("bitim — mediation cases"), NULL);
	draw_status(app, top);
	draw_header(app, top + 1, &c);
	for (size_t i = 0; i < L.nrows && (int)i < rows; i++)
		draw_row(app, top + 2 + (int)i, &L.rows[i], &c, i == L.sel);
	if (L.partial && (int)L.nrows < rows)
		draw_text(top + 2 + (int)L.nrows, 2, ngettext("One or two letters are looked for among the %zu most urgent case only; type another letter to search them all.",
							     "One or two letters are looked for among the %zu most urgent cases only; type another letter to search them all.",
							     L.looked), app->cols - 2, A_BOLD, false);
	else if (L.nrows == 0)
		draw_text(top + 3, 2, L.text && *L.text ? _("No case matches the search.")
				     : _("No cases yet. Press F4 (or Ctrl-N) to open the first one."), app->cols - 2, A_NORMAL, false);
	if (L.searching) {
		char line[512];
		size_t crow;
		int ccol;
		status_text(app, line, sizeof line);
		editor_cursor_at(&L.search, 1000, &crow, &ccol);
		curs_set(1);
		move(top, text_width(line) + ccol < app->cols ? text_width(line) + ccol : app->cols - 1);
	} else if (L.sel < L.nrows) {
		/* The cursor on the selected case (screen readers follow it). */
		curs_set(1);
		move(top + 2 + (int)L.sel, 0);
	} else {
		curs_set(0);
	}
}

static void open_selected(struct app *app)
{
	if (L.sel >= L.nrows)
		return;
	app->case_id = L.rows[L.sel].id;
	app_switch(app, &screen_case);
}

static void new_case(struct app *app)
{
	int64_t id;
	enum bitim_status st = case_new_prefilled(app->store, app->proc, today_get(), &id);

	if (st != BITIM_OK) {
		app_status(app, st);
		return;
	}
	app->case_id = id;
	L.stale = true;
	app_switch(app, &screen_case);
}

/* Keys while the search line has the cursor: the list narrows as you type. */
static bool search_key(struct app *app, bool is_key, wint_t key)
{
	bool changed = false;

	if ((!is_key && (key == 27 || key == L'\r' || key == L'\n' || key == L'\t')) ||
	    (is_key && (key == KEY_ENTER || key == KEY_DOWN))) {
		L.searching = false;
		return true;
	}
	if (is_key) {
		switch (key) {
		case KEY_BACKSPACE: editor_backspace(&L.search); changed = true; break;
		case KEY_DC: editor_delete(&L.search); changed = true; break;
		case KEY_LEFT: editor_left(&L.search); break;
		case KEY_RIGHT: editor_right(&L.search); break;
		case KEY_HOME: editor_home(&L.search); break;
		case KEY_END: editor_end(&L.search); break;
		default: return false;
		}
	} else if (key == 127 || key == 8) {
		editor_backspace(&L.search);
		changed = true;
	} else if (key == 23) {
		editor_delete_word(&L.search);
		changed = true;
	} else if (key >= 0x20) {
		changed = editor_insert(&L.search, (wchar_t)key) == EDITOR_OK;
	} else {
		return false;
	}
	if (changed) {
		free(L.text);
		L.text = editor_text(&L.search);
		L.sel = 0;
		L.from_anchor = false;
		L.stale = true;
	}
	(void)app;
	return true;
}

/* Free rows n of a slice that is not an array of its own. */
static void drop_rows(const struct case_row *rows, size_t n)
{
	struct case_row *copy = n ? malloc(n * sizeof *copy) : NULL;

	if (!copy)
		return;
	memcpy(copy, rows, n * sizeof *copy);
	store_case_rows_free(copy, n);
}

/* Show rows [start, end) of first followed by second (both taken over),
 * the selection on row sel of the result. */
static void show_window(struct case_page_result *first, struct case_page_result *second, size_t start, size_t end,
			size_t sel)
{
	size_t n = first->count + second->count;
	struct case_row *all = malloc((n ? n : 1) * sizeof *all);

	if (!all) {
		store_case_rows_free(first->rows, first->count);
		store_case_rows_free(second->rows, second->count);
		return;
	}
	if (first->count)
		memcpy(all, first->rows, first->count * sizeof *all);
	if (second->count)
		memcpy(all + first->count, second->rows, second->count * sizeof *all);
	free(first->rows);
	free(second->rows);
	drop_rows(all, start);
	drop_rows(all + end, n - end);
	memmove(all, all + start, (end - start) * sizeof *all);
	L.rows = all;
	L.nrows = end - start;
	L.sel = sel;
	keep_anchor();
}

/* Move the selection by step rows. Within the page nothing is read; past
 * its edge only the rows needed are fetched, from the edge row's place. */
static void move_selection(struct app *app, long step)
{
	size_t rows = visible_rows(app) > 0 ? (size_t)visible_rows(app) : 1;
	struct case_page_result old, more;

	if (step > 0 && L.sel + (size_t)step < L.nrows) {
		L.sel += (size_t)step;
		return;
	}
	if (step < 0 && (size_t)-step <= L.sel) {
		L.sel -= (size_t)-step;
		return;
	}
	if (!L.nrows)
		return;
	if (step > 0) {
		size_t need = L.sel + (size_t)step - (L.nrows - 1);
		if (!fetch(app, CASE_PAGE_AFTER, &L.rows[L.nrows - 1], need, &more))
			return;
		size_t n = L.nrows + more.count, target = L.sel + (size_t)step < n ? L.sel + (size_t)step : n - 1;
		size_t start = target + 1 > rows ? target + 1 - rows : 0, end = start + rows < n ? start + rows : n;
		old = (struct case_page_result){ .rows = L.rows, .count = L.nrows };
		L.partial = more.partial;
		L.looked = more.looked;
		L.rows = NULL;
		L.nrows = 0;
		show_window(&old, &more, start, end, target - start);
	} else {
		size_t need = (size_t)-step - L.sel;
		if (!fetch(app, CASE_PAGE_BEFORE, &L.rows[0], need, &more))
			return;
		size_t n = more.count + L.nrows, at = more.count + L.sel;
		size_t target = at >= (size_t)-step ? at - (size_t)-step : 0, end = target + rows < n ? target + rows : n;
		old = (struct case_page_result){ .rows = L.rows, .count = L.nrows };
		L.rows = NULL;
		L.nrows = 0;
		show_window(&more, &old, target, end, 0);
	}
}

/* Home and End: the first or the last screenful. */
static void jump(struct app *app, enum case_page where)
{
	size_t rows = visible_rows(app) > 0 ? (size_t)visible_rows(app) : 1;
	struct case_page_result r;

	if (!fetch(app, where, NULL, rows, &r))
		return;
	L.sel = where == CASE_PAGE_LAST && r.count ? r.count - 1 : 0;
	show_page(&r);
}

static void list_key(struct app *app, enum action act, bool is_key, wint_t key)
{
	if (L.searching && act != ACT_HELP && act != ACT_QUIT && act != ACT_NEW_CASE && act != ACT_FILTER &&
	    act != ACT_EXPORT && act != ACT_REPORT && act != ACT_CONFLICTS && search_key(app, is_key, key))
		return;
	switch (act) {
	case ACT_HELP: help_show(app); return;
	case ACT_OPEN: open_selected(app); return;
	case ACT_NEW_CASE: new_case(app); return;
	case ACT_SEARCH:
		L.searching = true;
		return;
	case ACT_FILTER:
		/* all → each stage in order → all */
		L.stage = L.stage + 1 >= (int)app->proc->nstages ? -1 : L.stage + 1;
		L.sel = 0;
		L.from_anchor = false;
		L.stale = true;
		return;
	case ACT_SETTINGS: app_switch(app, &screen_settings); return;
	case ACT_EXPORT: register_export(app); return;
	case ACT_REPORT: register_report(app); return;
	case ACT_CONFLICTS:
		conflicts_resolve(app);
		count_conflicts(app);
		L.stale = true;
		return;
	case ACT_QUIT: app->quit = true; return;
	default:
		break;
	}
	if (!is_key)
		return;
	switch (key) {
	case KEY_DOWN: move_selection(app, 1); break;
	case KEY_UP: move_selection(app, -1); break;
	case KEY_NPAGE: move_selection(app, visible_rows(app)); break;
	case KEY_PPAGE: move_selection(app, -visible_rows(app)); break;
	case KEY_HOME: jump(app, CASE_PAGE_FIRST); break;
	case KEY_END: jump(app, CASE_PAGE_LAST); break;
	default: break;
	}
}

static const enum action *list_actions(struct app *app)
{
	static const enum action actions[] = { ACT_HELP, ACT_OPEN, ACT_SEARCH, ACT_NEW_CASE, ACT_LANGUAGE,
		ACT_FILTER, ACT_REPORT, ACT_EXPORT, ACT_SETTINGS, ACT_QUIT, ACT_NONE };
	/* F2 is offered only while imported records wait to be resolved. */
	static const enum action with_conflicts[] = { ACT_HELP, ACT_CONFLICTS, ACT_OPEN, ACT_SEARCH, ACT_NEW_CASE,
		ACT_LANGUAGE, ACT_FILTER, ACT_REPORT, ACT_EXPORT, ACT_SETTINGS, ACT_QUIT, ACT_NONE };
	(void)app;
	return L.conflicts ? with_conflicts : actions;
}

/* F1 on the list: the selected case whole, as its row may be cut. */
static char *list_field_help(struct app *app)
{
	const struct case_row *r;
	const char *cat;
	char due[64] = "", *text = NULL;
	bool overdue;
	int stage;

	if (L.sel >= L.nrows)
		return NULL;
	r = &L.rows[L.sel];
	cat = r->category ? choice_label(procedure_choices(app->proc, "category"), r->category) : NULL;
	stage = procedure_stage_index(app->proc, r->stage);
	row_due_text(app, r, due, sizeof due, &overdue);
	char shown[DATE_BUF] = "";
	bitim_day d;
	bool current = !(r->status && strcmp(r->status, "open") == 0) || background_deadline_current(app, r->id);
	if (current && r->next_deadline && date_parse_iso(r->next_deadline, &d))
		date_format_user(d, shown);
	if (asprintf(&text, "%s\n%s: %s\n%s: %s\n%s: %s\n%s: %s%s%s%s%s", r->number,
		     _("Parties"), r->parties ? r->parties : "",
		     _("Kind of dispute"), cat ? _(cat) : "",
		     _("Stage"), stage >= 0 ? _(app->proc->stages[stage].label) : r->stage,
		     _("Deadline"), current && r->deadline_label ? _(r->deadline_label) : "",
		     current && r->deadline_label ? " " : "",
		     shown, *due ? ": " : "", due) < 0)
		return NULL;
	return text;
}

static bool list_leave(struct app *app)
{
	(void)app;
	return true;
}

static void list_release(void)
{
	store_case_rows_free(L.rows, L.nrows);
	L.rows = NULL;
	L.nrows = 0;
	free(L.anchor.status);
	free(L.anchor.next_deadline);
	memset(&L.anchor, 0, sizeof L.anchor);
	L.from_anchor = false;
	free(L.text);
	L.text = NULL;
	if (L.ready)
		editor_free(&L.search);
	L.ready = false;
}

const struct screen screen_list = {
	.name = "list",
	.actions = list_actions,
	.enter = list_enter,
	.draw = list_draw,
	.key = list_key,
	.leave = list_leave,
	.field_help = list_field_help,
	.stage_help = NULL,
	.hint = NULL,
	.release = list_release,
};
