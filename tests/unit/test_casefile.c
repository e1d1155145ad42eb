/* Unit tests: a case taken through the whole procedure by the core's API. */
#include "testutil.h"
#include "bitim/casefile.h"
#include "bitim/deadlines.h"
#include "bitim/demo.h"
#include "bitim/search.h"

struct fixture {
	char *dir;
	struct store *s;
	struct procedure *p;
	int64_t id;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct form_error err;
	if (!(f->s = test_store_new(&f->dir)) || procedure_load(test_forms_dir(), &f->p, &err) != BITIM_OK)
		return -1;
	/* the signed agreement names the office */
	store_office_set(f->s, "name", "Көктал ауылдық әкімдігі");
	if (case_new(f->s, f->p, date_from_ymd(2026, 3, 2), &f->id) != BITIM_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	procedure_free(f->p);
	test_store_done(f->s, f->dir);
	free(f);
	return 0;
}

/* Set a field as typed; it must be accepted. */
static void put(struct fixture *f, const char *key, const char *row, const char *input)
{
	const char *reason = NULL;
	enum bitim_status st = case_set_field(f->s, f->p, f->id, key, row, input, &reason);
	if (st != BITIM_OK)
		print_message("%s = %s: %s %s\n", key, input, bitim_status_name(st), reason ? reason : "");
	assert_int_equal(st, BITIM_OK);
}

static struct case_data *load(struct fixture *f)
{
	struct case_data *cd;
	assert_int_equal(store_case_load(f->s, f->id, &cd), BITIM_OK);
	return cd;
}

static void advance_ok(struct fixture *f, const char *expect_stage)
{
	struct problems why;
	enum bitim_status st = case_advance(f->s, f->p, f->id, date_from_ymd(2026, 3, 2), &why);
	for (size_t i = 0; i < why.count; i++)
		print_message("guard: %s\n", why.items[i].message);
	problems_free(&why);
	assert_int_equal(st, BITIM_OK);
	struct case_data *cd = load(f);
	assert_string_equal(casedata_stage(cd), expect_stage);
	casedata_free(cd);
}

static void add_row(struct fixture *f, enum entity e, char uuid[UUID_BUF])
{
	assert_int_equal(case_add_row(f->s, f->p, f->id, e, uuid), BITIM_OK);
}

static void fill_intake(struct fixture *f)
{
	char a[UUID_BUF], b[UUID_BUF];
	put(f, "case.received_on", NULL, "02.03.2026");
	put(f, "case.referral_source", NULL, "akimat");
	put(f, "case.category", NULL, "neighbours");
	put(f, "case.regime", NULL, "out_of_court");
	put(f, "case.subject", NULL, "Шекара мен суару суы");
	put(f, "case.excl_third_parties", NULL, "no");
	put(f, "case.excl_incapable", NULL, "no");
	put(f, "case.excl_state_service", NULL, "no");
	put(f, "case.excl_other_law", NULL, "no");
	add_row(f, ENTITY_PARTY, a);
	put(f, "party.side", a, "first");
	put(f, "party.kind", a, "person");
	put(f, "party.full_name", a, "Қайрат Сейітов");
	put(f, "party.iin", a, "791028302728");
	put(f, "party.role", a, "party");
	put(f, "party.address", a, "Көктал, Абай көшесі, 15");
	put(f, "party.phone", a, "8 701 234 56 78");
	add_row(f, ENTITY_PARTY, b);
	put(f, "party.side", b, "second");
	put(f, "party.kind", b, "organisation");
	put(f, "party.full_name", b, "«Береке» ЖШС");
	put(f, "party.bin", b, "940140000385");
	put(f, "party.role", b, "party");
	put(f, "party.address", b, "Жаркент, Панфилов көшесі, 2");
	put(f, "party.phone", b, "+7 702 111 22 33");
}

static void invalid_input_is_refused_and_not_stored(void **state)
{
	struct fixture *f = *state;
	const char *reason;
	char a[UUID_BUF];
	add_row(f, ENTITY_PARTY, a);
	assert_int_equal(case_set_field(f->s, f->p, f->id, "party.iin", a, "791028302729", &reason), BITIM_ERR_INVALID);
	assert_non_null(strstr(reason, "check digit"));
	assert_int_equal(case_set_field(f->s, f->p, f->id, "case.received_on", NULL, "31.02.2026", &reason), BITIM_ERR_INVALID);
	/* max=today: a request cannot be received in the future */
	assert_int_equal(case_set_field(f->s, f->p, f->id, "case.received_on", NULL, "01.01.2099", &reason), BITIM_ERR_INVALID);
	assert_non_null(strstr(reason, "later than today"));
	assert_int_equal(case_set_field(f->s, f->p, f->id, "case.nonexistent", NULL, "x", &reason), BITIM_ERR_INVALID);
	assert_int_equal(case_set_field(f->s, f->p, f->id, "case.subject", NULL, "a\x01b", &reason), BITIM_ERR_INVALID);
	struct case_data *cd = load(f);
	assert_null(casedata_get(cd, ENTITY_PARTY, 0, "iin"));
	assert_null(casedata_get(cd, ENTITY_CASE, 0, "received_on"));
	casedata_free(cd);
	put(f, "party.iin", a, " 791028302728 ");
	put(f, "case.received_on", NULL, "2.3.2026");
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, 0, "iin"), "791028302728");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "received_on"), "2026-03-02");
	casedata_free(cd);
}

