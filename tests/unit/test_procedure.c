/* Unit tests: the law's procedure over in-memory cases (no database). */
#include "testutil.h"
#include "bitim/procedure.h"

static struct procedure *proc;

static int setup(void **state)
{
	struct form_error err;
	(void)state;
	if (procedure_load(test_forms_dir(), &proc, &err) != BITIM_OK) {
		print_error("%s:%d: %s\n", err.file, err.line, err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	procedure_free(proc);
	return 0;
}

static void set(struct case_data *cd, const char *name, const char *value)
{
	assert_int_equal(casedata_set(cd, ENTITY_CASE, 0, name, value), 0);
}

static void add_party(struct case_data *cd, const char *name, const char *side)
{
	char uuid[UUID_BUF];
	snprintf(uuid, sizeof uuid, "party-%s", name);
	int r = casedata_add_row(cd, ENTITY_PARTY, uuid);
	assert_true(r >= 0);
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "side", side);
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "kind", "person");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "full_name", name);
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "role", "party");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "iin", side[0] == 'f' ? "791028302728" : "061211600012");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "address", "Koktal, Abai street 15");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "phone", "+7 701 234 56 78");
}

/* A case with everything each stage up to and including `upto` needs. */
static struct case_data *case_ready(const char *stage, const char *upto)
{
	struct case_data *cd = casedata_new();
	int last = procedure_stage_index(proc, upto);
	casedata_set_identity(cd, 1, "uuid-1", "TST-2026-0001", stage);
	if (last >= procedure_stage_index(proc, "intake")) {
		set(cd, "received_on", "2024-02-01");
		set(cd, "referral_source", "self");
		set(cd, "category", "neighbours");
		set(cd, "regime", "out_of_court");
		set(cd, "subject", "Fence and irrigation water");
		set(cd, "excl_third_parties", "no");
		set(cd, "excl_incapable", "no");
		set(cd, "excl_state_service", "no");
		set(cd, "excl_other_law", "no");
		add_party(cd, "Қайрат Сейітов", "first");
		add_party(cd, "Айгүл Нұрланқызы", "second");
	}
	if (last >= procedure_stage_index(proc, "consent")) {
		set(cd, "offer_by", "party");
		set(cd, "offer_form", "written");
		set(cd, "offer_sent_on", "2024-02-01");
		set(cd, "offer_accepted", "yes");
		set(cd, "offer_accepted_on", "2024-02-05");
		set(cd, "mediator_agreed", "yes");
		set(cd, "mediator_name", "Ержан Мұратұлы");
	}
	if (last >= procedure_stage_index(proc, "contract")) {
		set(cd, "explained_principles", "yes");
		set(cd, "explained_rights", "yes");
		set(cd, "explained_consequences", "yes");
		set(cd, "explained_experience", "yes");
		set(cd, "no_conflict_of_interest", "yes");
		set(cd, "contract_on", "2024-02-15");
		set(cd, "contract_place", "Akimat of Koktal");
		set(cd, "language", "kk");
		set(cd, "costs", "free");
		set(cd, "confidentiality_agreed", "yes");
		set(cd, "mediator_kind", "public");
		set(cd, "mediator_register", "Koktal akimat, No. 12, 05.01.2024");
		set(cd, "procedure_rules", "law");
		set(cd, "liability", "law");
		set(cd, "contract_signed_how", "paper");
	}
	if (last >= procedure_stage_index(proc, "sessions")) {
		int r = casedata_add_row(cd, ENTITY_SESSION, "s1");
		casedata_set(cd, ENTITY_SESSION, (size_t)r, "held_on", "2024-02-20");
		casedata_set(cd, ENTITY_SESSION, (size_t)r, "kind", "joint");
		casedata_set(cd, ENTITY_SESSION, (size_t)r, "mode", "in_person");
	}
	if (last >= procedure_stage_index(proc, "settlement")) {
		set(cd, "settlement_place", "Akimat of Koktal");
		set(cd, "settlement_subject", "Fence line");
		set(cd, "nonperformance", "The parties may go to court.");
		int r = casedata_add_row(cd, ENTITY_OBLIGATION, "o1");
		casedata_set(cd, ENTITY_OBLIGATION, (size_t)r, "debtor", "Қайрат Сейітов");
		casedata_set(cd, ENTITY_OBLIGATION, (size_t)r, "text", "Move the fence 1 m west");
		casedata_set(cd, ENTITY_OBLIGATION, (size_t)r, "due_on", "2024-04-01");
		casedata_set(cd, ENTITY_OBLIGATION, (size_t)r, "manner", "At his own cost");
		set(cd, "settlement_signed_how", "paper");
		set(cd, "signed_on", "2024-03-10");
		set(cd, "signed_by_parties", "yes");
		set(cd, "signed_by_mediator", "yes");
	}
	return cd;
}

