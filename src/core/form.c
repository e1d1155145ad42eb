/* The loaded procedure: look-ups, value normalisation and release. */
#include <config.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/date.h"
#include "bitim/form.h"
#include "bitim/i18n.h"
#include "bitim/validate.h"

static const char *const entity_names[ENTITY_COUNT] = { "case", "party", "session", "obligation" };

const char *entity_name(enum entity e)
{
	return (unsigned)e < ENTITY_COUNT ? entity_names[e] : "?";
}

int entity_from_name(const char *name, size_t len)
{
	for (int i = 0; i < ENTITY_COUNT; i++)
		if (strlen(entity_names[i]) == len && strncmp(name, entity_names[i], len) == 0)
			return i;
	return -1;
}

const struct field_def *procedure_field(const struct procedure *p, const char *key)
{
	for (size_t i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].key, key) == 0)
			return &p->fields[i];
	return NULL;
}

const struct field_def *procedure_entity_field(const struct procedure *p, enum entity e, const char *name)
{
	for (size_t i = 0; i < p->nfields; i++)
		if (p->fields[i].entity == e && strcmp(p->fields[i].name, name) == 0)
			return &p->fields[i];
	return NULL;
}

int procedure_stage_index(const struct procedure *p, const char *name)
{
	for (size_t i = 0; i < p->nstages; i++)
		if (strcmp(p->stages[i].name, name) == 0)
			return (int)i;
	return -1;
}

const struct choice_list *procedure_choices(const struct procedure *p, const char *name)
{
	for (size_t i = 0; i < p->nchoices; i++)
		if (strcmp(p->choices[i].name, name) == 0)
			return &p->choices[i];
	return NULL;
}

const char *choice_label(const struct choice_list *list, const char *code)
{
	for (size_t i = 0; list && i < list->count; i++)
		if (strcmp(list->items[i].code, code) == 0)
			return list->items[i].label;
	return NULL;
}

/* ------------------------------------------------------------- values */

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* The length of a digit-group separator at s (a blank, a no-break space or a
 * narrow no-break space, as "500 000" is written), or 0. */
