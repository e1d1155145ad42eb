/* Importing rows of the register's tables, checked and matched by UUID. */
#include <config.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/conflicts.h"
#include "bitim/date.h"
#include "bitim/i18n.h"
#include "bitim/import.h"
#include "record_sql.h"
#include "store_internal.h"
#include "columns.h"

#define MAX_COLUMNS 256

struct importer {
	struct store *s;
	const struct procedure *p;
	char *source;
	enum export_table table;
	const char **allowed;      /* the table's export columns; owned array */
	size_t nallowed;
	int map[MAX_COLUMNS];      /* incoming column → index in allowed */
	size_t ncolumns;
	struct import_counts counts;
	bool ok;
	import_conflict_fn on_conflict;
	void *conflict_ctx;
};

void importer_on_conflict(struct importer *im, import_conflict_fn fn, void *ctx)
{
	im->on_conflict = fn;
	im->conflict_ctx = ctx;
}

enum bitim_status importer_new(struct store *s, const struct procedure *p, const char *source, struct importer **out)
{
	struct importer *im = calloc(1, sizeof *im);
	enum bitim_status st;

	*out = NULL;
	if (!im || !(im->source = strdup(source))) {
		free(im);
		return BITIM_ERR_NOMEM;
	}
	im->s = s;
	im->p = p;
	im->table = EXPORT_TABLE_COUNT;
	if ((st = store_begin(s)) != BITIM_OK) {
		free(im->source);
		free(im);
		return st;
	}
	im->ok = true;
	*out = im;
	return BITIM_OK;
}

static int column_index(const struct importer *im, const char *name)
{
	for (size_t i = 0; i < im->nallowed; i++)
		if (strcmp(im->allowed[i], name) == 0)
			return (int)i;
	return -1;
}

enum bitim_status importer_table(struct importer *im, enum export_table t, const char *const *columns, size_t n,
				 const char **why, const char **what)
{
	static const char *const keys[] = { "uuid", "case_uuid" };
	enum bitim_status st;

	free(im->allowed);
	im->allowed = NULL;
	im->table = t;
	*why = NULL;
	*what = NULL;
	if ((st = export_columns(im->p, t, true, &im->allowed, &im->nallowed)) != BITIM_OK)
		return st;
	if (n > MAX_COLUMNS) {
		*why = N_("too many columns");
		return BITIM_ERR_INVALID;
	}
	for (size_t i = 0; i < n; i++) {
		int k = column_index(im, columns[i]);
		if (k < 0) {
			*why = N_("unknown column");
			*what = columns[i];
			return BITIM_ERR_INVALID;
		}
		for (size_t j = 0; j < i; j++)
			if (im->map[j] == k) {
				*why = N_("the column appears twice");
				*what = columns[i];
				return BITIM_ERR_INVALID;
			}
		im->map[i] = k;
	}
	im->ncolumns = n;
	for (size_t k = 0; k < 2; k++) {
		bool needed = t == EXPORT_OUTCOMES ? k == 1 : (k == 0 || t != EXPORT_CASES);
		bool found = false;
		for (size_t i = 0; i < n; i++)
			found |= strcmp(columns[i], keys[k]) == 0;
		if (needed && !found) {
			*why = N_("a required column is missing");
			*what = keys[k];
			return BITIM_ERR_INVALID;
		}
	}
	return BITIM_OK;
}

/* ------------------------------------------------------------ checking */

static bool is_uuid(const char *v)
{
	if (!v || strlen(v) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? v[i] != '-' : !isxdigit((unsigned char)v[i]))
			return false;
	}
	return true;
}

static bool is_int(const char *v, long min, long max)
{
	char *end;
	long n;

	if (!v || !*v)
		return false;
	n = strtol(v, &end, 10);
	return *end == '\0' && n >= min && n <= max;
}

/* A value of a field that the forms define: it must be what bitim stores. */
static const char *check_field(const struct field_def *f, const char *v)
{
	char *norm = NULL;
	const char *why = field_normalize(f, v, &norm);

	if (!why && (!norm || strcmp(norm, v) != 0))
		why = N_("not in the form bitim stores it");
	free(norm);
	return why;
}

