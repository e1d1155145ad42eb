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

enum bitim_status store_case_list(struct store *s, const struct case_query *q,
				  struct case_row **rows, size_t *count);
enum bitim_status store_case_count(struct store *s, const struct case_query *q, size_t *count);
void store_case_rows_free(struct case_row *rows, size_t count);

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