static void guards_block_and_explain(void **state)
{
	struct fixture *f = *state;
	struct problems why;
	assert_int_equal(case_advance(f->s, f->p, f->id, date_from_ymd(2026, 3, 2), &why), BITIM_ERR_GUARD);
	assert_true(why.count >= 5);
	assert_non_null(why.items[0].field);
	assert_string_equal(why.items[0].field->key, "case.received_on");
	problems_free(&why);
	fill_intake(f);
	put(f, "case.excl_incapable", NULL, "yes");
	assert_int_equal(case_advance(f->s, f->p, f->id, date_from_ymd(2026, 3, 2), &why), BITIM_ERR_GUARD);
	assert_int_equal(why.count, 1);
	assert_non_null(strstr(why.items[0].message, "incapable"));
	problems_free(&why);
	struct case_data *cd = load(f);
	assert_string_equal(casedata_stage(cd), "intake");
	casedata_free(cd);
}

static void whole_procedure_to_closed(void **state)
{
	struct fixture *f = *state;
	char s1[UUID_BUF], o1[UUID_BUF];
	struct case_data *cd;
	const char *reason;
	struct undo_info u;

	fill_intake(f);
	advance_ok(f, "consent");
	put(f, "case.offer_by", NULL, "party");
	put(f, "case.offer_form", NULL, "written");
	put(f, "case.offer_sent_on", NULL, "03.03.2026");
	put(f, "case.offer_accepted", NULL, "yes");
	put(f, "case.offer_accepted_on", NULL, "06.03.2026");
	put(f, "case.mediator_agreed", NULL, "yes");
	put(f, "case.mediator_name", NULL, "Ержан Мұратұлы");
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "next_deadline"), "2026-03-13");
	casedata_free(cd);
	advance_ok(f, "contract");
	static const char *const yes[] = { "case.explained_principles", "case.explained_rights",
		"case.explained_consequences", "case.explained_experience",
		"case.no_conflict_of_interest", "case.confidentiality_agreed" };
	for (size_t i = 0; i < 6; i++)
		put(f, yes[i], NULL, "Yes");
	put(f, "case.contract_on", NULL, "10.03.2026");
	put(f, "case.contract_place", NULL, "Көктал ауылдық әкімдігі");
	put(f, "case.language", NULL, "kk");
	put(f, "case.costs", NULL, "free");
	put(f, "case.mediator_kind", NULL, "public");
	put(f, "case.mediator_register", NULL, "Көктал ауылдық округінің әкімі, № 7, 12.01.2026");
	put(f, "case.procedure_rules", NULL, "law");
	put(f, "case.liability", NULL, "law");
	put(f, "case.contract_signed_how", NULL, "paper");
	advance_ok(f, "sessions");
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "next_deadline"), "2026-04-09");
	casedata_free(cd);
	add_row(f, ENTITY_SESSION, s1);
	put(f, "session.held_on", s1, "12.03.2026");
	put(f, "session.kind", s1, "joint");
	put(f, "session.mode", s1, "in_person");
	put(f, "session.notes", s1, "Confidential: Қайрат is ready to move the fence.");
	put(f, "case.term_extension_days", NULL, "15");
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "next_deadline"), "2026-04-24");
	casedata_free(cd);
	advance_ok(f, "settlement");
	put(f, "case.settlement_place", NULL, "Көктал");
	put(f, "case.settlement_subject", NULL, "Шекара");
	put(f, "case.nonperformance", NULL, "Тараптар сотқа жүгіне алады.");
	add_row(f, ENTITY_OBLIGATION, o1);
	put(f, "obligation.debtor", o1, "Қайрат Сейітов");
	put(f, "obligation.text", o1, "Дуалды 1 метр батысқа жылжыту");
	put(f, "obligation.due_on", o1, "01.05.2026");
	put(f, "obligation.manner", o1, "өз есебінен");
	put(f, "case.settlement_signed_how", NULL, "paper");
	put(f, "case.signed_on", NULL, "20.03.2026");
	put(f, "case.signed_by_parties", NULL, "yes");
	put(f, "case.signed_by_mediator", NULL, "yes");
	advance_ok(f, "followup");
	/* Signed: the agreed terms are frozen; follow-up fields are not. */
	assert_int_equal(case_set_field(f->s, f->p, f->id, "obligation.text", o1, "Other", &reason), BITIM_ERR_FROZEN);
	assert_int_equal(case_set_field(f->s, f->p, f->id, "case.nonperformance", NULL, "Other", &reason), BITIM_ERR_FROZEN);
	char o2[UUID_BUF];
	assert_int_equal(case_add_row(f->s, f->p, f->id, ENTITY_OBLIGATION, o2), BITIM_ERR_FROZEN);
	assert_int_equal(case_remove_row(f->s, f->p, f->id, ENTITY_OBLIGATION, o1), BITIM_ERR_FROZEN);
	assert_int_equal(case_undo(f->s, f->p, f->id, &u), BITIM_ERR_NOTHING);
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "outcome"), "settled");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "next_deadline"), "2026-05-01");
	assert_string_equal(casedata_get(cd, ENTITY_OBLIGATION, 0, "text"), "Дуалды 1 метр батысқа жылжыту");
	casedata_free(cd);
	/* Not yet due: a caller that does not confirm the warning is refused with it. */
	put(f, "obligation.status", o1, "pending");
	put(f, "case.followup_result", NULL, "performed");
	{
		struct problems warned;
		assert_int_equal(case_advance(f->s, f->p, f->id, date_from_ymd(2026, 4, 2), &warned), BITIM_ERR_GUARD);
		assert_int_equal(warned.count, 1);
		assert_non_null(strstr(warned.items[0].message, "not yet due"));
		problems_free(&warned);
		cd = load(f);
		assert_string_equal(casedata_stage(cd), "followup");
		casedata_free(cd);
	}
	put(f, "obligation.status", o1, "performed");
	put(f, "obligation.checked_on", o1, "02.05.2026");
	advance_ok(f, "closed");
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "status"), "closed");
	assert_null(casedata_get(cd, ENTITY_CASE, 0, "next_deadline"));
	casedata_free(cd);
	assert_int_equal(case_set_field(f->s, f->p, f->id, "case.subject", NULL, "x", &reason), BITIM_ERR_CLOSED);
	struct problems why;
	assert_int_equal(case_advance(f->s, f->p, f->id, date_from_ymd(2026, 5, 3), &why), BITIM_ERR_GUARD);
	problems_free(&why);
}

