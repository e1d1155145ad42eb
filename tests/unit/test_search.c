/* Unit tests: folding names for search, the case list and "who else is this". */
#include "testutil.h"
#include "bitim/casedata.h"
#include "bitim/demo.h"
#include "bitim/procedure.h"
#include "bitim/search.h"

struct fixture {
	char *dir;
	struct store *s;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!(f->s = test_store_new(&f->dir)))
		return -1;
	store_office_set(f->s, "code", "KRG");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	test_store_done(f->s, f->dir);
	free(f);
	return 0;
}

static void assert_fold(const char *in, const char *want)
{
	char *got = search_fold(in);
	if (strcmp(got, want) != 0)
		print_message("fold(%s) = %s, want %s\n", in, got, want);
	assert_string_equal(got, want);
	free(got);
}

static void fold_kazakh_russian_latin_meet(void **state)
{
	(void)state;
	assert_fold("Қайрат", "kairat");
	assert_fold("Кайрат", "kairat");
	assert_fold("Qairat", "kairat");
	assert_fold("QAYRAT", "kairat");
	assert_fold("ҚАЙРАТ", "kairat");
	assert_fold("Жанар", "zhanar");
	assert_fold("Zhanar", "zhanar");
	assert_fold("Janar", "zhanar");
	assert_fold("Әсел Ғалымқызы", "asel galimkizi");
	assert_fold("Äsel Ğalymqyzy", "asel galimkizi");
	assert_fold("Ахметов", "ahmetov");
	assert_fold("Akhmetov", "ahmetov");
	assert_fold("Ерлан", "erlan");
	assert_fold("Yerlan", "erlan");
	assert_fold("Шынар Үсенова", "shinar usenova");
	assert_fold("Şynar Üsenova", "shinar usenova");
	assert_fold("Нұрлан", "nurlan");
	assert_fold("Сейітов", "seitov");
	assert_fold("Seitov", "seitov");
	assert_fold("Жанна", "zhana");
	assert_fold("Zhanna", "zhana");
	assert_fold("KRG-2026-0011", "krg-2026-0011");
	assert_fold("Ñurlan", "nurlan");
	assert_fold("Өмірзақ", "omirzak");
	assert_fold("Ömirzaq", "omirzak");
	assert_fold("Һ һ Ң ң І і", "h h n n i i");
	assert_fold("Ё ё", "e e");
	assert_fold("  KRG-2026-0042 ", "krg-2026-0042");
	assert_fold("«Береке» ЖШС — №5", "bereke zhshs 5");
	assert_fold("O'mirzaq", "omirzak");
	assert_fold("791028302728", "791028302728");
	assert_fold("bad \xC3 byte", "bad bite");
	assert_fold("", "");
}

static int64_t make_case(struct fixture *f, const char *name1, const char *iin1, const char *name2,
			 const char *deadline)
{
	int64_t id;
	char p[UUID_BUF];
	assert_int_equal(store_case_create(f->s, "intake", date_from_ymd(2026, 3, 1), &id), BITIM_OK);
	store_row_add(f->s, id, ENTITY_PARTY, p);
	store_set_value(f->s, id, ENTITY_PARTY, p, "full_name", name1);
	if (iin1)
		store_set_value(f->s, id, ENTITY_PARTY, p, "iin", iin1);
	if (name2) {
		store_row_add(f->s, id, ENTITY_PARTY, p);
		store_set_value(f->s, id, ENTITY_PARTY, p, "full_name", name2);
	}
	if (deadline)
		store_set_deadline(f->s, id, deadline, "Answer to the offer");
	return id;
}

static size_t count_for(struct fixture *f, const char *text)
{
	struct case_query q = { .text = text };
	size_t n;
	assert_int_equal(store_case_count(f->s, &q, &n), BITIM_OK);
	return n;
}

