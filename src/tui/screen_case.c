/* The case screen: the procedure's stages as pages of fields. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/casefile.h"
#include "bitim/doc.h"
#include "bitim/i18n.h"
#include "bitim/search.h"
#include "background.h"
#include "dialog.h"
#include "draw.h"
#include "formview.h"
#include "help.h"
#include "parties.h"
#include "print.h"
#include "today.h"

static struct {
	struct app *app;
	struct case_data *cd; /* owned; reloaded after every change */
	int page;             /* stage index shown */
	struct formview fv;
	bool fv_ready;
	int lang;             /* the language the items were built in */
} C;

static const struct procedure *proc(void) { return C.app->proc; }

static int current_stage(void)
{
	return procedure_stage_index(proc(), casedata_stage(C.cd));
}

static bool case_open(void)
{
	return procedure_stage_open(proc(), current_stage());
}

/* ------------------------------------------------------------- values */

static const char *row_uuid(const struct fv_item *it)
{
	return it->row >= 0 ? casedata_row_uuid(C.cd, it->entity, (size_t)it->row) : NULL;
}

static const char *value_of(void *ctx, const struct fv_item *it)
{
	(void)ctx;
	return casedata_get(C.cd, it->field->entity, it->row >= 0 ? (size_t)it->row : 0, it->field->name);
}

static bool reload(void)
{
	struct case_data *fresh = NULL;
	enum bitim_status st = store_case_load(C.app->store, C.app->case_id, &fresh);

	if (st != BITIM_OK) {
		app_status(C.app, st);
		return false;
	}
	casedata_free(C.cd);
	C.cd = fresh;
	return true;
}

/* A valid value saved in the field a text was left unsaved in replaces that
 * text: Undo no longer brings it back. */
static void saved_over_unsaved(const struct fv_item *it)
{
	int row;
	const char *key = fv_abandoned(&C.fv, &row);

	if (!key || strcmp(key, it->field->key) != 0 || row != it->row)
		return;
	fv_forget(&C.fv);
	if (case_unsaved_keep(C.app->store, C.app->case_id, NULL, -1, NULL) != BITIM_OK)
		app_message(C.app, MSG_ERROR, "%s", _("The value is saved, but the text left unsaved before could not be removed from the store; Undo may bring it back."));
}

static enum bitim_status save_value(void *ctx, const struct fv_item *it, const char *input, const char **reason)
{
	const char *before = value_of(ctx, it);
	char *old = before ? strdup(before) : NULL;
	struct case_data *after = NULL;
	/* From the value this screen shows: if an import or another bitim
	 * changed it meanwhile, the write is refused and the newer value shown. */
	enum bitim_status st = case_set_field_from(C.app->store, proc(), C.app->case_id, it->field->key, row_uuid(it),
						   before, true, input, reason, &after);
	if (st == BITIM_ERR_STALE)
		reload();
	/* the case as saved comes back with the change: loaded once, not again here */
	if (after) {
		casedata_free(C.cd);
		C.cd = after;
	}
	if (st == BITIM_OK)
		saved_over_unsaved(it);
	if (st == BITIM_OK && (after || reload())) {
		const char *now = value_of(ctx, it);
		bool changed = (old == NULL) != (now == NULL) || (old && now && strcmp(old, now) != 0);
		if (changed && it->field->entity == ENTITY_PARTY && it->row >= 0)
			parties_who_else(C.app, C.cd, it->field, (size_t)it->row);
	}
	free(old);
	return st;
}

static const char *locked(void *ctx, const struct fv_item *it)
{
	(void)ctx;
	if (!case_open())
		return N_("The case is closed; it can no longer be changed");
	if (procedure_field_frozen(proc(), C.cd, it->field))
		return N_("The settlement agreement is signed; its terms can only be changed by an addendum");
	/* Answered from the IIN (the core takes no other answer while it gives one). */
	if (it->field->from_iin) {
		const char *answer = field_answer_from_iin(it->field, C.cd, it->row >= 0 ? (size_t)it->row : 0, date_today());
		const char *now = value_of(ctx, it);
		if (answer && now && strcmp(answer, now) == 0)
			return N_("Answered from the IIN's birth date: to change it, correct the IIN");
	}
	return NULL;
}