static void termination_from_sessions(void **state)
{
	struct fixture *f = *state;
	struct problems why;
	struct case_data *cd;
	fill_intake(f);
	advance_ok(f, "consent");
	assert_int_equal(case_terminate(f->s, f->p, f->id, date_from_ymd(2026, 3, 20), &why), BITIM_ERR_GUARD);
	assert_true(why.count >= 2);
	problems_free(&why);
	put(f, "case.termination_ground", NULL, "offer_rejected");
	put(f, "case.terminated_on", NULL, "20.03.2026");
	assert_int_equal(case_terminate(f->s, f->p, f->id, date_from_ymd(2026, 3, 20), &why), BITIM_OK);
	problems_free(&why);
	cd = load(f);
	assert_string_equal(casedata_stage(cd), "terminated");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "outcome"), "terminated");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "termination_ground"), "offer_rejected");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "closed_on"), "2026-03-20");
	casedata_free(cd);
	assert_int_equal(case_terminate(f->s, f->p, f->id, date_from_ymd(2026, 3, 21), &why), BITIM_ERR_GUARD);
	problems_free(&why);
}

static const char *cached_deadline(struct fixture *f, char buf[DATE_BUF])
{
	struct case_data *cd = load(f);
	const char *d = casedata_get(cd, ENTITY_CASE, 0, "next_deadline");
	snprintf(buf, DATE_BUF, "%s", d ? d : "");
	casedata_free(cd);
	return buf;
}

