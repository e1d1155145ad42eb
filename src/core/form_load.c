/* Loading the procedure from forms/: procedure.def, choices.def, *.form.
 * Every error names the file, the line and what was expected. */
#include <config.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/form.h"
#include "bitim/i18n.h"
#include "form_lex.h"

struct loader {
	struct procedure *p;
	struct form_error *err;
	const char *file; /* the file being read, as shown in messages */
};

/* Record an error at line (format is a msgid translated here). Returns -1. */
static int fail(struct loader *ld, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct loader *ld, int line, const char *fmt, ...)
{
	va_list ap;

	snprintf(ld->err->file, sizeof ld->err->file, "%s", ld->file);
	ld->err->line = line;
	va_start(ap, fmt);
	vsnprintf(ld->err->message, sizeof ld->err->message, _(fmt), ap);
	va_end(ap);
	return -1;
}

static void *grow(void *array, size_t count, size_t size)
{
	return realloc(array, (count + 1) * size);
}

/* The value of key=value in a line, or NULL. */
static const struct token *attr(const struct logical_line *ll, const char *key)
{
	for (size_t i = 1; i < ll->ntokens; i++)
		if (ll->tokens[i].key && strcmp(ll->tokens[i].key, key) == 0)
			return &ll->tokens[i];
	return NULL;
}

static bool has_flag(const struct logical_line *ll, const char *flag)
{
	for (size_t i = 1; i < ll->ntokens; i++)
		if (!ll->tokens[i].key && !ll->tokens[i].quoted && strcmp(ll->tokens[i].value, flag) == 0)
			return true;
	return false;
}

static bool in_list(const char *word, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(word, *list) == 0)
			return true;
	return false;
}

/* Every token after the first `skip` must be a known key=value or flag. */
static int check_attrs(struct loader *ld, const struct logical_line *ll, size_t skip,
		       const char *const *keys, const char *const *flags, const char *expected)
{
	for (size_t i = skip; i < ll->ntokens; i++) {
		const struct token *t = &ll->tokens[i];
		if (t->key && !in_list(t->key, keys))
			return fail(ld, ll->line, N_("unknown attribute '%s'; expected one of: %s"), t->key, expected);
		if (!t->key && (t->quoted || !in_list(t->value, flags)))
			return fail(ld, ll->line, N_("unexpected '%s'; expected one of: %s"), t->value, expected);
	}
	return 0;
}

static char *dup_attr(const struct logical_line *ll, const char *key)
{
	const struct token *t = attr(ll, key);
	return t ? strdup(t->value) : NULL;
}

static bool is_name(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
			return false;
	return true;
}

/* Parse "case.name" or "group[].name" into the canonical "entity.name". */
static char *parse_field_key(struct loader *ld, int line, const char *text, enum entity *entity)
{
	const char *dot = strchr(text, '.');
	size_t elen;
	bool brackets;
	int e;
	char *key;

	if (!dot)
		goto bad;
	brackets = dot - text > 2 && dot[-1] == ']' && dot[-2] == '[';
	elen = (size_t)(dot - text) - (brackets ? 2 : 0);
	e = entity_from_name(text, elen);
	if (e < 0)
		goto bad;
	if (e == ENTITY_CASE && brackets) {
		fail(ld, line, N_("'case' is not a repeatable group: write case.%s"), dot + 1);
		return NULL;
	}
	if (e != ENTITY_CASE && !brackets) {
		fail(ld, line, N_("'%s' is a repeatable group: write %s[].%s"), entity_name((enum entity)e),
		     entity_name((enum entity)e), dot + 1);
		return NULL;
	}
	if (!is_name(dot + 1, strlen(dot + 1)))
		goto bad;
	*entity = (enum entity)e;
	if (asprintf(&key, "%s.%s", entity_name((enum entity)e), dot + 1) < 0)
		return NULL;
	return key;
bad:
	fail(ld, line, N_("'%s' is not a field name; expected case.NAME, party[].NAME, session[].NAME or obligation[].NAME (lowercase letters, digits, _)"), text);
	return NULL;
}