/* Check one value of the current table. */
static const char *check_value(const struct importer *im, const char *name, const char *v)
{
	static const char *const dates[] = { "received_on", "contract_on", "signed_on", "terminated_on",
		"closed_on", "next_deadline", "held_on", "due_on", NULL };
	const struct field_def *field;
	bitim_day d;

	if (!v || !*v)
		return strcmp(name, "uuid") == 0 || strcmp(name, "case_uuid") == 0 || strcmp(name, "number") == 0 ||
		       strcmp(name, "stage") == 0 ? N_("must not be empty") : NULL;
	if (strcmp(name, "uuid") == 0 || strcmp(name, "case_uuid") == 0)
		return is_uuid(v) ? NULL : N_("is not a UUID");
	if (strcmp(name, "year") == 0)
		return is_int(v, DATE_MIN_YEAR, DATE_MAX_YEAR) ? NULL : N_("is not a year");
	if (strcmp(name, "seq") == 0 || strcmp(name, "position") == 0)
		return is_int(v, 1, 100000000) ? NULL : N_("is not a positive whole number");
	if (strcmp(name, "stage") == 0)
		return procedure_stage_index(im->p, v) >= 0 ? NULL : N_("is not a stage of the procedure");
	if (strcmp(name, "status") == 0 && im->table == EXPORT_CASES)
		return strcmp(v, "open") == 0 || strcmp(v, "closed") == 0 ? NULL : N_("must be open or closed");
	if (strcmp(name, "outcome") == 0)
		return strcmp(v, "settled") == 0 || strcmp(v, "terminated") == 0 ? NULL : N_("must be settled or terminated");
	if (strcmp(name, "number") == 0 || strcmp(name, "office_code") == 0 || strcmp(name, "case_number") == 0)
		return strlen(v) <= 40 ? NULL : N_("is too long");
	for (int i = 0; dates[i]; i++)
		if (strcmp(name, dates[i]) == 0 && !date_parse_iso(v, &d))
			return N_("is not a date as YYYY-MM-DD");
	if ((field = procedure_entity_field(im->p, export_table_entity(im->table), name)))
		return check_field(field, v);
	return strlen(v) <= 100000 ? NULL : N_("is too long");
}

/* ------------------------------------------------------------- existing */

struct found {
	const char *uuid;
	const char **names;
	char **values; /* owned when found */
	size_t n;
};

static enum bitim_status capture(void *ctx, const char *const *values, size_t n, const char *number)
{
	struct found *f = ctx;
	(void)number;
	if (strcmp(values[0], f->uuid) != 0 || f->values)
		return BITIM_OK;
	f->values = calloc(n, sizeof *f->values);
	if (!f->values)
		return BITIM_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (values[i] && !(f->values[i] = strdup(values[i])))
			return BITIM_ERR_NOMEM;
	f->n = n;
	return BITIM_OK;
}

static void found_free(struct found *f)
{
	for (size_t i = 0; f->values && i < f->n; i++)
		free(f->values[i]);
	free(f->values);
}

/* The record as this database has it now, in export columns; none when new. */
static enum bitim_status existing(struct importer *im, const char *uuid, const char *case_uuid, struct found *out)
{
	struct export_filter flt = { .case_uuid = case_uuid, .include_confidential = true };

	memset(out, 0, sizeof *out);
	out->uuid = uuid;
	return export_rows(im->s, im->p, im->table, &flt, capture, out);
}

/* The incoming value of column k (an index in allowed), or NULL. */
static const char *incoming(const struct importer *im, const char *const *values, size_t n, size_t k)
{
	for (size_t i = 0; i < n && i < im->ncolumns; i++)
		if ((size_t)im->map[i] == k)
			return values[i] && *values[i] ? values[i] : NULL;
	return NULL;
}

/* Whether the file has a column for column k (an index in allowed). */
static bool given(const struct importer *im, size_t k)
{
	for (size_t i = 0; i < im->ncolumns; i++)
		if ((size_t)im->map[i] == k)
			return true;
	return false;
}

static bool same(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

/* "name=value" lines of a record, for the conflicts table. */
static char *describe(const struct importer *im, const char *const *values, bool incoming_side, const struct found *f)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return NULL;
	for (size_t k = 0; k < im->nallowed; k++) {
		/* The incoming side names every column the file gave, empty or not:
		 * a column it left out is no difference. */
		const char *v = incoming_side ? incoming(im, values, im->ncolumns, k) : (f->values ? f->values[k] : NULL);
		if (v || (incoming_side && given(im, k)))
			conflict_put_value(out, im->allowed[k], v ? v : "");
	}
	fclose(out);
	return text;
}

