/* Build helper: print the user-visible strings of forms/ as a gettext template.
 * It reads the forms with bitim's own loader, so it extracts exactly the
 * labels, help texts, choices and messages the program shows.
 * Usage: forms-pot FORMS_DIR > forms.pot */
#include <config.h>
#include <stdio.h>
#include <string.h>
#include "bitim/form.h"

/* One entry; the same msgid twice is merged later by msgcat/msguniq. */
static void entry(const char *file, int line, const char *msgid)
{
	if (!msgid || !*msgid)
		return;
	if (line > 0)
		printf("#: forms/%s:%d\n", file, line);
	else
		printf("#: forms/%s\n", file);
	fputs("msgid \"", stdout);
	for (const char *c = msgid; *c; c++) {
		if (*c == '"' || *c == '\\')
			putchar('\\');
		if (*c == '\n')
			fputs("\\n", stdout);
		else
			putchar(*c);
	}
	fputs("\"\nmsgstr \"\"\n\n", stdout);
}

int main(int argc, char **argv)
{
	struct procedure *p;
	struct form_error err;

	if (argc != 2) {
		fprintf(stderr, "usage: forms-pot FORMS_DIR\n");
		return 2;
	}
	if (procedure_load(argv[1], &p, &err) != BITIM_OK) {
		fprintf(stderr, "forms-pot: %s:%d: %s\n", err.file, err.line, err.message);
		return 1;
	}
	printf("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
	for (size_t i = 0; i < p->nchoices; i++)
		for (size_t j = 0; j < p->choices[i].count; j++)
			entry("choices.def", 0, p->choices[i].items[j].label);
	for (size_t i = 0; i < p->nstages; i++) {
		const struct stage_def *s = &p->stages[i];
		entry("procedure.def", 0, s->label);
		if (s->short_label)
			entry("procedure.def", 0, s->short_label);
		entry("procedure.def", 0, s->law);
		entry("procedure.def", 0, s->trainee);
		for (size_t g = 0; g < s->nguards; g++)
			entry("procedure.def", s->guards[g].line, s->guards[g].message);
		for (size_t d = 0; d < s->ndeadlines; d++)
			entry("procedure.def", 0, s->deadlines[d].label);
	}
	for (int e = 0; e < ENTITY_COUNT; e++) {
		entry("groups", 0, p->groups[e].label);
		entry("groups", 0, p->groups[e].item);
	}
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field_def *f = &p->fields[i];
		entry(f->file, f->line, f->section);
		entry(f->file, f->line, f->label);
		entry(f->file, f->line, f->help);
		entry(f->file, f->line, f->law);
	}
	procedure_free(p);
	return 0;
}