static int parse_op(const char *s, enum cmp_op *op)
{
	static const struct { const char *text; enum cmp_op op; } ops[] = {
		{ "=", CMP_EQ }, { "!=", CMP_NE }, { "<", CMP_LT },
		{ "<=", CMP_LE }, { ">", CMP_GT }, { ">=", CMP_GE },
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (strcmp(s, ops[i].text) == 0) {
			*op = ops[i].op;
			return 0;
		}
	return -1;
}

/* "FIELD=V1|V2" or "FIELD!=V" into a condition. */
static int parse_condition(struct loader *ld, int line, const char *text, struct condition *c)
{
	const char *eq = strchr(text, '=');
	char *field_text, *values, *save = NULL;
	enum entity e;
	int rc = -1;

	memset(c, 0, sizeof *c);
	if (!eq || eq == text)
		return fail(ld, line, N_("'%s' is not a condition; expected FIELD=VALUE or FIELD!=VALUE"), text);
	c->op = eq[-1] == '!' ? CMP_NE : CMP_EQ;
	field_text = strndup(text, (size_t)(eq - text) - (c->op == CMP_NE));
	values = strdup(eq + 1);
	if (!field_text || !values)
		goto out;
	c->field = parse_field_key(ld, line, field_text, &e);
	if (!c->field)
		goto out;
	for (char *v = strtok_r(values, "|", &save); v; v = strtok_r(NULL, "|", &save)) {
		char **grown = grow(c->values, c->nvalues, sizeof *grown);
		if (!grown)
			goto out;
		c->values = grown;
		c->values[c->nvalues++] = strdup(strcmp(v, "\"\"") == 0 ? "" : v);
	}
	if (c->nvalues == 0) {
		fail(ld, line, N_("the condition '%s' has no value after '='"), text);
		goto out;
	}
	rc = 0;
out:
	free(field_text);
	free(values);
	return rc;
}

/* ---------------------------------------------------------------- choices */

static int load_choices(struct loader *ld, const struct lexed_file *lf)
{
	static const char *const no_keys[] = { NULL };
	static const char *const item_keys[] = { "label", NULL };
	struct procedure *p = ld->p;
	struct choice_list *cur = NULL;

	for (size_t i = 0; i < lf->nlines; i++) {
		const struct logical_line *ll = &lf->lines[i];
		const char *what = ll->tokens[0].value;

		if (strcmp(what, "choices") == 0) {
			struct choice_list *grown;
			if (ll->ntokens != 2 || !is_name(ll->tokens[1].value, strlen(ll->tokens[1].value)))
				return fail(ld, ll->line, N_("expected: choices NAME"));
			if (procedure_choices(p, ll->tokens[1].value))
				return fail(ld, ll->line, N_("the choice list '%s' is defined twice"), ll->tokens[1].value);
			grown = grow(p->choices, p->nchoices, sizeof *grown);
			if (!grown)
				return -1;
			p->choices = grown;
			cur = &p->choices[p->nchoices++];
			memset(cur, 0, sizeof *cur);
			cur->name = strdup(ll->tokens[1].value);
			(void)no_keys;
		} else if (strcmp(what, "item") == 0) {
			struct choice_item *items;
			const struct token *label = attr(ll, "label");
			if (!cur)
				return fail(ld, ll->line, N_("'item' before any 'choices NAME' line"));
			if (ll->ntokens < 3 || ll->tokens[1].key ||
			    !is_name(ll->tokens[1].value, strlen(ll->tokens[1].value)))
				return fail(ld, ll->line, N_("expected: item CODE label=\"Label\" (CODE in lowercase letters, digits, _)"));
			if (check_attrs(ld, ll, 2, item_keys, no_keys, "label=") < 0)
				return -1;
			if (!label || !*label->value)
				return fail(ld, ll->line, N_("the item '%s' has no label=\"...\""), ll->tokens[1].value);
			if (choice_label(cur, ll->tokens[1].value))
				return fail(ld, ll->line, N_("the item '%s' appears twice in '%s'"), ll->tokens[1].value, cur->name);
			items = grow(cur->items, cur->count, sizeof *items);
			if (!items)
				return -1;
			cur->items = items;
			cur->items[cur->count].code = strdup(ll->tokens[1].value);
			cur->items[cur->count].label = strdup(label->value);
			cur->count++;
		} else {
			return fail(ld, ll->line, N_("unknown line '%s'; expected 'choices' or 'item'"), what);
		}
	}
	for (size_t i = 0; i < p->nchoices; i++)
		if (p->choices[i].count == 0)
			return fail(ld, 0, N_("the choice list '%s' has no items"), p->choices[i].name);
	return 0;
}

/* ------------------------------------------------------------------ forms */

static const char *const type_names[FIELD_TYPE_COUNT] = {
	"text", "multiline", "date", "int", "choice", "yesno", "iin", "bin", "phone",
};

static int parse_type(const char *s)
{
	for (int i = 0; i < FIELD_TYPE_COUNT; i++)
		if (strcmp(s, type_names[i]) == 0)
			return i;
	return -1;
}

static int parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	*out = strtol(s, &end, 10);
	return (errno || end == s || *end) ? -1 : 0;
}