static void search_by_name_number_and_iin(void **state)
{
	struct fixture *f = *state;
	make_case(f, "Қайрат Сейітов", "791028302728", "Айгүл Нұрланқызы", NULL);
	make_case(f, "Кайрат Ахметов", NULL, "Бауыржан Әлиев", NULL);
	make_case(f, "Ivan Petrov", NULL, "Мария Иванова", NULL);
	assert_int_equal(count_for(f, "Qairat"), 2);
	assert_int_equal(count_for(f, "қайрат"), 2);
	assert_int_equal(count_for(f, "айгүл"), 1);       /* lowercase Kazakh substring */
	assert_int_equal(count_for(f, "АЙГҮЛ"), 1);
	assert_int_equal(count_for(f, "aigul"), 1);
	assert_int_equal(count_for(f, "нұрлан"), 1);
	assert_int_equal(count_for(f, "302728"), 1);       /* part of an IIN */
	assert_int_equal(count_for(f, "KRG-2026-0002"), 1);
	assert_int_equal(count_for(f, "0003"), 1);
	assert_int_equal(count_for(f, "iv"), 1);           /* short: the walk (Ivan, Иванова: one case) */
	assert_int_equal(count_for(f, "а"), 3);            /* one letter */
	assert_int_equal(count_for(f, "%"), 0);
	assert_int_equal(count_for(f, "\"x"), 0);
	assert_int_equal(count_for(f, "nobody"), 0);
	assert_int_equal(count_for(f, ""), 3);
}

static void removed_or_renamed_parties_leave_the_index(void **state)
{
	struct fixture *f = *state;
	struct case_data *cd;
	struct undo_info u;
	int64_t id = make_case(f, "Бекзат", NULL, NULL, NULL);
	assert_int_equal(count_for(f, "бекзат"), 1);
	store_case_load(f->s, id, &cd);
	store_set_value(f->s, id, ENTITY_PARTY, casedata_row_uuid(cd, ENTITY_PARTY, 0), "full_name", "Темірлан");
	assert_int_equal(count_for(f, "бекзат"), 0);
	assert_int_equal(count_for(f, "temirlan"), 1);
	store_row_remove(f->s, id, ENTITY_PARTY, casedata_row_uuid(cd, ENTITY_PARTY, 0));
	assert_int_equal(count_for(f, "temirlan"), 0);
	store_undo(f->s, id, &u);
	assert_int_equal(count_for(f, "temirlan"), 1);
	casedata_free(cd);
}

static void list_by_urgency_with_pages(void **state)
{
	struct fixture *f = *state;
	struct case_row *rows;
	size_t n;
	int64_t a = make_case(f, "A", NULL, "B", NULL);
	int64_t b = make_case(f, "C", NULL, "D", "2026-04-10");
	int64_t c = make_case(f, "E", NULL, NULL, "2026-03-20");
	int64_t d = make_case(f, "F", NULL, NULL, NULL);
	store_set_stage(f->s, d, "closed", "settled", true, date_from_ymd(2026, 3, 5));
	struct case_query q = { .limit = 2 };
	assert_int_equal(store_case_list(f->s, &q, &rows, &n), BITIM_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, c);
	assert_int_equal(rows[1].id, b);
	assert_string_equal(rows[1].parties, "C — D");
	assert_string_equal(rows[1].next_deadline, "2026-04-10");
	store_case_rows_free(rows, n);
	q.offset = 2;
	assert_int_equal(store_case_list(f->s, &q, &rows, &n), BITIM_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, a);
	assert_int_equal(rows[1].id, d);
	assert_string_equal(rows[1].status, "closed");
	store_case_rows_free(rows, n);
	struct case_query by_stage = { .stage = "closed" };
	assert_int_equal(store_case_count(f->s, &by_stage, &n), BITIM_OK);
	assert_int_equal(n, 1);
}

/* The list's order, as the urgency index keeps it. */
static int order_cmp(const struct case_row *a, const struct case_row *b)
{
	int ca = strcmp(a->status, "closed") == 0, cb = strcmp(b->status, "closed") == 0;
	if (ca != cb)
		return ca - cb;
	if (!a->next_deadline != !b->next_deadline)
		return !a->next_deadline - !b->next_deadline;
	if (a->next_deadline && strcmp(a->next_deadline, b->next_deadline) != 0)
		return strcmp(a->next_deadline, b->next_deadline);
	return a->id > b->id ? -1 : a->id < b->id;
}

static struct case_page_result page(struct fixture *f, const char *text, enum case_page where,
				    const struct case_row *from, size_t limit)
{
	struct case_query q = { .text = text };
	struct case_page_result r;
	assert_int_equal(store_case_page(f->s, &q, where, from, limit, &r), BITIM_OK);
	return r;
}

/* Every case once, in order, paging forward from the first page and
 * backward from the last; the same as one long page. */