/* The names offered for "which party" and "who performs it". */
static size_t party_names(void *ctx, const struct fv_item *it, const char **names, size_t max)
{
	(void)ctx;
	return parties_names(C.cd, it->field, names, max);
}

/* -------------------------------------------------------------- pages */

static bool is_page(int stage)
{
	int now = current_stage();
	const struct stage_def *s = &proc()->stages[stage];

	if (!s->form)
		return false;
	if (stage == proc()->termination_stage)
		return now == stage || C.page == stage;
	return stage <= now;
}

/* The title of a group row: "Party 2: Қайрат Сейітов". */
static void row_title(enum entity e, size_t row, char *buf, size_t size)
{
	static const char *const title_field[ENTITY_COUNT] = { NULL, "full_name", "held_on", "text" };
	const char *v = casedata_get(C.cd, e, row, title_field[e]);
	const struct field_def *f = NULL;
	char shown[256] = "";

	for (size_t i = 0; i < proc()->nfields; i++)
		if (proc()->fields[i].entity == e && strcmp(proc()->fields[i].name, title_field[e]) == 0)
			f = &proc()->fields[i];
	if (v && f)
		fv_display(f, v, shown, sizeof shown);
	snprintf(buf, size, "%s %zu%s%s", _(proc()->groups[e].item), row + 1, *shown ? ": " : "", shown);
}

static void add_group(enum entity e, int stage)
{
	char title[512];
	const struct group_def *g = &proc()->groups[e];

	fv_add(&C.fv, FV_SECTION, NULL, e, -1, _(g->label));
	for (size_t r = 0; r < casedata_rows(C.cd, e); r++) {
		row_title(e, r, title, sizeof title);
		fv_add(&C.fv, FV_ROW_HEAD, NULL, e, (int)r, title);
		for (size_t i = 0; i < proc()->nfields; i++) {
			const struct field_def *f = &proc()->fields[i];
			if (f->entity == e && f->stage == stage && field_applies(f, C.cd, r))
				fv_add(&C.fv, FV_FIELD, f, e, (int)r, NULL);
		}
	}
	/* Rows are added where the group's own fields are; later stages only fill them. */
	bool home = false;
	for (size_t i = 0; i < proc()->nfields; i++)
		if (proc()->fields[i].entity == e) {
			home = proc()->fields[i].stage == stage;
			break;
		}
	if (home && case_open()) {
		snprintf(title, sizeof title, _("+ Add: %s"), _(g->item));
		fv_add(&C.fv, FV_ADD, NULL, e, -1, title);
	}
}

/* Lay the page's items out anew (after any change: when= conditions may differ). */
static void build(void)
{
	bool group_done[ENTITY_COUNT] = { false };
	const struct fv_item *cur = fv_current(&C.fv);
	char key[128] = "";
	int row = -1;
	enum fv_kind kind = FV_FIELD;
	enum entity ent = ENTITY_CASE;
	struct editor keep;
	bool keep_text = false;

	if (cur) {
		kind = cur->kind;
		ent = cur->entity;
		row = cur->row;
		if (cur->field)
			snprintf(key, sizeof key, "%s", cur->field->key);
	}
	/* An unsaved (invalid) text survives the rebuild. */
	if (C.fv.editing && C.fv.ed.dirty) {
		keep = C.fv.ed;
		editor_init(&C.fv.ed, false);
		keep_text = true;
	}
	fv_clear(&C.fv);
	for (size_t i = 0; i < proc()->nfields; i++) {
		const struct field_def *f = &proc()->fields[i];
		if (f->stage != C.page)
			continue;
		if (f->entity != ENTITY_CASE) {
			if (!group_done[f->entity])
				add_group(f->entity, C.page);
			group_done[f->entity] = true;
			continue;
		}
		if (!field_applies(f, C.cd, 0))
			continue;
		if (f->section)
			fv_add(&C.fv, FV_SECTION, NULL, ENTITY_CASE, -1, _(f->section));
		fv_add(&C.fv, FV_FIELD, f, ENTITY_CASE, -1, NULL);
	}
	if (kind == FV_ADD) {
		for (size_t i = 0; i < C.fv.nitems; i++)
			if (C.fv.items[i].kind == FV_ADD && C.fv.items[i].entity == ent)
				C.fv.focus = i;
		C.fv.editing = false;
	} else if (!*key || !fv_focus_field(&C.fv, key, row)) {
		fv_focus_first(&C.fv);
	}
	if (keep_text) {
		editor_free(&C.fv.ed);
		C.fv.ed = keep;
		C.fv.editing = true;
	}
}