static void changed_forms_refresh_cached_deadlines(void **state)
{
	struct fixture *f = *state;
	char fp[65], again[65], day[DATE_BUF];
	size_t n = 99;

	assert_int_equal(deadlines_forms_fingerprint(test_forms_dir(), fp), BITIM_OK);
	assert_int_equal(strlen(fp), 64);
	assert_int_equal(deadlines_forms_fingerprint(test_forms_dir(), again), BITIM_OK);
	assert_string_equal(fp, again);
	fill_intake(f);
	advance_ok(f, "consent");
	put(f, "case.offer_sent_on", NULL, "03.03.2026");
	assert_string_equal(cached_deadline(f, day), "2026-03-13");
	/* a deadline cached under other forms */
	assert_int_equal(store_set_deadline(f->s, f->id, "2000-01-01", "old"), BITIM_OK);
	assert_int_equal(deadlines_refresh_if_changed(f->s, f->p, fp, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(cached_deadline(f, day), "2026-03-13");
	/* the same forms again: nothing recomputed */
	assert_int_equal(store_set_deadline(f->s, f->id, "2000-01-01", "old"), BITIM_OK);
	assert_int_equal(deadlines_refresh_if_changed(f->s, f->p, fp, &n), BITIM_OK);
	assert_int_equal(n, 0);
	assert_string_equal(cached_deadline(f, day), "2000-01-01");
	/* other forms: recomputed */
	assert_int_equal(deadlines_refresh_if_changed(f->s, f->p, "another", &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(cached_deadline(f, day), "2026-03-13");
}

/* Five cases in consent, the offer sent on the 1st to the 5th of March
 * (answer due ten days later); their deadlines then cached under "other
 * forms" (a wrong date). ids[] in order. */
static void five_stale_cases(struct fixture *f, int64_t ids[5])
{
	char sent[16];

	for (int k = 0; k < 5; k++) {
		if (k > 0)
			assert_int_equal(case_new(f->s, f->p, date_from_ymd(2026, 3, 2), &f->id), BITIM_OK);
		ids[k] = f->id;
		fill_intake(f);
		advance_ok(f, "consent");
		snprintf(sent, sizeof sent, "0%d.03.2026", k + 1);
		put(f, "case.offer_sent_on", NULL, sent);
	}
	for (int k = 0; k < 5; k++)
		assert_int_equal(store_set_deadline(f->s, ids[k], "2000-01-01", "old"), BITIM_OK);
}

static const char *deadline_of(struct fixture *f, int64_t id, char buf[DATE_BUF])
{
	int64_t keep = f->id;
	f->id = id;
	cached_deadline(f, buf);
	f->id = keep;
	return buf;
}

static void deadlines_refreshed_in_steps_and_resumed(void **state)
{
	struct fixture *f = *state;
	struct deadlines_job *job = NULL;
	int64_t ids[5];
	char day[DATE_BUF], want[DATE_BUF];
	bool done = false;
	size_t n = 0;

	five_stale_cases(f, ids);
	assert_int_equal(deadlines_refresh_begin(f->s, f->p, "forms-v2", &job), BITIM_OK);
	assert_non_null(job);
	assert_false(deadlines_case_current(job, ids[0]));
	assert_int_equal(deadlines_refresh_step(job, 2, &done), BITIM_OK);
	assert_false(done);
	/* the first two are done, the others still wait */
	assert_string_equal(deadline_of(f, ids[0], day), "2026-03-11");
	assert_string_equal(deadline_of(f, ids[1], day), "2026-03-12");
	assert_string_equal(deadline_of(f, ids[2], day), "2000-01-01");
	assert_true(deadlines_case_current(job, ids[1]));
	assert_false(deadlines_case_current(job, ids[2]));
	assert_true(deadlines_refresh_percent(job) < 100);
	/* a case opened meanwhile is refreshed at once */
	assert_int_equal(deadlines_refresh_case(job, ids[4]), BITIM_OK);
	assert_string_equal(deadline_of(f, ids[4], day), "2026-03-15");
	/* bitim quits: the next start goes on from the third case */
	deadlines_job_free(job);
	assert_int_equal(store_set_deadline(f->s, ids[0], "2000-01-01", "old"), BITIM_OK);
	assert_int_equal(deadlines_refresh_begin(f->s, f->p, "forms-v2", &job), BITIM_OK);
	assert_true(deadlines_case_current(job, ids[1]));
	assert_false(deadlines_case_current(job, ids[2]));
	assert_int_equal(deadlines_refresh_step(job, 2, &done), BITIM_OK);
	assert_false(done);
	assert_int_equal(deadlines_refresh_step(job, 2, &done), BITIM_OK);
	assert_true(done);
	assert_int_equal(deadlines_refresh_percent(job), 100);
	assert_true(deadlines_case_current(job, ids[0]));
	deadlines_job_free(job);
	for (int k = 2; k < 5; k++) {
		snprintf(want, sizeof want, "2026-03-%d", 11 + k);
		assert_string_equal(deadline_of(f, ids[k], day), want);
	}
	/* (the first was not done again: those forms' refresh had passed it) */
	assert_string_equal(deadline_of(f, ids[0], day), "2000-01-01");
	/* the forms are recorded: nothing more to do */
	assert_int_equal(deadlines_refresh_begin(f->s, f->p, "forms-v2", &job), BITIM_OK);
	assert_null(job);
	/* other forms again: a fresh start from the first case */
	assert_int_equal(deadlines_refresh_if_changed(f->s, f->p, "forms-v3", &n), BITIM_OK);
	assert_int_equal(n, 5);
	assert_string_equal(deadline_of(f, ids[0], day), "2026-03-11");
}

/* A register without a case (the first start) has no deadline to
 * recompute: the forms are recorded at once, no refresh is told. */
static void an_empty_register_takes_the_forms_without_a_refresh(void **state)
{
	struct fixture *f = *state;
	struct deadlines_job *job = NULL;
	char *dir = NULL, *seen = NULL;
	struct store *s = test_store_new(&dir);

	assert_non_null(s);
	assert_int_equal(deadlines_refresh_begin(s, f->p, "forms-v2", &job), BITIM_OK);
	assert_null(job);
	assert_int_equal(store_setting_get(s, "forms_fingerprint", &seen), BITIM_OK);
	assert_non_null(seen);
	assert_string_equal(seen, "forms-v2");
	free(seen);
	test_store_done(s, dir);
	/* with a case (the fixture's), other forms are a refresh */
	assert_int_equal(deadlines_refresh_begin(f->s, f->p, "forms-v2", &job), BITIM_OK);
	assert_non_null(job);
	deadlines_job_free(job);
}

/* "Is this person a minor?" is answered by the IIN's birth date: set when
 * the IIN is saved, no other answer taken while the IIN gives it, and one
 * undo takes back the IIN with the answer it gave. */
static void the_minor_answer_follows_the_iin(void **state)
{
	struct fixture *f = *state;
	struct undo_info info;
	struct case_data *cd;
	const char *reason = NULL;
	char a[UUID_BUF], adult[13], child[13];
	int y, m, d, row;

	date_to_ymd(date_today(), &y, &m, &d);
	demo_iin(y - 40, 5, 12, false, 17, adult);
	demo_iin(y - 10, 5, 12, true, 18, child);
	add_row(f, ENTITY_PARTY, a);
	put(f, "party.kind", a, "person");
	put(f, "party.minor", a, "yes"); /* no IIN: the mediator answers */
	put(f, "party.iin", a, adult);
	cd = load(f);
	row = casedata_row_index(cd, ENTITY_PARTY, a);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, (size_t)row, "minor"), "no");
	casedata_free(cd);
	assert_int_equal(case_set_field(f->s, f->p, f->id, "party.minor", a, "yes", &reason), BITIM_ERR_INVALID);
	assert_non_null(reason);
	assert_non_null(strstr(reason, "18 or over"));
	assert_int_equal(case_set_field(f->s, f->p, f->id, "party.minor", a, "", &reason), BITIM_ERR_INVALID);
	put(f, "party.minor", a, "no"); /* the same answer is no change */
	put(f, "party.iin", a, child);
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, (size_t)row, "minor"), "yes");
	casedata_free(cd);
	/* one undo: the adult's IIN again, and its answer */
	assert_int_equal(case_undo(f->s, f->p, f->id, &info), BITIM_OK);
	assert_string_equal(info.field, "iin");
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, (size_t)row, "iin"), adult);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, (size_t)row, "minor"), "no");
	casedata_free(cd);
	/* another: no IIN, and the answer the mediator gave */
	assert_int_equal(case_undo(f->s, f->p, f->id, &info), BITIM_OK);
	assert_string_equal(info.field, "iin");
	cd = load(f);
	assert_null(casedata_get(cd, ENTITY_PARTY, (size_t)row, "iin"));
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, (size_t)row, "minor"), "yes");
	casedata_free(cd);
	put(f, "party.minor", a, "no"); /* without an IIN, any answer */
}

