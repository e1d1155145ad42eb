/* Unit tests: the three-way merge of an office's register into the region's,
 * through the core's API (the importer fed from the office's tables, as
 * `bitim merge` does). */
#include "testutil.h"
#include "bitim/casefile.h"
#include "bitim/conflicts.h"
#include "bitim/deadlines.h"
#include "bitim/demo.h"
#include "bitim/fileio.h"
#include "bitim/import.h"
#include "bitim/search.h"

struct fixture {
	char *dir_office, *dir_region;
	struct store *office, *region;
	struct procedure *p;
	int64_t id;          /* the case in the office */
	char uuid[UUID_BUF];
};

static void put_in(struct fixture *f, struct store *s, int64_t id, const char *key, const char *row, const char *v)
{
	const char *reason = NULL;
	enum bitim_status st = case_set_field(s, f->p, id, key, row, v, &reason);
	if (st != BITIM_OK)
		print_message("%s: %s\n", key, reason ? reason : bitim_status_name(st));
	assert_int_equal(st, BITIM_OK);
}

static void fill_intake(struct fixture *f)
{
	char a[UUID_BUF], b[UUID_BUF];
	put_in(f, f->office, f->id, "case.received_on", NULL, "02.03.2026");
	put_in(f, f->office, f->id, "case.referral_source", NULL, "akimat");
	put_in(f, f->office, f->id, "case.category", NULL, "neighbours");
	put_in(f, f->office, f->id, "case.regime", NULL, "out_of_court");
	put_in(f, f->office, f->id, "case.subject", NULL, "Шекара мен суару суы");
	put_in(f, f->office, f->id, "case.excl_third_parties", NULL, "no");
	put_in(f, f->office, f->id, "case.excl_incapable", NULL, "no");
	put_in(f, f->office, f->id, "case.excl_state_service", NULL, "no");
	put_in(f, f->office, f->id, "case.excl_other_law", NULL, "no");
	assert_int_equal(case_add_row(f->office, f->p, f->id, ENTITY_PARTY, a), BITIM_OK);
	put_in(f, f->office, f->id, "party.side", a, "first");
	put_in(f, f->office, f->id, "party.kind", a, "person");
	put_in(f, f->office, f->id, "party.full_name", a, "Қайрат Сейітов");
	put_in(f, f->office, f->id, "party.role", a, "party");
	assert_int_equal(case_add_row(f->office, f->p, f->id, ENTITY_PARTY, b), BITIM_OK);
	put_in(f, f->office, f->id, "party.side", b, "second");
	put_in(f, f->office, f->id, "party.kind", b, "person");
	put_in(f, f->office, f->id, "party.full_name", b, "Әсел Нұрова");
	put_in(f, f->office, f->id, "party.role", b, "party");
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct form_error err;
	struct case_data *cd;

	if (!(f->office = test_store_new(&f->dir_office)) || !(f->region = test_store_new(&f->dir_region)) ||
	    procedure_load(test_forms_dir(), &f->p, &err) != BITIM_OK ||
	    store_office_set(f->office, "code", "KRG") != BITIM_OK || store_office_set(f->region, "code", "REG") != BITIM_OK ||
	    case_new(f->office, f->p, date_from_ymd(2026, 3, 2), &f->id) != BITIM_OK ||
	    store_case_load(f->office, f->id, &cd) != BITIM_OK)
		return -1;
	snprintf(f->uuid, sizeof f->uuid, "%s", casedata_uuid(cd));
	casedata_free(cd);
	*state = f;
	fill_intake(f);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	procedure_free(f->p);
	test_store_done(f->office, f->dir_office);
	test_store_done(f->region, f->dir_region);
	free(f);
	return 0;
}

struct feed {
	struct importer *im;
	const char *why, *what;
};

static enum bitim_status feed_row(void *ctx, const char *const *values, size_t n, const char *number)
{
	struct feed *fd = ctx;
	(void)number;
	return importer_row(fd->im, values, n, &fd->why, &fd->what);
}