static void keyset_pages_cover_the_list_both_ways(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(demo_synthetic(f->s, NULL, 300, date_from_ymd(2026, 3, 1), false), BITIM_OK);
	struct case_page_result all = page(f, NULL, CASE_PAGE_FIRST, NULL, 1000), r;
	assert_int_equal(all.count, 300);
	for (size_t i = 1; i < all.count; i++)
		assert_true(order_cmp(&all.rows[i - 1], &all.rows[i]) < 0);
	size_t at = 0;
	r = page(f, NULL, CASE_PAGE_FIRST, NULL, 7);
	while (r.count) {
		for (size_t i = 0; i < r.count; i++)
			assert_int_equal(r.rows[i].id, all.rows[at++].id);
		struct case_page_result next = page(f, NULL, CASE_PAGE_AFTER, &r.rows[r.count - 1], 7);
		store_case_rows_free(r.rows, r.count);
		r = next;
	}
	store_case_rows_free(r.rows, r.count);
	assert_int_equal(at, 300);
	r = page(f, NULL, CASE_PAGE_LAST, NULL, 9);
	while (r.count) {
		for (size_t i = r.count; i-- > 0;)
			assert_int_equal(r.rows[i].id, all.rows[--at].id);
		struct case_page_result prev = page(f, NULL, CASE_PAGE_BEFORE, &r.rows[0], 9);
		store_case_rows_free(r.rows, r.count);
		r = prev;
	}
	store_case_rows_free(r.rows, r.count);
	assert_int_equal(at, 0);
	r = page(f, NULL, CASE_PAGE_FROM, &all.rows[150], 3);
	assert_int_equal(r.count, 3);
	assert_int_equal(r.rows[0].id, all.rows[150].id);
	assert_int_equal(r.rows[2].id, all.rows[152].id);
	store_case_rows_free(r.rows, r.count);
	store_case_rows_free(all.rows, all.count);
}

/* The counts the triggers keep follow new cases and changes of stage. */
static void kept_counts_follow_the_cases(void **state)
{
	struct fixture *f = *state;
	struct case_query all = { 0 }, closed = { .stage = "closed" };
	struct case_tally t;
	size_t n;
	int64_t id = make_case(f, "A", NULL, NULL, NULL);
	make_case(f, "B", NULL, NULL, NULL);
	assert_int_equal(store_case_count(f->s, &all, &n), BITIM_OK);
	assert_int_equal(n, 2);
	store_set_stage(f->s, id, "closed", "settled", true, date_from_ymd(2026, 3, 5));
	assert_int_equal(store_case_count(f->s, &closed, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_case_tally(f->s, &all, &t), BITIM_OK);
	assert_int_equal(t.count, 2);
	assert_false(t.more || t.uncounted);
	struct case_query intake = { .stage = "intake" };
	assert_int_equal(store_case_count(f->s, &intake, &n), BITIM_OK);
	assert_int_equal(n, 1);
}

/* A search answered by sorting its few matches and one answered by walking
 * the order give the same cases in the same order, page after page; a short
 * search that runs out of its budget says so. */
static void every_way_of_searching_agrees(void **state)
{
	struct fixture *f = *state;
	static const char *const texts[] = { "kairat", "ova", "Иван", "2026-00", "Петров" };
	assert_int_equal(demo_synthetic(f->s, NULL, 400, date_from_ymd(2026, 3, 1), false), BITIM_OK);
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		store_search_tune(100000, 0); /* sorted set */
		struct case_page_result set = page(f, texts[t], CASE_PAGE_FIRST, NULL, 1000);
		store_search_tune(1, 0);      /* walked */
		struct case_page_result walked = page(f, texts[t], CASE_PAGE_FIRST, NULL, 1000);
		struct case_tally tally;
		struct case_query q = { .text = texts[t] };
		assert_int_equal(store_case_tally(f->s, &q, &tally), BITIM_OK);
		assert_true(tally.more);
		assert_true(set.count > 1);
		assert_int_equal(set.count, walked.count);
		for (size_t i = 0; i < set.count; i++)
			assert_int_equal(set.rows[i].id, walked.rows[i].id);
		/* The second page of the set from the first's last row. */
		store_search_tune(100000, 0);
		struct case_page_result next = page(f, texts[t], CASE_PAGE_AFTER, &set.rows[0], 1000);
		assert_int_equal(next.count, set.count - 1);
		assert_int_equal(next.rows[0].id, set.rows[1].id);
		store_case_rows_free(next.rows, next.count);
		struct case_page_result before = page(f, texts[t], CASE_PAGE_BEFORE, &set.rows[set.count - 1], 1000);
		assert_int_equal(before.count, set.count - 1);
		assert_int_equal(before.rows[0].id, set.rows[0].id);
		store_case_rows_free(before.rows, before.count);
		store_case_rows_free(set.rows, set.count);
		store_case_rows_free(walked.rows, walked.count);
	}
	/* Two letters: counted by no one, looked for within the budget. */
	store_search_tune(0, 10);
	struct case_page_result r = page(f, "qx", CASE_PAGE_FIRST, NULL, 20);
	assert_int_equal(r.count, 0);
	assert_true(r.partial);
	assert_int_equal(r.looked, 10);
	store_case_rows_free(r.rows, r.count);
	store_search_tune(0, 100000);
	r = page(f, "qx", CASE_PAGE_FIRST, NULL, 20);
	assert_false(r.partial);
	store_case_rows_free(r.rows, r.count);
	r = page(f, "er", CASE_PAGE_FIRST, NULL, 20);
	assert_int_equal(r.count, 20);
	for (size_t i = 0; i < r.count; i++) {
		char *keys = search_fold(r.rows[i].parties);
		char *num = search_fold(r.rows[i].number);
		assert_true(strstr(keys, "er") || strstr(num, "er"));
		free(keys);
		free(num);
	}
	store_case_rows_free(r.rows, r.count);
	struct case_query two = { .text = "er" };
	struct case_tally tally;
	assert_int_equal(store_case_tally(f->s, &two, &tally), BITIM_OK);
	assert_true(tally.uncounted);
	store_search_tune(0, 0);
}