/* How far a refresh came is told against the open cases: closed cases
 * after the last open one do not hold the share down until it ends. */
static void deadlines_percent_counts_the_open_cases(void **state)
{
	struct fixture *f = *state;
	struct deadlines_job *job = NULL;
	struct problems why;
	int64_t ids[5];
	bool done = false;

	five_stale_cases(f, ids);
	for (int k = 3; k < 5; k++) {
		f->id = ids[k];
		put(f, "case.termination_ground", NULL, "offer_rejected");
		put(f, "case.terminated_on", NULL, "20.03.2026");
		assert_int_equal(case_terminate(f->s, f->p, f->id, date_from_ymd(2026, 3, 20), &why), BITIM_OK);
		problems_free(&why);
	}
	assert_int_equal(deadlines_refresh_begin(f->s, f->p, "forms-v2", &job), BITIM_OK);
	assert_non_null(job);
	assert_int_equal(deadlines_refresh_step(job, 2, &done), BITIM_OK);
	assert_false(done);
	assert_int_equal(deadlines_refresh_percent(job), (int)(ids[1] * 100 / ids[2]));
	/* the last open case done: all but the step that finds nothing more */
	assert_int_equal(deadlines_refresh_step(job, 1, &done), BITIM_OK);
	assert_false(done);
	assert_int_equal(deadlines_refresh_percent(job), 99);
	assert_int_equal(deadlines_refresh_step(job, 1, &done), BITIM_OK);
	assert_true(done);
	assert_int_equal(deadlines_refresh_percent(job), 100);
	assert_int_equal(deadlines_refresh_count(job), 3);
	deadlines_job_free(job);
}