/* Merge every table of `from` (an office known by origin) into the region. */
static struct import_counts merge_from(struct fixture *f, struct store *from, const char *origin)
{
	static const enum export_table order[] = { EXPORT_CASES, EXPORT_PARTIES, EXPORT_SESSIONS, EXPORT_OBLIGATIONS };
	struct export_filter all = { .include_confidential = true };
	struct feed fd = { 0 };
	struct import_counts c;
	enum bitim_status st = BITIM_OK;

	assert_int_equal(importer_new(f->region, f->p, origin, &fd.im), BITIM_OK);
	assert_int_equal(importer_set_origin(fd.im, origin), BITIM_OK);
	for (size_t i = 0; i < 4 && st == BITIM_OK; i++) {
		const char **names;
		size_t n;
		assert_int_equal(export_columns(f->p, order[i], true, &names, &n), BITIM_OK);
		st = importer_table(fd.im, order[i], names, n, &fd.why, &fd.what);
		free(names);
		if (st == BITIM_OK)
			st = export_rows(from, f->p, order[i], &all, feed_row, &fd);
	}
	if (st != BITIM_OK)
		print_message("%s: %s\n", fd.what ? fd.what : "", fd.why ? fd.why : bitim_status_name(st));
	assert_int_equal(st, BITIM_OK);
	assert_int_equal(importer_finish(fd.im, true, &c), BITIM_OK);
	return c;
}

static struct import_counts merge(struct fixture *f)
{
	return merge_from(f, f->office, "0fc0ffee-0000-4000-8000-00000000000a");
}

/* The region's id of the office's case. */
static int64_t region_id(struct fixture *f)
{
	int64_t id = 0;
	assert_int_equal(store_case_find(f->region, f->uuid, &id), BITIM_OK);
	return id;
}

static char *value_in(struct fixture *f, struct store *s, int64_t id, const char *key)
{
	struct case_data *cd;
	assert_int_equal(store_case_load(s, id, &cd), BITIM_OK);
	const char *v = casedata_case_value(cd, key);
	char *copy = v ? strdup(v) : NULL;
	(void)f;
	casedata_free(cd);
	return copy;
}

static void assert_value(struct fixture *f, struct store *s, int64_t id, const char *key, const char *want)
{
	char *v = value_in(f, s, id, key);
	assert_non_null(v);
	assert_string_equal(v, want);
	free(v);
}

static char *stage_in(struct store *s, int64_t id)
{
	struct case_data *cd;
	assert_int_equal(store_case_load(s, id, &cd), BITIM_OK);
	char *stage = strdup(casedata_stage(cd));
	casedata_free(cd);
	return stage;
}

static size_t waiting(struct fixture *f)
{
	size_t n = 0;
	assert_int_equal(conflicts_waiting(f->region, &n), BITIM_OK);
	return n;
}

static void first_merge_adds_then_merging_again_changes_nothing(void **state)
{
	struct fixture *f = *state;
	struct import_counts c = merge(f);
	assert_int_equal(c.added, 3); /* the case and its two parties */
	assert_int_equal(c.conflicts, 0);
	c = merge(f);
	assert_int_equal(c.added, 0);
	assert_int_equal(c.updated, 0);
	assert_int_equal(c.identical, 3);
	assert_int_equal(c.conflicts, 0);
	/* the merged case is found by a party's name, its keys rebuilt once */
	struct case_query q = { .text = "Нұрова" };
	size_t found = 0;
	assert_int_equal(store_case_count(f->region, &q, &found), BITIM_OK);
	assert_int_equal(found, 1);
}

static void a_change_made_only_in_the_office_is_taken(void **state)
{
	struct fixture *f = *state;
	merge(f);
	put_in(f, f->office, f->id, "case.subject", NULL, "Суару суының кестесі");
	struct import_counts c = merge(f);
	assert_int_equal(c.updated, 1);
	assert_int_equal(c.conflicts, 0);
	assert_value(f, f->region, region_id(f), "case.subject", "Суару суының кестесі");
	assert_int_equal(waiting(f), 0);
}

