/* The parties of a case as other screens need them: "who else is this?"
 * after a name or IIN is saved, and the names offered where a field names
 * a party. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include "bitim/i18n.h"
#include "bitim/search.h"
#include "dialog.h"
#include "parties.h"

/* Whether two names are spelled the same, capitals aside (Қайрат and
 * Кайрат differ: one of them may be a typo). */
static bool same_name(const char *a, const char *b)
{
	wchar_t wa[256], wb[256];
	size_t na = mbstowcs(wa, a ? a : "", 255), nb = mbstowcs(wb, b ? b : "", 255);

	if (na == (size_t)-1 || nb == (size_t)-1 || na != nb)
		return na == nb && a && b && strcmp(a, b) == 0;
	for (size_t i = 0; i < na; i++)
		if (towlower((wint_t)wa[i]) != towlower((wint_t)wb[i]))
			return false;
	return true;
}

void parties_who_else(struct app *app, const struct case_data *cd, const struct field_def *f, size_t row)
{
	struct party_match *m = NULL;
	size_t n = 0;
	const char *name, *id;
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	if (strcmp(f->name, "full_name") && strcmp(f->name, "iin") && strcmp(f->name, "bin"))
		return;
	name = casedata_get(cd, ENTITY_PARTY, row, "full_name");
	id = casedata_get(cd, ENTITY_PARTY, row, strcmp(f->name, "bin") ? "iin" : "bin");
	if (store_similar_parties(app->store, app->case_id, name, id, &m, &n) != BITIM_OK || n == 0) {
		store_party_matches_free(m, n);
		return;
	}
	out = open_memstream(&text, &len);
	if (out) {
		bool other_name = false;
		fprintf(out, "%s\n\n", _("This person may have been a party in earlier cases of this office:"));
		for (size_t i = 0; i < n && i < 30; i++) {
			int st = procedure_stage_index(app->proc, m[i].stage);
			bool differs = m[i].same_id && !same_name(name, m[i].full_name);
			fprintf(out, "• %s  %s%s%s  (%s)%s%s\n", m[i].number, m[i].full_name ? m[i].full_name : "",
				m[i].iin ? ", " : "", m[i].iin ? m[i].iin : "",
				st >= 0 ? _(app->proc->stages[st].label) : m[i].stage,
				differs ? " — " : "", differs ? _("the same IIN under another name") : "");
			other_name |= differs;
		}
		/* The same number with another name is a typo or another person: say so. */
		if (other_name)
			fprintf(out, "\n%s\n", _("The same IIN is recorded under another name: either one of the names or the IIN was mistyped, or these are different people. Check the identity document."));
		fprintf(out, "\n%s", _("A repeated dispute may need another approach. If you are related to a party, are their neighbour or dealt with them before, declare it on the agreement page (conflict of interest, Art. 7)."));
		fclose(out);
		dialog_text(app, N_("Who else is this?"), text);
	}
	free(text);
	store_party_matches_free(m, n);
}

/* "With which party" and "who performs it" name a party of the case as it
 * was entered: they are chosen from the parties' names. */
size_t parties_names(const struct case_data *cd, const struct field_def *f, const char **names, size_t max)
{
	size_t n = 0;

	if (strcmp(f->key, "session.with_party") && strcmp(f->key, "obligation.debtor"))
		return 0;
	for (size_t r = 0; r < casedata_rows(cd, ENTITY_PARTY) && n < max; r++) {
		const char *name = casedata_get(cd, ENTITY_PARTY, r, "full_name");
		if (name && *name)
			names[n++] = name;
	}
	return n;
}