static int check(struct case_data *cd, const char *stage, struct problems *pr)
{
	return procedure_check_stage(proc, cd, procedure_stage_index(proc, stage), pr);
}

/* The stage has exactly one warning, containing needle, about group row `row`. */
static void assert_warns_with(struct case_data *cd, const char *stage, const char *needle, int row)
{
	struct problems pr;
	assert_int_equal(procedure_stage_warnings(proc, cd, procedure_stage_index(proc, stage), &pr), 1);
	if (!strstr(pr.items[0].message, needle))
		print_message("got: %s\n", pr.items[0].message);
	assert_non_null(strstr(pr.items[0].message, needle));
	assert_int_equal(pr.items[0].row, row);
	problems_free(&pr);
}

static void assert_no_warning(struct case_data *cd, const char *stage)
{
	struct problems pr;
	int n = procedure_stage_warnings(proc, cd, procedure_stage_index(proc, stage), &pr);
	for (size_t i = 0; i < pr.count; i++)
		print_message("unexpected warning: %s\n", pr.items[i].message);
	problems_free(&pr);
	assert_int_equal(n, 0);
}

/* The stage passes with no problem. */
static void assert_passes(struct case_data *cd, const char *stage)
{
	struct problems pr;
	int n = check(cd, stage, &pr);
	for (size_t i = 0; i < pr.count; i++)
		print_message("unexpected: %s\n", pr.items[i].message);
	problems_free(&pr);
	assert_int_equal(n, 0);
}

/* The stage fails, and one problem's message contains needle. */
static void assert_fails_with(struct case_data *cd, const char *stage, const char *needle)
{
	struct problems pr;
	bool found = false;
	assert_true(check(cd, stage, &pr) > 0);
	for (size_t i = 0; i < pr.count; i++)
		if (strstr(pr.items[i].message, needle))
			found = true;
	if (!found)
		for (size_t i = 0; i < pr.count; i++)
			print_message("got: %s\n", pr.items[i].message);
	problems_free(&pr);
	assert_true(found);
}

static void every_stage_passes_when_complete(void **state)
{
	(void)state;
	static const char *const stages[] = { "intake", "consent", "contract", "sessions", "settlement" };
	for (size_t i = 0; i < 5; i++) {
		struct case_data *cd = case_ready(stages[i], stages[i]);
		assert_passes(cd, stages[i]);
		casedata_free(cd);
	}
}

static void transitions_follow_the_law(void **state)
{
	(void)state;
	const char *chain[] = { "intake", "consent", "contract", "sessions", "settlement", "followup", "closed" };
	for (size_t i = 0; i + 1 < 7; i++) {
		const struct stage_def *s = &proc->stages[procedure_stage_index(proc, chain[i])];
		assert_string_equal(s->next, chain[i + 1]);
		assert_int_equal(s->next_index, procedure_stage_index(proc, chain[i + 1]));
	}
	assert_true(proc->stages[procedure_stage_index(proc, "closed")].final);
	assert_true(proc->stages[procedure_stage_index(proc, "terminated")].final);
	assert_false(procedure_stage_open(proc, procedure_stage_index(proc, "closed")));
	assert_true(procedure_stage_open(proc, procedure_stage_index(proc, "sessions")));
	/* A closed case has nothing to complete. */
	struct case_data *cd = case_ready("closed", "settlement");
	assert_fails_with(cd, "closed", "closed");
	casedata_free(cd);
}

