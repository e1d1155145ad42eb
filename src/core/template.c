/* Document templates: placeholders, repeated and conditional parts, expanded
 * against a case into titles, headings, paragraphs, items and signatures. */
#include <config.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/date.h"
#include "bitim/i18n.h"
#include "bitim/procedure.h"
#include "bitim/utf8.h"
#include "template.h"

#define TEMPLATE_MAX (256 * 1024)

struct expander {
	struct template_data *data;
	char **lines;          /* the template's lines; owned */
	size_t nlines;
	const char *file;
	struct blocks *out;
	char *para;            /* the paragraph being gathered; owned */
	size_t para_line;      /* the line the paragraph began on */
	size_t line;           /* the line being expanded */
	char *err;
	size_t err_size;
	enum entity row_entity; /* inside {each}: the group, else ENTITY_CASE */
	int row;                /* inside {each}: the row index */
};

static int fail(struct expander *x, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct expander *x, size_t line, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(x->err, x->err_size, "%s:%zu: ", x->file, line + 1);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < x->err_size)
		vsnprintf(x->err + n, x->err_size - (size_t)n, _(fmt), ap);
	va_end(ap);
	return -1;
}

static int add_block(struct expander *x, enum block_kind kind, char *text)
{
	struct block *grown = realloc(x->out->items, (x->out->count + 1) * sizeof *grown);
	if (!grown) {
		free(text);
		return -1;
	}
	x->out->items = grown;
	grown[x->out->count++] = (struct block){ kind, text, (int)x->line + 1 };
	return 0;
}

static int flush_para(struct expander *x)
{
	char *p = x->para;
	size_t len;

	x->para = NULL;
	if (!p)
		return 0;
	len = strlen(p);
	if (len && p[len - 1] == '\\')
		p[len - 1] = '\0'; /* a break at the very end breaks nothing */
	size_t here = x->line;
	x->line = x->para_line;
	int rc = add_block(x, BLOCK_PARA, p);
	x->line = here;
	return rc;
}

/* --------------------------------------------------------------- values */

static void note_missing(struct expander *x, const struct field_def *f, const char *what, int row)
{
	struct template_data *d = x->data;
	struct missing *grown;

	for (size_t i = 0; i < d->nmissing; i++)
		if (d->missing[i].field == f && d->missing[i].row == row && d->missing[i].what == what)
			return;
	grown = realloc(d->missing, (d->nmissing + 1) * sizeof *grown);
	if (!grown)
		return;
	d->missing = grown;
	grown[d->nmissing++] = (struct missing){ f, what, row };
}

/* The shown text of a field's stored value in the current language. */
static char *shown(const struct field_def *f, const char *v)
{
	bitim_day day;
	const char *label;
	char buf[DATE_BUF];

	if (f->type == FIELD_DATE && date_parse_iso(v, &day)) {
		date_format_user(day, buf);
		return strdup(buf);
	}
	if ((f->type == FIELD_CHOICE || f->type == FIELD_YESNO) && (label = choice_label(f->choices, v)))
		return strdup(_(label));
	return strdup(v);
}

/* Date forms a placeholder may ask for with a modifier: {case.signed_on:long}. */
enum date_form { DATE_PLAIN, DATE_LONG, DATE_DATED, DATE_UNTIL };

/* A date written out in the current language: long ("2026 жылғы 3 қараша",
 * "3 ноября 2026 г.", "3 November 2026"), dated ("2026 жылғы 3
 * қарашадағы", "от 3 ноября 2026 г.", "of 3 November 2026") or until
 * ("15.12.2026 ж. дейін", "до 15.12.2026", "by 15.12.2026"). malloc'd. */