/* An office corrects a party's IIN to a child's: the IIN and the answer it
 * gave ("a minor: yes") are both taken, with no conflict. */
static void an_iin_and_the_answer_it_gave_are_taken_together(void **state)
{
	struct fixture *f = *state;
	struct case_data *cd;
	char party[UUID_BUF], child[13];
	int y, m, d;

	merge(f);
	assert_int_equal(store_case_load(f->office, f->id, &cd), BITIM_OK);
	snprintf(party, sizeof party, "%s", casedata_row_uuid(cd, ENTITY_PARTY, 0));
	casedata_free(cd);
	date_to_ymd(date_today(), &y, &m, &d);
	demo_iin(y - 12, 1, 15, false, 7, child);
	put_in(f, f->office, f->id, "party.iin", party, child);
	struct import_counts c = merge(f);
	assert_int_equal(c.updated, 1);
	assert_int_equal(c.conflicts, 0);
	assert_int_equal(store_case_load(f->region, region_id(f), &cd), BITIM_OK);
	int row = casedata_row_index(cd, ENTITY_PARTY, party);
	assert_true(row >= 0);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, (size_t)row, "iin"), child);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, (size_t)row, "minor"), "yes");
	casedata_free(cd);
	assert_int_equal(waiting(f), 0);
}

/* A case added keeps the deadline its file gave only until it is
 * recomputed here: the merge marks the deadlines stale, so the next start
 * (or export) recomputes every open case's. */
static void the_deadline_a_file_gives_is_recomputed(void **state)
{
	struct fixture *f = *state;
	size_t n = 0;
	char *due;

	assert_int_equal(store_set_deadline(f->office, f->id, "2020-01-01", "Answer to the offer"), BITIM_OK);
	assert_int_equal(deadlines_mark_current(f->region, "forms-v1"), BITIM_OK);
	merge(f);
	due = value_in(f, f->region, region_id(f), "case.next_deadline");
	assert_non_null(due); /* as the file gave it, until recomputed */
	free(due);
	assert_int_equal(deadlines_refresh_if_changed(f->region, f->p, "forms-v1", &n), BITIM_OK);
	assert_true(n >= 1);
	assert_null(value_in(f, f->region, region_id(f), "case.next_deadline")); /* intake has none */
	/* merging again adds nothing: nothing is marked */
	merge(f);
	assert_int_equal(deadlines_refresh_if_changed(f->region, f->p, "forms-v1", &n), BITIM_OK);
	assert_int_equal(n, 0);
}

static void a_change_made_only_in_the_region_stays(void **state)
{
	struct fixture *f = *state;
	merge(f);
	put_in(f, f->region, region_id(f), "case.subject", NULL, "Аймақта түзетілген");
	struct import_counts c = merge(f);
	assert_int_equal(c.updated, 0);
	assert_int_equal(c.conflicts, 0);
	assert_value(f, f->region, region_id(f), "case.subject", "Аймақта түзетілген");
	assert_int_equal(waiting(f), 0);
}

static void changes_to_different_fields_on_both_sides_both_stay(void **state)
{
	struct fixture *f = *state;
	merge(f);
	put_in(f, f->office, f->id, "case.subject", NULL, "Кеңседе түзетілген");
	put_in(f, f->region, region_id(f), "case.category", NULL, "family");
	struct import_counts c = merge(f);
	assert_int_equal(c.conflicts, 0);
	assert_value(f, f->region, region_id(f), "case.subject", "Кеңседе түзетілген");
	assert_value(f, f->region, region_id(f), "case.category", "family");
}

