/* Test helper: make a bitim database through the core's API.
 *   mkdb DB FORMS_DIR [CASES]      CASES cases, each with two parties
 *   mkdb DB FORMS_DIR --sample     one rich case taken to a signed agreement:
 *                                  three parties, an organisation with a BIN and
 *                                  a representative, long names, multi-line terms
 *   mkdb DB FORMS_DIR --sample-draft       the same, all filled in but not signed
 *   mkdb DB FORMS_DIR --sample-terminated  the same, terminated during the sessions
 *   mkdb DB FORMS_DIR --regimes    one case per regime through to its papers (regimes.c)
 *   mkdb DB FORMS_DIR --regimes-draft      the same, the settlements typed but not signed
 *   ... --sample LANGUAGE [SIGNED_AS]      the case in LANGUAGE (kk, ru, en, kk_ru),
 *                                          signed in the version SIGNED_AS (kk+ru, ...) */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/casefile.h"
#include "bitim/i18n.h"
#include "regimes.h"

static struct store *s;
static struct procedure *p;
static int64_t id;

/* The day numbered cases are opened on: BITIM_TODAY when the test sets it
 * (this helper makes test databases only), else the clock. */
static bitim_day fixed_today(void)
{
	const char *fixed = getenv("BITIM_TODAY");
	bitim_day d;

	return fixed && date_parse_iso(fixed, &d) ? d : date_today();
}

static int put(const char *key, const char *row, const char *value)
{
	const char *reason = NULL;
	enum bitim_status st = case_set_field(s, p, id, key, row, value, &reason);
	if (st != BITIM_OK)
		fprintf(stderr, "mkdb: %s = %s: %s %s\n", key, value, bitim_status_name(st), reason ? reason : "");
	return st == BITIM_OK ? 0 : -1;
}

/* --sample LANGUAGE SIGNED_AS: the case's language and the version signed. */
static const char *language, *signed_as;

static int advance(void)
{
	struct problems why;
	enum bitim_status st = case_advance_signed(s, p, id, date_from_ymd(2026, 3, 20), signed_as, &why);
	for (size_t i = 0; i < why.count; i++)
		fprintf(stderr, "mkdb: %s\n", why.items[i].message);
	problems_free(&why);
	return st == BITIM_OK ? 0 : -1;
}

/* Each line: KEY VALUE, or "+GROUP" to add a row that the next keys fill,
 * or "!" to complete the stage. */
static const char *const sample[] = {
	"case.received_on", "02.03.2026", "case.referral_source", "akimat", "case.category", "neighbours",
	"case.regime", "out_of_court", "case.village", "Көктал",
	"case.subject", "Шекара, дуал және суару арығы / The boundary, the fence and the irrigation ditch",
	"case.description", "Көршілер дуалды жылжытты.\nСу кезегі бұзылды.",
	"case.excl_third_parties", "no", "case.excl_incapable", "no", "case.excl_state_service", "no",
	"case.excl_other_law", "no",
	"+party", "", "party.side", "first", "party.kind", "person",
	"party.full_name", "Сейітқали Қайратұлы Нұрмұхамбетов-Әбдіжаппаров", "party.iin", "791028302728",
	"party.role", "party", "party.address", "Көктал ауылы, Абай көшесі, 15 <үй> & \"бақ\"",
	"party.phone", "8 701 234 56 78",
	"+party", "", "party.side", "second", "party.kind", "organisation",
	"party.full_name", "«Береке-Агро» жауапкершілігі шектеулі серіктестігі", "party.bin", "940140000385",
	"party.role", "party", "party.address", "Жаркент қаласы, Панфилов көшесі, 2", "party.phone", "+7 728 215 11 22",
	"+party", "", "party.side", "second", "party.kind", "person",
	"party.full_name", "Мария Петровна Иванова", "party.iin", "061211600012",
	"party.role", "representative", "party.represents", "«Береке-Агро» ЖШС",
	"party.position", "заң кеңесшісі", "party.powers", "сенімхат № 12, 01.03.2026", "party.powers_settle", "yes",
	"!", "",
	"case.offer_by", "party", "case.offer_form", "written", "case.offer_sent_on", "03.03.2026", "case.offer_accepted", "yes",
	"case.offer_accepted_on", "06.03.2026", "case.mediator_agreed", "yes",
	"case.mediator_name", "Бақыт Омарова",
	"!", "",
	"case.explained_principles", "yes", "case.explained_rights", "yes", "case.explained_consequences", "yes",
	"case.explained_experience", "yes", "case.no_conflict_of_interest", "yes",
	"case.contract_on", "10.03.2026", "case.contract_place", "Көктал ауылдық округінің әкімдігі",
	"case.language", "kk_ru", "case.costs", "free", "case.confidentiality_agreed", "yes",
	"case.mediator_kind", "public", "case.mediator_register", "Көктал ауылдық округі әкімінің тізілімі, № 7, 12.01.2026",
	"case.procedure_rules", "law", "case.liability", "law", "case.contract_signed_how", "paper",
	"!", "",
	"+session", "", "session.held_on", "12.03.2026", "session.kind", "joint", "session.mode", "in_person",
	"session.place", "Әкімдік", "session.duration_min", "90",
	"session.summary", "Тараптар шекараны бірге өлшеді.", "session.notes", "CONFIDENTIAL: the first party fears losing water",
	"+session", "", "session.held_on", "14.03.2026", "session.kind", "caucus", "session.with_party", "Нұрмұхамбетов",
	"session.mode", "phone",
	"!", "",
	"case.settlement_place", "Көктал", "case.settlement_subject", "Дуал мен арықтың шекарасы",
	"case.nonperformance", "Міндеттеме орындалмаса, тараптар сотқа жүгіне алады.\nIf an obligation is not performed, the parties may go to court.",
	"case.copies", "4",
	"+obligation", "", "obligation.debtor", "С. Қ. Нұрмұхамбетов-Әбдіжаппаров",
	"obligation.text", "Дуалды 1 метр батысқа жылжыту;\nескі бағаналарды алып тастау.",
	"obligation.manner", "өз есебінен", "obligation.due_on", "01.04.2026",
	"+obligation", "", "obligation.debtor", "«Береке-Агро» ЖШС",
	"obligation.text", "Суару кезегін аптасына екі рет беру", "obligation.manner", "сейсенбі мен жұма күндері",
	"obligation.due_on", "15.04.2026", "case.settlement_signed_how", "paper",
	"case.signed_on", "20.03.2026", "case.signed_by_parties", "yes", "case.signed_by_mediator", "yes",
	"!", "",
	"case.addendum_no", "1", "case.addendum_on", "25.03.2026", "case.addendum_place", "Көктал",
	"case.addendum_text", "Дуалды жылжыту мерзімі 15.04.2026 дейін ұзартылады.",
	NULL,
};

