/* Cases and their rows in the store: create, load, change values, add and
 * remove rows, move stages. Every change is logged in the events table. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "columns.h"
#include "record_sql.h"
#include "store_internal.h"

/* ---------------------------------------------------------- SQL tables */

#define GROUP_SQL(e, tbl) { e, tbl, \
	"INSERT INTO " tbl "(uuid, case_id, position) VALUES (?1, ?2," \
	" (SELECT COALESCE(MAX(position), 0) + 1 FROM " tbl " WHERE case_id = ?2))", \
	"UPDATE " tbl " SET deleted = ?1 WHERE uuid = ?2 AND case_id = ?3 AND deleted = 1 - ?1", \
	"SELECT * FROM " tbl " WHERE case_id = ?1 AND deleted = 0 ORDER BY position", \
	"SELECT deleted FROM " tbl " WHERE uuid = ?1 AND case_id = ?2" }

const struct group_sql group_sql[ENTITY_COUNT] = {
	[ENTITY_PARTY] = GROUP_SQL(ENTITY_PARTY, "parties"),
	[ENTITY_SESSION] = GROUP_SQL(ENTITY_SESSION, "sessions"),
	[ENTITY_OBLIGATION] = GROUP_SQL(ENTITY_OBLIGATION, "obligations"),
};

#define COLUMN(e, tbl, col) { e, #col, "SELECT " #col " FROM " tbl " WHERE uuid = ?1", \
			      "UPDATE " tbl " SET " #col " = ?1 WHERE uuid = ?2" }

/* Form fields that are real columns (searched or reported); all others are
 * kept in field_values by key, so a form can gain a field without a migration. */
const struct column_sql column_sql[] = {
#define CASE_COLUMN(col) COLUMN(ENTITY_CASE, "cases", col),
#define PARTY_COLUMN(col) COLUMN(ENTITY_PARTY, "parties", col),
#define SESSION_COLUMN(col) COLUMN(ENTITY_SESSION, "sessions", col),
#define OBLIGATION_COLUMN(col) COLUMN(ENTITY_OBLIGATION, "obligations", col),
	CASE_COLUMNS(CASE_COLUMN) PARTY_COLUMNS(PARTY_COLUMN) SESSION_COLUMNS(SESSION_COLUMN)
	OBLIGATION_COLUMNS(OBLIGATION_COLUMN)
#undef CASE_COLUMN
#undef PARTY_COLUMN
#undef SESSION_COLUMN
#undef OBLIGATION_COLUMN
	{ ENTITY_COUNT, NULL, NULL, NULL },
};

enum bitim_status store_check_forms(const struct procedure *p, char *missing, size_t size)
{
	for (const struct column_sql *c = column_sql; c->name; c++) {
		char key[96];
		snprintf(key, sizeof key, "%s.%s", entity_name(c->entity), c->name);
		if (!procedure_field(p, key)) {
			snprintf(missing, size, "%s", key);
			return BITIM_ERR_FORMS;
		}
	}
	if (size)
		missing[0] = '\0';
	return BITIM_OK;
}

const struct column_sql *record_column(enum entity e, const char *name)
{
	for (const struct column_sql *c = column_sql; c->name; c++)
		if (c->entity == e && strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Columns of the case row that are bookkeeping, not values of the case. */
static bool internal_case_column(const char *name)
{
	static const char *const internal[] = { "id", "uuid", "number", "office_code", "year", "seq",
		"stage", "created_at", "updated_at", "rev", NULL };
	for (int i = 0; internal[i]; i++)
		if (strcmp(name, internal[i]) == 0)
			return true;
	return false;
}

/* Columns of a group row that are bookkeeping. */
static bool internal_row_column(const char *name)
{
	return strcmp(name, "id") == 0 || strcmp(name, "uuid") == 0 || strcmp(name, "case_id") == 0 ||
	       strcmp(name, "position") == 0 || strcmp(name, "deleted") == 0;
}

/* ---------------------------------------------------------- event log */

enum bitim_status record_log(struct store *s, int64_t case_id, const char *kind, enum entity e,
			     const char *owner, const char *field, const char *old_value,
			     const char *new_value, int64_t *event_id)
{
	sqlite3_stmt *st;
	enum bitim_status status;

	status = store_prepare(s, "INSERT INTO events(case_id, kind, entity, owner, field, old, new)"
				  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st);
	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, case_id);
	store_bind_text(st, 2, kind);
	store_bind_text(st, 3, e < ENTITY_COUNT ? entity_name(e) : NULL);
	store_bind_text(st, 4, owner);
	store_bind_text(st, 5, field);
	store_bind_text(st, 6, old_value);
	store_bind_text(st, 7, new_value);
	status = store_step_done(s, st);
	if (status == BITIM_OK && event_id)
		*event_id = sqlite3_last_insert_rowid(s->db);
	if (status == BITIM_OK)
		status = record_touch(s, case_id);
	return status;
}

enum bitim_status record_touch(struct store *s, int64_t case_id)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s,
		"UPDATE cases SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1", &st);
	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, case_id);
	return store_step_done(s, st);
}