static void the_same_field_changed_on_both_sides_is_a_conflict(void **state)
{
	struct fixture *f = *state;
	struct conflict *list;
	size_t n;

	merge(f);
	put_in(f, f->office, f->id, "case.subject", NULL, "Кеңседе түзетілген");
	put_in(f, f->office, f->id, "case.village", NULL, "Көктал");
	put_in(f, f->region, region_id(f), "case.subject", NULL, "Аймақта түзетілген");
	struct import_counts c = merge(f);
	assert_int_equal(c.conflicts, 1);
	/* the one-sided change was taken; the two-sided one waits, ours kept */
	assert_value(f, f->region, region_id(f), "case.village", "Көктал");
	assert_value(f, f->region, region_id(f), "case.subject", "Аймақта түзетілген");
	assert_int_equal(conflicts_list(f->region, &list, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].ndiff, 1);
	assert_string_equal(list[0].diff[0].name, "subject");
	assert_string_equal(list[0].diff[0].theirs, "Кеңседе түзетілген");
	conflicts_free(list, n);
	c = merge(f); /* again: still waiting, stored once */
	assert_int_equal(c.conflicts, 1);
	assert_int_equal(waiting(f), 1);
}

static void a_stage_advanced_in_the_office_is_taken_through_the_procedure(void **state)
{
	struct fixture *f = *state;
	struct problems why;
	merge(f);
	assert_int_equal(case_advance(f->office, f->p, f->id, date_from_ymd(2026, 3, 3), &why), BITIM_OK);
	problems_free(&why);
	struct import_counts c = merge(f);
	assert_int_equal(c.conflicts, 0);
	assert_int_equal(c.updated, 1);
	char *stage = stage_in(f->region, region_id(f));
	assert_string_equal(stage, "consent");
	free(stage);
}

static void a_stage_the_procedure_refuses_here_is_a_conflict(void **state)
{
	struct fixture *f = *state;
	struct problems why;
	merge(f);
	assert_int_equal(case_advance(f->office, f->p, f->id, date_from_ymd(2026, 3, 3), &why), BITIM_OK);
	problems_free(&why);
	/* Meanwhile the region found that the dispute affects third persons. */
	put_in(f, f->region, region_id(f), "case.excl_third_parties", NULL, "yes");
	struct import_counts c = merge(f);
	assert_int_equal(c.conflicts, 1);
	char *stage = stage_in(f->region, region_id(f));
	assert_string_equal(stage, "intake");
	free(stage);
	struct conflict *list;
	size_t n;
	assert_int_equal(conflicts_list(f->region, &list, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].ndiff, 1);
	assert_string_equal(list[0].diff[0].name, "stage");
	conflicts_free(list, n);
}

static void two_offices_with_the_same_numbers_both_stay(void **state)
{
	struct fixture *f = *state;
	char *dir;
	struct store *other = test_store_new(&dir);
	int64_t id;
	assert_non_null(other);
	assert_int_equal(store_office_set(other, "code", "KRG"), BITIM_OK);
	assert_int_equal(case_new(other, f->p, date_from_ymd(2026, 3, 2), &id), BITIM_OK);
	assert_int_equal(merge(f).added, 3);
	struct import_counts c = merge_from(f, other, "0fc0ffee-0000-4000-8000-00000000000b");
	assert_int_equal(c.added, 1);
	assert_int_equal(c.conflicts, 0);
	struct case_query all = { 0 };
	size_t count = 0;
	assert_int_equal(store_case_count(f->region, &all, &count), BITIM_OK);
	assert_int_equal(count, 2);
	test_store_done(other, dir);
}

static void a_write_from_a_value_changed_meanwhile_is_refused(void **state)
{
	struct fixture *f = *state;
	const char *reason;
	/* A case screen shows the subject; an import changes it meanwhile. */
	assert_int_equal(case_set_field_from(f->office, f->p, f->id, "case.subject", NULL, "Шекара мен суару суы", true,
					     "Импорттан", &reason, NULL), BITIM_OK);
	assert_int_equal(case_set_field_from(f->office, f->p, f->id, "case.subject", NULL, "Шекара мен суару суы", true,
					     "Экраннан", &reason, NULL), BITIM_ERR_STALE);
	assert_value(f, f->office, f->id, "case.subject", "Импорттан");
	/* from the newer value shown, the write goes through */
	assert_int_equal(case_set_field_from(f->office, f->p, f->id, "case.subject", NULL, "Импорттан", true,
					     "Экраннан", &reason, NULL), BITIM_OK);
	assert_value(f, f->office, f->id, "case.subject", "Экраннан");
}