/* The optional attributes of a field that need checking. */
static int field_options(struct loader *ld, const struct logical_line *ll, struct field_def *f)
{
	const struct token *t;
	enum entity iin_entity;

	f->min = 0;
	f->max = 1000000;
	if (f->type == FIELD_CHOICE) {
		t = attr(ll, "choices");
		if (!t)
			return fail(ld, ll->line, N_("a choice field needs choices=LIST"));
		f->choices = procedure_choices(ld->p, t->value);
		if (!f->choices)
			return fail(ld, ll->line, N_("there is no choice list '%s' in choices.def"), t->value);
	} else if (f->type == FIELD_YESNO) {
		f->choices = procedure_choices(ld->p, "yesno");
		if (!f->choices)
			return fail(ld, ll->line, N_("a yesno field needs the list 'yesno' in choices.def"));
	} else if (attr(ll, "choices")) {
		return fail(ld, ll->line, N_("choices= is only for fields of type choice"));
	}
	if ((t = attr(ll, "min")) && parse_long(t->value, &f->min) < 0)
		return fail(ld, ll->line, N_("min= must be a whole number"));
	if ((t = attr(ll, "max")) && f->type == FIELD_DATE && strcmp(t->value, "today") == 0)
		f->not_future = true;
	else if (t && f->type == FIELD_DATE)
		return fail(ld, ll->line, N_("a date field takes only max=today"));
	else if (t && parse_long(t->value, &f->max) < 0)
		return fail(ld, ll->line, N_("max= must be a whole number"));
	if (f->min > f->max)
		return fail(ld, ll->line, N_("min= is larger than max="));
	if ((t = attr(ll, "when")) && parse_condition(ld, ll->line, t->value, &f->when) < 0)
		return -1;
	if ((t = attr(ll, "from_iin")) && f->type != FIELD_YESNO)
		return fail(ld, ll->line, N_("from_iin= is only for fields of type yesno"));
	if (t && !(f->from_iin = parse_field_key(ld, ll->line, t->value, &iin_entity)))
		return -1;
	return 0;
}

static int load_field(struct loader *ld, const struct logical_line *ll, int stage, const char *section)
{
	static const char *const keys[] = { "type", "label", "help", "law", "choices", "min", "max", "when", "from_iin",
		NULL };
	static const char *const flags[] = { "required", "confidential", NULL };
	struct procedure *p = ld->p;
	struct field_def *f, *grown;
	const struct token *type, *label;
	int t;

	if (ll->ntokens < 2 || ll->tokens[1].key)
		return fail(ld, ll->line, N_("expected: field KEY type=TYPE label=\"Label\""));
	if (check_attrs(ld, ll, 2, keys, flags,
			"type= label= help= law= choices= min= max= when= from_iin= required confidential") < 0)
		return -1;
	grown = grow(p->fields, p->nfields, sizeof *grown);
	if (!grown)
		return -1;
	p->fields = grown;
	f = &p->fields[p->nfields];
	memset(f, 0, sizeof *f);
	f->key = parse_field_key(ld, ll->line, ll->tokens[1].value, &f->entity);
	if (!f->key)
		return -1;
	p->nfields++; /* owned from here on, freed with the procedure */
	f->name = strchr(f->key, '.') + 1;
	f->file = strdup(ld->file);
	f->line = ll->line;
	f->stage = stage;
	f->section = section ? strdup(section) : NULL;
	for (size_t i = 0; i + 1 < p->nfields; i++)
		if (strcmp(p->fields[i].key, f->key) == 0)
			return fail(ld, ll->line, N_("the field '%s' is already defined in %s line %d"),
				    f->key, p->fields[i].file, p->fields[i].line);
	type = attr(ll, "type");
	if (!type)
		return fail(ld, ll->line, N_("the field '%s' has no type=; expected one of: %s"), f->key,
			    "text multiline date int choice yesno iin bin phone");
	if ((t = parse_type(type->value)) < 0)
		return fail(ld, ll->line, N_("unknown type '%s'; expected one of: %s"), type->value,
			    "text multiline date int choice yesno iin bin phone");
	f->type = (enum field_type)t;
	label = attr(ll, "label");
	if (!label || !*label->value)
		return fail(ld, ll->line, N_("the field '%s' has no label=\"...\""), f->key);
	f->label = strdup(label->value);
	f->help = dup_attr(ll, "help");
	f->law = dup_attr(ll, "law");
	f->required = has_flag(ll, "required");
	f->confidential = has_flag(ll, "confidential");
	return field_options(ld, ll, f);
}