static void show_page(int stage)
{
	C.page = stage;
	C.fv.scroll = 0;
	fv_clear(&C.fv);
	build();
	fv_focus_first(&C.fv);
}

/* The last page the case has reached. */
static int home_page(void)
{
	int now = current_stage();
	for (int i = now; i >= 0; i--)
		if (proc()->stages[i].form && (i != proc()->termination_stage || now == i))
			return i;
	return 0;
}

static void turn_page(int step)
{
	for (int i = C.page + step; i >= 0 && (size_t)i < proc()->nstages; i += step)
		if (is_page(i) && i != proc()->termination_stage) {
			show_page(i);
			return;
		}
	app_message(C.app, MSG_INFO, "%s", step > 0 ? _("This is the stage the case has reached") : _("This is the first stage"));
}

/* ------------------------------------------------------------ actions */

/* Save the field being edited; false when its text is not valid. */
static bool commit(void)
{
	enum fv_commit r = fv_commit(&C.fv, C.app);

	if (r == FV_SAVED) {
		reload();
		build();
	}
	return r != FV_INVALID;
}

/* List what stops a stage and put the cursor on the first field named. */
static void show_problems(const char *title, struct problems *why)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return;
	for (size_t i = 0; i < why->count; i++)
		fprintf(out, "• %s\n", why->items[i].message);
	fclose(out);
	dialog_text(C.app, title, text);
	free(text);
	for (size_t i = 0; i < why->count; i++) {
		const struct field_def *f = why->items[i].field;
		if (!f)
			continue;
		if (f->stage != C.page)
			show_page(f->stage);
		fv_focus_field(&C.fv, f->key, why->items[i].row);
		break;
	}
}

/* The question to confirm a stage, preceded by the stage's warnings
 * (what the law advises against, which the mediator may still do), or NULL
 * when the stage has none. */
static char *confirm_text(int stage, const char *question)
{
	struct problems warn;
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	if (procedure_stage_warnings(proc(), C.cd, stage, &warn) <= 0 || !(out = open_memstream(&text, &len))) {
		problems_free(&warn);
		return NULL;
	}
	fprintf(out, "%s\n", _("Warning:"));
	for (size_t i = 0; i < warn.count; i++)
		fprintf(out, "• %s\n", warn.items[i].message);
	fprintf(out, "\n%s", question);
	fclose(out);
	problems_free(&warn);
	return text;
}