static void a_conflict_decided_on_a_stale_snapshot_overwrites_nothing(void **state)
{
	struct fixture *f = *state;
	struct conflict *list;
	size_t n;
	const char *reason;
	char column[CONFLICT_COLUMN_BUF];

	merge(f);
	put_in(f, f->office, f->id, "case.subject", NULL, "Кеңседе");
	put_in(f, f->region, region_id(f), "case.subject", NULL, "Аймақта");
	assert_int_equal(merge(f).conflicts, 1);
	assert_int_equal(conflicts_list(f->region, &list, &n), BITIM_OK);
	assert_int_equal(n, 1);
	/* the region edits the case again before the coordinator decides */
	put_in(f, f->region, region_id(f), "case.subject", NULL, "Аймақта, жаңарақ");
	assert_int_equal(conflict_take(f->region, f->p, list[0].id, &reason, column), BITIM_ERR_STALE);
	assert_string_equal(column, "subject");
	assert_non_null(reason);
	conflicts_free(list, n);
	assert_value(f, f->region, region_id(f), "case.subject", "Аймақта, жаңарақ");
	/* listed again, the conflict shows the newer value; taken then, it goes through */
	assert_int_equal(conflicts_list(f->region, &list, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].diff[0].ours, "Аймақта, жаңарақ");
	assert_int_equal(conflict_take(f->region, f->p, list[0].id, &reason, column), BITIM_OK);
	conflicts_free(list, n);
	assert_value(f, f->region, region_id(f), "case.subject", "Кеңседе");
}

/* A number that came in from a hostile file never leads a document out of its folder. */
static void document_file_names_stay_inside_the_folder(void **state)
{
	char safe[64], path[256];
	(void)state;
	file_safe_name("../../../../etc/X", safe, sizeof safe);
	assert_string_equal(safe, "____________etc_X");
	file_safe_name("KRG\x1b]0;x\x07-2026-0001", safe, sizeof safe);
	assert_string_equal(safe, "KRG__0_x_-2026-0001");
	file_safe_name("..", safe, sizeof safe);
	assert_string_equal(safe, "__");
	file_safe_name("", safe, sizeof safe);
	assert_string_equal(safe, "_");
	snprintf(path, sizeof path, "/docs/%s-minutes-kk", safe);
	assert_true(file_inside("/docs", path));
	assert_false(file_inside("/docs", "/docs/../x"));
	assert_false(file_inside("/docs", "/docs/a/b"));
	assert_false(file_inside("/docs", "/docsx/a"));
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(first_merge_adds_then_merging_again_changes_nothing),
		T(a_change_made_only_in_the_office_is_taken),
		T(the_deadline_a_file_gives_is_recomputed),
		T(an_iin_and_the_answer_it_gave_are_taken_together),
		T(a_change_made_only_in_the_region_stays),
		T(changes_to_different_fields_on_both_sides_both_stay),
		T(the_same_field_changed_on_both_sides_is_a_conflict),
		T(a_stage_advanced_in_the_office_is_taken_through_the_procedure),
		T(a_stage_the_procedure_refuses_here_is_a_conflict),
		T(two_offices_with_the_same_numbers_both_stay),
		T(a_write_from_a_value_changed_meanwhile_is_refused),
		T(a_conflict_decided_on_a_stale_snapshot_overwrites_nothing),
		cmocka_unit_test(document_file_names_stay_inside_the_folder),
#undef T
	};
	return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