static int load_group(struct loader *ld, const struct logical_line *ll)
{
	static const char *const keys[] = { "label", "item", NULL };
	static const char *const flags[] = { NULL };
	struct group_def *g;
	int e;

	if (ll->ntokens < 2 || ll->tokens[1].key)
		return fail(ld, ll->line, N_("expected: group NAME label=\"Label\" item=\"Item\""));
	e = entity_from_name(ll->tokens[1].value, strlen(ll->tokens[1].value));
	if (e <= ENTITY_CASE)
		return fail(ld, ll->line, N_("unknown group '%s'; expected one of: party session obligation"),
			    ll->tokens[1].value);
	if (check_attrs(ld, ll, 2, keys, flags, "label= item=") < 0)
		return -1;
	g = &ld->p->groups[e];
	if (g->label)
		return fail(ld, ll->line, N_("the group '%s' is declared twice"), ll->tokens[1].value);
	if (!attr(ll, "label") || !attr(ll, "item"))
		return fail(ld, ll->line, N_("a group needs label=\"...\" and item=\"...\""));
	g->entity = (enum entity)e;
	g->label = dup_attr(ll, "label");
	g->item = dup_attr(ll, "item");
	return 0;
}

static int load_form(struct loader *ld, const struct lexed_file *lf, int stage)
{
	const char *section = NULL;

	for (size_t i = 0; i < lf->nlines; i++) {
		const struct logical_line *ll = &lf->lines[i];
		const char *what = ll->tokens[0].value;

		if (ll->tokens[0].key || ll->tokens[0].quoted)
			return fail(ld, ll->line, N_("a line must start with 'field', 'group' or 'section'"));
		if (strcmp(what, "field") == 0) {
			if (load_field(ld, ll, stage, section) < 0)
				return -1;
			section = NULL;
		} else if (strcmp(what, "group") == 0) {
			if (load_group(ld, ll) < 0)
				return -1;
		} else if (strcmp(what, "section") == 0) {
			if (ll->ntokens != 2 || !ll->tokens[1].quoted)
				return fail(ld, ll->line, N_("expected: section \"Heading\""));
			section = ll->tokens[1].value;
		} else {
			return fail(ld, ll->line, N_("unknown line '%s'; expected 'field', 'group' or 'section'"), what);
		}
	}
	return 0;
}

/* ------------------------------------------------------------- procedure */

static struct stage_def *current_stage(struct loader *ld, const struct logical_line *ll)
{
	if (ld->p->nstages == 0) {
		fail(ld, ll->line, N_("'%s' before any 'stage' line"), ll->tokens[0].value);
		return NULL;
	}
	return &ld->p->stages[ld->p->nstages - 1];
}

static int load_stage(struct loader *ld, const struct logical_line *ll)
{
	static const char *const keys[] = { "label", "short", "form", "next", "law", "trainee", "outcome", NULL };
	static const char *const flags[] = { "final", "terminable", "freeze", NULL };
	struct procedure *p = ld->p;
	struct stage_def *s;

	if (ll->ntokens < 2 || ll->tokens[1].key || !is_name(ll->tokens[1].value, strlen(ll->tokens[1].value)))
		return fail(ld, ll->line, N_("expected: stage NAME label=\"Label\" ..."));
	if (check_attrs(ld, ll, 2, keys, flags,
			"label= short= form= next= law= trainee= outcome= final terminable freeze") < 0)
		return -1;
	if (procedure_stage_index(p, ll->tokens[1].value) >= 0)
		return fail(ld, ll->line, N_("the stage '%s' is defined twice"), ll->tokens[1].value);
	s = grow(p->stages, p->nstages, sizeof *s);
	if (!s)
		return -1;
	p->stages = s;
	s = &p->stages[p->nstages++];
	memset(s, 0, sizeof *s);
	s->name = strdup(ll->tokens[1].value);
	s->label = dup_attr(ll, "label");
	s->short_label = dup_attr(ll, "short");
	s->form = dup_attr(ll, "form");
	s->next = dup_attr(ll, "next");
	s->law = dup_attr(ll, "law");
	s->trainee = dup_attr(ll, "trainee");
	s->outcome = dup_attr(ll, "outcome");
	s->final = has_flag(ll, "final");
	s->terminable = has_flag(ll, "terminable");
	s->freeze = has_flag(ll, "freeze");
	s->next_index = -1;
	if (!s->label)
		return fail(ld, ll->line, N_("the stage '%s' has no label=\"...\""), s->name);
	if (s->final == (s->next != NULL))
		return fail(ld, ll->line, N_("the stage '%s' needs either next=STAGE or final (not both)"), s->name);
	if (s->form && (strchr(s->form, '/') || strncmp(s->form, ".", 1) == 0))
		return fail(ld, ll->line, N_("form= names a file in the forms folder, without '/'"));
	return 0;
}