static char *date_words(bitim_day day, enum date_form form)
{
	static const char *const kk[] = { "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
					  "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан" };
	/* the locative ending each month takes in Kazakh: -да/-де/-та/-те */
	static const char *const kk_at[] = { "да", "да", "да", "де", "да", "да", "де", "да", "те", "да", "да", "да" };
	static const char *const ru[] = { "января", "февраля", "марта", "апреля", "мая", "июня", "июля",
					  "августа", "сентября", "октября", "ноября", "декабря" };
	static const char *const en[] = { "January", "February", "March", "April", "May", "June", "July",
					  "August", "September", "October", "November", "December" };
	enum bitim_lang lang = i18n_lang();
	char *out = NULL, plain[DATE_BUF];
	int y, m, d, rc = -1;

	date_to_ymd(day, &y, &m, &d);
	date_format_user(day, plain);
	m = (m - 1) % 12;
	if (form == DATE_UNTIL)
		rc = lang == BITIM_LANG_KK ? asprintf(&out, "%s ж. дейін", plain)
		     : lang == BITIM_LANG_RU ? asprintf(&out, "до %s", plain) : asprintf(&out, "by %s", plain);
	else if (lang == BITIM_LANG_KK)
		rc = asprintf(&out, "%d жылғы %d %s%s", y, d, kk[m], form == DATE_DATED ? kk_at[m] : "");
	else if (lang == BITIM_LANG_RU)
		rc = asprintf(&out, "%s%d %s %d г.", form == DATE_DATED ? "от " : "", d, ru[m], y);
	else
		rc = asprintf(&out, "%s%d %s %d", form == DATE_DATED ? "of " : "", d, en[m], y);
	if (rc >= 0 && lang == BITIM_LANG_KK && form == DATE_DATED) {
		char *more = NULL;
		rc = asprintf(&more, "%s%s", out, strcmp(kk_at[m], "де") == 0 || strcmp(kk_at[m], "те") == 0 ? "гі" : "ғы");
		free(out);
		out = rc >= 0 ? more : NULL;
	}
	return rc >= 0 ? out : NULL;
}

/* The value of a placeholder name (without braces and "?"): malloc'd text,
 * NULL when empty; -1 in *bad when the name is not one a template may use. */
static char *lookup_plain(struct expander *x, size_t line, const char *name, bool optional, int *bad);

static char *lookup(struct expander *x, size_t line, const char *name, bool optional, int *bad)
{
	static const char *const forms[] = { "", "long", "dated", "until" };
	const char *colon = strchr(name, ':');
	char field[128];
	enum date_form form = DATE_PLAIN;
	const struct field_def *f;
	const char *v;
	bitim_day day;

	if (!colon)
		return lookup_plain(x, line, name, optional, bad);
	for (int i = 1; i < 4; i++)
		if (strcmp(colon + 1, forms[i]) == 0)
			form = (enum date_form)i;
	snprintf(field, sizeof field, "%.*s", (int)(colon - name), name);
	*bad = 0;
	if (form == DATE_PLAIN)
		return *bad = fail(x, line, N_("unknown form {%s}; a date may be written {FIELD:long}, {FIELD:dated} or {FIELD:until}"), name), NULL;
	f = procedure_field(x->data->p, field);
	if (!f || f->type != FIELD_DATE)
		return *bad = fail(x, line, N_("{%s}: only a date field takes :long, :dated or :until"), name), NULL;
	char *plain = lookup_plain(x, line, field, optional, bad); /* checks the name, notes what is missing */
	if (!plain || !x->data->cd)
		return plain;
	free(plain);
	v = casedata_get(x->data->cd, f->entity, f->entity == ENTITY_CASE ? 0 : (size_t)x->row, f->name);
	return v && date_parse_iso(v, &day) ? date_words(day, form) : NULL;
}

