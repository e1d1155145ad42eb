/* Benchmark: search latency on a large register, through the core's API
 * exactly as the case list calls it (count, then the first page). */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bitim/search.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	static const char *const queries[] = { "Қайр", "seitov", "Nurlan", "оспан", "Бекзат", "7910", "DEM-2025-00" };
	struct store *s;

	if (argc != 2 || store_open(argv[1], &s) != BITIM_OK) {
		fprintf(stderr, "usage: bench_search DB\n");
		return 2;
	}
	double worst = 0;
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		double best = 1e9;
		size_t count = 0;
		for (int run = 0; run < 10; run++) {
			struct case_query query = { .text = queries[q], .limit = 20 };
			struct case_row *rows;
			size_t n;
			double t0 = now_ms();
			if (store_case_count(s, &query, &count) != BITIM_OK || store_case_list(s, &query, &rows, &n) != BITIM_OK)
				return 1;
			double t = now_ms() - t0;
			store_case_rows_free(rows, n);
			if (t < best)
				best = t;
		}
		if (best > worst)
			worst = best;
		printf("  search %-14s %7zu cases  %7.2f ms\n", queries[q], count, best);
	}
	printf("  worst search: %.2f ms (goal <= 20 ms)\n", worst);
	/* One letter (after folding) cannot use the trigram index: it scans. */
	{
		struct case_query query = { .text = "ж", .limit = 20 };
		struct case_row *rows;
		size_t n, count;
		double t0 = now_ms();
		if (store_case_count(s, &query, &count) == BITIM_OK && store_case_list(s, &query, &rows, &n) == BITIM_OK) {
			printf("  one-letter search (a scan, not the index): %.2f ms\n", now_ms() - t0);
			store_case_rows_free(rows, n);
		}
	}
	store_close(s);
	return 0;
}