/* An operand: 10, 10d, case.field, case.field|10. */
static int parse_operand(struct loader *ld, int line, const char *text, struct operand *o)
{
	const char *bar = strchr(text, '|');
	char *field_text;
	enum entity e;
	long n;

	memset(o, 0, sizeof *o);
	if (isdigit((unsigned char)text[0])) {
		char *copy = strdup(text);
		size_t len = copy ? strlen(copy) : 0;
		if (len && copy[len - 1] == 'd')
			copy[len - 1] = '\0';
		int bad = !copy || parse_long(copy, &n) < 0;
		free(copy);
		if (bad)
			return fail(ld, line, N_("'%s' is not a number of days (for example 10 or 10d)"), text);
		o->number = n;
		return 0;
	}
	field_text = bar ? strndup(text, (size_t)(bar - text)) : strdup(text);
	if (!field_text)
		return -1;
	o->field = parse_field_key(ld, line, field_text, &e);
	free(field_text);
	if (!o->field)
		return -1;
	if (bar) {
		if (parse_long(bar + 1, &o->number) < 0)
			return fail(ld, line, N_("the default after '|' in '%s' must be a whole number"), text);
		o->has_default = true;
	}
	return 0;
}

/* Operands "A + B + C" from tokens [from, to). */
static int parse_sum(struct loader *ld, const struct logical_line *ll, size_t from, size_t to,
		     struct operand **out, size_t *count)
{
	*out = NULL;
	*count = 0;
	for (size_t i = from; i < to; i++) {
		struct operand *grown;
		if ((i - from) % 2 == 1) {
			if (strcmp(ll->tokens[i].value, "+") != 0)
				return fail(ld, ll->line, N_("expected '+' between the parts of a date, found '%s'"),
					    ll->tokens[i].value);
			continue;
		}
		grown = grow(*out, *count, sizeof *grown);
		if (!grown)
			return -1;
		*out = grown;
		if (parse_operand(ld, ll->line, ll->tokens[i].value, &(*out)[*count]) < 0) {
			(*count)++;
			return -1;
		}
		(*count)++;
	}
	if ((to - from) % 2 == 0)
		return fail(ld, ll->line, N_("a date expression cannot end with '+'"));
	return 0;
}

static struct guard *new_guard(struct loader *ld, struct stage_def *s, const struct logical_line *ll)
{
	struct guard *g = grow(s->guards, s->nguards, sizeof *g);
	if (!g)
		return NULL;
	s->guards = g;
	g = &s->guards[s->nguards++];
	memset(g, 0, sizeof *g);
	g->file = strdup(ld->file);
	g->line = ll->line;
	return g;
}

/* Whether token i of a guard line is the word warn after its message. */
static bool is_warn(const struct logical_line *ll, size_t i)
{
	const struct token *t = &ll->tokens[i];
	return i >= 4 && !t->key && !t->quoted && strcmp(t->value, "warn") == 0 && ll->tokens[i - 1].quoted;
}

/* The when= conditions of a guard line, parsed into g, and its warn mark;
 * the other tokens are copied to *rest (a shallow copy whose token array
 * the caller frees). */