/* The case handed back after a save is the one a fresh load gives. */
static void a_save_hands_back_the_case_as_stored(void **state)
{
	struct fixture *f = *state;
	struct case_data *after = NULL, *fresh;
	const char *reason = NULL;
	char party[UUID_BUF];
	static const char *const keys[] = { "offer_sent_on", "next_deadline", "deadline_label", "stage", NULL };

	fill_intake(f);
	advance_ok(f, "consent");
	assert_int_equal(case_set_field_get(f->s, f->p, f->id, "case.offer_sent_on", NULL, "03.03.2026", &reason, &after),
			 BITIM_OK);
	assert_non_null(after);
	fresh = load(f);
	for (int i = 0; keys[i]; i++) {
		const char *a = casedata_get(after, ENTITY_CASE, 0, keys[i]), *b = casedata_get(fresh, ENTITY_CASE, 0, keys[i]);
		if (strcmp(keys[i], "stage") == 0)
			continue; /* identity, not a value */
		assert_true((a == NULL) == (b == NULL));
		if (a)
			assert_string_equal(a, b);
	}
	assert_string_equal(casedata_get(after, ENTITY_CASE, 0, "next_deadline"), "2026-03-13");
	casedata_free(fresh);
	casedata_free(after);
	/* a group row's value, and a refused value hands nothing back */
	assert_int_equal(case_add_row(f->s, f->p, f->id, ENTITY_PARTY, party), BITIM_OK);
	assert_int_equal(case_set_field_get(f->s, f->p, f->id, "party.full_name", party, "Айгүл Серікқызы", &reason, &after),
			 BITIM_OK);
	assert_non_null(after);
	assert_string_equal(casedata_get(after, ENTITY_PARTY, (size_t)casedata_row_index(after, ENTITY_PARTY, party),
					 "full_name"), "Айгүл Серікқызы");
	casedata_free(after);
	assert_int_equal(case_set_field_get(f->s, f->p, f->id, "case.offer_sent_on", NULL, "31.02.2026", &reason, &after),
			 BITIM_ERR_INVALID);
	assert_null(after);
}