static void intake_requires_fields_and_two_parties(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("intake", "none");
	assert_fails_with(cd, "intake", "Missing: Date the request was received");
	assert_fails_with(cd, "intake", "at least two parties");
	casedata_free(cd);
	cd = case_ready("intake", "intake");
	casedata_set(cd, ENTITY_PARTY, 1, "full_name", NULL);
	assert_fails_with(cd, "intake", "Missing (Party 2): Full name");
	casedata_free(cd);
}

static void exclusions_block_consent(void **state)
{
	(void)state;
	static const char *const excl[] = { "excl_third_parties", "excl_incapable",
		"excl_state_service", "excl_other_law" };
	for (size_t i = 0; i < 4; i++) {
		struct case_data *cd = case_ready("intake", "intake");
		set(cd, excl[i], "yes");
		assert_fails_with(cd, "intake", "(Art. 1 p.");
		casedata_free(cd);
	}
}

static void conditional_fields_apply_by_regime(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("intake", "intake");
	set(cd, "regime", "civil_court");
	assert_fails_with(cd, "intake", "Missing: Court case number");
	set(cd, "court_name", "District court No. 2");
	set(cd, "court_case_no", "2-123/2026");
	assert_passes(cd, "intake");
	set(cd, "regime", "criminal");
	assert_fails_with(cd, "intake", "Missing: Gravity");
	set(cd, "crim_body", "Investigator");
	set(cd, "crim_case_no", "261500031000123");
	set(cd, "crim_article", "Art. 293 p.1");
	set(cd, "crim_gravity", "minor");
	set(cd, "crim_first_offence", "yes");
	set(cd, "excl_crim_special", "no");
	set(cd, "excl_crim_repeat", "yes");
	assert_fails_with(cd, "intake", "Criminal Code Art. 68 part 4(8)");
	set(cd, "excl_crim_repeat", "no");
	set(cd, "excl_domestic_repeat", "no");
	casedata_set(cd, ENTITY_PARTY, 0, "proc_role", "suspect");
	casedata_set(cd, ENTITY_PARTY, 1, "proc_role", "victim");
	set(cd, "crim_death", "yes");
	assert_fails_with(cd, "intake", "caused a death");
	set(cd, "crim_death", "no");
	set(cd, "crim_gravity", "grave");
	assert_fails_with(cd, "intake", "Missing: For a grave crime");
	set(cd, "crim_grave_allowed", "no");
	assert_fails_with(cd, "intake", "part 2 allows it");
	set(cd, "crim_grave_allowed", "yes");
	assert_passes(cd, "intake");
	set(cd, "crim_gravity", "minor");
	set(cd, "excl_domestic_repeat", "yes");
	assert_fails_with(cd, "intake", "Domestic violence repeated");
	set(cd, "excl_domestic_repeat", "no");
	assert_passes(cd, "intake");
	/* An administrative court only where the defendant has discretion (Art. 27-1). */
	set(cd, "regime", "admin_court");
	set(cd, "adm_discretion", "no");
	assert_fails_with(cd, "intake", "administrative discretion");
	set(cd, "adm_discretion", "yes");
	assert_passes(cd, "intake");
	/* A minor takes part with a companion (Art. 24 p.3). */
	casedata_set(cd, ENTITY_PARTY, 1, "minor", "yes");
	assert_fails_with(cd, "intake", "Missing (Party 2): Legal representative, teacher or psychologist taking part");
	casedata_set(cd, ENTITY_PARTY, 1, "minor_companion", "Мать, законный представитель");
	assert_passes(cd, "intake");
	/* An IIN applies to a person, a BIN to an organisation. */
	const struct field_def *iin = procedure_field(proc, "party.iin");
	const struct field_def *bin = procedure_field(proc, "party.bin");
	assert_true(field_applies(iin, cd, 0));
	assert_false(field_applies(bin, cd, 0));
	casedata_set(cd, ENTITY_PARTY, 0, "kind", "organisation");
	assert_false(field_applies(iin, cd, 0));
	assert_true(field_applies(bin, cd, 0));
	casedata_free(cd);
}