/* A large synthetic load drops the indexes and count triggers, then makes
 * them again and counts; the list reads the same as after a small load. */
static void bulk_load_rebuilds_indexes_and_counts(void **state)
{
	struct fixture *f = *state;
	struct case_query all = { 0 }, closed = { .stage = "closed" };
	size_t n, by_stage, scanned = 0;
	char *pending = NULL;
	demo_synthetic_tune(100);
	assert_int_equal(demo_synthetic(f->s, NULL, 150, date_from_ymd(2026, 3, 1), false), BITIM_OK);
	demo_synthetic_tune(0);
	assert_int_equal(store_setting_get(f->s, "bulk_load_indexes", &pending), BITIM_OK);
	assert_null(pending);
	assert_int_equal(store_case_count(f->s, &all, &n), BITIM_OK);
	assert_int_equal(n, 150);
	assert_int_equal(store_case_count(f->s, &closed, &by_stage), BITIM_OK);
	struct case_page_result r = page(f, NULL, CASE_PAGE_FIRST, NULL, 1000);
	for (size_t i = 0; i < r.count; i++)
		scanned += strcmp(r.rows[i].stage, "closed") == 0;
	assert_int_equal(r.count, 150);
	assert_int_equal(by_stage, scanned);
	store_case_rows_free(r.rows, r.count);
	/* The triggers are back: a new case is counted. */
	make_case(f, "Жаңа", NULL, NULL, NULL);
	assert_int_equal(store_case_count(f->s, &all, &n), BITIM_OK);
	assert_int_equal(n, 151);
}

/* Every synthetic case's cached deadline is the one the procedure computes
 * from what the case holds (as a refresh after a forms change would), and
 * each kind of deadline occurs. Loaded into a scratch file, as a new
 * database is, the search index is made at the end and finds the cases. */
static void bulk_cases_hold_the_deadline_the_procedure_gives(void **state)
{
	struct fixture *f = *state;
	static const char *const labels[] = { "Answer to the offer", "End of the mediation term",
		"End of the case's procedural term", "Obligation due" };
	size_t seen[4] = { 0 }, none = 0, n = 0;
	struct procedure *proc = NULL;
	struct form_error err;
	struct case_query q = { .text = "kairat" };

	assert_int_equal(procedure_load(test_forms_dir(), &proc, &err), BITIM_OK);
	assert_int_equal(demo_synthetic(f->s, proc, 900, date_from_ymd(2026, 3, 1), true), BITIM_OK);
	for (int64_t id = 1; id <= 900; id++) {
		struct case_data *cd = NULL;
		bitim_day due;
		const char *label = NULL;
		char iso[16] = "";
		assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
		bool has = procedure_next_deadline(proc, cd, &due, &label);
		const char *cached = casedata_get(cd, ENTITY_CASE, 0, "next_deadline");
		const char *cached_label = casedata_get(cd, ENTITY_CASE, 0, "deadline_label");
		if (has)
			date_format_iso(due, iso);
		if (has != (cached != NULL) || (has && (strcmp(iso, cached) || strcmp(label, cached_label))))
			print_message("case %lld (%s): cached %s %s, computed %s %s\n", (long long)id, casedata_stage(cd),
				      cached ? cached : "-", cached_label ? cached_label : "-", iso, has ? label : "-");
		assert_int_equal(has, cached != NULL);
		if (has) {
			assert_string_equal(iso, cached);
			assert_string_equal(label, cached_label);
			for (size_t k = 0; k < 4; k++)
				seen[k] += strcmp(label, labels[k]) == 0;
		} else {
			none++;
		}
		casedata_free(cd);
	}
	for (size_t k = 0; k < 4; k++)
		assert_true(seen[k] > 0);
	assert_true(none > 0);
	assert_int_equal(store_case_count(f->s, &q, &n), BITIM_OK);
	assert_true(n > 0 && n < 900);
	procedure_free(proc);
}

