/* The fourteen essential terms of the agreement on mediation (Law "On
 * Mediation", Art. 21 p.2 as amended by Law No. 84-VII of 20.12.2021). An
 * agreement that lacks one may be held not concluded; then mediation never
 * started (Art. 20 p.5) and a court's stay falls. So `bitim check` refuses a
 * form set or contract template that could leave a term out. */
#include <config.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/essential.h"
#include "bitim/i18n.h"

/* A term: the fields that carry it (each must exist and be asked for by the
 * time the agreement is signed) and what each contract template must print. */
static const struct term {
	const char *name;
	const char *fields[6];
	const char *printed[5]; /* "{case.x" or "{if case.x" appears; or a literal like "{mediator}" */
} terms[ESSENTIAL_TERMS] = {
	{ N_("date and place of the agreement"), { "case.contract_on", "case.contract_place" },
	  { "case.contract_on", "case.contract_place" } },
	{ N_("the parties, their representatives with position and powers"),
	  { "party.full_name", "party.represents", "party.powers" }, { "party.full_name", "party.represents", "party.powers" } },
	{ N_("subject of the dispute (conflict)"), { "case.subject" }, { "case.subject" } },
	{ N_("the mediator and the organisation of mediators"),
	  { "case.mediator_name", "case.mediator_kind", "case.mediator_org", "case.mediator_cert", "case.mediator_register" },
	  { "{mediator}", "case.mediator_org", "case.mediator_cert", "case.mediator_register" } },
	{ N_("conditions, order and amount of the costs, and a professional mediator's fee"),
	  { "case.costs", "case.fee" }, { "case.costs", "case.fee" } },
	{ N_("language of mediation"), { "case.language" }, { "case.language" } },
	{ N_("the parties' confidentiality undertaking and the consequences of breaking it"),
	  { "case.confidentiality_agreed" }, { NULL } },
	{ N_("grounds and extent of the mediator's liability"), { "case.liability" }, { "case.liability" } },
	{ N_("the parties' details: identity data, residence, phones"),
	  { "party.iin", "party.bin", "party.address", "party.phone" },
	  { "party.iin", "party.bin", "party.address", "party.phone" } },
	{ N_("term of mediation"), { "case.regime", "case.case_term_until" }, { "case.regime", "case.case_term_until" } },
	{ N_("procedure of mediation"), { "case.procedure_rules" }, { "case.procedure_rules" } },
	{ N_("rights and duties of the participants"), { "case.explained_rights" }, { NULL } },
	{ N_("procedure and grounds of termination"), { NULL }, { NULL } },
	{ N_("other terms set by the mediator and the parties"), { "case.contract_terms" }, { "case.contract_terms" } },
};

const char *essential_term_name(int n)
{
	return n >= 1 && n <= ESSENTIAL_TERMS ? terms[n - 1].name : NULL;
}

/* Whether a guard of a stage up to `last` asks for the field: FIELD != "" or a comparison. */
static bool guarded(const struct procedure *p, const char *key, int last)
{
	for (int s = 0; s <= last && (size_t)s < p->nstages; s++)
		for (size_t g = 0; g < p->stages[s].nguards; g++) {
			const struct guard *gd = &p->stages[s].guards[g];
			if (gd->kind != GUARD_COUNT && strcmp(gd->field, key) == 0)
				return true;
		}
	return false;
}

static enum bitim_status check_fields(const struct procedure *p, char *err, size_t err_size)
{
	const struct field_def *on = procedure_field(p, "case.contract_on");
	int last = on ? on->stage : -1;

