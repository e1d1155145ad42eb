/* Search keys: an FTS5 trigram index over folded numbers, names and
 * identification numbers; and "who else is this" among the parties.
 * (The case list's pages and counts are in case_list.c.) */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/search.h"
#include "bitim/utf8.h"
#include "store_internal.h"

/* ------------------------------------------------------------ indexing */

bool search_keys_add(struct search_keys *k, const char *text)
{
	char *folded = text ? search_fold(text) : NULL;
	size_t n = folded ? strlen(folded) : 0;

	if (text && !folded)
		return false;
	if (n > 0) {
		if (k->len + n + 4 > k->cap) {
			size_t cap = (k->len + n + 4) * 2;
			char *grown = realloc(k->buf, cap);
			if (!grown) {
				free(folded);
				return false;
			}
			k->buf = grown;
			k->cap = cap;
		}
		memcpy(k->buf + k->len, folded, n);
		memcpy(k->buf + k->len + n, " | ", 4); /* with the terminating NUL */
		k->len += n + 3;
	}
	free(folded);
	return true;
}

int search_keys_collect(sqlite3_stmt *st, char **keys)
{
	struct search_keys k = { 0 };
	int rc;

	*keys = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (!search_keys_add(&k, (const char *)sqlite3_column_text(st, 0))) {
			rc = SQLITE_NOMEM;
			break;
		}
	if (rc != SQLITE_DONE) {
		free(k.buf);
		return rc;
	}
	*keys = k.buf ? k.buf : strdup("");
	return *keys ? SQLITE_DONE : SQLITE_NOMEM;
}

enum bitim_status store_search_reindex(struct store *s, int64_t case_id)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	char *keys = NULL;
	int rc;

	if ((status = store_prepare(s, SEARCH_KEYS_SQL, &st)) != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, case_id);
	rc = search_keys_collect(st, &keys);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_status(s, rc);
	status = store_prepare(s, "DELETE FROM case_search WHERE rowid = ?1", &st);
	if (status == BITIM_OK) {
		sqlite3_bind_int64(st, 1, case_id);
		status = store_step_done(s, st);
	}
	if (status == BITIM_OK && (status = store_prepare(s, "INSERT INTO case_search(rowid, keys) VALUES (?1, ?2)", &st)) == BITIM_OK) {
		sqlite3_bind_int64(st, 1, case_id);
		store_bind_text(st, 2, keys);
		status = store_step_done(s, st);
	}
	free(keys);
	return status;
}

char *search_glob_pattern(const char *folded)
{
	char *pattern = NULL;

	/* A folded text holds no * ? [ ] (punctuation folds to spaces), so
	 * nothing needs escaping; folded text and keys are both in lower case,
	 * so GLOB's exact comparison is the one wanted. GLOB, not LIKE: SQLite
	 * 3.40's FTS5 reads uninitialised memory on a trigram LIKE (valgrind). */
	if (asprintf(&pattern, "*%s*", folded) < 0)
		return NULL;
	return pattern;
}

/* ---------------------------------------------------- who else is this */

/* Parties a name search looks at: the newest cases whose keys hold the name. */
#define WHO_CASES 2000
#define WHO_MAX 200

struct matches {
	struct party_match *list;
	size_t n;
};

/* Add the party of the current row (case_id, number, full_name, id number, stage). */
static bool match_add(struct matches *m, sqlite3_stmt *st, bool same_id)
{
	struct party_match *grown = realloc(m->list, (m->n + 1) * sizeof *grown), *p;

	if (!grown)
		return false;
	m->list = grown;
	p = &m->list[m->n++];
	memset(p, 0, sizeof *p);
	p->case_id = sqlite3_column_int64(st, 0);
	snprintf(p->number, sizeof p->number, "%s", (const char *)sqlite3_column_text(st, 1));
	p->full_name = store_column_dup(st, 2);
	p->iin = store_column_dup(st, 3);
	p->stage = store_column_dup(st, 4);
	p->same_id = same_id;
	return true;
}

#define PARTY_COLUMNS "SELECT p.case_id, c.number, p.full_name, COALESCE(p.iin, p.bin), c.stage, p.iin, p.bin" \
	" FROM parties p JOIN cases c ON c.id = p.case_id"