static void undo_restores_and_refreshes_deadline(void **state)
{
	struct fixture *f = *state;
	struct case_data *cd;
	struct undo_info u;
	fill_intake(f);
	advance_ok(f, "consent");
	put(f, "case.offer_sent_on", NULL, "03.03.2026");
	put(f, "case.offer_answer_days", NULL, "20");
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "next_deadline"), "2026-03-23");
	casedata_free(cd);
	assert_int_equal(case_undo(f->s, f->p, f->id, &u), BITIM_OK);
	assert_string_equal(u.field, "offer_answer_days");
	cd = load(f);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "next_deadline"), "2026-03-13");
	casedata_free(cd);
}

static void list_shows_parties_and_search_finds_them(void **state)
{
	struct fixture *f = *state;
	struct case_row *rows;
	size_t n;
	fill_intake(f);
	struct case_query q = { .text = "қайрат" };
	assert_int_equal(store_case_list(f->s, &q, &rows, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].parties, "Қайрат Сейітов — «Береке» ЖШС");
	assert_string_equal(rows[0].category, "neighbours");
	store_case_rows_free(rows, n);
}

static void a_new_case_takes_village_and_mediator_from_the_settings(void **state)
{
	struct fixture *f = *state;
	struct mediator m = { .full_name = "Бақыт Омарова", .kind = "public" };
	struct case_data *cd;
	int64_t id;

	/* Nothing in the settings yet: nothing filled in. */
	assert_int_equal(case_new_prefilled(f->s, f->p, date_from_ymd(2026, 3, 2), &id), BITIM_OK);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_null(casedata_get(cd, ENTITY_CASE, 0, "village"));
	assert_null(casedata_get(cd, ENTITY_CASE, 0, "mediator_name"));
	casedata_free(cd);
	assert_int_equal(store_office_set(f->s, "village", "Көктал"), BITIM_OK);
	assert_int_equal(store_mediator_save(f->s, &m), BITIM_OK);
	assert_int_equal(case_new_prefilled(f->s, f->p, date_from_ymd(2026, 3, 2), &id), BITIM_OK);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "village"), "Көктал");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "mediator_name"), "Бақыт Омарова");
	assert_string_equal(casedata_stage(cd), "intake");
	casedata_free(cd);
}