static void advance(void)
{
	struct problems why;
	char title[256], question[512];
	int now = current_stage();
	const struct stage_def *s = &proc()->stages[now];
	enum bitim_status st;

	if (!commit())
		return;
	if (C.page == proc()->termination_stage && now != proc()->termination_stage) {
		if (procedure_check_termination(proc(), C.cd, &why) > 0) {
			show_problems(_("Before terminating mediation"), &why);
			problems_free(&why);
			return;
		}
		problems_free(&why);
		const char *ground = casedata_get(C.cd, ENTITY_CASE, 0, "termination_ground");
		const struct field_def *gf = procedure_field(proc(), "case.termination_ground");
		char shown[512] = "";
		if (gf && ground)
			fv_display(gf, ground, shown, sizeof shown);
		snprintf(question, sizeof question, _("Terminate mediation of this case? Ground: %s. A terminated case cannot be reopened."), shown);
		if (!dialog_confirm(C.app, _("Terminate mediation"), question))
			return;
		st = case_terminate(C.app->store, proc(), C.app->case_id, today_get(), &why);
		problems_free(&why);
		if (st != BITIM_OK) {
			app_status(C.app, st);
			return;
		}
		reload();
		show_page(home_page());
		app_message(C.app, MSG_INFO, "%s", _("Mediation was terminated. The case is closed."));
		return;
	}
	if (!procedure_stage_open(proc(), now)) {
		app_message(C.app, MSG_INFO, "%s", _("The case is closed; nothing is left to complete"));
		return;
	}
	snprintf(title, sizeof title, _("Before completing “%s”"), _(s->label));
	if (procedure_check_stage(proc(), C.cd, now, &why) > 0) {
		show_problems(title, &why);
		problems_free(&why);
		return;
	}
	problems_free(&why);
	/* Completing a freezing stage signs the agreement: its text must be
	 * complete, in the printed version the parties signed. */
	const char *version = NULL;
	if (s->freeze && !print_pick_signed_version(C.app, C.cd, &version))
		return;
	if (s->freeze) {
		struct doc_request req = { .kind = DOC_SETTLEMENT, .lang = version, .format = DOC_TXT, .printed_on = today_get() };
		char *text = NULL;
		if (doc_render(C.app->store, proc(), C.app->case_id, &req, &text, &why) == BITIM_ERR_GUARD) {
			show_problems(title, &why);
			problems_free(&why);
			return;
		}
		free(text);
		problems_free(&why);
	}
	snprintf(question, sizeof question, _("Complete “%s” and move the case on to “%s”?"), _(s->label),
		 _(proc()->stages[s->next_index].label));
	if (s->freeze)
		snprintf(question + strlen(question), sizeof question - strlen(question), " %s",
			 _("After this, the agreed terms cannot be edited."));
	char *asked = confirm_text(now, question);
	bool warned = asked != NULL, yes = dialog_confirm(C.app, _("Complete the stage"), asked ? asked : question);
	free(asked);
	if (!yes)
		return;
	st = warned ? case_advance_confirmed(C.app->store, proc(), C.app->case_id, today_get(), version, &why)
		    : case_advance_signed(C.app->store, proc(), C.app->case_id, today_get(), version, &why);
	if (st == BITIM_ERR_GUARD)
		show_problems(title, &why);
	else if (st != BITIM_OK)
		app_status(C.app, st);
	problems_free(&why);
	if (st != BITIM_OK)
		return;
	reload();
	show_page(home_page());
	app_message(C.app, MSG_INFO, _("The case is now at: %s"), _(proc()->stages[current_stage()].label));
}

static void terminate(void)
{
	if (!commit())
		return;
	if (!case_open() || !proc()->stages[current_stage()].terminable) {
		app_message(C.app, MSG_ERROR, "%s", _("A case cannot be terminated at this stage"));
		return;
	}
	show_page(proc()->termination_stage);
	app_message(C.app, MSG_INFO, "%s", _("Record the ground and date, then press F2 to terminate. PgUp returns to the stages."));
}

/* The group the cursor is in, or the only group of the page. */
static int focused_group(void)
{
	const struct fv_item *it = fv_current(&C.fv);
	int only = -1, groups = 0;

	if (it && (it->row >= 0 || it->kind == FV_ADD))
		return it->entity;
	for (size_t i = 0; i < C.fv.nitems; i++)
		if (C.fv.items[i].kind == FV_ADD) {
			only = C.fv.items[i].entity;
			groups++;
		}
	return groups == 1 ? only : -1;
}

static void add_row(void)
{
	int e = focused_group();
	char uuid[UUID_BUF];
	enum bitim_status st;
	bool has_add = false;

	if (!commit())
		return;
	for (size_t i = 0; i < C.fv.nitems; i++)
		has_add |= C.fv.items[i].kind == FV_ADD && (int)C.fv.items[i].entity == e;
	if (e < 0 || !has_add) {
		app_message(C.app, MSG_INFO, "%s", _("Nothing to add here: parties, sessions and obligations are added on their own pages"));
		return;
	}
	st = case_add_row(C.app->store, proc(), C.app->case_id, (enum entity)e, uuid);
	if (st != BITIM_OK) {
		app_status(C.app, st);
		return;
	}
	reload();
	build();
	int row = casedata_row_index(C.cd, (enum entity)e, uuid);
	for (size_t i = 0; i < C.fv.nitems; i++)
		if (C.fv.items[i].kind == FV_FIELD && C.fv.items[i].row == row && (int)C.fv.items[i].entity == e) {
			C.fv.focus = i;
			fv_load(&C.fv);
			break;
		}
}