static enum bitim_status store_conflict(struct importer *im, const char *uuid, const char *in, const char *have)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(im->s,
		"INSERT INTO conflicts(table_name, uuid, source, incoming, existing) VALUES (?1, ?2, ?3, ?4, ?5)", &st);

	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, export_table_name(im->table));
	store_bind_text(st, 2, uuid);
	store_bind_text(st, 3, im->source);
	store_bind_text(st, 4, in);
	store_bind_text(st, 5, have);
	return store_step_done(im->s, st);
}

/* Keep the incoming version aside, once; a version the user has already
 * decided on counts as present. */
static enum bitim_status keep_conflict(struct importer *im, const char *uuid, const char *const *values,
				       const struct found *f)
{
	char *in = describe(im, values, true, f), *have = describe(im, values, false, f);
	enum conflict_state seen = CONFLICT_NEW;
	enum bitim_status status = in && have ? conflict_seen(im->s, uuid, in, &seen) : BITIM_ERR_NOMEM;

	if (status == BITIM_OK && seen == CONFLICT_NEW)
		status = store_conflict(im, uuid, in, have);
	free(in);
	free(have);
	if (status != BITIM_OK)
		return status;
	if (seen == CONFLICT_DECIDED) {
		im->counts.identical++;
		return BITIM_OK;
	}
	im->counts.conflicts++;
	if (im->on_conflict) {
		int k = column_index(im, im->table == EXPORT_CASES ? "number" : "case_number");
		im->on_conflict(im->conflict_ctx, im->table, uuid, k >= 0 && f->values ? f->values[k] : "");
	}
	return BITIM_OK;
}

/* -------------------------------------------------------------- adding */

/* The column-backed fields (columns.h) in an INSERT: ", col" and ", ?". */
#define INSERT_NAME(col) ", " #col
#define INSERT_PARAM(col) ", ?"

static const char *const insert_sql[EXPORT_TABLE_COUNT] = {
	/* The column-backed fields (columns.h) are ?9.. in the export's order;
	 * "?" takes the number after the largest one before it. */
	[EXPORT_CASES] = "INSERT INTO cases(uuid, number, office_code, year, seq, stage, status, outcome"
		CASE_COLUMNS(INSERT_NAME) ", closed_on, next_deadline, deadline_label,"
		" created_at, updated_at) VALUES (?1, ?2, COALESCE(?3, 'BTM'), COALESCE(?4, 2000), COALESCE(?5, 0),"
		" ?6, COALESCE(?7, 'open'), ?8" CASE_COLUMNS(INSERT_PARAM) ", ?21, ?22, ?23,"
		" COALESCE(?24, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), COALESCE(?25, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
	[EXPORT_PARTIES] = "INSERT INTO parties(uuid, case_id, position" PARTY_COLUMNS(INSERT_NAME) ")"
		" VALUES (?1, (SELECT id FROM cases WHERE uuid = ?2), COALESCE(?4, 1)" PARTY_COLUMNS(INSERT_PARAM) ")",
	[EXPORT_SESSIONS] = "INSERT INTO sessions(uuid, case_id, position" SESSION_COLUMNS(INSERT_NAME) ")"
		" VALUES (?1, (SELECT id FROM cases WHERE uuid = ?2), COALESCE(?4, 1)" SESSION_COLUMNS(INSERT_PARAM) ")",
	[EXPORT_OBLIGATIONS] = "INSERT INTO obligations(uuid, case_id, position" OBLIGATION_COLUMNS(INSERT_NAME) ")"
		" VALUES (?1, (SELECT id FROM cases WHERE uuid = ?2), COALESCE(?4, 1)" OBLIGATION_COLUMNS(INSERT_PARAM) ")",
};
/* The cases' parameters after its columns are numbered: ?9..?20 are they. */
_Static_assert(COLUMN_COUNT(CASE_COLUMNS) == 12, "renumber ?21.. of the cases' INSERT");

static enum bitim_status case_id_of(struct importer *im, const char *uuid, int64_t *id)
{
	return store_case_find(im->s, uuid, id);
}