/* ----------------------------------------------------------- creation */

static enum bitim_status next_number(struct store *s, int year, char **code, int *seq)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	if ((status = store_office_get(s, "code", code)) != BITIM_OK)
		return status;
	if (!*code && !(*code = strdup("BTM")))
		return BITIM_ERR_NOMEM;
	status = store_prepare(s, "SELECT COALESCE(MAX(seq), 0) + 1 FROM cases"
				  " WHERE office_code = ?1 AND year = ?2", &st);
	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, *code);
	sqlite3_bind_int(st, 2, year);
	rc = sqlite3_step(st);
	*seq = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

enum bitim_status store_case_create(struct store *s, const char *first_stage, bitim_day today,
				    int64_t *id)
{
	char uuid[UUID_BUF], *code = NULL, *number = NULL;
	int y, m, d, seq = 0;
	sqlite3_stmt *st;
	enum bitim_status status;

	date_to_ymd(today, &y, &m, &d);
	store_uuid(uuid);
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	if ((status = next_number(s, y, &code, &seq)) != BITIM_OK)
		goto out;
	if (asprintf(&number, "%s-%04d-%04d", code, y, seq) < 0) {
		number = NULL;
		status = BITIM_ERR_NOMEM;
		goto out;
	}
	status = store_prepare(s, "INSERT INTO cases(uuid, number, office_code, year, seq, stage)"
				  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st);
	if (status != BITIM_OK)
		goto out;
	store_bind_text(st, 1, uuid);
	store_bind_text(st, 2, number);
	store_bind_text(st, 3, code);
	sqlite3_bind_int(st, 4, y);
	sqlite3_bind_int(st, 5, seq);
	store_bind_text(st, 6, first_stage);
	if ((status = store_step_done(s, st)) != BITIM_OK)
		goto out;
	*id = sqlite3_last_insert_rowid(s->db);
	if ((status = record_log(s, *id, "create", ENTITY_CASE, uuid, NULL, NULL, number, NULL)) != BITIM_OK ||
	    (status = store_search_reindex(s, *id)) != BITIM_OK)
		goto out;
out:
	status = store_end(s, status);
	free(code);
	free(number);
	return status;
}

/* Each look-up served by an index: the UUID, else the number. Numbers are
 * unique only within an office: one that two offices' cases share is
 * BITIM_ERR_INVALID (the UUID tells them apart). */
enum bitim_status store_case_find(struct store *s, const char *key, int64_t *id)
{
	static const char *const sql[] = { "SELECT id FROM cases WHERE uuid = lower(?1)",
					   "SELECT id FROM cases WHERE number = ?1 COLLATE NOCASE LIMIT 2" };
	enum bitim_status status = BITIM_ERR_NOTFOUND;

	for (size_t i = 0; i < 2 && status == BITIM_ERR_NOTFOUND; i++) {
		sqlite3_stmt *st;
		int rc, found = 0;
		if ((status = store_prepare(s, sql[i], &st)) != BITIM_OK)
			return status;
		store_bind_text(st, 1, key);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && found++ == 0)
			*id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_status(s, rc);
		status = found == 0 ? BITIM_ERR_NOTFOUND : found > 1 ? BITIM_ERR_INVALID : BITIM_OK;
	}
	return status;
}

/* -------------------------------------------------------------- loading */