static char *lookup_plain(struct expander *x, size_t line, const char *name, bool optional, int *bad)
{
	static const char *const office_fields[] = { "code", "name", "region", "district", "village" };
	const struct template_data *d = x->data;
	const struct field_def *f;
	const char *v = NULL;
	char buf[32];

	*bad = 0;
	if (strcmp(name, "number") == 0)
		return d->cd ? strdup(casedata_number(d->cd)) : strdup("");
	if (strcmp(name, "stage") == 0) {
		int st = d->cd ? procedure_stage_index(d->p, casedata_stage(d->cd)) : -1;
		return st >= 0 ? strdup(_(d->p->stages[st].label)) : strdup("");
	}
	if (strcmp(name, "n") == 0) {
		if (x->row_entity == ENTITY_CASE)
			return *bad = fail(x, line, N_("{n} is only for use inside {each ...}")), NULL;
		snprintf(buf, sizeof buf, "%d", x->row + 1);
		return strdup(buf);
	}
	if (strcmp(name, "signed_fingerprint") == 0) {
		if (d->cd && !d->signed_fingerprint && !optional)
			note_missing(x, NULL, N_("the signed settlement agreement (complete the settlement stage first)"), -1);
		return d->signed_fingerprint ? strdup(d->signed_fingerprint) : (d->cd ? NULL : strdup("x"));
	}
	if (strcmp(name, "mediator") == 0) {
		if (d->cd && !d->mediator && !optional)
			note_missing(x, NULL, N_("the mediator's name (Settings)"), -1);
		return d->mediator ? strdup(d->mediator) : NULL;
	}
	if (strncmp(name, "office.", 7) == 0) {
		for (int i = 0; i < 5; i++)
			if (strcmp(name + 7, office_fields[i]) == 0) {
				if (d->cd && !d->office[i] && !optional)
					note_missing(x, NULL, N_("the office's details (Settings)"), -1);
				return d->office[i] ? strdup(d->office[i]) : NULL;
			}
		return *bad = fail(x, line, N_("unknown placeholder {%s}"), name), NULL;
	}
	f = procedure_field(d->p, name);
	if (!f)
		return *bad = fail(x, line, N_("unknown placeholder {%s}"), name), NULL;
	if (f->entity != ENTITY_CASE && f->entity != x->row_entity)
		return *bad = fail(x, line, N_("{%s} is only for use inside {each %s}"), name, entity_name(f->entity)), NULL;
	if (!d->cd)
		return strdup("x");
	if (f->confidential && !d->include_confidential)
		return NULL;
	v = casedata_get(d->cd, f->entity, f->entity == ENTITY_CASE ? 0 : (size_t)x->row, f->name);
	if ((!v || !*v) && !optional)
		note_missing(x, f, NULL, f->entity == ENTITY_CASE ? -1 : x->row);
	return v && *v ? shown(f, v) : NULL;
}

static int condition(struct expander *x, size_t line, const char *spec, bool *holds);

/* Write text[0, len) with {placeholders} replaced into mem; "{{" is a brace,
 * and "{if COND}...{end}" inside a line keeps its part only when COND holds. */
static int substitute_into(struct expander *x, size_t line, const char *text, size_t len, FILE *mem)
{
	const char *c = text, *stop = text + len;

	while (c < stop) {
		if (c[0] == '{' && c + 1 < stop && c[1] == '{') {
			fputc('{', mem);
			c += 2;
			continue;
		}
		if (*c != '{') {
			fputc(*c++, mem);
			continue;
		}
		const char *end = memchr(c, '}', (size_t)(stop - c));
		if (!end)
			return fail(x, line, N_("a '{' is not closed with '}'"));
		size_t n = (size_t)(end - c - 1);
		if (n > 3 && strncmp(c + 1, "if ", 3) == 0) {
			/* an inline condition: its part runs to the next {end} */
			char *spec = strndup(c + 4, n - 3);
			const char *inner = end + 1, *close = inner;
			bool holds = false;
			while (close + 5 <= stop && strncmp(close, "{end}", 5) != 0)
				close++;
			if (!spec || close + 5 > stop) {
				free(spec);
				return fail(x, line, N_("this block has no {end}"));
			}
			int rc = condition(x, line, spec, &holds);
			free(spec);
			if (rc < 0 || (holds && substitute_into(x, line, inner, (size_t)(close - inner), mem) < 0))
				return -1;
			c = close + 5;
			continue;
		}
		char name[128];
		bool optional = n > 0 && c[n] == '?';
		if (optional)
			n--;
		if (n == 0 || n >= sizeof name)
			return fail(x, line, N_("an empty or too long placeholder"));
		memcpy(name, c + 1, n);
		name[n] = '\0';
		int bad;
		char *value = lookup(x, line, name, optional, &bad);
		if (bad)
			return -1;
		if (value)
			fputs(value, mem);
		free(value);
		c = end + 1;
	}
	return 0;
}