static int split_when(struct loader *ld, const struct logical_line *ll, struct guard *g, struct logical_line *rest)
{
	rest->tokens = calloc(ll->ntokens, sizeof *rest->tokens);
	rest->ntokens = 0;
	rest->line = ll->line;
	if (!rest->tokens)
		return -1;
	for (size_t i = 0; i < ll->ntokens; i++) {
		struct condition *grown;
		if (is_warn(ll, i)) {
			g->warn = true;
			continue;
		}
		if (!ll->tokens[i].key || strcmp(ll->tokens[i].key, "when") != 0) {
			rest->tokens[rest->ntokens++] = ll->tokens[i];
			continue;
		}
		grown = grow(g->when, g->nwhen, sizeof *grown);
		if (!grown)
			return -1;
		g->when = grown;
		if (parse_condition(ld, ll->line, ll->tokens[i].value, &g->when[g->nwhen]) < 0)
			return -1;
		g->nwhen++;
	}
	return 0;
}

/* guard FIELD OP OPERAND [+ OPERAND]... "message" [warn] [when=CONDITION]...
 * count GROUP OP N|FIELD "message" [warn] [when=CONDITION]...
 * each GROUP[].FIELD OP VALUE "message" [warn] [when=CONDITION]... */
static int load_guard_tokens(struct loader *ld, const struct logical_line *ll, enum guard_kind kind, struct guard *g)
{
	const struct token *last = &ll->tokens[ll->ntokens - 1];
	enum entity e;

	if (ll->ntokens < 5 || !last->quoted)
		return fail(ld, ll->line, N_("expected: %s FIELD OP VALUE \"message shown when it fails\""),
			    ll->tokens[0].value);
	for (size_t i = 1; i + 1 < ll->ntokens; i++)
		if (ll->tokens[i].key)
			return fail(ld, ll->line, N_("put spaces around the operator in '%s=%s'"),
				    ll->tokens[i].key, ll->tokens[i].value);
	g->kind = kind;
	g->message = strdup(last->value);
	if (parse_op(ll->tokens[2].value, &g->op) < 0)
		return fail(ld, ll->line, N_("unknown operator '%s'; expected = != < <= > >="), ll->tokens[2].value);
	if (kind == GUARD_COUNT) {
		int ent = entity_from_name(ll->tokens[1].value, strlen(ll->tokens[1].value));
		long n;
		if (ent <= ENTITY_CASE)
			return fail(ld, ll->line, N_("count needs a group: party, session or obligation"));
		if (ll->ntokens != 5 || (parse_long(ll->tokens[3].value, &n) < 0 &&
					 strncmp(ll->tokens[3].value, "case.", 5) != 0))
			return fail(ld, ll->line, N_("expected: count GROUP OP NUMBER \"message\""));
		g->field = strdup(ll->tokens[1].value);
		g->literal = strdup(ll->tokens[3].value);
		return 0;
	}
	g->field = parse_field_key(ld, ll->line, ll->tokens[1].value, &e);
	if (!g->field)
		return -1;
	if (kind == GUARD_EACH && e == ENTITY_CASE)
		return fail(ld, ll->line, N_("each needs a group field such as obligation[].status"));
	if (kind == GUARD_COMPARE && e != ENTITY_CASE)
		return fail(ld, ll->line, N_("guard compares case fields; use 'each' for %s"), ll->tokens[1].value);
	/* A single word that is not a number or a field is a literal value. */
	if (ll->ntokens == 5 && !isdigit((unsigned char)ll->tokens[3].value[0]) &&
	    (ll->tokens[3].quoted || !strchr(ll->tokens[3].value, '.'))) {
		g->literal = strdup(ll->tokens[3].value);
		return 0;
	}
	if (kind == GUARD_EACH && ll->ntokens == 5 && strchr(ll->tokens[3].value, '.') && !ll->tokens[3].quoted) {
		/* each GROUP[].DATE OP GROUP[].DATE: the same row's other date */
		return parse_sum(ld, ll, 3, ll->ntokens - 1, &g->rhs, &g->nrhs);
	}
	if (kind == GUARD_EACH)
		return fail(ld, ll->line, N_("each compares with a single value"));
	return parse_sum(ld, ll, 3, ll->ntokens - 1, &g->rhs, &g->nrhs);
}

static int load_guard(struct loader *ld, const struct logical_line *ll, enum guard_kind kind)
{
	struct stage_def *s = current_stage(ld, ll);
	struct logical_line rest = { 0 };
	struct guard *g;
	int rc = -1;

	if (!s)
		return -1;
	g = new_guard(ld, s, ll);
	if (g && split_when(ld, ll, g, &rest) == 0)
		rc = load_guard_tokens(ld, &rest, kind, g);
	free(rest.tokens);
	return rc;
}