static void remove_row(void)
{
	const struct fv_item *it = fv_current(&C.fv);
	char title[512], question[640];
	enum bitim_status st;

	if (!it || it->row < 0) {
		app_message(C.app, MSG_INFO, "%s", _("Move the cursor to the party, session or obligation to remove"));
		return;
	}
	if (!commit())
		return;
	it = fv_current(&C.fv);
	enum entity e = it->entity;
	const char *uuid = casedata_row_uuid(C.cd, e, (size_t)it->row);
	row_title(e, (size_t)it->row, title, sizeof title);
	snprintf(question, sizeof question, _("Remove %s? Undo (F9) brings it back."), title);
	if (!dialog_confirm(C.app, _("Remove"), question))
		return;
	st = case_remove_row(C.app->store, proc(), C.app->case_id, e, uuid);
	if (st != BITIM_OK) {
		app_status(C.app, st);
		return;
	}
	reload();
	build();
	app_message(C.app, MSG_INFO, _("Removed: %s"), title);
}

/* Keep the text just left unsaved in the store, so that leaving the case,
 * a restart or a power cut does not lose it before Undo brings it back. */
static void keep_unsaved(void)
{
	int row;
	const char *key = fv_abandoned(&C.fv, &row);
	enum bitim_status st;

	if (!key)
		return;
	st = case_unsaved_keep(C.app->store, C.app->case_id, key, row, fv_abandoned_text(&C.fv));
	if (st != BITIM_OK)
		app_status(C.app, st);
}

/* The text left unsaved on this case, from the store, ready for Undo. */
static void load_unsaved(void)
{
	char *key = NULL, *text = NULL;
	int row;

	fv_forget(&C.fv);
	if (case_unsaved_get(C.app->store, C.app->case_id, &key, &row, &text) == BITIM_OK && key)
		fv_adopt(&C.fv, key, row, text);
	else
		free(text);
	free(key);
}

/* Bring back a text left unsaved, on its page; true when there was one. */
static bool take_back(void)
{
	int row;
	const char *key = fv_abandoned(&C.fv, &row);
	const struct field_def *f = key ? procedure_field(proc(), key) : NULL;
	bool back = false;

	if (!key)
		return false;
	if (f && f->stage != C.page && is_page(f->stage))
		show_page(f->stage);
	if (f)
		back = fv_take_back(&C.fv, C.app);
	/* Back in its field, or its field, row or page is gone: either way not kept any more. */
	fv_forget(&C.fv);
	if (case_unsaved_keep(C.app->store, C.app->case_id, NULL, -1, NULL) != BITIM_OK && back)
		app_message(C.app, MSG_ERROR, "%s", _("The text is back in its field, but it could not be removed from the store; Undo may bring it back again."));
	return back;
}

static void undo(void)
{
	struct undo_info u;
	enum bitim_status st;

	if (!C.fv.ed.dirty && take_back())
		return;
	if (!commit())
		return;
	st = case_undo(C.app->store, proc(), C.app->case_id, &u);
	if (st == BITIM_ERR_NOTHING) {
		app_message(C.app, MSG_INFO, "%s", _("Nothing to undo on this stage"));
		return;
	}
	if (st != BITIM_OK) {
		app_status(C.app, st);
		return;
	}
	reload();
	build();
	if (u.kind == UNDO_VALUE) {
		char key[128];
		snprintf(key, sizeof key, "%s.%s", entity_name(u.entity), u.field);
		const struct field_def *f = procedure_field(proc(), key);
		int row = u.entity == ENTITY_CASE ? -1 : casedata_row_index(C.cd, u.entity, u.row_uuid);
		if (f && f->stage == C.page)
			fv_focus_field(&C.fv, key, row);
		app_message(C.app, MSG_INFO, _("Undone: %s"), f ? _(f->label) : u.field);
	} else {
		int row = casedata_row_index(C.cd, u.entity, u.row_uuid);
		for (size_t i = 0; row >= 0 && i < C.fv.nitems; i++)
			if (C.fv.items[i].kind == FV_FIELD && C.fv.items[i].row == row && C.fv.items[i].entity == u.entity) {
				C.fv.focus = i;
				fv_load(&C.fv);
				break;
			}
		app_message(C.app, MSG_INFO, "%s", u.kind == UNDO_ADD ? _("Undone: the row added last is removed")
								 : _("Undone: the removed row is back"));
	}
}

