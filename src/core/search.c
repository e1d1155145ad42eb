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

enum bitim_status store_search_reindex(struct store *s, int64_t case_id)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	char *keys = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&keys, &len);
	int rc;

	if (!mem)
		return BITIM_ERR_NOMEM;
	status = store_prepare(s, "SELECT number FROM cases WHERE id = ?1"
				  " UNION ALL SELECT full_name FROM parties WHERE case_id = ?1 AND deleted = 0"
				  " UNION ALL SELECT iin FROM parties WHERE case_id = ?1 AND deleted = 0"
				  " UNION ALL SELECT bin FROM parties WHERE case_id = ?1 AND deleted = 0", &st);
	if (status != BITIM_OK) {
		fclose(mem);
		free(keys);
		return status;
	}
	sqlite3_bind_int64(st, 1, case_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 0);
		char *folded = text ? search_fold(text) : NULL;
		if (folded && *folded)
			fprintf(mem, "%s | ", folded);
		free(folded);
	}
	sqlite3_finalize(st);
	fclose(mem);
	if (rc != SQLITE_DONE) {
		free(keys);
		return store_status(s, rc);
	}
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

/* ------------------------------------------------------------- queries */

/* The filter shared by the list and the count. ?1 stage, ?2 category,
 * ?3 an FTS phrase (3+ characters), ?4 a LIKE pattern (shorter queries). */
#define CASE_FILTER \
	" WHERE (?1 IS NULL OR stage = ?1) AND (?2 IS NULL OR category = ?2)" \
	" AND (?3 IS NULL OR id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?3))" \
	" AND (?4 IS NULL OR id IN (SELECT rowid FROM case_search WHERE keys LIKE ?4 ESCAPE '\\'))"

/* A stage no case is in: binding it makes the filter match nothing. */
#define NO_STAGE "\x01"

/* Bind the query's filter; the folded text decides FTS or LIKE. */
static enum bitim_status bind_filter(sqlite3_stmt *st, const struct case_query *q)
{
	char *folded = q->text && *q->text ? search_fold(q->text) : NULL;
	char *pattern = NULL;

	store_bind_text(st, 1, q->stage && *q->stage ? q->stage : NULL);
	store_bind_text(st, 2, q->category && *q->category ? q->category : NULL);
	sqlite3_bind_null(st, 3);
	sqlite3_bind_null(st, 4);
	if (q->text && *q->text && !folded)
		return BITIM_ERR_NOMEM;
	if (folded && !*folded) {
		/* Typed text with nothing searchable in it (only punctuation) matches nothing. */
		sqlite3_bind_text(st, 1, NO_STAGE, -1, SQLITE_STATIC);
		free(folded);
		return BITIM_OK;
	}
	if (folded && utf8_len_chars(folded) >= 3) {
		/* A phrase in double quotes: the trigram index matches it as a substring. */
		size_t n = strlen(folded), o = 0;
		pattern = malloc(n * 2 + 3);
		if (!pattern)
			goto nomem;
		pattern[o++] = '"';
		for (size_t i = 0; i < n; i++) {
			if (folded[i] == '"')
				pattern[o++] = '"';
			pattern[o++] = folded[i];
		}
		pattern[o++] = '"';
		pattern[o] = '\0';
		store_bind_text(st, 3, pattern);
	} else if (folded && *folded) {
		size_t n = strlen(folded), o = 0;
		pattern = malloc(n * 2 + 3);
		if (!pattern)
			goto nomem;
		pattern[o++] = '%';
		for (size_t i = 0; i < n; i++) {
			if (folded[i] == '%' || folded[i] == '_' || folded[i] == '\\')
				pattern[o++] = '\\';
			pattern[o++] = folded[i];
		}
		pattern[o++] = '%';
		pattern[o] = '\0';
		store_bind_text(st, 4, pattern);
	}
	free(folded);
	free(pattern);
	return BITIM_OK;
nomem:
	free(folded);
	return BITIM_ERR_NOMEM;
}

/* ---------------------------------------------------- who else is this */

enum bitim_status store_similar_parties(struct store *s, int64_t exclude_case, const char *name,
					const char *id_number, struct party_match **out, size_t *count)
{
	struct case_query q = { .text = name, .limit = 200 };
	sqlite3_stmt *st;
	enum bitim_status status;
	struct party_match *list = NULL;
	char *want = name && *name ? search_fold(name) : NULL;
	size_t n = 0;
	int rc = SQLITE_DONE;

	*out = NULL;
	*count = 0;
	if (name && *name && !want)
		return BITIM_ERR_NOMEM;
	/* Candidates: parties with the same number, or in cases whose keys hold the name. */
	status = store_prepare(s,
		"SELECT p.case_id, c.number, p.full_name, COALESCE(p.iin, p.bin), c.stage,"
		"       (?7 IS NOT NULL AND (p.iin = ?7 OR p.bin = ?7))"
		" FROM parties p JOIN cases c ON c.id = p.case_id"
		" WHERE p.deleted = 0 AND p.case_id <> ?8 AND ("
		"   (?7 IS NOT NULL AND (p.iin = ?7 OR p.bin = ?7))"
		"   OR p.case_id IN (SELECT id FROM cases" CASE_FILTER "))"
		" ORDER BY p.case_id DESC LIMIT 200", &st);
	if (status != BITIM_OK) {
		free(want);
		return status;
	}
	if (want && *want)
		status = bind_filter(st, &q);
	else
		sqlite3_bind_text(st, 1, NO_STAGE, -1, SQLITE_STATIC); /* name empty: ids only */
	store_bind_text(st, 7, id_number && *id_number ? id_number : NULL);
	sqlite3_bind_int64(st, 8, exclude_case);
	while (status == BITIM_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *full = (const char *)sqlite3_column_text(st, 2);
		char *key = full ? search_fold(full) : NULL;
		bool same_id = sqlite3_column_int(st, 5) != 0;
		/* The case matched the name; keep only the party whose name matches it. */
		bool keep = same_id || (key && want && *want && strstr(key, want));
		free(key);
		if (!keep)
			continue;
		struct party_match *grown = realloc(list, (n + 1) * sizeof *grown), *m;
		if (!grown) {
			status = BITIM_ERR_NOMEM;
			break;
		}
		list = grown;
		m = &list[n++];
		memset(m, 0, sizeof *m);
		m->case_id = sqlite3_column_int64(st, 0);
		snprintf(m->number, sizeof m->number, "%s", (const char *)sqlite3_column_text(st, 1));
		m->full_name = store_column_dup(st, 2);
		m->iin = store_column_dup(st, 3);
		m->stage = store_column_dup(st, 4);
		m->same_id = same_id;
	}
	if (status == BITIM_OK && rc != SQLITE_DONE)
		status = store_status(s, rc);
	sqlite3_finalize(st);
	free(want);
	*out = list;
	*count = n;
	return status;
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