static size_t group_separator(const char *s)
{
	if (*s == ' ')
		return 1;
	if (strncmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	if (strncmp(s, "\xE2\x80\xAF", 3) == 0)
		return 3;
	return 0;
}

/* A whole number as people write it: digits, with a sign, and groups of
 * digits set apart by a blank ("500 000" is 500000). */
static const char *normalize_int(const struct field_def *f, const char *text, char **out)
{
	char digits[32], *end;
	size_t n = 0;
	long v;

	if (*text == '-' || *text == '+')
		digits[n++] = *text++;
	while (*text && n + 1 < sizeof digits) {
		size_t sep = group_separator(text);
		if (sep && n > 0 && isdigit((unsigned char)digits[n - 1]) && isdigit((unsigned char)text[sep]))
			text += sep;
		if (!isdigit((unsigned char)*text))
			return N_("Type a whole number, digits only");
		digits[n++] = *text++;
	}
	digits[n] = '\0';
	if (*text || n == 0)
		return N_("Type a whole number, digits only");
	errno = 0;
	v = strtol(digits, &end, 10);
	if (errno || end == digits || *end)
		return N_("Type a whole number, digits only");
	if (v < f->min || v > f->max)
		return N_("The number is out of the allowed range");
	return asprintf(out, "%ld", v) < 0 ? N_("Out of memory") : NULL;
}

/* A choice may be typed as its code or as its (English or translated) label. */
static const char *normalize_choice(const struct field_def *f, const char *text, char **out)
{
	for (size_t i = 0; i < f->choices->count; i++) {
		const struct choice_item *it = &f->choices->items[i];
		if (strcmp(text, it->code) == 0 || strcmp(text, it->label) == 0 ||
		    strcmp(text, _(it->label)) == 0) {
			*out = strdup(it->code);
			return *out ? NULL : N_("Out of memory");
		}
	}
	return N_("Choose one of the listed values");
}

const char *field_normalize(const struct field_def *f, const char *input, char **out)
{
	char *trimmed = NULL;
	const char *err;
	char buf[PHONE_BUF];
	bitim_day d;

	*out = NULL;
	/* Blank clears the value, even of a required field: required fields are
	 * checked when the stage is completed, not while the user works. */
	if (blank(input))
		return NULL;
	err = validate_text(input, f->type == FIELD_MULTILINE, &trimmed);
	if (err)
		return err;
	switch (f->type) {
	case FIELD_TEXT:
	case FIELD_MULTILINE:
		*out = trimmed;
		return NULL;
	case FIELD_DATE:
		err = date_parse_user(trimmed, &d);
		if (!err) {
			*out = malloc(DATE_BUF);
			if (*out)
				date_format_iso(d, *out);
		}
		break;
	case FIELD_INT:
		err = normalize_int(f, trimmed, out);
		break;
	case FIELD_CHOICE:
	case FIELD_YESNO:
		err = normalize_choice(f, trimmed, out);
		break;
	case FIELD_IIN:
		err = validate_iin(trimmed);
		if (!err)
			*out = strdup(trimmed);
		break;
	case FIELD_BIN:
		err = validate_bin(trimmed);
		if (!err)
			*out = strdup(trimmed);
		break;
	case FIELD_PHONE:
		err = validate_phone(trimmed, buf);
		if (!err)
			*out = strdup(buf);
		break;
	default:
		err = N_("The value is not valid");
	}
	free(trimmed);
	if (!err && !*out)
		err = N_("Out of memory");
	return err;
}

const char *field_display(const struct field_def *f, const char *stored, char *buf, size_t size)
{
	bitim_day d;
	const char *label;

	if (!stored) {
		snprintf(buf, size, "%s", "");
	} else if (f->type == FIELD_DATE && date_parse_iso(stored, &d)) {
		char tmp[DATE_BUF];
		date_format_user(d, tmp);
		snprintf(buf, size, "%s", tmp);
	} else if ((f->type == FIELD_CHOICE || f->type == FIELD_YESNO) &&
		   (label = choice_label(f->choices, stored))) {
		snprintf(buf, size, "%s", label);
	} else {
		snprintf(buf, size, "%s", stored);
	}
	return buf;
}

/* ------------------------------------------------------------- release */

static void condition_free(struct condition *c)
{
	free(c->field);
	for (size_t i = 0; i < c->nvalues; i++)
		free(c->values[i]);
	free(c->values);
}

static void operands_free(struct operand *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(o[i].field);
	free(o);
}

static void stage_free(struct stage_def *s)
{
	free(s->name); free(s->label); free(s->short_label); free(s->law); free(s->trainee);
	free(s->form); free(s->next); free(s->outcome);
	for (size_t i = 0; i < s->nguards; i++) {
		struct guard *g = &s->guards[i];
		free(g->field); free(g->literal); free(g->message); free(g->file);
		operands_free(g->rhs, g->nrhs);
		for (size_t w = 0; w < g->nwhen; w++)
			condition_free(&g->when[w]);
		free(g->when);
	}
	free(s->guards);
	for (size_t i = 0; i < s->ndeadlines; i++) {
		free(s->deadlines[i].label);
		operands_free(s->deadlines[i].expr, s->deadlines[i].nexpr);
		condition_free(&s->deadlines[i].unless);
	}
	free(s->deadlines);
}

void procedure_free(struct procedure *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nstages; i++)
		stage_free(&p->stages[i]);
	free(p->stages);
	for (size_t i = 0; i < p->nfields; i++) {
		struct field_def *f = &p->fields[i];
		free(f->key); free(f->label); free(f->help); free(f->law);
		free(f->section); free(f->file); free(f->from_iin);
		condition_free(&f->when);
	}
	free(p->fields);
	for (size_t i = 0; i < p->nchoices; i++) {
		for (size_t j = 0; j < p->choices[i].count; j++) {
			free(p->choices[i].items[j].code);
			free(p->choices[i].items[j].label);
		}
		free(p->choices[i].items);
		free(p->choices[i].name);
	}
	free(p->choices);
	for (int e = 0; e < ENTITY_COUNT; e++) {
		free(p->groups[e].label);
		free(p->groups[e].item);
	}
	free(p->dir);
	free(p);
}