/* How far make_sample goes. */
enum sample_kind { SAMPLE_SIGNED, SAMPLE_DRAFT, SAMPLE_TERMINATED };

static int terminate(void)
{
	struct problems why;
	enum bitim_status st;

	if (put("case.termination_ground", NULL, "party_refused") < 0 ||
	    put("case.terminated_on", NULL, "16.03.2026") < 0 ||
	    put("case.termination_note", NULL, "«Береке-Агро» ЖШС 16.03.2026 жазбаша бас тартты.") < 0)
		return -1;
	st = case_terminate(s, p, id, date_from_ymd(2026, 3, 16), &why);
	problems_free(&why);
	return st == BITIM_OK ? 0 : -1;
}

static int make_sample(enum sample_kind kind)
{
	int stages = 0;

	char row[UUID_BUF] = "";
	enum entity groups[] = { ENTITY_PARTY, ENTITY_SESSION, ENTITY_OBLIGATION };
	const char *names[] = { "party", "session", "obligation" };

	if (store_office_set(s, "code", "KRG") != BITIM_OK || store_office_set(s, "name", "Көктал ауылдық округінің әкімдігі") != BITIM_OK ||
	    store_office_set(s, "village", "Көктал") != BITIM_OK ||
	    case_new(s, p, date_from_ymd(2026, 3, 2), &id) != BITIM_OK)
		return -1;
	for (int i = 0; sample[i]; i += 2) {
		const char *key = sample[i];
		if (strcmp(key, "!") == 0) {
			stages++;
			if (kind == SAMPLE_TERMINATED && stages == 4)
				return terminate(); /* during the sessions */
			if (kind == SAMPLE_DRAFT && stages == 5)
				return 0; /* everything typed, not signed */
			if (advance() < 0)
				return -1;
		} else if (key[0] == '+') {
			for (int g = 0; g < 3; g++)
				if (strcmp(key + 1, names[g]) == 0 && case_add_row(s, p, id, groups[g], row) != BITIM_OK)
					return -1;
		} else if (put(key, strncmp(key, "case.", 5) ? row : NULL,
			       language && strcmp(key, "case.language") == 0 ? language : sample[i + 1]) < 0) {
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct form_error err;
	int rc = 1;
	const char *reason;

	i18n_init(BUILD_LOCALEDIR); /* the signed text is worded in the case's language */
	if (argc < 3) {
		fprintf(stderr, "usage: mkdb DB FORMS_DIR [CASES | --sample]\n");
		return 2;
	}
	if (store_open(argv[1], &s) != BITIM_OK || procedure_load(argv[2], &p, &err) != BITIM_OK) {
		fprintf(stderr, "mkdb: cannot open %s or load %s: %s\n", argv[1], argv[2], err.message);
		goto out;
	}
	if (argc > 3 && strncmp(argv[3], "--regimes", 9) == 0) {
		if (store_office_set(s, "code", "KRG") != BITIM_OK || store_office_set(s, "village", "Көктал") != BITIM_OK ||
		    store_office_set(s, "name", "Көктал ауылдық округінің әкімдігі") != BITIM_OK ||
		    store_mediator_save(s, &(struct mediator){ .full_name = "Бақыт Омарова", .kind = "public" }) != BITIM_OK)
			goto out;
		rc = regimes_make(s, p, date_from_ymd(2026, 3, 20), strcmp(argv[3], "--regimes-draft") == 0) < 0;
		goto out;
	}
	if (argc > 3 && strncmp(argv[3], "--sample", 8) == 0) {
		language = argc > 4 ? argv[4] : NULL;
		signed_as = argc > 5 ? argv[5] : NULL;
		rc = make_sample(strcmp(argv[3], "--sample-draft") == 0 ? SAMPLE_DRAFT
				 : strcmp(argv[3], "--sample-terminated") == 0 ? SAMPLE_TERMINATED : SAMPLE_SIGNED) < 0;
		goto out;
	}
	/* An office code, as a user sets in Settings (a new database has none). */
	char *code = NULL;
	enum bitim_status has = store_office_code(s, &code);
	free(code);
	if (has == BITIM_ERR_NOOFFICE && store_office_set(s, "code", "BTM") != BITIM_OK)
		goto out;
	for (int i = 0, cases = argc > 3 ? atoi(argv[3]) : 0; i < cases; i++) {
		char party[UUID_BUF], name[64];
		if (case_new(s, p, fixed_today(), &id) != BITIM_OK)
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