/* -------------------------------------------------------------- screen */

/* Whether the page has a group the user may add rows to. */
static bool page_has_rows(void)
{
	for (size_t i = 0; i < C.fv.nitems; i++)
		if (C.fv.items[i].kind == FV_ADD || C.fv.items[i].kind == FV_ROW_HEAD)
			return true;
	return false;
}

/* The actions of the case screen: only those that can act here. */
static const enum action *case_actions(struct app *app)
{
	static const enum action all[] = { ACT_HELP, ACT_ADVANCE, ACT_ADD_ROW, ACT_LANGUAGE, ACT_TERMINATE,
		ACT_PRINT, ACT_REMOVE_ROW, ACT_UNDO, ACT_PAGES, ACT_NEXT_FIELD, ACT_ESCAPE, ACT_BACK };
	static enum action shown[sizeof all / sizeof all[0] + 1];
	bool open = C.cd && case_open(), rows = open && page_has_rows();
	bool terminable = open && proc()->stages[current_stage()].terminable;
	const struct fv_item *it = fv_current(&C.fv);
	bool lines = it && it->kind == FV_FIELD && it->field->type == FIELD_MULTILINE && C.fv.editing;
	size_t n = 0;

	(void)app;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		enum action a = all[i];
		if ((a == ACT_ADD_ROW || a == ACT_REMOVE_ROW) && !rows)
			continue;
		if (a == ACT_TERMINATE && !terminable)
			continue;
		if ((a == ACT_ADVANCE || a == ACT_UNDO || a == ACT_ESCAPE) && !open)
			continue;
		if (a == ACT_NEXT_FIELD && lines)
			a = ACT_NEXT_FIELD_TAB; /* Enter starts a line there */
		shown[n++] = a;
	}
	shown[n] = ACT_NONE;
	return shown;
}

static void case_enter(struct app *app)
{
	static const struct fv_source src = { NULL, value_of, save_value, locked, party_names };

	C.app = app;
	if (!C.fv_ready) {
		fv_init(&C.fv, &src);
		C.fv_ready = true;
	}
	casedata_free(C.cd);
	C.cd = NULL;
	/* Its deadline is recomputed first when the forms changed and the
	 * refresh between keys has not reached it yet. */
	background_case_opened(app, app->case_id);
	if (!reload()) {
		app_switch(app, &screen_list);
		return;
	}
	/* A text left unsaved belongs to the case it was typed in; the store keeps it. */
	load_unsaved();
	show_page(home_page());
}

/* The title: case number, page, the stage reached and the next deadline
 * with the days left. The deadline is never cut: the stage names are
 * shortened first, then the deadline's label and the stage reached left out. */
