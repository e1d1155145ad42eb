/* Unit tests: records an import keeps aside, listed and resolved by the core's API. */
#include "testutil.h"
#include "bitim/casefile.h"
#include "bitim/conflicts.h"
#include "bitim/import.h"

struct fixture {
	char *dir;
	struct store *s;
	struct procedure *p;
	int64_t id;
	char uuid[UUID_BUF];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct form_error err;
	struct case_data *cd;
	const char *reason;
	if (!(f->s = test_store_new(&f->dir)) || procedure_load(test_forms_dir(), &f->p, &err) != BITIM_OK ||
	    case_new(f->s, f->p, date_from_ymd(2026, 3, 2), &f->id) != BITIM_OK ||
	    case_set_field(f->s, f->p, f->id, "case.description", NULL, "Жер шекарасы", &reason) != BITIM_OK ||
	    store_case_load(f->s, f->id, &cd) != BITIM_OK)
		return -1;
	snprintf(f->uuid, sizeof f->uuid, "%s", casedata_uuid(cd));
	casedata_free(cd);
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

/* Import one cases row (uuid and one other column); the counts come back. */
static struct import_counts import_one(struct fixture *f, const char *column, const char *value)
{
	const char *columns[] = { "uuid", column }, *values[] = { f->uuid, value }, *why, *what;
	struct importer *im;
	struct import_counts c;
	assert_int_equal(importer_new(f->s, f->p, "other.db", &im), BITIM_OK);
	assert_int_equal(importer_table(im, EXPORT_CASES, columns, 2, &why, &what), BITIM_OK);
	enum bitim_status st = importer_row(im, values, 2, &why, &what);
	if (st != BITIM_OK)
		print_message("%s: %s\n", what ? what : "", why ? why : "");
	assert_int_equal(st, BITIM_OK);
	assert_int_equal(importer_finish(im, true, &c), BITIM_OK);
	return c;
}

static char *description(struct fixture *f)
{
	struct case_data *cd;
	assert_int_equal(store_case_load(f->s, f->id, &cd), BITIM_OK);
	char *v = strdup(casedata_case_value(cd, "case.description"));
	casedata_free(cd);
	return v;
}

static void taken_value_comes_back_exactly(void **state)
{
	struct fixture *f = *state;
	const char *theirs = "бірінші жол\nекінші \\n жол \\ соңы\\";
	const char *reason;
	char column[CONFLICT_COLUMN_BUF];
	struct conflict *list;
	size_t n;

	assert_int_equal(import_one(f, "description", theirs).conflicts, 1);
	assert_int_equal(import_one(f, "description", theirs).conflicts, 1); /* reported again */
	assert_int_equal(conflicts_list(f->s, &list, &n), BITIM_OK);
	assert_int_equal(n, 1); /* but stored once */
	assert_string_equal(list[0].table, "cases");
	assert_int_equal(list[0].ndiff, 1);
	assert_string_equal(list[0].diff[0].name, "description");
	assert_string_equal(list[0].diff[0].ours, "Жер шекарасы");
	assert_string_equal(list[0].diff[0].theirs, theirs);
	enum bitim_status st = conflict_take(f->s, f->p, list[0].id, &reason, column);
	if (st != BITIM_OK)
		print_message("%s: %s\n", column, reason ? reason : bitim_status_name(st));
	assert_int_equal(st, BITIM_OK);
	conflicts_free(list, n);
	char *now = description(f);
	assert_string_equal(now, theirs);
	free(now);
	assert_int_equal(conflicts_list(f->s, &list, &n), BITIM_OK);
	assert_int_equal(n, 0);
	conflicts_free(list, n);
}

static void kept_version_is_not_raised_again(void **state)
{
	struct fixture *f = *state;
	struct conflict *list;
	size_t n;

	assert_int_equal(import_one(f, "description", "Басқа мәтін").conflicts, 1);
	assert_int_equal(conflicts_list(f->s, &list, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(conflict_keep(f->s, list[0].id), BITIM_OK);
	assert_int_equal(conflict_keep(f->s, list[0].id), BITIM_ERR_NOTFOUND);
	conflicts_free(list, n);
	struct import_counts c = import_one(f, "description", "Басқа мәтін");
	assert_int_equal(c.conflicts, 0);
	assert_int_equal(c.identical, 1);
	char *now = description(f);
	assert_string_equal(now, "Жер шекарасы");
	free(now);
}

static void procedure_columns_are_not_taken(void **state)
{
	struct fixture *f = *state;
	const char *reason;
	char column[CONFLICT_COLUMN_BUF];
	struct conflict *list;
	size_t n;
	struct case_data *cd;

	assert_int_equal(import_one(f, "stage", "sessions").conflicts, 1);
	assert_int_equal(conflicts_list(f->s, &list, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(conflict_take(f->s, f->p, list[0].id, &reason, column), BITIM_ERR_INVALID);
	assert_string_equal(column, "stage");
	assert_non_null(reason);
	conflicts_free(list, n);
	assert_int_equal(store_case_load(f->s, f->id, &cd), BITIM_OK);
	assert_string_equal(casedata_stage(cd), "intake");
	casedata_free(cd);
	assert_int_equal(conflicts_list(f->s, &list, &n), BITIM_OK);
	assert_int_equal(n, 1); /* still waiting */
	conflicts_free(list, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(taken_value_comes_back_exactly, setup, teardown),
		cmocka_unit_test_setup_teardown(kept_version_is_not_raised_again, setup, teardown),
		cmocka_unit_test_setup_teardown(procedure_columns_are_not_taken, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