static void offer_answered_on_day_10_is_in_time(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("consent", "consent");
	set(cd, "offer_sent_on", "2024-02-01");
	set(cd, "offer_accepted_on", "2024-02-11"); /* day 10 */
	assert_passes(cd, "consent");
	set(cd, "offer_accepted_on", "2024-02-12"); /* day 11 */
	assert_fails_with(cd, "consent", "deemed rejected");
	casedata_free(cd);
}

static void offer_period_stated_in_offer(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("consent", "consent");
	set(cd, "offer_sent_on", "2024-02-01");
	set(cd, "offer_answer_days", "20");
	set(cd, "offer_accepted_on", "2024-02-21"); /* day 20 */
	assert_passes(cd, "consent");
	set(cd, "offer_accepted_on", "2024-02-22");
	assert_fails_with(cd, "consent", "deemed rejected");
	set(cd, "offer_accepted_on", "2024-01-31"); /* before it was sent */
	assert_fails_with(cd, "consent", "before it was sent");
	casedata_free(cd);
}

static void offer_across_leap_day(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("consent", "consent");
	set(cd, "offer_sent_on", "2024-02-25");
	set(cd, "offer_accepted_on", "2024-03-06"); /* 29 Feb counts: day 10 */
	assert_passes(cd, "consent");
	set(cd, "offer_accepted_on", "2024-03-07");
	assert_fails_with(cd, "consent", "deemed rejected");
	set(cd, "offer_sent_on", "2023-02-25"); /* no leap day: day 10 is 7 March */
	set(cd, "offer_accepted_on", "2023-03-07");
	assert_passes(cd, "consent");
	set(cd, "offer_accepted_on", "2023-03-08");
	assert_fails_with(cd, "consent", "deemed rejected");
	casedata_free(cd);
}

static void offer_refused_blocks_contract(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("consent", "consent");
	set(cd, "offer_accepted", "no");
	assert_fails_with(cd, "consent", "Both sides must accept");
	set(cd, "offer_accepted", "yes");
	set(cd, "mediator_agreed", "no");
	assert_fails_with(cd, "consent", "agree on the mediator");
	casedata_free(cd);
}

static void explanations_and_impartiality(void **state)
{
	(void)state;
	static const char *const items[] = { "explained_principles", "explained_rights",
		"explained_consequences", "explained_experience", "no_conflict_of_interest",
		"confidentiality_agreed" };
	for (size_t i = 0; i < 6; i++) {
		struct case_data *cd = case_ready("contract", "contract");
		set(cd, items[i], "no");
		struct problems pr;
		assert_int_equal(check(cd, "contract", &pr), 1);
		problems_free(&pr);
		casedata_free(cd);
	}
	struct case_data *cd = case_ready("contract", "contract");
	set(cd, "contract_on", "2024-02-04"); /* before acceptance on 05.02 */
	assert_fails_with(cd, "contract", "cannot precede");
	casedata_free(cd);
}