/* deadline "label" FIELD [+ OPERAND]... [unless=CONDITION] */
static int load_deadline(struct loader *ld, const struct logical_line *ll)
{
	struct stage_def *s = current_stage(ld, ll);
	struct deadline_def *d;
	const struct token *unless = attr(ll, "unless");
	size_t end = ll->ntokens - (unless ? 1 : 0);

	if (!s)
		return -1;
	if (ll->ntokens < 3 || !ll->tokens[1].quoted)
		return fail(ld, ll->line, N_("expected: deadline \"label\" FIELD [+ DAYS]... [unless=CONDITION]"));
	for (size_t i = 2; i < end; i++)
		if (ll->tokens[i].key)
			return fail(ld, ll->line, N_("unknown attribute '%s'; expected one of: %s"), ll->tokens[i].key, "unless=");
	d = grow(s->deadlines, s->ndeadlines, sizeof *d);
	if (!d)
		return -1;
	s->deadlines = d;
	d = &s->deadlines[s->ndeadlines++];
	memset(d, 0, sizeof *d);
	d->label = strdup(ll->tokens[1].value);
	if (unless && parse_condition(ld, ll->line, unless->value, &d->unless) < 0)
		return -1;
	if (parse_sum(ld, ll, 2, end, &d->expr, &d->nexpr) < 0)
		return -1;
	if (!d->expr[0].field)
		return fail(ld, ll->line, N_("a deadline must start from a date field"));
	return 0;
}

static int load_procedure_def(struct loader *ld, const struct lexed_file *lf, int *termination_line,
			      char **termination)
{
	for (size_t i = 0; i < lf->nlines; i++) {
		const struct logical_line *ll = &lf->lines[i];
		const char *what = ll->tokens[0].value;
		int rc;

		if (strcmp(what, "stage") == 0)
			rc = load_stage(ld, ll);
		else if (strcmp(what, "guard") == 0)
			rc = load_guard(ld, ll, GUARD_COMPARE);
		else if (strcmp(what, "count") == 0)
			rc = load_guard(ld, ll, GUARD_COUNT);
		else if (strcmp(what, "each") == 0)
			rc = load_guard(ld, ll, GUARD_EACH);
		else if (strcmp(what, "deadline") == 0)
			rc = load_deadline(ld, ll);
		else if (strcmp(what, "termination") == 0) {
			if (ll->ntokens != 2 || *termination)
				return fail(ld, ll->line, N_("expected one line: termination STAGE"));
			*termination = strdup(ll->tokens[1].value);
			*termination_line = ll->line;
			rc = 0;
		} else
			rc = fail(ld, ll->line, N_("unknown line '%s'; expected stage, guard, count, each, deadline or termination"), what);
		if (rc < 0)
			return -1;
	}
	if (ld->p->nstages == 0)
		return fail(ld, 0, N_("no stage is defined"));
	return 0;
}

/* ---------------------------------------------------------- resolution */

static int check_field_ref(struct loader *ld, int line, const char *key)
{
	if (key && !procedure_field(ld->p, key))
		return fail(ld, line, N_("no form defines the field '%s'"), key);
	return 0;
}

/* from_iin= names an IIN field of the same case or row. */
static int check_from_iin(struct loader *ld, const struct field_def *f)
{
	const struct field_def *iin;

	if (!f->from_iin)
		return 0;
	if (check_field_ref(ld, f->line, f->from_iin) < 0)
		return -1;
	iin = procedure_field(ld->p, f->from_iin);
	if (iin->type != FIELD_IIN || iin->entity != f->entity)
		return fail(ld, f->line, N_("from_iin= must name an IIN field of the same group: '%s' is not one"),
			    f->from_iin);
	return 0;
}

static int check_date_sum(struct loader *ld, int line, const struct operand *o, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct field_def *f;
		if (!o[i].field)
			continue;
		if (check_field_ref(ld, line, o[i].field) < 0)
			return -1;
		f = procedure_field(ld->p, o[i].field);
		if (i == 0 && f->type != FIELD_DATE)
			return fail(ld, line, N_("'%s' must be a date field here"), o[i].field);
		if (i > 0 && f->type != FIELD_INT)
			return fail(ld, line, N_("'%s' must be a whole-number field (days) here"), o[i].field);
	}
	return 0;
}

