/* Finding cases by number, party name or IIN/BIN, tolerant of letter case,
 * of Kazakh and Russian spellings and of the Kazakh Latin alphabet. */
#ifndef BITIM_SEARCH_H
#define BITIM_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bitim/store.h"

/* Fold text to its search key: lowercase, Cyrillic and Kazakh Latin letters
 * spelled in one plain Latin skeleton (Қайрат, Кайрат, Qairat → "kairat"),
 * punctuation to single spaces. malloc'd; NULL without memory. */
char *search_fold(const char *text);

/* What the case list asks for: a page of cases, most urgent first. */
struct case_query {
	const char *text;     /* number, name or IIN fragment; NULL or "" for all */
	const char *stage;    /* NULL for every stage */
	const char *category; /* NULL for every category */
	size_t offset, limit;
};

/* One line of the case list. */
struct case_row {
	int64_t id;
	char number[40];
	char *parties;        /* "Name — Name", owned */
	char *category;       /* code, owned, may be NULL */
	char *stage;          /* owned */
	char *status;         /* open or closed, owned */
	char *next_deadline;  /* ISO date, owned, may be NULL */
	char *deadline_label; /* English msgid, owned, may be NULL */
	char *received_on;    /* ISO date, owned, may be NULL */
};

/* Where a page of the list lies: the first or last one, or beside a case
 * on the screen (from it, just after it, just before it). A page is found
 * by the case's place in the order, so its cost does not depend on how far
 * down the list it is. */
enum case_page { CASE_PAGE_FIRST, CASE_PAGE_FROM, CASE_PAGE_AFTER, CASE_PAGE_BEFORE, CASE_PAGE_LAST };

struct case_page_result {
	struct case_row *rows; /* in list order, owned (store_case_rows_free) */
	size_t count;
	bool partial;          /* a one- or two-letter search stopped looking
				* before the page was full (type another letter) */
	size_t looked;         /* cases such a search looked at */
};

/* Up to limit cases of the list at where, relative to from (a row of an
 * earlier page; NULL with FIRST and LAST). */
enum bitim_status store_case_page(struct store *s, const struct case_query *q, enum case_page where,
				  const struct case_row *from, size_t limit, struct case_page_result *out);

/* What the list's count line says: kept counts for the whole list or a
 * stage; the exact number for a search that few cases match; "more than"
 * for one that many match; nothing for one or two letters. */
struct case_tally {
	size_t count;
	bool more;      /* more than count cases match */
	bool uncounted; /* a one- or two-letter search is not counted */
};
enum bitim_status store_case_tally(struct store *s, const struct case_query *q, struct case_tally *t);

/* The exact number of matching cases (the CLI and tests; a broad search
 * is counted by scanning). */
enum bitim_status store_case_count(struct store *s, const struct case_query *q, size_t *count);

/* The cases from offset (pages from the first: for the CLI and tests). */
enum bitim_status store_case_list(struct store *s, const struct case_query *q,
				  struct case_row **rows, size_t *count);
void store_case_rows_free(struct case_row *rows, size_t count);

/* The list's thresholds: up to few matches a search is sorted, more are
 * walked in order; a one- or two-letter search looks at budget cases a
 * page. 0 restores the default (5000 each). For tests and benchmarks. */
void store_search_tune(size_t few, size_t budget);

/* A party of another case who may be the same person. */
struct party_match {
	int64_t case_id;
	char number[40];
	char *full_name;   /* owned */
	char *iin;         /* owned, may be NULL */
	char *stage;       /* owned */
	bool same_id;      /* matched by IIN/BIN, not only by name */
};

/* Parties of other cases (not exclude_case) with the same IIN/BIN or a name
 * whose search key contains this one's. */
enum bitim_status store_similar_parties(struct store *s, int64_t exclude_case, const char *name,
					const char *id_number, struct party_match **out, size_t *count);
void store_party_matches_free(struct party_match *list, size_t count);

#endif
