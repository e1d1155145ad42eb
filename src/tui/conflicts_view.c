/* Conflicts on screen: the same core calls as 'bitim conflicts', with the
 * columns shown by their form labels and values as the forms show them. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/conflicts.h"
#include "bitim/export.h"
#include "bitim/i18n.h"
#include "conflicts_view.h"
#include "dialog.h"
#include "formview.h"

/* What kind of record a table holds, for people. */
static const char *record_kind(const char *table)
{
	static const struct { const char *table, *kind; } kinds[] = {
		{ "cases", N_("case") }, { "parties", N_("party") },
		{ "sessions", N_("session") }, { "obligations", N_("obligation") },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].table, table) == 0)
			return _(kinds[i].kind);
	return table;
}

/* The case number, or the record's UUID when the row gave none. */
static const char *conflict_name(const struct conflict *c)
{
	return c->case_number && *c->case_number ? c->case_number : c->uuid;
}

/* The form field a column holds, or NULL for a column of its own. */
static const struct field_def *column_field(const struct app *app, const struct conflict *c, const char *column)
{
	int t = export_table_from_name(c->table);
	enum entity e = t < 0 ? ENTITY_COUNT : export_table_entity((enum export_table)t);

	return e == ENTITY_COUNT ? NULL : procedure_entity_field(app->proc, e, column);
}

/* One side's value: dates, choices and stages as the screens show them, any
 * other text whole (however long). */
static void put_value(FILE *out, const struct app *app, const char *column, const char *label,
		      const struct field_def *f, const char *value)
{
	char shown[256];
	int stage = value && strcmp(column, "stage") == 0 ? procedure_stage_index(app->proc, value) : -1;

	if (!value)
		fprintf(out, "  %s %s\n", label, _("(empty)"));
	else if (stage >= 0)
		fprintf(out, "  %s %s\n", label, _(app->proc->stages[stage].label));
	else if (f && f->type != FIELD_TEXT && f->type != FIELD_MULTILINE)
		fprintf(out, "  %s %s\n", label, (fv_display(f, value, shown, sizeof shown), shown));
	else
		fprintf(out, "  %s %s\n", label, value);
}

/* The differences, column by column, and what the two choices do. */
static char *differences(const struct app *app, const struct conflict *c)
{
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);

	if (!out)
		return NULL;
	fprintf(out, _("%s · %s\nFrom %s, imported %s.\n\n"), conflict_name(c), record_kind(c->table), c->source, c->at);
	for (size_t k = 0; k < c->ndiff; k++) {
		const struct field_def *f = column_field(app, c, c->diff[k].name);
		const char *column = c->diff[k].name;
		fprintf(out, "%s\n", f ? _(f->label) : strcmp(column, "stage") == 0 ? _("Stage") : column);
		put_value(out, app, column, _("this database:"), f, c->diff[k].ours);
		put_value(out, app, column, _("incoming:     "), f, c->diff[k].theirs);
	}
	fprintf(out, "\n%s", _("Close this to choose: keep this database's version, or take the incoming one (its values are checked as if typed; empty ones clear nothing)."));
	if (fclose(out) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* Apply the decision; the message line tells what happened. */
static void decide(struct app *app, const struct conflict *c, bool take)
{
	const char *reason = NULL;
	char column[CONFLICT_COLUMN_BUF] = "";
	enum bitim_status st = take ? conflict_take(app->store, app->proc, c->id, &reason, column)
				    : conflict_keep(app->store, c->id);

	if (st == BITIM_OK)
		app_message(app, MSG_INFO, take ? _("%s: the incoming version is taken.") : _("%s: this database's version is kept."),
			    conflict_name(c));
	else if (*column) {
		/* The reason is too long for the message line; it is shown whole. */
		char *text = NULL;
		if (asprintf(&text, _("%s, column %s: %s; nothing was changed."), conflict_name(c), column,
			     reason ? _(reason) : bitim_strerror(st)) >= 0) {
			dialog_text(app, _("The incoming version was not taken"), text);
			free(text);
		}
		app_message(app, MSG_ERROR, _("%s: the incoming version was not taken; nothing was changed."),
			    conflict_name(c));
	} else {
		app_status(app, st);
	}
}

/* Show one conflict and ask what to do (or nothing, to decide later). */
static void resolve_one(struct app *app, const struct conflict *c)
{
	static const char *const choices[] = {
		N_("Keep this database's version"), N_("Take the incoming version"), N_("Decide later"),
	};
	char *text = differences(app, c);
	int pick;

	if (!text) {
		app_status(app, BITIM_ERR_NOMEM);
		return;
	}
	dialog_text(app, _("Imported record differs"), text);
	free(text);
	pick = dialog_pick(app, conflict_name(c), choices, 3, 0);
	if (pick == 0 || pick == 1)
		decide(app, c, pick == 1);
}

static void free_labels(char **labels, size_t n)
{
	for (size_t i = 0; labels && i < n; i++)
		free(labels[i]);
	free(labels);
}

/* "KRG-2026-0003 · party · office-2.db" for each conflict (the whole path
 * is in its differences); NULL when out of memory. */
static char **labels_of(const struct conflict *list, size_t n)
{
	char **labels = calloc(n, sizeof *labels);

	for (size_t i = 0; labels && i < n; i++) {
		const char *file = strrchr(list[i].source, '/');
		if (asprintf(&labels[i], "%s · %s · %s", conflict_name(&list[i]), record_kind(list[i].table),
			     file ? file + 1 : list[i].source) < 0) {
			labels[i] = NULL;
			free_labels(labels, n);
			return NULL;
		}
	}
	return labels;
}

void conflicts_resolve(struct app *app)
{
	for (bool first = true;; first = false) {
		struct conflict *list = NULL;
		size_t n = 0;
		char **labels;
		int pick = -1;

		if (conflicts_list(app->store, &list, &n) != BITIM_OK) {
			app_message(app, MSG_ERROR, "%s", _("Cannot read the conflicts"));
			return;
		}
		if (n == 0) {
			if (first) /* else the message line tells the last decision */
				app_message(app, MSG_INFO, "%s", _("No imported record waits to be resolved."));
			conflicts_free(list, n);
			return;
		}
		if ((labels = labels_of(list, n)))
			pick = dialog_pick(app, _("Imported records that differ"), (const char *const *)labels, n, 0);
		else
			app_status(app, BITIM_ERR_NOMEM);
		if (pick >= 0)
			resolve_one(app, &list[pick]);
		free_labels(labels, n);
		conflicts_free(list, n);
		if (pick < 0)
			return;
	}
}