/* One line with its placeholders replaced (malloc'd); NULL with *bad on error. */
static char *substitute(struct expander *x, size_t line, const char *text, int *bad)
{
	char *out = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&out, &len);

	*bad = 0;
	if (!mem)
		return NULL;
	*bad = substitute_into(x, line, text, strlen(text), mem);
	fclose(mem);
	if (*bad) {
		free(out);
		return NULL;
	}
	return out;
}

/* ---------------------------------------------------------- directives */

/* The line of the {end} matching an {each}/{if} at from; nlines when none. */
static size_t matching_end(struct expander *x, size_t from, size_t to)
{
	int depth = 0;
	for (size_t i = from; i < to; i++) {
		const char *l = x->lines[i];
		if (strncmp(l, "{each ", 6) == 0 || strncmp(l, "{if ", 4) == 0)
			depth++;
		else if (strcmp(l, "{end}") == 0 && --depth == 0)
			return i;
	}
	return to;
}

/* {if FIELD} / {if FIELD=A|B} / {if FIELD!=A} / {if FIELD=""}: whether it holds now. */
static int condition(struct expander *x, size_t line, const char *spec, bool *holds)
{
	char key[128];
	const char *eq = strchr(spec, '=');
	bool negate = eq && eq > spec && eq[-1] == '!';
	size_t klen = eq ? (size_t)(eq - spec) - negate : strlen(spec);
	const struct field_def *f;
	const char *v;

	if (klen == 0 || klen >= sizeof key)
		return fail(x, line, N_("expected {if FIELD} or {if FIELD=VALUE}"));
	memcpy(key, spec, klen);
	key[klen] = '\0';
	f = procedure_field(x->data->p, key);
	if (!f)
		return fail(x, line, N_("unknown placeholder {%s}"), key);
	if (f->entity != ENTITY_CASE && f->entity != x->row_entity)
		return fail(x, line, N_("{%s} is only for use inside {each %s}"), key, entity_name(f->entity));
	if (!x->data->cd) {
		*holds = true; /* checking the syntax: look inside */
		return 0;
	}
	v = casedata_get(x->data->cd, f->entity, f->entity == ENTITY_CASE ? 0 : (size_t)x->row, f->name);
	if (f->confidential && !x->data->include_confidential)
		v = NULL; /* what is not printed is not there */
	if (!eq) {
		*holds = v && *v;
		return 0;
	}
	*holds = false;
	char *values = strdup(eq + 1), *save = NULL;
	for (char *one = values ? strtok_r(values, "|", &save) : NULL; one; one = strtok_r(NULL, "|", &save))
		if (strcmp(one, "\"\"") == 0 ? !v || !*v : v && strcmp(v, one) == 0)
			*holds = true; /* {if FIELD=""}: the field is empty */
	free(values);
	if (negate)
		*holds = !*holds;
	return 0;
}

static int expand_range(struct expander *x, size_t from, size_t to);

static int expand_each(struct expander *x, size_t line, const char *spec, size_t inner_from, size_t inner_to)
{
	char group[32];
	const char *where = strchr(spec, ' ');
	size_t glen = where ? (size_t)(where - spec) : strlen(spec);
	int e;
	enum entity saved_entity = x->row_entity;
	int saved_row = x->row, rc = 0;

	if (glen >= sizeof group)
		return fail(x, line, N_("expected {each GROUP} with party, session or obligation"));
	memcpy(group, spec, glen);
	group[glen] = '\0';
	e = entity_from_name(group, glen);
	if (e <= ENTITY_CASE || x->row_entity != ENTITY_CASE)
		return fail(x, line, N_("expected {each GROUP} with party, session or obligation (not nested)"));
	if (where && strncmp(where, " where ", 7) != 0)
		return fail(x, line, N_("expected {each GROUP where FIELD=VALUE}"));
	size_t rows = x->data->cd ? casedata_rows(x->data->cd, (enum entity)e) : 1;
	x->row_entity = (enum entity)e;
	for (size_t r = 0; r < rows && rc == 0; r++) {
		bool holds = true;
		x->row = (int)r;
		if (where && condition(x, line, where + 7, &holds) < 0)
			rc = -1;
		else if (holds)
			rc = expand_range(x, inner_from, inner_to);
	}
	x->row_entity = saved_entity;
	x->row = saved_row;
	return rc;
}

