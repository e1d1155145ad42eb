/* Unit tests: folding names for search, the case list and "who else is this". */
#include "testutil.h"
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
	assert_int_equal(count_for(f, "iv"), 1);           /* short: LIKE path (Ivan, Иванова: one case) */
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
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold_kazakh_russian_latin_meet),
		cmocka_unit_test_setup_teardown(search_by_name_number_and_iin, setup, teardown),
		cmocka_unit_test_setup_teardown(removed_or_renamed_parties_leave_the_index, setup, teardown),
		cmocka_unit_test_setup_teardown(list_by_urgency_with_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(who_else_is_this, setup, teardown),
	};
	return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