static void sessions_need_one(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("sessions", "contract");
	assert_fails_with(cd, "sessions", "at least one session");
	int r = casedata_add_row(cd, ENTITY_SESSION, "s1");
	casedata_set(cd, ENTITY_SESSION, (size_t)r, "held_on", "2024-02-20");
	casedata_set(cd, ENTITY_SESSION, (size_t)r, "kind", "caucus");
	casedata_set(cd, ENTITY_SESSION, (size_t)r, "mode", "phone");
	assert_fails_with(cd, "sessions", "Missing (Session 1): With which party");
	casedata_set(cd, ENTITY_SESSION, (size_t)r, "with_party", "Қайрат");
	assert_passes(cd, "sessions");
	casedata_free(cd);
}

static void term_30_days_and_extension_to_60(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("settlement", "settlement");
	/* contract 15.02.2024 (leap year): day 30 is 16.03.2024 */
	set(cd, "signed_on", "2024-03-16");
	assert_passes(cd, "settlement");
	set(cd, "signed_on", "2024-03-17");
	assert_fails_with(cd, "settlement", "after the end of the mediation term");
	set(cd, "term_extension_days", "30"); /* 60 days: 15.04.2024 */
	set(cd, "signed_on", "2024-04-15");
	assert_passes(cd, "settlement");
	set(cd, "signed_on", "2024-04-16");
	assert_fails_with(cd, "settlement", "after the end of the mediation term");
	/* The extension cannot exceed 30 days: the field refuses it. */
	char *out = NULL;
	assert_non_null(field_normalize(procedure_field(proc, "case.term_extension_days"), "31", &out));
	casedata_free(cd);
}

/* Art. 24 p.4: criminal and administrative-offence cases keep the case's
 * terms, not 30+30; Art. 23 p.2: in court the extension needs a joint notice. */
static void terms_follow_the_regime(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("settlement", "settlement");
	set(cd, "regime", "criminal");
	set(cd, "reconciled", "yes");
	set(cd, "harm_repaired", "80 000 tenge paid");
	set(cd, "signed_on", "2024-04-20"); /* past 30+30, inside the case's term */
	assert_fails_with(cd, "contract", "Missing: The procedural term of the case ends on");
	set(cd, "case_term_until", "2024-05-01");
	assert_passes(cd, "settlement");
	set(cd, "signed_on", "2024-05-02");
	assert_fails_with(cd, "settlement", "after the procedural term of the case");
	set(cd, "signed_on", "2024-04-20");
	set(cd, "reconciled", "no");
	assert_fails_with(cd, "settlement", "reconciliation of the offender");
	casedata_free(cd);

	cd = case_ready("sessions", "sessions");
	set(cd, "regime", "civil_court");
	set(cd, "term_extension_days", "20");
	set(cd, "extension_agreed_on", "2024-03-10");
	assert_fails_with(cd, "sessions", "joint written notice to the court");
	set(cd, "extension_notice_on", "2024-03-11");
	assert_passes(cd, "sessions");
	/* a change of mediator is notified to the court (Art. 20 p.7) */
	set(cd, "mediator_changed_on", "2024-03-01");
	assert_fails_with(cd, "sessions", "chose another mediator");
	set(cd, "mediator_change_notice_on", "2024-03-02");
	assert_passes(cd, "sessions");
	set(cd, "regime", "out_of_court");
	set(cd, "extension_notice_on", NULL);
	set(cd, "mediator_change_notice_on", NULL);
	assert_passes(cd, "sessions"); /* out of court the parties agree it between them */
	casedata_free(cd);
}

/* ГПК Art. 176: copies, the power to settle, no suspensive condition. */
static void settlement_in_court(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("settlement", "settlement");
	set(cd, "regime", "civil_court");
	assert_fails_with(cd, "settlement", "Missing: The agreement makes no obligation depend on a condition");
	set(cd, "no_suspensive_condition", "yes");
	set(cd, "copies", "2");
	assert_fails_with(cd, "settlement", "one for the court");
	set(cd, "copies", "3");
	assert_passes(cd, "settlement");
	int r = casedata_add_row(cd, ENTITY_PARTY, "rep");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "role", "representative");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "powers_settle", "no");
	assert_fails_with(cd, "settlement", "one for the court"); /* three signatories now */
	set(cd, "copies", "4");
	assert_fails_with(cd, "settlement", "power of attorney");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "powers_settle", "yes");
	assert_passes(cd, "settlement");
	casedata_free(cd);
}