/* {signatures}: each party (and representative) of the case — a minor
 * followed by the teacher, psychologist or legal representative who takes
 * part with them (Art. 24 p.3) — then the mediator; {signatures mediator}:
 * the mediator alone. */
/* Who takes part with party r, a minor; NULL for an adult or none named. */
static const char *minor_companion(const struct case_data *cd, size_t r)
{
	const char *minor = casedata_get(cd, ENTITY_PARTY, r, "minor");
	const char *companion = casedata_get(cd, ENTITY_PARTY, r, "minor_companion");

	return minor && strcmp(minor, "yes") == 0 && companion && *companion ? companion : NULL;
}

static int signatures(struct expander *x, bool mediator_only)
{
	const struct case_data *cd = x->data->cd;
	size_t n = cd && !mediator_only ? casedata_rows(cd, ENTITY_PARTY) : 0;
	char *line;

	for (size_t r = 0; r < n; r++) {
		const char *name = casedata_get(cd, ENTITY_PARTY, r, "full_name");
		const char *role = casedata_get(cd, ENTITY_PARTY, r, "role");
		const char *label = role ? choice_label(procedure_choices(x->data->p, "role"), role) : NULL;
		if (!name)
			continue;
		if (asprintf(&line, "%s\t%s", name, label ? _(label) : "") < 0 || add_block(x, BLOCK_SIGN, line) < 0)
			return -1;
		const char *companion = minor_companion(cd, r);
		if (companion && (asprintf(&line, "%s\t%s", companion, _("Taking part with the minor")) < 0 ||
				  add_block(x, BLOCK_SIGN, line) < 0))
			return -1;
	}
	if (asprintf(&line, "%s\t%s", x->data->mediator ? x->data->mediator : "", _("Mediator")) < 0)
		return -1;
	return add_block(x, BLOCK_SIGN, line);
}

/* A line of text: a title, heading, item or part of a paragraph. */
static int text_line(struct expander *x, size_t i, const char *l)
{
	enum block_kind kind = BLOCK_PARA;
	int bad;
	char *text;

	if (strncmp(l, "## ", 3) == 0) {
		kind = BLOCK_HEADING;
		l += 3;
	} else if (strncmp(l, "# ", 2) == 0) {
		kind = BLOCK_TITLE;
		l += 2;
	} else if (strncmp(l, "- ", 2) == 0) {
		kind = BLOCK_ITEM;
		l += 2;
	}
	text = substitute(x, i, l, &bad);
	if (bad)
		return -1;
	if (!text)
		return -1;
	if (kind != BLOCK_PARA) {
		if (flush_para(x) < 0)
			return -1;
		return add_block(x, kind, text);
	}
	if (!x->para) {
		x->para = text;
		x->para_line = i;
		return 0;
	}
	/* Lines of one paragraph join with a blank; after a line that ended
	 * with a backslash, with a line break. */
	size_t plen = strlen(x->para);
	bool hard = plen > 0 && x->para[plen - 1] == '\\';
	if (hard)
		x->para[plen - 1] = '\0';
	char *joined;
	int n = asprintf(&joined, hard ? "%s\n%s" : "%s %s", x->para, text);
	free(text);
	if (n < 0)
		return -1;
	free(x->para);
	x->para = joined;
	return 0;
}

