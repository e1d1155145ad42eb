/* The procedure's rules over a case snapshot: required fields, guards,
 * deadlines and freezing. Pure logic: no storage, no terminal. */
#include <config.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/i18n.h"
#include "bitim/procedure.h"
#include "bitim/validate.h"

void problems_free(struct problems *pr)
{
	for (size_t i = 0; i < pr->count; i++)
		free(pr->items[i].message);
	free(pr->items);
	pr->items = NULL;
	pr->count = 0;
}

static int add_problem(struct problems *pr, const struct field_def *f, int row, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int add_problem(struct problems *pr, const struct field_def *f, int row, const char *fmt, ...)
{
	struct problem *grown = realloc(pr->items, (pr->count + 1) * sizeof *grown);
	va_list ap;
	int n;

	if (!grown)
		return -1;
	pr->items = grown;
	grown += pr->count;
	grown->field = f;
	grown->row = row;
	va_start(ap, fmt);
	n = vasprintf(&grown->message, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	pr->count++;
	return 0;
}

/* The value of a field key for a group row (or the case). */
static const char *value_of(const struct case_data *cd, const char *key, size_t row)
{
	const char *dot = strchr(key, '.');
	int e = entity_from_name(key, (size_t)(dot - key));
	return casedata_get(cd, (enum entity)e, row, dot + 1);
}

static bool condition_holds(const struct condition *c, const struct case_data *cd, size_t row)
{
	const char *v;
	bool match = false;

	if (!c->field)
		return true;
	v = value_of(cd, c->field, row);
	for (size_t i = 0; i < c->nvalues; i++)
		if (strcmp(v ? v : "", c->values[i]) == 0)
			match = true;
	return c->op == CMP_EQ ? match : !match;
}

bool field_applies(const struct field_def *f, const struct case_data *cd, size_t row)
{
	return condition_holds(&f->when, cd, row);
}

const char *field_answer_from_iin(const struct field_def *f, const struct case_data *cd, size_t row, bitim_day today)
{
	int y, m, d;
	bool minor;

	if (!f->from_iin)
		return NULL;
	date_to_ymd(today, &y, &m, &d);
	if (!validate_iin_minor(value_of(cd, f->from_iin, row), y, m, d, &minor))
		return NULL;
	return minor ? "yes" : "no";
}

static bool compare(long a, enum cmp_op op, long b)
{
	switch (op) {
	case CMP_EQ: return a == b;
	case CMP_NE: return a != b;
	case CMP_LT: return a < b;
	case CMP_LE: return a <= b;
	case CMP_GT: return a > b;
	case CMP_GE: return a >= b;
	}
	return false;
}

/* A date expression's value; false when a part is empty (nothing to check yet). */
static bool eval_date(const struct operand *o, size_t n, const struct case_data *cd, size_t row,
		      bitim_day *out)
{
	bitim_day d = 0;

	for (size_t i = 0; i < n; i++) {
		const char *v = o[i].field ? value_of(cd, o[i].field, row) : NULL;
		if (i == 0) {
			if (!v || !date_parse_iso(v, &d))
				return false;
		} else if (!o[i].field) {
			d += o[i].number;
		} else if (v && *v) {
			d += strtol(v, NULL, 10);
		} else if (o[i].has_default) {
			d += o[i].number;
		} else {
			return false;
		}
	}
	*out = d;
	return true;
}

static bool guard_passes(const struct guard *g, const struct case_data *cd, size_t row)
{
	const char *v = value_of(cd, g->field, row);
	bitim_day lhs, rhs;

	if (g->literal) {
		int cmp = strcmp(v ? v : "", g->literal);
		return compare(cmp, g->op, 0);
	}
	/* Dates: an empty side is the business of the required-field check. */
	if (!v || !date_parse_iso(v, &lhs) || !eval_date(g->rhs, g->nrhs, cd, row, &rhs))
		return true;
	return compare(lhs, g->op, rhs);
}

/* Whether all the guard's when= conditions hold for the row. */
static bool guard_applies(const struct guard *g, const struct case_data *cd, size_t row)
{
	for (size_t i = 0; i < g->nwhen; i++)
		if (!condition_holds(&g->when[i], cd, row))
			return false;
	return true;
}

/* count GROUP OP N, or OP a whole-number case field (empty: nothing to check yet). */
static bool count_passes(const struct guard *g, const struct case_data *cd)
{
	int e = entity_from_name(g->field, strlen(g->field));
	long have = (long)casedata_rows(cd, (enum entity)e);
	const char *v = strncmp(g->literal, "case.", 5) == 0 ? value_of(cd, g->literal, 0) : g->literal;

	return !v || !*v || compare(have, g->op, strtol(v, NULL, 10));
}

static int check_guard(const struct procedure *p, const struct guard *g, const struct case_data *cd,
		       struct problems *out)
{
	const struct field_def *f = g->kind == GUARD_COUNT ? NULL : procedure_field(p, g->field);

	if (g->kind == GUARD_COUNT) {
		if (guard_applies(g, cd, 0) && !count_passes(g, cd))
			return add_problem(out, NULL, -1, "%s", _(g->message));
		return 0;
	}
	if (g->kind == GUARD_EACH) {
		/* each ... != "" asks for a value in every row where it applies */
		bool presence = g->literal && !*g->literal;
		for (size_t r = 0; r < casedata_rows(cd, f->entity); r++)
			if ((value_of(cd, g->field, r) || presence) && guard_applies(g, cd, r) &&
			    !guard_passes(g, cd, r))
				return add_problem(out, f, (int)r, "%s", _(g->message));
		return 0;
	}
	if (guard_applies(g, cd, 0) && !guard_passes(g, cd, 0))
		return add_problem(out, f, -1, "%s", _(g->message));
	return 0;
}

/* Required fields of a stage's form that are empty (where they apply). */
static int check_required(const struct procedure *p, const struct case_data *cd, int stage,
			  struct problems *out)
{
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field_def *f = &p->fields[i];
		const struct group_def *g = &p->groups[f->entity];

		if (f->stage != stage || !f->required)
			continue;
		if (f->entity == ENTITY_CASE) {
			const char *v = casedata_get(cd, ENTITY_CASE, 0, f->name);
			if (field_applies(f, cd, 0) && (!v || !*v) &&
			    add_problem(out, f, -1, _("Missing: %s"), _(f->label)) < 0)
				return -1;
			continue;
		}
		for (size_t r = 0; r < casedata_rows(cd, f->entity); r++) {
			const char *v = casedata_get(cd, f->entity, r, f->name);
			if (field_applies(f, cd, r) && (!v || !*v) &&
			    add_problem(out, f, (int)r, _("Missing (%s %zu): %s"), _(g->item),
					r + 1, _(f->label)) < 0)
				return -1;
		}
	}
	return 0;
}

/* The stage's guards that fail: the blocking ones, or (warnings) those marked warn. */
static int check_guards(const struct procedure *p, const struct stage_def *s, const struct case_data *cd,
			struct problems *out, bool warnings)
{
	for (size_t i = 0; i < s->nguards; i++)
		if (s->guards[i].warn == warnings && check_guard(p, &s->guards[i], cd, out) < 0)
			return -1;
	return 0;
}

int procedure_check_stage(const struct procedure *p, const struct case_data *cd, int stage,
			  struct problems *out)
{
	const struct stage_def *s;

	memset(out, 0, sizeof *out);
	if (stage < 0 || (size_t)stage >= p->nstages)
		return add_problem(out, NULL, -1, "%s", _("The case is in an unknown stage")) < 0 ? -1 : 1;
	s = &p->stages[stage];
	if (s->final)
		return add_problem(out, NULL, -1, "%s", _("The case is closed; nothing is left to complete")) < 0 ? -1 : 1;
	if (check_required(p, cd, stage, out) < 0 || check_guards(p, s, cd, out, false) < 0)
		return -1;
	return (int)out->count;
}

int procedure_stage_warnings(const struct procedure *p, const struct case_data *cd, int stage,
			     struct problems *out)
{
	memset(out, 0, sizeof *out);
	if (stage < 0 || (size_t)stage >= p->nstages)
		return 0;
	if (check_guards(p, &p->stages[stage], cd, out, true) < 0)
		return -1;
	return (int)out->count;
}

int procedure_check_termination(const struct procedure *p, const struct case_data *cd,
				struct problems *out)
{
	int stage = procedure_stage_index(p, casedata_stage(cd));
	const struct stage_def *s;

	memset(out, 0, sizeof *out);
	if (p->termination_stage < 0)
		return add_problem(out, NULL, -1, "%s", _("The procedure defines no termination")) < 0 ? -1 : 1;
	if (stage < 0 || !p->stages[stage].terminable)
		return add_problem(out, NULL, -1, "%s",
				   _("A case cannot be terminated at this stage")) < 0 ? -1 : 1;
	if (check_required(p, cd, p->termination_stage, out) < 0)
		return -1;
	/* The termination stage's guards: which ground fits where the case is. */
	s = &p->stages[p->termination_stage];
	if (check_guards(p, s, cd, out, false) < 0)
		return -1;
	return (int)out->count;
}

bool procedure_next_deadline(const struct procedure *p, const struct case_data *cd,
			     bitim_day *due, const char **label)
{
	int stage = procedure_stage_index(p, casedata_stage(cd));
	bool found = false;

	if (stage < 0)
		return false;
	for (size_t i = 0; i < p->stages[stage].ndeadlines; i++) {
		const struct deadline_def *d = &p->stages[stage].deadlines[i];
		const struct field_def *f = procedure_field(p, d->expr[0].field);
		size_t rows = f->entity == ENTITY_CASE ? 1 : casedata_rows(cd, f->entity);
		bitim_day when;

		for (size_t r = 0; r < rows; r++) {
			if (d->unless.field && condition_holds(&d->unless, cd, r))
				continue;
			if (eval_date(d->expr, d->nexpr, cd, r, &when) && (!found || when < *due)) {
				*due = when;
				*label = d->label;
				found = true;
			}
		}
	}
	return found;
}

bool procedure_field_frozen(const struct procedure *p, const struct case_data *cd,
			    const struct field_def *f)
{
	int now = procedure_stage_index(p, casedata_stage(cd));

	if (f->stage < 0 || !p->stages[f->stage].freeze || now < 0)
		return false;
	/* Stages are listed in order: a later stage (other than termination)
	 * means the frozen stage was completed. */
	return now > f->stage && now != p->termination_stage;
}

bool procedure_stage_open(const struct procedure *p, int stage)
{
	return stage >= 0 && (size_t)stage < p->nstages && !p->stages[stage].final;
}