/* Which ground fits: before the agreement on mediation, only "not started". */
static void termination_grounds_fit_the_case(void **state)
{
	(void)state;
	struct problems pr;
	struct case_data *cd = case_ready("consent", "consent");
	set(cd, "terminated_on", "2024-02-12");
	set(cd, "termination_ground", "party_refused");
	assert_true(procedure_check_termination(proc, cd, &pr) > 0);
	assert_non_null(strstr(pr.items[0].message, "mediation did not start"));
	problems_free(&pr);
	set(cd, "termination_ground", "offer_unanswered");
	assert_int_equal(procedure_check_termination(proc, cd, &pr), 0);
	problems_free(&pr);
	set(cd, "offer_form", "oral");
	assert_true(procedure_check_termination(proc, cd, &pr) > 0);
	assert_non_null(strstr(pr.items[0].message, "Only a written offer"));
	problems_free(&pr);
	casedata_free(cd);

	cd = case_ready("sessions", "contract");
	set(cd, "terminated_on", "2024-02-20");
	set(cd, "termination_ground", "offer_rejected");
	assert_true(procedure_check_termination(proc, cd, &pr) > 0);
	assert_non_null(strstr(pr.items[0].message, "mediation started"));
	problems_free(&pr);
	static const char *const grounds[] = { "no_settlement", "parties_refused", "party_refused", "term_expired",
		"mediator_withdrew", "ended_by_consent", "conflict_of_interest" };
	for (size_t i = 0; i < 7; i++) {
		set(cd, "termination_ground", grounds[i]);
		assert_int_equal(procedure_check_termination(proc, cd, &pr), 0);
		problems_free(&pr);
	}
	/* With a court case pending, the notice goes to the court (Art. 23 p.4). */
	set(cd, "regime", "civil_court");
	assert_true(procedure_check_termination(proc, cd, &pr) > 0);
	assert_non_null(strstr(pr.items[0].message, "Notice or letter sent"));
	problems_free(&pr);
	casedata_free(cd);
}

/* The written-offer date is asked only for a written offer (Art. 20 p.6). */
static void offer_date_only_for_written_offer(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("consent", "consent");
	set(cd, "offer_sent_on", NULL);
	assert_fails_with(cd, "consent", "Missing: Date the written offer was sent");
	set(cd, "offer_form", "oral");
	assert_passes(cd, "consent");
	casedata_free(cd);
}

static void settlement_needs_contents_and_signatures(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("settlement", "sessions");
	assert_fails_with(cd, "settlement", "at least one agreed obligation");
	assert_fails_with(cd, "settlement", "Missing: Consequences of non-performance");
	assert_fails_with(cd, "settlement", "Missing: Date signed");
	casedata_free(cd);
	cd = case_ready("settlement", "settlement");
	set(cd, "signed_by_mediator", "no");
	assert_fails_with(cd, "settlement", "The mediator must sign");
	set(cd, "signed_by_mediator", "yes");
	set(cd, "signed_by_parties", "no");
	assert_fails_with(cd, "settlement", "The parties must sign");
	set(cd, "signed_by_parties", "yes");
	casedata_set(cd, ENTITY_OBLIGATION, 0, "due_on", NULL);
	assert_fails_with(cd, "settlement", "Missing (Obligation 1): By when");
	casedata_free(cd);
}