static int expand_range(struct expander *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		const char *l = x->lines[i];
		x->line = i;
		if (*l == '\0') {
			if (flush_para(x) < 0)
				return -1;
		} else if (strncmp(l, "{each ", 6) == 0 || strncmp(l, "{if ", 4) == 0) {
			size_t end = matching_end(x, i, to);
			size_t len = strlen(l);
			if (end == to)
				return fail(x, i, N_("this block has no {end}"));
			if (l[len - 1] != '}')
				return fail(x, i, N_("a directive must be alone on its line and end with '}'"));
			char *spec = strndup(l + (l[1] == 'e' ? 6 : 4), len - (l[1] == 'e' ? 7 : 5));
			int rc;
			bool holds = false;
			if (!spec)
				return -1;
			if (l[1] == 'e')
				rc = expand_each(x, i, spec, i + 1, end);
			else
				rc = condition(x, i, spec, &holds) < 0 ? -1 : (holds ? expand_range(x, i + 1, end) : 0);
			free(spec);
			if (rc < 0)
				return -1;
			i = end;
		} else if (strcmp(l, "{end}") == 0) {
			return fail(x, i, N_("{end} without {each} or {if}"));
		} else if (strcmp(l, "{signatures}") == 0 || strcmp(l, "{signatures mediator}") == 0) {
			if (flush_para(x) < 0 || signatures(x, l[11] == ' ') < 0)
				return -1;
		} else if (strcmp(l, "{page}") == 0) {
			if (flush_para(x) < 0 || add_block(x, BLOCK_PAGE, NULL) < 0)
				return -1;
		} else if (*l == '{' && l[strlen(l) - 1] == '}' && !strchr(l + 1, '{') &&
			   (strncmp(l, "{each", 5) == 0 || strncmp(l, "{if", 3) == 0)) {
			return fail(x, i, N_("expected {each GROUP} or {if FIELD}"));
		} else if (text_line(x, i, l) < 0) {
			return -1;
		}
	}
	return flush_para(x);
}

/* ------------------------------------------------------------ loading */

/* Split the file into lines: comments (#! at the start) dropped, '\r' and
 * trailing blanks removed. */