static void case_title(struct app *app, char *left, size_t lsize, char *right, size_t rsize)
{
	const char *due = casedata_get(C.cd, ENTITY_CASE, 0, "next_deadline");
	const char *label = casedata_get(C.cd, ENTITY_CASE, 0, "deadline_label");
	char rights[3][256] = { "", "", "" };
	int now = current_stage();
	bitim_day d;

	if (due && label && date_parse_iso(due, &d)) {
		char shown[DATE_BUF], when[64];
		bool overdue;
		date_format_user(d, shown);
		app_due_text(due, when, sizeof when, &overdue);
		snprintf(rights[0], sizeof rights[0], "%s %s: %s", _(label), shown, when);
		snprintf(rights[1], sizeof rights[1], "%s: %s", shown, when);
		snprintf(rights[2], sizeof rights[2], "%s", when);
	}
	/* Tried in order: (left, right) as (detail of the names, detail of the deadline).
	 * Left 0: full names; 1: the stage reached short; 2: both short;
	 * 3: the page alone; 4: the page alone, short. Right 0: with the
	 * deadline's label; 1: its date and days; 2: the days alone. On a
	 * page of another stage, where the case is now goes last: names are
	 * shortened first, then the deadline told with fewer words. */
	static const int tries[][2] = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 }, { 2, 0 }, { 2, 1 },
		{ 1, 2 }, { 2, 2 }, { 3, 0 }, { 3, 1 }, { 4, 0 }, { 4, 1 }, { 4, 2 } };
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		int l = tries[i][0], r = tries[i][1];
		const char *page = app_stage_name(app, C.page, l == 2 || l == 4 ? 0 : 1000);
		snprintf(left, lsize, "%s · %s", casedata_number(C.cd), page);
		if (now != C.page && l < 3)
			snprintf(left + strlen(left), lsize - strlen(left), " · %s %s", _("now at:"),
				 app_stage_name(app, now, l >= 1 ? 0 : 1000));
		memcpy(right, rights[r], rsize < sizeof rights[r] ? rsize : sizeof rights[r]);
		right[rsize - 1] = '\0';
		/* A blank at each end, two between the two parts. */
		if (1 + text_width(left) + (*right ? 2 + text_width(right) : 0) + 1 <= app->cols)
			return;
	}
}

static void case_draw(struct app *app)
{
	char left[256], right[256] = "", law[1024];
	const struct stage_def *page = &proc()->stages[C.page];
	int top = app_body_top(app), rows = app_body_rows(app);

	/* Headings and row titles were translated when built: rebuild after F5. */
	if (C.lang != (int)i18n_lang()) {
		C.lang = (int)i18n_lang();
		build();
	}
	case_title(app, left, sizeof left, right, sizeof right);
	app_title(app, left, right);
	/* What the law requires at this stage, in one or two lines. */
	snprintf(law, sizeof law, "%s", page->law ? _(page->law) : "");
	size_t n = text_wrap(law, app->cols, NULL, 0), shown = n > 2 ? 2 : n;
	struct span lines[2];
	text_wrap(law, app->cols, lines, 2);
	/* What does not fit ends with "… F1" at the end of a word: F1 shows it whole. */
	for (size_t i = 0; i < shown; i++)
		if (i + 1 == shown && n > shown)
			draw_text_cut(top + (int)i, 0, law + lines[i].start, app->cols, A_BOLD, " F1");
		else
			draw_text_n(top + (int)i, 0, law + lines[i].start, lines[i].end - lines[i].start,
				    app->cols, A_BOLD, false);
	/* In a demonstration database the trainees' explanation is shown too. */
	if (app->demo && page->trainee && app->rows >= 24) {
		char note[1024];
		snprintf(note, sizeof note, "%s %s", _("For trainees:"), _(page->trainee));
		size_t tn = text_wrap(note, app->cols, NULL, 0), tshown = tn > 3 ? 3 : tn;
		struct span tl[3];
		text_wrap(note, app->cols, tl, 3);
		for (size_t i = 0; i < tshown; i++)
			if (i + 1 == tshown && tn > tshown)
				draw_text_cut(top + (int)shown + (int)i, 0, note + tl[i].start, app->cols, A_NORMAL, " F1");
			else
				draw_text_n(top + (int)shown + (int)i, 0, note + tl[i].start, tl[i].end - tl[i].start,
					    app->cols, A_NORMAL, false);
		shown += tshown;
	}
	mvhline(top + (int)shown, 0, ACS_HLINE, app->cols);
	fv_draw(&C.fv, top + (int)shown + 1, rows - (int)shown - 1, app->cols);
}

static bool case_leave(struct app *app)
{
	(void)app;
	return commit();
}