	for (int t = 0; t < ESSENTIAL_TERMS; t++)
		for (int i = 0; i < 6 && terms[t].fields[i]; i++) {
			const char *key = terms[t].fields[i];
			const struct field_def *f = procedure_field(p, key);
			char what[256];
			if (!f)
				snprintf(what, sizeof what, _("no form defines the field '%s'"), key);
			else if (last < 0 || f->stage > last)
				snprintf(what, sizeof what, _("the field '%s' is asked for only after the agreement on mediation is signed"), key);
			else if (!f->required && !guarded(p, key, last) && t != 13)
				snprintf(what, sizeof what, _("the field '%s' may be left empty (mark it required or guard it)"), key);
			else
				continue;
			snprintf(err, err_size, _("the agreement on mediation can leave out its essential term Art. 21 p.2(%d), %s: %s"),
				 t + 1, _(terms[t].name), what);
			return BITIM_ERR_FORMS;
		}
	return BITIM_OK;
}

/* The marker line of each term at block depth 0, followed by an unconditional
 * line; and the term's fields printed somewhere. */
static enum bitim_status check_template(const char *name, const char *text, char *err, size_t err_size)
{
	bool marked[ESSENTIAL_TERMS + 1] = { false };
	int depth = 0, pending = 0;

	for (const char *l = text; *l; ) {
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) : strlen(l);
		int n = 0;
		if (len > 0 && strncmp(l, "#!", 2) != 0 && pending) {
			/* the clause after a marker must not be conditional */
			if (strncmp(l, "{if ", 4) != 0 && depth == 0)
				marked[pending] = true;
			pending = 0;
		}
		if (sscanf(l, "#! Art. 21 p.2(%d)", &n) == 1 && n >= 1 && n <= ESSENTIAL_TERMS && depth == 0)
			pending = n;
		if (strncmp(l, "{if ", 4) == 0 || strncmp(l, "{each ", 6) == 0)
			depth++;
		else if (len == 5 && strncmp(l, "{end}", 5) == 0 && depth > 0)
			depth--;
		l += len + (nl ? 1 : 0);
	}
	for (int t = 0; t < ESSENTIAL_TERMS; t++) {
		if (!marked[t + 1]) {
			snprintf(err, err_size, _("%s: the agreement on mediation can leave out its essential term Art. 21 p.2(%d), %s: "
						  "no clause marked '#! Art. 21 p.2(%d)' outside {if ...}"),
				 name, t + 1, _(terms[t].name), t + 1);
			return BITIM_ERR_FORMS;
		}
		for (int i = 0; i < 5 && terms[t].printed[i]; i++) {
			const char *key = terms[t].printed[i];
			char a[160], b[160];
			snprintf(a, sizeof a, "{%s", key[0] == '{' ? key + 1 : key);
			snprintf(b, sizeof b, "{if %s", key);
			if (!strstr(text, a) && !strstr(text, b)) {
				snprintf(err, err_size, _("%s: the agreement on mediation can leave out its essential term Art. 21 p.2(%d), %s: "
							  "it never prints %s"),
					 name, t + 1, _(terms[t].name), key[0] == '{' ? key : a);
				return BITIM_ERR_FORMS;
			}
		}
	}
	return BITIM_OK;
}

/* The whole file as a string, or NULL. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			char *grown = realloc(text, cap = 2 * cap + 4096 + 1);
			if (!grown) {
				free(text);
				fclose(f);
				return NULL;
			}
			text = grown;
		}
		n = fread(text + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	text[len] = '\0';
	if (ferror(f)) {
		free(text);
		text = NULL;
	}
	fclose(f);
	return text;
}

enum bitim_status essential_check(const struct procedure *p, char *err, size_t err_size)
{
	static const char *const langs[] = { "kk", "ru", "en" };
	enum bitim_status st = check_fields(p, err, err_size);

	for (size_t l = 0; l < 3 && st == BITIM_OK; l++) {
		char path[4096], name[64];
		char *text;
		snprintf(name, sizeof name, "contract.%s.tpl", langs[l]);
		snprintf(path, sizeof path, "%s/templates/%s", p->dir, name);
		if (!(text = read_text(path))) {
			snprintf(err, err_size, _("%s: cannot be read"), name);
			return BITIM_ERR_FORMS;
		}
		st = check_template(name, text, err, err_size);
		free(text);
	}
	return st;
}
