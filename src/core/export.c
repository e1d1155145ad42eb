/* Reading the register as tables, for CSV export, comparison and merging. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/export.h"
#include "record_sql.h"
#include "store_internal.h"
#include "columns.h"

static const char *const table_names[EXPORT_TABLE_COUNT] = { "cases", "parties", "sessions", "obligations", "outcomes" };

const char *export_table_name(enum export_table t)
{
	return (unsigned)t < EXPORT_TABLE_COUNT ? table_names[t] : "?";
}

enum entity export_table_entity(enum export_table t)
{
	static const enum entity entities[EXPORT_TABLE_COUNT] = { ENTITY_CASE, ENTITY_PARTY, ENTITY_SESSION,
								  ENTITY_OBLIGATION, ENTITY_COUNT };
	return (unsigned)t < EXPORT_TABLE_COUNT ? entities[t] : ENTITY_COUNT;
}

int export_table_from_name(const char *name)
{
	for (int i = 0; i < EXPORT_TABLE_COUNT; i++)
		if (name && strcmp(name, table_names[i]) == 0)
			return i;
	return -1;
}

/* The filter on cases, shared by every table: ?1 from, ?2 to, ?3 stage, ?4 category, ?5 uuid. */
#define CASE_FILTER " (?1 IS NULL OR c.received_on >= ?1) AND (?2 IS NULL OR c.received_on <= ?2)" \
	" AND (?3 IS NULL OR c.stage = ?3) AND (?4 IS NULL OR c.category = ?4) AND (?5 IS NULL OR c.uuid = ?5)"

/* Each table: its fixed columns (as selected), its entity, and its SQL. The
 * first selected column is the owner UUID of the row's other fields. */
/* The column-backed fields (columns.h) as selected columns: " c.col," / " t.col,". */
#define SELECT_C(col) " c." #col ","
#define SELECT_T(col) " t." #col ","

static const struct table_sql {
	enum entity entity;
	const char *const *columns;
	const char *sql;
} tables[EXPORT_TABLE_COUNT] = {
	[EXPORT_CASES] = { ENTITY_CASE,
		(const char *const[]){ "uuid", "number", "office_code", "year", "seq", "stage", "status", "outcome",
			CASE_COLUMNS(COLUMN_NAME) "closed_on", "next_deadline", "deadline_label", "created_at",
			"updated_at", NULL },
		"SELECT c.uuid, c.number, c.office_code, c.year, c.seq, c.stage, c.status, c.outcome,"
		CASE_COLUMNS(SELECT_C) " c.closed_on, c.next_deadline,"
		" c.deadline_label, c.created_at, c.updated_at, c.number FROM cases c WHERE" CASE_FILTER " ORDER BY c.id" },
	[EXPORT_PARTIES] = { ENTITY_PARTY,
		(const char *const[]){ "uuid", "case_uuid", "case_number", "position", PARTY_COLUMNS(COLUMN_NAME) NULL },
		"SELECT t.uuid, c.uuid, c.number, t.position," PARTY_COLUMNS(SELECT_T) " c.number"
		" FROM parties t JOIN cases c ON c.id = t.case_id WHERE t.deleted = 0 AND" CASE_FILTER
		" ORDER BY c.id, t.position" },
	[EXPORT_SESSIONS] = { ENTITY_SESSION,
		(const char *const[]){ "uuid", "case_uuid", "case_number", "position", SESSION_COLUMNS(COLUMN_NAME) NULL },
		"SELECT t.uuid, c.uuid, c.number, t.position," SESSION_COLUMNS(SELECT_T) " c.number"
		" FROM sessions t JOIN cases c ON c.id = t.case_id WHERE t.deleted = 0 AND" CASE_FILTER
		" ORDER BY c.id, t.position" },
	[EXPORT_OBLIGATIONS] = { ENTITY_OBLIGATION,
		(const char *const[]){ "uuid", "case_uuid", "case_number", "position", OBLIGATION_COLUMNS(COLUMN_NAME) NULL },
		"SELECT t.uuid, c.uuid, c.number, t.position," OBLIGATION_COLUMNS(SELECT_T) " c.number"
		" FROM obligations t JOIN cases c ON c.id = t.case_id WHERE t.deleted = 0 AND" CASE_FILTER
		" ORDER BY c.id, t.position" },
	[EXPORT_OUTCOMES] = { ENTITY_COUNT,
		(const char *const[]){ "case_uuid", "number", "category", "received_on", "contract_on", "outcome",
			"termination_ground", "terminated_on", "signed_on", "followup_result", "closed_on",
			"days_to_outcome", NULL },
		"SELECT c.uuid, c.number, c.category, c.received_on, c.contract_on, c.outcome, c.termination_ground,"
		" c.terminated_on, c.signed_on, c.followup_result, c.closed_on,"
		" CAST(julianday(COALESCE(c.signed_on, c.terminated_on)) - julianday(c.contract_on) AS INTEGER),"
		" c.number FROM cases c WHERE c.outcome IS NOT NULL AND" CASE_FILTER " ORDER BY c.id" },
};