static void case_key(struct app *app, enum action act, bool is_key, wint_t key)
{
	const struct fv_item *it = fv_current(&C.fv);
	bool multiline = it && it->kind == FV_FIELD && it->field->type == FIELD_MULTILINE && C.fv.editing;

	/* Arrows move inside a multi-line text before they move between fields. */
	if (multiline && is_key && key == KEY_UP && editor_up(&C.fv.ed, C.fv.value_width))
		return;
	if (multiline && is_key && key == KEY_DOWN && editor_down(&C.fv.ed, C.fv.value_width))
		return;
	switch (act) {
	case ACT_HELP:
		help_show(app);
		return;
	case ACT_ADVANCE: advance(); return;
	case ACT_TERMINATE: terminate(); return;
	case ACT_ADD_ROW: add_row(); return;
	case ACT_REMOVE_ROW: remove_row(); return;
	case ACT_UNDO: undo(); return;
	case ACT_PRINT:
		if (commit()) {
			struct problems why;
			if (!print_case(app, app->case_id, &why))
				show_problems(_("This document needs"), &why);
			problems_free(&why);
		}
		return;
	case ACT_NEXT_PAGE:
	case ACT_PREV_PAGE:
		if (commit())
			turn_page(act == ACT_NEXT_PAGE ? 1 : -1);
		return;
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		/* F2 is named only where it completes something: an open case. */
		if (commit() && !fv_move(&C.fv, act == ACT_NEXT_FIELD ? 1 : -1))
			app_message(app, MSG_INFO, "%s", act != ACT_NEXT_FIELD ? _("First field of this page")
							 : C.cd && case_open() ? _("Last field of this page: PgDn for the next stage, F2 to complete it")
							 : _("Last field of this page: PgDn for the next stage"));
		return;
	case ACT_ESCAPE:
		if (commit())
			app_message(app, MSG_INFO, "%s", _("Saved. F10 returns to the case list."));
		else if (fv_leave_invalid(&C.fv, app, FV_STAY)) {
			keep_unsaved();
			build();
		}
		return;
	case ACT_BACK:
		/* Leaving is never refused: an invalid value is corrected or left unsaved. */
		if (commit()) {
			app_switch(app, &screen_list);
		} else if (fv_leave_invalid(&C.fv, app, FV_TO_LIST_FROM_CASE)) {
			keep_unsaved();
			app_switch(app, &screen_list);
		}
		return;
	default:
		break;
	}
	if (it && it->kind == FV_ADD && ((!is_key && (key == L'\r' || key == L'\n' || key == L' ')) || (is_key && key == KEY_ENTER))) {
		add_row();
		return;
	}
	/* Enter ends a one-line field and moves on; in a multi-line field it is a new line. */
	if (!multiline && ((!is_key && (key == L'\r' || key == L'\n')) || (is_key && key == KEY_ENTER)) &&
	    it && it->kind == FV_FIELD && C.fv.editing) {
		case_key(app, ACT_NEXT_FIELD, false, L'\t');
		return;
	}
	fv_key(&C.fv, app, is_key, key);
	/* A choice was saved: fields shown only for some choices may come or go. */
	if (it && it->kind == FV_FIELD && !C.fv.editing)
		build();
}

static char *case_field_help(struct app *app)
{
	const struct fv_item *it = fv_current(&C.fv);
	char *text = NULL;
	(void)app;
	if (!it || it->kind != FV_FIELD)
		return NULL;
	if (asprintf(&text, "%s\n%s%s%s%s", _(it->field->label), it->field->help ? _(it->field->help) : "",
		     it->field->help ? "\n" : "", it->field->law ? _("Legal basis: ") : "",
		     it->field->law ? _(it->field->law) : "") < 0)
		return NULL;
	return text;
}

static const char *case_stage_help(struct app *app, const char **trainee)
{
	(void)app;
	*trainee = proc()->stages[C.page].trainee;
	return proc()->stages[C.page].law;
}

static const char *case_hint(struct app *app)
{
	(void)app;
	return fv_hint(&C.fv);
}

static void case_release(void)
{
	casedata_free(C.cd);
	C.cd = NULL;
	if (C.fv_ready)
		fv_free(&C.fv);
	C.fv_ready = false;
}

const struct screen screen_case = {
	.name = "case",
	.actions = case_actions,
	.enter = case_enter,
	.draw = case_draw,
	.key = case_key,
	.leave = case_leave,
	.field_help = case_field_help,
	.stage_help = case_stage_help,
	.hint = case_hint,
	.release = case_release,
};
