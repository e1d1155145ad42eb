/* Test helper: make a bitim database with cases, through the core's API.
 * Usage: mkdb DB FORMS_DIR [CASES]  — each case gets two parties. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include "bitim/casefile.h"

int main(int argc, char **argv)
{
	struct store *s = NULL;
	struct procedure *p = NULL;
	struct form_error err;
	int cases = argc > 3 ? atoi(argv[3]) : 0, rc = 1;
	const char *reason;

	if (argc < 3) {
		fprintf(stderr, "usage: mkdb DB FORMS_DIR [CASES]\n");
		return 2;
	}
	if (store_open(argv[1], &s) != BITIM_OK || procedure_load(argv[2], &p, &err) != BITIM_OK) {
		fprintf(stderr, "mkdb: cannot open %s or load %s\n", argv[1], argv[2]);
		goto out;
	}
	for (int i = 0; i < cases; i++) {
		int64_t id;
		char party[UUID_BUF], name[64];
		if (case_new(s, p, date_today(), &id) != BITIM_OK)
			goto out;
		for (int j = 0; j < 2; j++) {
			snprintf(name, sizeof name, j ? "Айгүл Нұрланқызы %d" : "Қайрат Сейітов %d", i + 1);
			if (case_add_row(s, p, id, ENTITY_PARTY, party) != BITIM_OK ||
			    case_set_field(s, p, id, "party.full_name", party, name, &reason) != BITIM_OK)
				goto out;
		}
	}
	rc = 0;
out:
	procedure_free(p);
	store_close(s);
	return rc;
}