static size_t fixed_count(enum export_table t)
{
	size_t n = 0;
	while (tables[t].columns[n])
		n++;
	return n;
}

/* The same rows, one record by its UUID (?1), for the merge's look-up: then
 * the case's number, the case's id, the row's removed flag and its id. */
static const char *const by_uuid_sql[EXPORT_OUTCOMES] = {
	[EXPORT_CASES] = "SELECT c.uuid, c.number, c.office_code, c.year, c.seq, c.stage, c.status, c.outcome,"
		CASE_COLUMNS(SELECT_C) " c.closed_on, c.next_deadline,"
		" c.deadline_label, c.created_at, c.updated_at, c.number, c.id, 0, c.id FROM cases c WHERE c.uuid = ?1",
	[EXPORT_PARTIES] = "SELECT t.uuid, c.uuid, c.number, t.position," PARTY_COLUMNS(SELECT_T)
		" c.number, c.id, t.deleted, t.id FROM parties t JOIN cases c ON c.id = t.case_id WHERE t.uuid = ?1",
	[EXPORT_SESSIONS] = "SELECT t.uuid, c.uuid, c.number, t.position," SESSION_COLUMNS(SELECT_T)
		" c.number, c.id, t.deleted, t.id FROM sessions t JOIN cases c ON c.id = t.case_id WHERE t.uuid = ?1",
	[EXPORT_OBLIGATIONS] = "SELECT t.uuid, c.uuid, c.number, t.position," OBLIGATION_COLUMNS(SELECT_T)
		" c.number, c.id, t.deleted, t.id FROM obligations t JOIN cases c ON c.id = t.case_id WHERE t.uuid = ?1",
};

const char *export_by_uuid_sql(enum export_table t)
{
	return (unsigned)t < EXPORT_OUTCOMES ? by_uuid_sql[t] : NULL;
}

size_t export_fixed_columns(enum export_table t)
{
	return (unsigned)t < EXPORT_TABLE_COUNT ? fixed_count(t) : 0;
}

/* The first record of a table whose UUID another row of it shares: a file
 * whose UNIQUE index was dropped by hand. The inner query reads the UUIDs
 * alone, through that index when the file has it: one linear pass. */
#define REPEATED(table) \
	"SELECT t.uuid, c.uuid, c.number FROM " table " t JOIN cases c ON c.id = t.case_id WHERE t.uuid IN" \
	" (SELECT uuid FROM " table " GROUP BY uuid HAVING count(*) > 1) ORDER BY c.id, t.position LIMIT 1"

static const char *const repeated_sql[EXPORT_OUTCOMES] = {
	[EXPORT_CASES] = "SELECT c.uuid, c.uuid, c.number FROM cases c WHERE c.uuid IN"
		" (SELECT uuid FROM cases GROUP BY uuid HAVING count(*) > 1) ORDER BY c.id LIMIT 1",
	[EXPORT_PARTIES] = REPEATED("parties"),
	[EXPORT_SESSIONS] = REPEATED("sessions"),
	[EXPORT_OBLIGATIONS] = REPEATED("obligations"),
};

enum bitim_status export_repeated_uuid(struct store *s, enum export_table t, char **uuid, char **case_uuid,
				       char **number)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	*uuid = *case_uuid = *number = NULL;
	if ((unsigned)t >= EXPORT_OUTCOMES)
		return BITIM_OK;
	if ((status = store_prepare(s, repeated_sql[t], &st)) != BITIM_OK)
		return status;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*uuid = store_column_dup(st, 0);
		*case_uuid = store_column_dup(st, 1);
		*number = store_column_dup(st, 2);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