static void a_text_left_unsaved_is_kept_per_case_until_forgotten(void **state)
{
	struct fixture *f = *state;
	char *field, *text;
	int row;

	assert_int_equal(case_unsaved_get(f->s, f->id, &field, &row, &text), BITIM_OK);
	assert_null(field);
	assert_null(text);
	/* A multi-line text in a row of a group comes back as typed. */
	assert_int_equal(case_unsaved_keep(f->s, f->id, "party.address", 1, "ул. Абая 5\nкв. 7"), BITIM_OK);
	assert_int_equal(case_unsaved_keep(f->s, f->id, "case.received_on", -1, "31.04.2026"), BITIM_OK);
	assert_int_equal(case_unsaved_get(f->s, f->id, &field, &row, &text), BITIM_OK);
	assert_string_equal(field, "case.received_on");   /* one per case: the last replaces */
	assert_int_equal(row, -1);
	assert_string_equal(text, "31.04.2026");
	free(field);
	free(text);
	assert_int_equal(case_unsaved_keep(f->s, f->id, "party.address", 1, "ул. Абая 5\nкв. 7"), BITIM_OK);
	assert_int_equal(case_unsaved_get(f->s, f->id, &field, &row, &text), BITIM_OK);
	assert_string_equal(field, "party.address");
	assert_int_equal(row, 1);
	assert_string_equal(text, "ул. Абая 5\nкв. 7");
	free(field);
	free(text);
	/* Another case has none; a field key with a line break is refused. */
	assert_int_equal(case_unsaved_get(f->s, f->id + 1, &field, &row, &text), BITIM_OK);
	assert_null(field);
	assert_int_equal(case_unsaved_keep(f->s, f->id, "case.\nx", -1, "x"), BITIM_ERR_INVALID);
	/* Forgotten: none any more. */
	assert_int_equal(case_unsaved_keep(f->s, f->id, NULL, -1, NULL), BITIM_OK);
	assert_int_equal(case_unsaved_get(f->s, f->id, &field, &row, &text), BITIM_OK);
	assert_null(field);
	assert_null(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(invalid_input_is_refused_and_not_stored),
		T(guards_block_and_explain),
		T(whole_procedure_to_closed),
		T(termination_from_sessions),
		T(undo_restores_and_refreshes_deadline),
		T(changed_forms_refresh_cached_deadlines),
		T(deadlines_refreshed_in_steps_and_resumed),
		T(an_empty_register_takes_the_forms_without_a_refresh),
		T(deadlines_percent_counts_the_open_cases),
		T(the_minor_answer_follows_the_iin),
		T(a_save_hands_back_the_case_as_stored),
		T(list_shows_parties_and_search_finds_them),
		T(a_new_case_takes_village_and_mediator_from_the_settings),
		T(a_text_left_unsaved_is_kept_per_case_until_forgotten),
#undef T
	};
	return cmocka_run_group_tests_name("casefile", tests, NULL, NULL);
}