static int read_lines(struct expander *x, const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf, *line, *next;
	size_t n;

	if (!fp) {
		snprintf(x->err, x->err_size, "%s: %s", x->file, _(errno == ENOENT ? N_("The file does not exist") : N_("The file cannot be read")));
		return -1;
	}
	buf = malloc(TEMPLATE_MAX + 1);
	n = buf ? fread(buf, 1, TEMPLATE_MAX + 1, fp) : 0;
	fclose(fp);
	if (!buf)
		return -1;
	if (n > TEMPLATE_MAX || !utf8_valid(buf, n) || memchr(buf, '\0', n)) {
		snprintf(x->err, x->err_size, "%s: %s", x->file, _("The file is not valid UTF-8 text"));
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	for (line = buf; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		size_t len = strlen(line);
		while (len && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		if (strncmp(line, "#!", 2) == 0)
			line[0] = '\0'; /* a comment keeps its line number */
		char **grown = realloc(x->lines, (x->nlines + 1) * sizeof *grown);
		if (!grown || !(grown[x->nlines] = strdup(line))) {
			if (grown)
				x->lines = grown;
			free(buf);
			return -1;
		}
		x->lines = grown;
		x->nlines++;
		if (!next)
			break;
	}
	free(buf);
	return 0;
}

enum bitim_status template_expand(const char *path, struct template_data *data, struct blocks *out,
				  char *err, size_t err_size)
{
	const char *slash = strrchr(path, '/');
	struct expander x = { .data = data, .file = slash ? slash + 1 : path, .out = out,
			      .err = err, .err_size = err_size, .row_entity = ENTITY_CASE, .row = -1 };
	int rc;

	memset(out, 0, sizeof *out);
	err[0] = '\0';
	rc = read_lines(&x, path);
	if (rc == 0)
		rc = expand_range(&x, 0, x.nlines);
	free(x.para);
	for (size_t i = 0; i < x.nlines; i++)
		free(x.lines[i]);
	free(x.lines);
	if (rc < 0) {
		blocks_free(out);
		return err[0] ? BITIM_ERR_FORMS : BITIM_ERR_NOMEM;
	}
	return BITIM_OK;
}

/* ------------------------------------------------------------ parallel */

/* The kind of structure a template line brings (what a kk and a ru template
 * must have alike), or SHAPE_NONE for a line that continues a paragraph or
 * only separates. *spec is the directive's condition or group. */
enum shape { SHAPE_NONE, SHAPE_TITLE, SHAPE_HEADING, SHAPE_ITEM, SHAPE_PARA, SHAPE_EACH, SHAPE_IF, SHAPE_END,
	     SHAPE_SIGN, SHAPE_SIGN_MEDIATOR, SHAPE_PAGE };

static const char *const shape_names[] = {
	N_("the end of the file"), N_("a title"), N_("a heading"), N_("a list item"), N_("a paragraph"),
	N_("an {each} block"), N_("an {if} block"), N_("an {end}"), N_("{signatures}"), N_("{signatures mediator}"),
	N_("{page}"),
};

static enum shape line_shape(const char *l, bool *in_para, const char **spec)
{
	bool was_para = *in_para;

	*spec = NULL;
	*in_para = false;
	if (*l == '\0')
		return SHAPE_NONE;
	if (strncmp(l, "{each ", 6) == 0)
		return *spec = l + 6, SHAPE_EACH;
	if (strncmp(l, "{if ", 4) == 0)
		return *spec = l + 4, SHAPE_IF;
	if (strcmp(l, "{end}") == 0)
		return SHAPE_END;
	if (strcmp(l, "{signatures}") == 0)
		return SHAPE_SIGN;
	if (strcmp(l, "{signatures mediator}") == 0)
		return SHAPE_SIGN_MEDIATOR;
	if (strcmp(l, "{page}") == 0)
		return SHAPE_PAGE;
	if (strncmp(l, "## ", 3) == 0)
		return SHAPE_HEADING;
	if (strncmp(l, "# ", 2) == 0)
		return SHAPE_TITLE;
	if (strncmp(l, "- ", 2) == 0)
		return SHAPE_ITEM;
	*in_para = true;
	return was_para ? SHAPE_NONE : SHAPE_PARA;
}

/* The next line at or after *i that brings structure; nlines at the end. */
static enum shape next_shape(const struct expander *x, size_t *i, bool *in_para, const char **spec)
{
	for (; *i < x->nlines; (*i)++) {
		enum shape sh = line_shape(x->lines[*i], in_para, spec);
		if (sh != SHAPE_NONE)
			return sh;
	}
	*spec = NULL;
	return SHAPE_NONE;
}

static void free_lines(struct expander *x)
{
	for (size_t i = 0; i < x->nlines; i++)
		free(x->lines[i]);
	free(x->lines);
}

enum bitim_status template_compare(const char *path_a, const char *path_b, char *err, size_t err_size)
{
	const char *sa = strrchr(path_a, '/'), *sb = strrchr(path_b, '/');
	struct expander a = { .file = sa ? sa + 1 : path_a, .err = err, .err_size = err_size };
	struct expander b = { .file = sb ? sb + 1 : path_b, .err = err, .err_size = err_size };
	bool pa = false, pb = false;
	enum bitim_status st = BITIM_OK;

	err[0] = '\0';
	if (read_lines(&a, path_a) < 0 || read_lines(&b, path_b) < 0) {
		st = err[0] ? BITIM_ERR_FORMS : BITIM_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0, j = 0;; i++, j++) {
		const char *speca, *specb;
		enum shape ka = next_shape(&a, &i, &pa, &speca), kb = next_shape(&b, &j, &pb, &specb);
		bool same = ka == kb && (!speca || strcmp(speca, specb) == 0);
		if (!same) {
			/* name the line of the second file, and what the first has */
			size_t line = j < b.nlines ? j + 1 : b.nlines;
			snprintf(err, err_size, _("%s:%zu: %s here, but %s at %s:%zu; the kk and ru templates of a document must have the same titles, headings, paragraphs, items and blocks in the same order"),
				 b.file, line, _(shape_names[kb]), _(shape_names[ka]), a.file, i < a.nlines ? i + 1 : a.nlines);
			st = BITIM_ERR_FORMS;
			break;
		}
		if (ka == SHAPE_NONE)
			break; /* both ended */
	}
out:
	free_lines(&a);
	free_lines(&b);
	return st;
}

void blocks_free(struct blocks *b)
{
	for (size_t i = 0; i < b->count; i++)
		free(b->items[i].text);
	free(b->items);
	b->items = NULL;
	b->count = 0;
}