static void followup_tracks_each_obligation(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("followup", "settlement");
	bitim_day due;
	const char *label;
	int r = casedata_add_row(cd, ENTITY_OBLIGATION, "o2");
	casedata_set(cd, ENTITY_OBLIGATION, (size_t)r, "due_on", "2024-03-20");
	assert_fails_with(cd, "followup", "Missing (Obligation 1): Performed?");
	/* The earliest open obligation is the deadline. */
	assert_true(procedure_next_deadline(proc, cd, &due, &label));
	assert_int_equal(due, date_from_ymd(2024, 3, 20));
	assert_string_equal(label, "Obligation due");
	casedata_set(cd, ENTITY_OBLIGATION, 1, "status", "performed");
	assert_true(procedure_next_deadline(proc, cd, &due, &label));
	assert_int_equal(due, date_from_ymd(2024, 4, 1));
	casedata_set(cd, ENTITY_OBLIGATION, 0, "status", "pending");
	set(cd, "followup_result", "performed");
	/* An obligation not yet due is a warning, not a problem: the parties
	 * may ask to close the case. */
	assert_passes(cd, "followup");
	assert_warns_with(cd, "followup", "is not yet due or its performance was not checked", 0);
	casedata_set(cd, ENTITY_OBLIGATION, 0, "status", "partly");
	assert_false(procedure_next_deadline(proc, cd, &due, &label));
	assert_passes(cd, "followup");
	assert_no_warning(cd, "followup");
	/* Found not performed before its date: still refused. */
	casedata_set(cd, ENTITY_OBLIGATION, 0, "status", "not_performed");
	casedata_set(cd, ENTITY_OBLIGATION, 0, "checked_on", "2024-03-25");
	assert_fails_with(cd, "followup", "cannot be found not performed before it is due");
	assert_no_warning(cd, "followup");
	casedata_free(cd);
}

/* A guard marked warn in the forms is reported as a warning, for its row. */
static void a_warn_guard_is_a_warning(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("followup", "settlement");
	const struct stage_def *s = &proc->stages[procedure_stage_index(proc, "followup")];
	bool marked = false;
	for (size_t i = 0; i < s->nguards; i++)
		if (s->guards[i].warn) {
			marked = true;
			assert_string_equal(s->guards[i].field, "obligation.status");
		}
	assert_true(marked);
	int r = casedata_add_row(cd, ENTITY_OBLIGATION, "o2");
	casedata_set(cd, ENTITY_OBLIGATION, (size_t)r, "due_on", "2024-05-20");
	casedata_set(cd, ENTITY_OBLIGATION, 0, "status", "performed");
	casedata_set(cd, ENTITY_OBLIGATION, (size_t)r, "status", "pending");
	set(cd, "followup_result", "partly");
	assert_passes(cd, "followup");
	assert_warns_with(cd, "followup", "not yet due", r);
	casedata_free(cd);
}

static void deadlines_by_stage(void **state)
{
	(void)state;
	bitim_day due;
	const char *label;
	struct case_data *cd = case_ready("consent", "contract");
	assert_true(procedure_next_deadline(proc, cd, &due, &label));
	assert_int_equal(due, date_from_ymd(2024, 2, 11));
	assert_string_equal(label, "Answer to the offer");
	casedata_set_identity(cd, 1, "uuid-1", "TST-2026-0001", "sessions");
	assert_true(procedure_next_deadline(proc, cd, &due, &label));
	assert_int_equal(due, date_from_ymd(2024, 3, 16));
	set(cd, "term_extension_days", "10");
	assert_true(procedure_next_deadline(proc, cd, &due, &label));
	assert_int_equal(due, date_from_ymd(2024, 3, 26));
	/* a criminal case keeps its own term (Art. 24 p.4), not 30 + 30 */
	set(cd, "regime", "criminal");
	set(cd, "case_term_until", "2024-05-20");
	assert_true(procedure_next_deadline(proc, cd, &due, &label));
	assert_int_equal(due, date_from_ymd(2024, 5, 20));
	assert_string_equal(label, "End of the case's procedural term");
	/* in court, a stay that ends first is the deadline */
	set(cd, "regime", "civil_court");
	set(cd, "case_term_until", NULL);
	set(cd, "stay_until", "2024-03-01");
	assert_true(procedure_next_deadline(proc, cd, &due, &label));
	assert_int_equal(due, date_from_ymd(2024, 3, 1));
	set(cd, "stay_until", NULL);
	set(cd, "regime", "out_of_court");
	casedata_set_identity(cd, 1, "uuid-1", "TST-2026-0001", "intake");
	assert_false(procedure_next_deadline(proc, cd, &due, &label));
	casedata_free(cd);
}