/* A 12-digit IIN and a case number are found through their own indexes. */
static void iin_and_number_find_their_cases(void **state)
{
	struct fixture *f = *state;
	int64_t a = make_case(f, "Қайрат Сейітов", "791028302728", NULL, NULL);
	make_case(f, "Болат", "880101300123", NULL, NULL);
	int64_t c = make_case(f, "Someone", "791028302728", NULL, "2026-03-10");
	struct case_page_result r = page(f, "791028302728", CASE_PAGE_FIRST, NULL, 20);
	assert_int_equal(r.count, 2);
	assert_int_equal(r.rows[0].id, c); /* the one with a deadline first */
	assert_int_equal(r.rows[1].id, a);
	char number[40];
	snprintf(number, sizeof number, "%s", r.rows[1].number);
	store_case_rows_free(r.rows, r.count);
	for (char *p = number; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	r = page(f, number, CASE_PAGE_FIRST, NULL, 20);
	assert_int_equal(r.count, 1);
	assert_int_equal(r.rows[0].id, a);
	store_case_rows_free(r.rows, r.count);
	r = page(f, "302728", CASE_PAGE_FIRST, NULL, 20); /* part of an IIN: the trigram index */
	assert_int_equal(r.count, 2);
	store_case_rows_free(r.rows, r.count);
}

static void who_else_is_this(void **state)
{
	struct fixture *f = *state;
	struct party_match *m;
	size_t n;
	int64_t first = make_case(f, "Қайрат Сейітов", "791028302728", "Айгүл Нұрланқызы", NULL);
	make_case(f, "Кайрат Сейтов", NULL, "Болат", NULL);
	make_case(f, "Someone Else", "791028302728", NULL, NULL);
	int64_t current = make_case(f, "Qairat", NULL, NULL, NULL);
	assert_int_equal(store_similar_parties(f->s, current, "Qairat", NULL, &m, &n), BITIM_OK);
	assert_int_equal(n, 2);
	store_party_matches_free(m, n);
	assert_int_equal(store_similar_parties(f->s, first, "", "791028302728", &m, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_true(m[0].same_id);
	assert_string_equal(m[0].full_name, "Someone Else");
	store_party_matches_free(m, n);
	assert_int_equal(store_similar_parties(f->s, current, "Nobody", NULL, &m, &n), BITIM_OK);
	assert_int_equal(n, 0);
	store_party_matches_free(m, n);
	/* By number and by name at once: each party once, the same number marked, newest case first. */
	assert_int_equal(store_similar_parties(f->s, current, "Сейітов", "791028302728", &m, &n), BITIM_OK);
	assert_int_equal(n, 3);
	assert_true(m[0].case_id > m[1].case_id && m[1].case_id > m[2].case_id);
	assert_true(m[0].same_id);                          /* Someone Else, by the IIN */
	assert_false(m[1].same_id);                         /* Кайрат Сейтов: by the name (the same skeleton) */
	assert_true(m[2].same_id);                          /* Қайрат Сейітов: the IIN and the name, once */
	store_party_matches_free(m, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_kazakh_russian_latin_meet),
		cmocka_unit_test_setup_teardown(search_by_name_number_and_iin, setup, teardown),
		cmocka_unit_test_setup_teardown(removed_or_renamed_parties_leave_the_index, setup, teardown),
		cmocka_unit_test_setup_teardown(list_by_urgency_with_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(who_else_is_this, setup, teardown),
		cmocka_unit_test_setup_teardown(keyset_pages_cover_the_list_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(kept_counts_follow_the_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(every_way_of_searching_agrees, setup, teardown),
		cmocka_unit_test_setup_teardown(iin_and_number_find_their_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_load_rebuilds_indexes_and_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_cases_hold_the_deadline_the_procedure_gives, setup, teardown),
	};
	return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
