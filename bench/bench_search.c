/* Benchmark: the case list and search on a large register, through the
 * core's API exactly as the list screen calls it (the count line, then a
 * page). Each figure is timed RUNS times; the median and the worst are
 * printed with the goal, and the program exits 1 when a median misses its
 * goal. The database is opened read-only: the benchmark never changes it.
 *
 * Output, one line a figure (see summary.py): R, figure, N, median ms,
 * max ms, anchor (none), goal, ok or MISS ("-" for a figure without a goal
 * in the issue, shown for what it tells). */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>
#include "bitim/search.h"

#define RUNS 15
#define PAGE 20

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* One text from the database, to search for something that exists. */
static char *sample(const char *db, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	char *out = NULL;

	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			out = strdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return out;
}

enum what { LIST_FIRST, LIST_DOWN, LIST_DEEP_UP, SEARCH, WHO_ELSE };

struct figure {
	const char *name;
	enum what what;
	const char *text;
	double goal;
};

static int failed;
static size_t cases;

/* One screen's work: the count line and a page. */
static int once(struct store *s, const struct figure *f, const struct case_row *anchor, size_t *shown,
		struct case_tally *t, int run)
{
	/* A search is timed as typed anew: the core keeps a search's matches for
	 * its next pages, so every other run adds a space (the same search, yet
	 * new text) and none is answered from the last one. */
	char text[256];
	snprintf(text, sizeof text, "%s%s", f->text ? f->text : "", run % 2 ? " " : "");
	struct case_query q = { .text = f->text ? text : NULL };
	if (f->what == WHO_ELSE) {
		/* After a party's name is saved: the parties of other cases who may be the same person. */
		struct party_match *m;
		if (store_similar_parties(s, 0, text, NULL, &m, shown) != BITIM_OK)
			return -1;
		store_party_matches_free(m, *shown);
		memset(t, 0, sizeof *t);
		return 0;
	}
	struct case_page_result r;
	enum case_page where = f->what == LIST_DOWN ? CASE_PAGE_AFTER : f->what == LIST_DEEP_UP ? CASE_PAGE_BEFORE
											      : CASE_PAGE_FIRST;

	if (store_case_tally(s, &q, t) != BITIM_OK || store_case_page(s, &q, where, anchor, PAGE, &r) != BITIM_OK)
		return -1;
	*shown = r.count;
	store_case_rows_free(r.rows, r.count);
	return 0;
}

static void measure(struct store *s, const struct figure *f, const struct case_row *anchor)
{
	double t[RUNS];
	size_t shown = 0;
	struct case_tally tally;

	for (int i = 0; i < RUNS; i++) {
		double t0 = now_ms();
		if (once(s, f, anchor, &shown, &tally, i) < 0) {
			fprintf(stderr, "bench_search: %s failed\n", f->name);
			exit(2);
		}
		t[i] = now_ms() - t0;
	}
	qsort(t, RUNS, sizeof t[0], cmp_double);
	bool ok = f->goal <= 0 || t[RUNS / 2] <= f->goal;
	char goal[32] = "-";
	if (!ok)
		failed = 1;
	if (f->goal > 0)
		snprintf(goal, sizeof goal, "<= %.0f ms", f->goal);
	printf("R\t%s\t%zu\t%.2f\t%.2f\t-\t%s\t%s\n", f->name, cases, t[RUNS / 2], t[RUNS - 1], goal,
	       f->goal <= 0 ? "-" : ok ? "ok" : "MISS");
	printf("  (%s: %zu shown, %s%zu counted)\n", f->name, shown, tally.uncounted ? "not " : tally.more ? "over " : "",
	       tally.count);
}

int main(int argc, char **argv)
{
	struct store *s;

	if (argc != 2 || store_open_readonly(argv[1], &s) != BITIM_OK) {
		fprintf(stderr, "usage: bench_search DB\n");
		return 2;
	}
	char *iin = sample(argv[1], "SELECT iin FROM parties WHERE id = (SELECT max(id) / 2 FROM parties)");
	char *number = sample(argv[1], "SELECT number FROM cases WHERE id = (SELECT max(id) / 3 FROM cases)");
	const struct figure figures[] = {
		{ "list, count and first screen", LIST_FIRST, NULL, 0 },
		{ "list, next row past the screen", LIST_DOWN, NULL, 2 },
		{ "list, row before the last screen", LIST_DEEP_UP, NULL, 2 },
		{ "search, exact 12-digit IIN", SEARCH, iin, 5 },
		{ "search, case number", SEARCH, number, 5 },
		{ "search, name with no match", SEARCH, "Қайрат Петров", 10 },
		{ "search, name (many match)", SEARCH, "Сейітов", 0 },
		{ "search, name (one in 100)", SEARCH, "Иван Ким", 0 },
		{ "search, part of an IIN", SEARCH, "7910", 0 },
		{ "search, 1 letter", SEARCH, "ж", 20 },
		{ "search, 2 letters", SEARCH, "ер", 20 },
		{ "search, 2 letters, no match", SEARCH, "qx", 20 },
		{ "who else is this, a common name", WHO_ELSE, "Қайрат Сейітов", 0 },
		{ "who else is this, a new name", WHO_ELSE, "Темірлан Бекзатұлы", 0 },
	};
	struct case_query all = { 0 };
	struct case_page_result first, last;

	if (store_case_count(s, &all, &cases) != BITIM_OK || !iin || !number || store_case_page(s, &all, CASE_PAGE_FIRST, NULL, PAGE, &first) != BITIM_OK ||
	    store_case_page(s, &all, CASE_PAGE_LAST, NULL, PAGE, &last) != BITIM_OK || !first.count || !last.count) {
		fprintf(stderr, "bench_search: %s holds no cases\n", argv[1]);
		return 2;
	}
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++)
		/* Down past the screen: the page after its first row (a scroll by one);
		 * Up at the end: the page before the last screen's first row. */
		measure(s, &figures[i], figures[i].what == LIST_DOWN ? &first.rows[0]
				      : figures[i].what == LIST_DEEP_UP ? &last.rows[0] : NULL);
	store_case_rows_free(first.rows, first.count);
	store_case_rows_free(last.rows, last.count);
	free(iin);
	free(number);
	store_close(s);
	return failed;
}