static void termination_from_open_stages_only(void **state)
{
	(void)state;
	struct problems pr;
	struct case_data *cd = case_ready("sessions", "contract");
	assert_true(procedure_check_termination(proc, cd, &pr) > 0); /* ground missing */
	problems_free(&pr);
	set(cd, "termination_ground", "party_refused");
	set(cd, "terminated_on", "2024-02-28");
	assert_int_equal(procedure_check_termination(proc, cd, &pr), 0);
	problems_free(&pr);
	static const char *const closed[] = { "followup", "closed", "terminated" };
	for (size_t i = 0; i < 3; i++) {
		casedata_set_identity(cd, 1, "uuid-1", "TST-2026-0001", closed[i]);
		assert_int_equal(procedure_check_termination(proc, cd, &pr), 1);
		assert_non_null(strstr(pr.items[0].message, "cannot be terminated"));
		problems_free(&pr);
	}
	casedata_free(cd);
}

static void settlement_frozen_after_signing(void **state)
{
	(void)state;
	struct case_data *cd = case_ready("settlement", "settlement");
	const struct field_def *text = procedure_field(proc, "obligation.text");
	const struct field_def *status = procedure_field(proc, "obligation.status");
	const struct field_def *subject = procedure_field(proc, "case.settlement_subject");
	assert_false(procedure_field_frozen(proc, cd, text));
	casedata_set_identity(cd, 1, "uuid-1", "TST-2026-0001", "followup");
	assert_true(procedure_field_frozen(proc, cd, text));
	assert_true(procedure_field_frozen(proc, cd, subject));
	assert_false(procedure_field_frozen(proc, cd, status));
	casedata_set_identity(cd, 1, "uuid-1", "TST-2026-0001", "closed");
	assert_true(procedure_field_frozen(proc, cd, text));
	casedata_set_identity(cd, 1, "uuid-1", "TST-2026-0001", "terminated");
	assert_false(procedure_field_frozen(proc, cd, text));
	casedata_free(cd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_stage_passes_when_complete),
		cmocka_unit_test(transitions_follow_the_law),
		cmocka_unit_test(intake_requires_fields_and_two_parties),
		cmocka_unit_test(exclusions_block_consent),
		cmocka_unit_test(conditional_fields_apply_by_regime),
		cmocka_unit_test(offer_answered_on_day_10_is_in_time),
		cmocka_unit_test(offer_period_stated_in_offer),
		cmocka_unit_test(offer_across_leap_day),
		cmocka_unit_test(offer_refused_blocks_contract),
		cmocka_unit_test(explanations_and_impartiality),
		cmocka_unit_test(sessions_need_one),
		cmocka_unit_test(term_30_days_and_extension_to_60),
		cmocka_unit_test(terms_follow_the_regime),
		cmocka_unit_test(settlement_in_court),
		cmocka_unit_test(termination_grounds_fit_the_case),
		cmocka_unit_test(offer_date_only_for_written_offer),
		cmocka_unit_test(settlement_needs_contents_and_signatures),
		cmocka_unit_test(followup_tracks_each_obligation),
		cmocka_unit_test(a_warn_guard_is_a_warning),
		cmocka_unit_test(deadlines_by_stage),
		cmocka_unit_test(termination_from_open_stages_only),
		cmocka_unit_test(settlement_frozen_after_signing),
	};
	return cmocka_run_group_tests_name("procedure", tests, setup, teardown);
}