static enum bitim_status add(struct importer *im, const char *const *values, size_t n, const char **why)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(im->s, insert_sql[im->table], &st);
	int64_t case_id = 0;
	const char *uuid = incoming(im, values, n, 0);
	size_t fixed;

	if (status != BITIM_OK)
		return status;
	/* The statement's parameters are the table's fixed columns, in order. */
	fixed = (size_t)sqlite3_bind_parameter_count(st);
	for (size_t k = 0; k < im->nallowed && k < fixed; k++)
		store_bind_text(st, (int)k + 1, incoming(im, values, n, k));
	status = store_step_done(im->s, st);
	if (status == BITIM_ERR_DB && sqlite3_extended_errcode(im->s->db) == SQLITE_CONSTRAINT_UNIQUE) {
		*why = N_("another case already has this number");
		return BITIM_ERR_INVALID;
	}
	if (status != BITIM_OK)
		return status;
	/* The forms' other fields. */
	const char *owner_case = im->table == EXPORT_CASES ? uuid : incoming(im, values, n, 1);
	if ((status = case_id_of(im, owner_case, &case_id)) != BITIM_OK)
		return status;
	for (size_t k = fixed; k < im->nallowed; k++) {
		const char *v = incoming(im, values, n, k);
		if (!v)
			continue;
		status = store_prepare(im->s, "INSERT INTO field_values(owner, case_id, key, value) VALUES (?1, ?2, ?3, ?4)", &st);
		if (status != BITIM_OK)
			return status;
		store_bind_text(st, 1, uuid);
		sqlite3_bind_int64(st, 2, case_id);
		store_bind_text(st, 3, im->allowed[k]);
		store_bind_text(st, 4, v);
		if ((status = store_step_done(im->s, st)) != BITIM_OK)
			return status;
	}
	if (im->table == EXPORT_CASES) {
		status = record_log(im->s, case_id, "create", ENTITY_CASE, uuid, "import", NULL, im->source, NULL);
		/* Logging touched updated_at: the record keeps the time it came with. */
		int k = column_index(im, "updated_at");
		const char *updated = k >= 0 ? incoming(im, values, n, (size_t)k) : NULL;
		if (status == BITIM_OK && updated &&
		    (status = store_prepare(im->s, "UPDATE cases SET updated_at = ?1 WHERE id = ?2", &st)) == BITIM_OK) {
			store_bind_text(st, 1, updated);
			sqlite3_bind_int64(st, 2, case_id);
			status = store_step_done(im->s, st);
		}
	}
	if (status == BITIM_OK && (im->table == EXPORT_CASES || im->table == EXPORT_PARTIES))
		status = store_search_reindex(im->s, case_id);
	if (status == BITIM_OK)
		im->counts.added++;
	return status;
}

enum bitim_status importer_row(struct importer *im, const char *const *values, size_t n, const char **why,
			       const char **what)
{
	struct found f;
	enum bitim_status status;
	const char *uuid, *case_uuid;
	int64_t case_id;

	*why = NULL;
	*what = NULL;
	if (im->table == EXPORT_OUTCOMES)
		return BITIM_OK; /* derived from the cases: nothing to bring in */
	if (n != im->ncolumns) {
		*why = N_("the row has another number of fields than the header");
		return BITIM_ERR_INVALID;
	}
	for (size_t i = 0; i < n; i++) {
		const char *bad = check_value(im, im->allowed[im->map[i]], values[i]);
		if (bad) {
			*why = bad;
			*what = im->allowed[im->map[i]];
			return BITIM_ERR_INVALID;
		}
	}
	uuid = incoming(im, values, n, 0);
	case_uuid = im->table == EXPORT_CASES ? uuid : incoming(im, values, n, 1);
	if (im->table != EXPORT_CASES && store_case_find(im->s, case_uuid, &case_id) != BITIM_OK) {
		*why = N_("refers to a case that is neither in the database nor in the import");
		*what = "case_uuid";
		return BITIM_ERR_INVALID;
	}
	if ((status = existing(im, uuid, case_uuid, &f)) != BITIM_OK)
		return status;
	if (!f.values) {
		status = add(im, values, n, why);
		if (status == BITIM_ERR_INVALID)
			*what = "number";
	} else {
		bool identical = true;
		for (size_t k = 0; k < im->nallowed && identical; k++)
			if (given(im, k))
				identical = same(incoming(im, values, n, k), f.values[k]);
		if (identical)
			im->counts.identical++;
		else
			status = keep_conflict(im, uuid, values, &f);
	}
	found_free(&f);
	return status;
}

enum bitim_status importer_finish(struct importer *im, bool commit, struct import_counts *counts)
{
	enum bitim_status status = BITIM_OK;

	if (counts)
		*counts = im->counts;
	if (commit)
		status = store_commit(im->s); /* rolls back by itself if COMMIT fails */
	else
		store_rollback(im->s);
	free(im->allowed);
	free(im->source);
	free(im);
	return status;
}