static int resolve_stage(struct loader *ld, struct stage_def *s)
{
	if (s->next && (s->next_index = procedure_stage_index(ld->p, s->next)) < 0)
		return fail(ld, 0, N_("the stage '%s' goes to an unknown stage '%s'"), s->name, s->next);
	for (size_t g = 0; g < s->nguards; g++) {
		struct guard *gd = &s->guards[g];
		for (size_t w = 0; w < gd->nwhen; w++)
			if (check_field_ref(ld, gd->line, gd->when[w].field) < 0)
				return -1;
		if (gd->kind == GUARD_COUNT) {
			if (strncmp(gd->literal, "case.", 5) == 0 &&
			    (check_field_ref(ld, gd->line, gd->literal) < 0 ||
			     procedure_field(ld->p, gd->literal)->type != FIELD_INT))
				return fail(ld, gd->line, N_("'%s' must be a whole-number field here"), gd->literal);
			continue;
		}
		if (check_field_ref(ld, gd->line, gd->field) < 0)
			return -1;
		if (gd->nrhs && check_date_sum(ld, gd->line, gd->rhs, gd->nrhs) < 0)
			return -1;
		if (gd->nrhs && procedure_field(ld->p, gd->field)->type != FIELD_DATE)
			return fail(ld, gd->line, N_("'%s' must be a date field to compare with a date"), gd->field);
	}
	for (size_t d = 0; d < s->ndeadlines; d++) {
		struct deadline_def *dd = &s->deadlines[d];
		if (check_date_sum(ld, 0, dd->expr, dd->nexpr) < 0 ||
		    check_field_ref(ld, 0, dd->unless.field) < 0)
			return -1;
	}
	return 0;
}

static int resolve(struct loader *ld, const char *termination, int termination_line)
{
	struct procedure *p = ld->p;

	ld->file = "procedure.def";
	for (size_t i = 0; i < p->nstages; i++)
		if (resolve_stage(ld, &p->stages[i]) < 0)
			return -1;
	p->termination_stage = -1;
	if (termination && (p->termination_stage = procedure_stage_index(p, termination)) < 0)
		return fail(ld, termination_line, N_("termination names an unknown stage '%s'"), termination);
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field_def *f = &p->fields[i];
		ld->file = f->file;
		if (check_field_ref(ld, f->line, f->when.field) < 0 || check_from_iin(ld, f) < 0)
			return -1;
		if (f->entity != ENTITY_CASE && !p->groups[f->entity].label)
			return fail(ld, f->line, N_("no form declares the group '%s' (group %s label=... item=...)"),
				    entity_name(f->entity), entity_name(f->entity));
	}
	return 0;
}

/* ---------------------------------------------------------------- entry */

static int load_file(struct loader *ld, const char *dir, const char *name, struct lexed_file *lf)
{
	char path[4096];
	const char *msg;
	int line;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	ld->file = name;
	if (lex_file(path, lf, &msg, &line) < 0)
		return fail(ld, line, "%s", _(msg));
	return 0;
}

enum bitim_status procedure_load(const char *dir, struct procedure **out, struct form_error *err)
{
	struct loader ld = { .err = err };
	struct lexed_file lf = { 0 };
	char *termination = NULL;
	int termination_line = 0, rc = -1;
	struct procedure *p = calloc(1, sizeof *p);

	memset(err, 0, sizeof *err);
	*out = NULL;
	if (!p)
		return BITIM_ERR_NOMEM;
	ld.p = p;
	p->dir = strdup(dir);
	if (load_file(&ld, dir, "choices.def", &lf) < 0 || load_choices(&ld, &lf) < 0)
		goto out;
	lex_free(&lf);
	if (load_file(&ld, dir, "procedure.def", &lf) < 0 ||
	    load_procedure_def(&ld, &lf, &termination_line, &termination) < 0)
		goto out;
	lex_free(&lf);
	for (size_t i = 0; i < p->nstages; i++) {
		const char *form = p->stages[i].form;
		if (!form)
			continue;
		if (load_file(&ld, dir, form, &lf) < 0 || load_form(&ld, &lf, (int)i) < 0)
			goto out;
		lex_free(&lf);
	}
	rc = resolve(&ld, termination, termination_line);
out:
	lex_free(&lf);
	free(termination);
	if (rc < 0) {
		if (!err->message[0])
			snprintf(err->message, sizeof err->message, "%s", _("Out of memory"));
		procedure_free(p);
		return BITIM_ERR_FORMS;
	}
	*out = p;
	return BITIM_OK;
}