/* A form field that is exported as one of the "other" columns of its table. */
static bool extra_field(const struct field_def *f, enum entity e, bool confidential, enum export_table t)
{
	if (f->entity != e || (f->confidential && !confidential))
		return false;
	for (size_t i = 0; tables[t].columns[i]; i++)
		if (strcmp(tables[t].columns[i], f->name) == 0)
			return false;
	return true;
}

enum bitim_status export_columns(const struct procedure *p, enum export_table t, bool confidential,
				 const char ***names, size_t *count)
{
	size_t fixed = fixed_count(t), n = fixed;
	const char **list = malloc((fixed + p->nfields) * sizeof *list);

	*names = NULL;
	*count = 0;
	if (!list)
		return BITIM_ERR_NOMEM;
	for (size_t i = 0; i < fixed; i++)
		list[i] = tables[t].columns[i];
	for (size_t i = 0; i < p->nfields; i++)
		if (extra_field(&p->fields[i], tables[t].entity, confidential, t))
			list[n++] = p->fields[i].name;
	*names = list;
	*count = n;
	return BITIM_OK;
}

/* The other fields of one row, read into values[fixed..]. */
static enum bitim_status read_extras(struct store *s, sqlite3_stmt *kv, const char *owner, const char **names,
				     size_t fixed, size_t n, char **values)
{
	int rc;

	sqlite3_reset(kv);
	store_bind_text(kv, 1, owner);
	while ((rc = sqlite3_step(kv)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(kv, 0);
		/* Another office's file may be crafted: a key or value its schema
		 * would refuse (NULL) is no field. */
		if (!key || sqlite3_column_type(kv, 1) == SQLITE_NULL)
			continue;
		for (size_t i = fixed; i < n; i++)
			if (names[i][0] == key[0] && strcmp(names[i], key) == 0 && !values[i] &&
			    !(values[i] = store_column_dup(kv, 1)))
				return BITIM_ERR_NOMEM;
	}
	return store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

enum bitim_status export_rows(struct store *s, const struct procedure *p, enum export_table t,
			      const struct export_filter *f, export_row_fn row, void *ctx)
{
	sqlite3_stmt *st = NULL, *kv = NULL;
	const char **names = NULL, **shown = NULL;
	char **values = NULL;
	size_t n = 0, fixed = fixed_count(t);
	enum bitim_status status;
	int rc;

	if ((status = export_columns(p, t, f->include_confidential, &names, &n)) != BITIM_OK)
		return status;
	values = calloc(n, sizeof *values);
	shown = calloc(n, sizeof *shown);
	if (!values || !shown) {
		status = BITIM_ERR_NOMEM;
		goto out;
	}
	if ((status = store_prepare(s, tables[t].sql, &st)) != BITIM_OK ||
	    (status = store_prepare(s, "SELECT key, value FROM field_values WHERE owner = ?1", &kv)) != BITIM_OK)
		goto out;
	store_bind_text(st, 1, f->from);
	store_bind_text(st, 2, f->to);
	store_bind_text(st, 3, f->stage);
	store_bind_text(st, 4, f->category);
	store_bind_text(st, 5, f->case_uuid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* The fixed columns are read in place (valid until the next step);
		 * only the other fields are copied. */
		for (size_t i = 0; i < fixed; i++)
			shown[i] = (const char *)sqlite3_column_text(st, (int)i);
		if (n > fixed)
			status = read_extras(s, kv, shown[0], names, fixed, n, values);
		for (size_t i = fixed; i < n; i++)
			shown[i] = values[i];
		if (status == BITIM_OK)
			status = row(ctx, shown, n, (const char *)sqlite3_column_text(st, (int)fixed));
		for (size_t i = fixed; i < n; i++) {
			free(values[i]);
			values[i] = NULL;
		}
		if (status != BITIM_OK)
			goto out;
	}
	status = store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
out:
	sqlite3_finalize(st);
	sqlite3_finalize(kv);
	free(values);
	free(shown);
	free(names);
	return status;
}