/* Parties of other cases with the same IIN or BIN: through their indexes. */
static enum bitim_status by_id(struct store *s, int64_t exclude_case, const char *id_number, struct matches *m)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s,
		PARTY_COLUMNS " WHERE p.iin = ?1 AND p.deleted = 0 AND p.case_id <> ?2"
		" UNION " PARTY_COLUMNS " WHERE p.bin = ?1 AND p.deleted = 0 AND p.case_id <> ?2"
		" ORDER BY 1 DESC LIMIT 200", &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, id_number);
	sqlite3_bind_int64(st, 2, exclude_case);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (!match_add(m, st, true)) {
			rc = SQLITE_NOMEM;
			break;
		}
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

/* Parties whose name holds want, in the newest cases whose search keys hold
 * it (the trigram index, newest first, at most WHO_CASES cases): the cost
 * does not grow with the register. */
static enum bitim_status by_name(struct store *s, int64_t exclude_case, const char *want, const char *id_number,
				 struct matches *m)
{
	sqlite3_stmt *cases = NULL, *parties = NULL;
	enum bitim_status status;
	char *pattern = search_glob_pattern(want);
	int rc = SQLITE_OK;

	if (!pattern)
		return BITIM_ERR_NOMEM;
	if ((status = store_prepare(s, "SELECT rowid FROM case_search WHERE keys GLOB ?1"
				       " ORDER BY rowid DESC LIMIT ?2", &cases)) != BITIM_OK ||
	    (status = store_prepare(s, PARTY_COLUMNS " WHERE p.case_id = ?1 AND p.deleted = 0 ORDER BY p.position",
				    &parties)) != BITIM_OK)
		goto out;
	store_bind_text(cases, 1, pattern);
	sqlite3_bind_int(cases, 2, WHO_CASES);
	while (m->n < WHO_MAX && (rc = sqlite3_step(cases)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(cases, 0);
		if (id == exclude_case)
			continue;
		sqlite3_bind_int64(parties, 1, id);
		while (m->n < WHO_MAX && (rc = sqlite3_step(parties)) == SQLITE_ROW) {
			const char *full = (const char *)sqlite3_column_text(parties, 2);
			const char *iin = (const char *)sqlite3_column_text(parties, 5);
			const char *bin = (const char *)sqlite3_column_text(parties, 6);
			bool same_id = id_number && ((iin && !strcmp(iin, id_number)) || (bin && !strcmp(bin, id_number)));
			char *key = full ? search_fold(full) : NULL;
			bool keep = !same_id && key && strstr(key, want); /* same_id ones came by number */
			free(key);
			if (keep && !match_add(m, parties, false)) {
				rc = SQLITE_NOMEM;
				break;
			}
		}
		sqlite3_reset(parties);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			break;
		rc = SQLITE_OK;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_OK;
	status = store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
out:
	sqlite3_finalize(cases);
	sqlite3_finalize(parties);
	free(pattern);
	return status;
}

static int match_cmp(const void *x, const void *y)
{
	const struct party_match *a = x, *b = y;
	return a->case_id > b->case_id ? -1 : a->case_id < b->case_id;
}

enum bitim_status store_similar_parties(struct store *s, int64_t exclude_case, const char *name,
					const char *id_number, struct party_match **out, size_t *count)
{
	struct matches m = { 0 };
	char *want = name && *name ? search_fold(name) : NULL;
	enum bitim_status status = BITIM_OK;

	*out = NULL;
	*count = 0;
	if (name && *name && !want)
		return BITIM_ERR_NOMEM;
	if (id_number && !*id_number)
		id_number = NULL;
	if (id_number)
		status = by_id(s, exclude_case, id_number, &m);
	/* A name of fewer than three letters says too little to look for. */
	if (status == BITIM_OK && want && utf8_len_chars(want) >= 3)
		status = by_name(s, exclude_case, want, id_number, &m);
	free(want);
	if (status != BITIM_OK) {
		store_party_matches_free(m.list, m.n);
		return status;
	}
	if (m.n > 1)
		qsort(m.list, m.n, sizeof *m.list, match_cmp);
	if (m.n > WHO_MAX) {
		for (size_t i = WHO_MAX; i < m.n; i++) {
			free(m.list[i].full_name);
			free(m.list[i].iin);
			free(m.list[i].stage);
		}
		m.n = WHO_MAX;
	}
	*out = m.list;
	*count = m.n;
	return BITIM_OK;
}

void store_party_matches_free(struct party_match *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].full_name);
		free(list[i].iin);
		free(list[i].stage);
	}
	free(list);
}
