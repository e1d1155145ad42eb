/* Unit tests: the program's today (src/today.c): BITIM_TODAY obeyed only
 * where allowed, never a malformed one. */
#include "testutil.h"
#include "bitim/store.h"
#include "today.h"

static void a_fixed_day_only_where_allowed(void **state)
{
	bitim_day clock = date_from_ymd(2026, 12, 3), fixed = date_from_ymd(2026, 3, 10);

	(void)state;
	/* a real register in a user's build: the clock, whatever is exported */
	assert_int_equal(today_choose("2026-03-10", false, clock), clock);
	/* a demonstration database (or a test build): the trainer's day */
	assert_int_equal(today_choose("2026-03-10", true, clock), fixed);
	/* nothing set, or nonsense: the clock */
	assert_int_equal(today_choose(NULL, true, clock), clock);
	assert_int_equal(today_choose("", true, clock), clock);
	assert_int_equal(today_choose("10.03.2026", true, clock), clock);
	assert_int_equal(today_choose("2026-02-30", true, clock), clock);
}

static void the_core_reads_only_the_clock(void **state)
{
	bitim_day before, after;

	(void)state;
	setenv("BITIM_TODAY", "2001-01-01", 1);
	before = date_today();
	assert_true(before > date_from_ymd(2020, 1, 1));
	after = today_get();
#ifdef BITIM_TEST_HOOKS
	assert_int_equal(after, date_from_ymd(2001, 1, 1)); /* the tests' hook */
#else
	assert_int_equal(after, before);                    /* a user's build */
#endif
	unsetenv("BITIM_TODAY");
	assert_int_equal(today_get(), date_today());
}

static void a_demonstration_database_fixes_the_day(void **state)
{
	char *dir = NULL;
	struct store *s = test_store_new(&dir);

	(void)state;
	assert_non_null(s);
	assert_int_equal(store_setting_set(s, "demo", "1"), BITIM_OK);
	setenv("BITIM_TODAY", "2026-03-10", 1);
	today_init(s);
	assert_int_equal(today_get(), date_from_ymd(2026, 3, 10));
	unsetenv("BITIM_TODAY");
	test_store_done(s, dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_fixed_day_only_where_allowed),
		cmocka_unit_test(the_core_reads_only_the_clock),
		cmocka_unit_test(a_demonstration_database_fixes_the_day),
	};
	return cmocka_run_group_tests_name("today", tests, NULL, NULL);
}