/* Loading a case is repeated for every open case when the forms change:
 * its statements are kept prepared (store_prepare_kept). */
static const char LOAD_CASE_SQL[] = "SELECT * FROM cases WHERE id = ?1";
static const char LOAD_VALUES_SQL[] = "SELECT owner, key, value FROM field_values WHERE case_id = ?1";

/* Copy every non-internal, non-NULL column of the current row into cd. */
static int copy_columns(sqlite3_stmt *st, struct case_data *cd, enum entity e, size_t row)
{
	for (int i = 0; i < sqlite3_column_count(st); i++) {
		const char *name = sqlite3_column_name(st, i);
		const char *value = (const char *)sqlite3_column_text(st, i);
		if (!value || (e == ENTITY_CASE ? internal_case_column(name) : internal_row_column(name)))
			continue;
		if (casedata_set(cd, e, row, name, value) < 0)
			return -1;
	}
	return 0;
}

static enum bitim_status load_case_row(struct store *s, int64_t id, struct case_data *cd)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare_kept(s, LOAD_CASE_SQL, &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int uuid_col = -1, number_col = -1, stage_col = -1;
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const char *name = sqlite3_column_name(st, i);
			if (strcmp(name, "uuid") == 0) uuid_col = i;
			else if (strcmp(name, "number") == 0) number_col = i;
			else if (strcmp(name, "stage") == 0) stage_col = i;
		}
		if (casedata_set_identity(cd, id, (const char *)sqlite3_column_text(st, uuid_col),
					  (const char *)sqlite3_column_text(st, number_col),
					  (const char *)sqlite3_column_text(st, stage_col)) < 0 ||
		    copy_columns(st, cd, ENTITY_CASE, 0) < 0)
			rc = SQLITE_NOMEM;
	}
	store_release(st);
	if (rc == SQLITE_DONE)
		return BITIM_ERR_NOTFOUND;
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

static enum bitim_status load_rows(struct store *s, int64_t id, enum entity e, struct case_data *cd)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare_kept(s, group_sql[e].load_sql, &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *uuid = NULL;
		for (int i = 0; i < sqlite3_column_count(st); i++)
			if (strcmp(sqlite3_column_name(st, i), "uuid") == 0)
				uuid = (const char *)sqlite3_column_text(st, i);
		int row = casedata_add_row(cd, e, uuid);
		if (row < 0 || copy_columns(st, cd, e, (size_t)row) < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	store_release(st);
	return store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

/* Values kept by key: attach each to the case or to its (live) row. */
static enum bitim_status load_field_values(struct store *s, int64_t id, struct case_data *cd)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare_kept(s, LOAD_VALUES_SQL, &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *owner = (const char *)sqlite3_column_text(st, 0);
		const char *key = (const char *)sqlite3_column_text(st, 1);
		const char *value = (const char *)sqlite3_column_text(st, 2);
		int r = -1;
		if (strcmp(owner, casedata_uuid(cd)) == 0) {
			if (casedata_set(cd, ENTITY_CASE, 0, key, value) < 0)
				rc = SQLITE_NOMEM;
			continue;
		}
		for (int e = ENTITY_PARTY; e < ENTITY_COUNT && r < 0; e++)
			if ((r = casedata_row_index(cd, (enum entity)e, owner)) >= 0 &&
			    casedata_set(cd, (enum entity)e, (size_t)r, key, value) < 0)
				rc = SQLITE_NOMEM;
		if (rc == SQLITE_NOMEM)
			break;
	}
	store_release(st);
	return store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

enum bitim_status store_case_load(struct store *s, int64_t id, struct case_data **out)
{
	struct case_data *cd = casedata_new();
	enum bitim_status status;

	*out = NULL;
	if (!cd)
		return BITIM_ERR_NOMEM;
	status = load_case_row(s, id, cd);
	for (int e = ENTITY_PARTY; e < ENTITY_COUNT && status == BITIM_OK; e++)
		status = load_rows(s, id, (enum entity)e, cd);
	if (status == BITIM_OK)
		status = load_field_values(s, id, cd);
	if (status != BITIM_OK) {
		casedata_free(cd);
		return status;
	}
	*out = cd;
	return BITIM_OK;
}
