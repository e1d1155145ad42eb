/* Merging one incoming record three-way: this database's version ("ours"),
 * what the other register sent ("theirs") and what it sent last time (the
 * base, in merge_base). A column only they changed is taken, through the
 * same calls a user's edit makes (a stage by completing stages, with the
 * law's guards); a column only we changed stays; a column both changed is a
 * conflict kept aside for the user. Every look-up is by UUID, through an
 * index, with statements prepared once: the cost is linear. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/casefile.h"
#include "bitim/conflicts.h"
#include "bitim/date.h"
#include "bitim/i18n.h"
#include "bitim/search.h"
#include "columns.h"
#include "import_internal.h"

/* One record as a list of values in the table's export columns. */
struct version {
	char **v;       /* nallowed values, NULL for empty; owned */
	bool found, deleted;
	int64_t case_id, row_id;
};

static void version_free(struct version *r, size_t n)
{
	for (size_t k = 0; r->v && k < n; k++)
		free(r->v[k]);
	free(r->v);
	memset(r, 0, sizeof *r);
}

static enum bitim_status version_alloc(struct version *r, size_t n)
{
	memset(r, 0, sizeof *r);
	r->v = calloc(n ? n : 1, sizeof *r->v);
	return r->v ? BITIM_OK : BITIM_ERR_NOMEM;
}

/* Bind text that outlives the statement's step (the row in hand, the
 * importer's own strings): not copied, as store_bind_text would, for each
 * of millions of values. */
static void bind_static(sqlite3_stmt *st, int index, const char *text)
{
	if (text)
		sqlite3_bind_text(st, index, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, index);
}

static bool same(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

static int column_index(const struct importer *im, const char *name, size_t len)
{
	for (size_t i = 0; i < im->nallowed; i++)
		if (strncmp(im->allowed[i], name, len) == 0 && im->allowed[i][len] == '\0')
			return (int)i;
	return -1;
}

/* ------------------------------------------------------------- reading */

/* Ours: the record with this UUID, or found = false. */
static enum bitim_status read_ours(struct importer *im, const char *uuid, struct version *out)
{
	sqlite3_stmt *st, *kv;
	enum bitim_status status;
	int rc;

	if ((status = version_alloc(out, im->nallowed)) != BITIM_OK ||
	    (status = import_stmt(im, Q_LOCAL, export_by_uuid_sql(im->table), &st)) != BITIM_OK)
		return status;
	bind_static(st, 1, uuid);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		return rc == SQLITE_DONE ? BITIM_OK : store_status(im->s, rc);
	out->found = true;
	for (size_t k = 0; k < im->fixed; k++)
		if (sqlite3_column_type(st, (int)k) != SQLITE_NULL && !(out->v[k] = store_column_dup(st, (int)k)))
			return BITIM_ERR_NOMEM;
	out->case_id = sqlite3_column_int64(st, (int)im->fixed + 1);
	out->deleted = sqlite3_column_int(st, (int)im->fixed + 2) != 0;
	out->row_id = sqlite3_column_int64(st, (int)im->fixed + 3);
	if (im->nallowed == im->fixed)
		return BITIM_OK;
	if ((status = import_stmt(im, Q_EXTRAS, "SELECT key, value FROM field_values WHERE owner = ?1", &kv)) != BITIM_OK)
		return status;
	bind_static(kv, 1, uuid);
	while ((rc = sqlite3_step(kv)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(kv, 0);
		int k = column_index(im, key, strlen(key));
		if (k >= (int)im->fixed && !out->v[k] && !(out->v[k] = store_column_dup(kv, 1)))
			return BITIM_ERR_NOMEM;
	}
	return store_status(im->s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

static enum bitim_status step(struct importer *im, sqlite3_stmt *st);

uint32_t merge_name_fp(const char *name)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *c = (const unsigned char *)name; *c; c++)
		h = (h ^ *c) * 16777619u;
	return h;
}

/* FNV-1a, 64 bits: the base only needs to tell whether a value is the one
 * sent last time; 0 stands for empty. */
uint64_t merge_value_fp(const char *value)
{
	uint64_t h = 14695981039346656037ull;

	if (!value || !*value)
		return 0;
	for (const unsigned char *c = (const unsigned char *)value; *c; c++)
		h = (h ^ *c) * 1099511628211ull;
	return h ? h : 1;
}

/* The base: per column, the fingerprint of the value sent last time. Stored
 * as the record's UUID's fingerprint (8 bytes), then 12-byte entries (name's
 * fingerprint, value's), non-empty values only. */
struct base {
	bool found;
	uint64_t *fp; /* nallowed; owned */
	const void *blob; size_t len; /* as read, until the row is done */
};

#define BASE_ENTRY 12

static enum bitim_status origin_id(struct importer *im)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	if (im->origin_id)
		return BITIM_OK;
	if ((status = store_prepare(im->s, "INSERT OR IGNORE INTO merge_origin(uuid) VALUES (?1)", &st)) != BITIM_OK)
		return status;
	store_bind_text(st, 1, im->origin ? im->origin : im->source);
	if ((status = store_step_done(im->s, st)) != BITIM_OK ||
	    (status = store_prepare(im->s, "SELECT id FROM merge_origin WHERE uuid = ?1", &st)) != BITIM_OK)
		return status;
	store_bind_text(st, 1, im->origin ? im->origin : im->source);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		im->origin_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return store_status(im->s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

static enum bitim_status read_base(struct importer *im, int64_t row_id, const char *uuid, struct base *out)
{
	uint64_t key = 0;
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(out->fp = calloc(im->nallowed ? im->nallowed : 1, sizeof *out->fp)))
		return BITIM_ERR_NOMEM;
	if ((status = origin_id(im)) != BITIM_OK ||
	    (status = import_stmt(im, Q_BASE_GET, "SELECT row FROM merge_base WHERE origin = ?1 AND tab = ?2 AND id = ?3",
				  &st)) != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, im->origin_id);
	sqlite3_bind_int(st, 2, (int)im->table);
	sqlite3_bind_int64(st, 3, row_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		return store_status(im->s, rc == SQLITE_DONE ? SQLITE_OK : rc);
	out->blob = sqlite3_column_blob(st, 0);
	out->len = (size_t)sqlite3_column_bytes(st, 0);
	if (!out->blob || out->len < 8 || (memcpy(&key, out->blob, 8), key != merge_value_fp(uuid)))
		return BITIM_OK; /* another record's, whose id this one took: no base */
	out->found = true;
	for (size_t at = 8; at + BASE_ENTRY <= out->len; at += BASE_ENTRY) {
		uint32_t name;
		uint64_t value;
		memcpy(&name, (const char *)out->blob + at, 4);
		memcpy(&value, (const char *)out->blob + at + 4, 8);
		for (size_t k = 0; k < im->nallowed; k++)
			if (im->name_fp[k] == name) {
				out->fp[k] = value;
				break;
			}
	}
	return BITIM_OK;
}

/* What they sent becomes the base for next time (written only when it changed). */
static enum bitim_status put_base(struct importer *im, int64_t row_id, const char *uuid, const char *const *values,
			       struct base *old)
{
	char *blob = malloc(im->nallowed * BASE_ENTRY + 8);
	size_t len = 8;
	uint64_t key = merge_value_fp(uuid);
	sqlite3_stmt *st;
	enum bitim_status status = blob ? BITIM_OK : BITIM_ERR_NOMEM;

	if (blob)
		memcpy(blob, &key, 8);
	for (size_t k = 0; blob && k < im->nallowed; k++) {
		uint64_t value = merge_value_fp(import_incoming(im, values, k));
		if (!value || (im->kind[k] & IMPORT_KEPT))
			continue;
		memcpy(blob + len, &im->name_fp[k], 4);
		memcpy(blob + len + 4, &value, 8);
		len += BASE_ENTRY;
	}
	if (status == BITIM_OK && !(old->found && old->len == len && memcmp(old->blob, blob, len) == 0) &&
	    (status = import_stmt(im, Q_BASE_PUT, "INSERT OR REPLACE INTO merge_base(origin, tab, id, row)"
				  " VALUES (?1, ?2, ?3, ?4)", &st)) == BITIM_OK) {
		sqlite3_bind_int64(st, 1, im->origin_id);
		sqlite3_bind_int(st, 2, (int)im->table);
		sqlite3_bind_int64(st, 3, row_id);
		sqlite3_bind_blob(st, 4, blob, (int)len, SQLITE_STATIC);
		status = step(im, st);
	}
	free(blob);
	return status;
}

/* "name=value" lines of the incoming columns (all given, or those marked). */
static char *describe(const struct importer *im, const char *const *values, const bool *only)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return NULL;
	for (size_t k = 0; k < im->nallowed; k++) {
		const char *v = import_incoming(im, values, k);
		if (im->from[k] >= 0 && (!only || only[k]))
			conflict_put_value(out, im->allowed[k], v ? v : "");
	}
	fclose(out);
	return text;
}

static char *describe_ours(const struct importer *im, const struct version *ours)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (!out)
		return NULL;
	for (size_t k = 0; k < im->nallowed; k++)
		if (ours->v[k])
			conflict_put_value(out, im->allowed[k], ours->v[k]);
	fclose(out);
	return text;
}

static enum bitim_status step(struct importer *im, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	return store_status(im->s, rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc);
}

/* A case whose search keys are rebuilt when the merge ends (once, however
 * many of its rows came in). */
static enum bitim_status touch(struct importer *im, int64_t case_id)
{
	sqlite3_stmt *st;
	enum bitim_status status;

	/* The rows of a case come one after another: its parties touch it once. */
	if (case_id == im->touched)
		return BITIM_OK;
	if ((status = import_stmt(im, Q_TOUCH, "INSERT OR IGNORE INTO search_pending(id) VALUES (?1)", &st)) == BITIM_OK) {
		sqlite3_bind_int64(st, 1, case_id);
		status = step(im, st);
	}
	if (status == BITIM_OK)
		im->touched = case_id;
	return status;
}

/* The search keys of one case, as store_search_reindex builds them (number,
 * party names, IIN, BIN, folded), with the importer's prepared statements:
 * preparing them anew for each of a million cases would cost more than the rest. */
static enum bitim_status reindex(struct importer *im, int64_t case_id)
{
	sqlite3_stmt *st;
	char *keys = NULL;
	enum bitim_status status = import_stmt(im, Q_KEYS, SEARCH_KEYS_SQL, &st);
	int rc;

	if (status == BITIM_OK) {
		sqlite3_bind_int64(st, 1, case_id);
		if ((rc = search_keys_collect(st, &keys)) != SQLITE_DONE)
			status = store_status(im->s, rc);
	}
	/* A case new to this register has no keys yet: looking costs less than
	 * a DELETE, which on the search table builds a temporary table each time. */
	if (status == BITIM_OK && (status = import_stmt(im, Q_KEYS_HAS, "SELECT 1 FROM case_search WHERE rowid = ?1", &st)) == BITIM_OK) {
		sqlite3_bind_int64(st, 1, case_id);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			status = store_status(im->s, rc);
		else if (rc == SQLITE_ROW &&
			 (status = import_stmt(im, Q_KEYS_DEL, "DELETE FROM case_search WHERE rowid = ?1", &st)) == BITIM_OK) {
			sqlite3_bind_int64(st, 1, case_id);
			status = step(im, st);
		}
	}
	if (status == BITIM_OK &&
	    (status = import_stmt(im, Q_KEYS_PUT, "INSERT INTO case_search(rowid, keys) VALUES (?1, ?2)", &st)) == BITIM_OK) {
		sqlite3_bind_int64(st, 1, case_id);
		bind_static(st, 2, keys);
		status = step(im, st);
	}
	free(keys);
	return status;
}

/* Rebuild the keys of up to 4000 pending cases; *done says how many. */
static enum bitim_status reindex_some(struct importer *im, size_t *done)
{
	sqlite3_stmt *st, *del;
	enum bitim_status status = store_prepare(im->s, "SELECT id FROM search_pending ORDER BY id LIMIT 4000", &st);
	int64_t last = 0;
	int rc = SQLITE_DONE;

	*done = 0;
	while (status == BITIM_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		last = sqlite3_column_int64(st, 0);
		status = reindex(im, last);
		++*done;
	}
	if (status == BITIM_OK && rc != SQLITE_DONE)
		status = store_status(im->s, rc);
	sqlite3_finalize(st);
	/* Those done are the smallest pending, and nobody else writes while this
	 * transaction holds the lock: one DELETE for them all. */
	if (status == BITIM_OK && *done > 0 &&
	    (status = import_stmt(im, Q_PENDING_DEL, "DELETE FROM search_pending WHERE id <= ?1", &del)) == BITIM_OK) {
		sqlite3_bind_int64(del, 1, last);
		status = step(im, del);
	}
	return status;
}

/* Rebuild the pending search keys, in transactions as the rows' batches. */
enum bitim_status merge_reindex(struct importer *im)
{
	enum bitim_status status = BITIM_OK;
	size_t done, in_batch;

	do {
		if ((status = store_begin(im->s)) != BITIM_OK)
			return status;
		import_batch_begin(im);
		in_batch = 0;
		do {
			status = reindex_some(im, &done);
			in_batch += done;
		} while (status == BITIM_OK && done > 0 && !import_batch_full(im, in_batch));
		import_reset_all(im);
		status = store_end(im->s, status);
	} while (status == BITIM_OK && done > 0);
	return status;
}

/* -------------------------------------------------------------- adding */

/* The column-backed fields (columns.h) in an INSERT: ", col" and ", ?"
 * ("?" takes the number after the largest one before it). */
#define INSERT_NAME(col) ", " #col
#define INSERT_PARAM(col) ", ?"

static const char *const insert_sql[EXPORT_OUTCOMES] = {
	/* The cases' column-backed fields are ?9..?20, in the export's order. */
	[EXPORT_CASES] = "INSERT INTO cases(uuid, number, office_code, year, seq, stage, status, outcome"
		CASE_COLUMNS(INSERT_NAME) ", closed_on, next_deadline, deadline_label,"
		" created_at, updated_at) VALUES (?1, ?2, COALESCE(?3, substr(?2, 1, instr(?2, '-') - 1)),"
		" COALESCE(?4, CAST(substr(?2, instr(?2, '-') + 1, 4) AS INTEGER)),"
		" COALESCE(?5, CAST(substr(?2, instr(?2, '-') + 6) AS INTEGER)),"
		" ?6, COALESCE(?7, 'open'), ?8" CASE_COLUMNS(INSERT_PARAM) ", ?21, ?22, ?23,"
		" COALESCE(?24, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), COALESCE(?25, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
	/* A row's fields are ?5.. and its case's id ?26. */
	[EXPORT_PARTIES] = "INSERT INTO parties(uuid, position" PARTY_COLUMNS(INSERT_NAME) ", case_id)"
		" VALUES (?1, COALESCE(?4, 1)" PARTY_COLUMNS(INSERT_PARAM) ", ?26)",
	[EXPORT_SESSIONS] = "INSERT INTO sessions(uuid, position" SESSION_COLUMNS(INSERT_NAME) ", case_id)"
		" VALUES (?1, COALESCE(?4, 1)" SESSION_COLUMNS(INSERT_PARAM) ", ?26)",
	[EXPORT_OBLIGATIONS] = "INSERT INTO obligations(uuid, position" OBLIGATION_COLUMNS(INSERT_NAME) ", case_id)"
		" VALUES (?1, COALESCE(?4, 1)" OBLIGATION_COLUMNS(INSERT_PARAM) ", ?26)",
};
/* ?21.. of the cases and ?26 of the rows follow the column-backed fields. */
_Static_assert(COLUMN_COUNT(CASE_COLUMNS) == 12, "renumber ?21.. of the cases' INSERT");
_Static_assert(COLUMN_COUNT(PARTY_COLUMNS) <= 21, "a row's fields must stay below ?26");

/* The case a row belongs to, by the case's UUID. */
static enum bitim_status case_id_of(struct importer *im, const char *uuid, int64_t *id)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	/* The rows of a case come one after another: looked up once per batch. */
	if (im->case_of.id && strcmp(im->case_of.uuid, uuid) == 0) {
		*id = im->case_of.id;
		return BITIM_OK;
	}
	if ((status = import_stmt(im, Q_CASE_ID, "SELECT id FROM cases WHERE uuid = ?1", &st)) != BITIM_OK)
		return status;
	bind_static(st, 1, uuid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		im->case_of.id = *id;
		snprintf(im->case_of.uuid, sizeof im->case_of.uuid, "%s", uuid);
	}
	return rc == SQLITE_ROW ? BITIM_OK : rc == SQLITE_DONE ? BITIM_ERR_NOTFOUND : store_status(im->s, rc);
}

static enum bitim_status add_values(struct importer *im, const char *uuid, int64_t case_id, const char *const *values)
{
	enum bitim_status status = BITIM_OK;
	sqlite3_stmt *st;

	for (size_t k = im->fixed; k < im->nallowed && status == BITIM_OK; k++) {
		const char *v = import_incoming(im, values, k);
		if (!v)
			continue;
		if ((status = import_stmt(im, Q_VALUE, "INSERT INTO field_values(owner, case_id, key, value)"
					  " VALUES (?1, ?2, ?3, ?4)", &st)) != BITIM_OK)
			return status;
		bind_static(st, 1, uuid);
		sqlite3_bind_int64(st, 2, case_id);
		bind_static(st, 3, im->allowed[k]);
		bind_static(st, 4, v);
		status = step(im, st);
	}
	return status;
}

static enum bitim_status add(struct importer *im, const char *uuid, int64_t case_id, const char *const *values,
			     int64_t *row_id)
{
	sqlite3_stmt *st;
	enum bitim_status status = import_stmt(im, Q_INSERT, insert_sql[im->table], &st);

	if (status != BITIM_OK)
		return status;
	for (size_t k = 0; k < im->fixed; k++)
		bind_static(st, (int)k + 1, import_incoming(im, values, k));
	if (im->table != EXPORT_CASES)
		sqlite3_bind_int64(st, 26, case_id);
	if ((status = step(im, st)) != BITIM_OK)
		return status;
	*row_id = sqlite3_last_insert_rowid(im->s->db);
	if (im->table == EXPORT_CASES) {
		case_id = *row_id;
		im->cases_added++;
		/* The case's log says where it came from; its times stay as they came. */
		if ((status = import_stmt(im, Q_EVENT, "INSERT INTO events(case_id, kind, entity, owner, field, new)"
					  " VALUES (?1, 'create', 'case', ?2, 'import', ?3)", &st)) != BITIM_OK)
			return status;
		sqlite3_bind_int64(st, 1, case_id);
		bind_static(st, 2, uuid);
		bind_static(st, 3, im->source);
		if ((status = step(im, st)) != BITIM_OK)
			return status;
	}
	if ((status = add_values(im, uuid, case_id, values)) == BITIM_OK &&
	    (im->table == EXPORT_CASES || im->table == EXPORT_PARTIES))
		status = touch(im, case_id);
	if (status == BITIM_OK)
		im->counts.added++;
	return status;
}

/* ------------------------------------------------------------ three-way */

/* Columns bitim keeps by itself (times, the deadline it computes, what the
 * stage sets) or that only place a row: never compared. */
bool merge_kept_column(const char *name)
{
	static const char *const names[] = { "uuid", "case_uuid", "case_number", "created_at", "updated_at",
		"next_deadline", "deadline_label", "status", "outcome", "closed_on", "position", NULL };
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* Which columns to take (only they changed) and which conflict (both did). */
static size_t decide(const struct importer *im, const char *const *values, const struct version *ours,
		     const struct base *base, bool *take, bool *conflict)
{
	size_t differing = 0;

	for (size_t k = 0; k < im->nallowed; k++) {
		const char *theirs = import_incoming(im, values, k);
		take[k] = conflict[k] = false;
		if (im->from[k] < 0 || (im->kind[k] & IMPORT_KEPT) || same(theirs, ours->v[k]))
			continue;
		differing++;
		if (base->found && merge_value_fp(ours->v[k]) == base->fp[k])
			take[k] = true;
		else if (!(base->found && merge_value_fp(theirs) == base->fp[k]))
			conflict[k] = true;
	}
	return differing;
}

static enum bitim_status current_stage(struct importer *im, int64_t case_id, int *stage)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(im->s, "SELECT stage FROM cases WHERE id = ?1", &st);

	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, case_id);
	*stage = sqlite3_step(st) == SQLITE_ROW ? procedure_stage_index(im->p, (const char *)sqlite3_column_text(st, 0)) : -1;
	sqlite3_finalize(st);
	return BITIM_OK;
}

/* Whether stage `to` lies ahead of `from` on the procedure's way (or is its
 * termination, reachable from a stage that may be terminated). */
static bool ahead(const struct procedure *p, int from, int to)
{
	if (from < 0 || to < 0)
		return false;
	if (to == p->termination_stage)
		return p->stages[from].terminable;
	for (int i = p->stages[from].next_index, n = 0; i >= 0 && n < (int)p->nstages; i = p->stages[i].next_index, n++)
		if (i == to)
			return true;
	return false;
}

/* Bring our case to their stage by completing each stage in between, as a
 * user would: any guard that refuses stops it where it is. Warnings were
 * confirmed by the user who completed the stage in the other copy. */
static enum bitim_status take_stage(struct importer *im, int64_t case_id, const char *theirs)
{
	int to = procedure_stage_index(im->p, theirs), at;
	enum bitim_status status = current_stage(im, case_id, &at);

	if (status != BITIM_OK)
		return status;
	if (!ahead(im->p, at, to))
		return BITIM_ERR_GUARD;
	while (status == BITIM_OK && at != to) {
		struct problems why;
		/* The office's user saw and confirmed the stage's warnings there. */
		status = to == im->p->termination_stage ? case_terminate(im->s, im->p, case_id, im->today, &why)
							 : case_advance_confirmed(im->s, im->p, case_id, im->today, NULL, &why);
		problems_free(&why);
		if (status == BITIM_OK)
			status = current_stage(im, case_id, &at);
	}
	return status;
}

/* Take the columns only they changed; a value the procedure refuses turns
 * into a conflict. Form fields first, then the stage (its guards may need
 * them); an answer that follows from an IIN after the IIN, which gives it. */
static enum bitim_status take(struct importer *im, const char *uuid, const char *const *values,
			      const struct version *ours, bool *take, bool *conflict, bool *changed)
{
	enum entity e = export_table_entity(im->table);
	int stage = -1;

	for (size_t i = 0; i < 2 * im->nallowed; i++) {
		size_t k = i % im->nallowed;
		const char *name = im->allowed[k], *reason;
		const struct field_def *f;
		bool second_pass = i >= im->nallowed;
		char key[128];
		enum bitim_status st;
		if (!take[k] || second_pass != ((f = procedure_entity_field(im->p, e, name)) && f->from_iin))
			continue;
		if (im->table == EXPORT_CASES && strcmp(name, "stage") == 0) {
			stage = (int)k;
			continue;
		}
		if (!f) {
			conflict[k] = true; /* number, office...: not a value to copy */
			continue;
		}
		snprintf(key, sizeof key, "%s.%s", entity_name(e), name);
		st = case_set_field(im->s, im->p, ours->case_id, key, im->table == EXPORT_CASES ? NULL : uuid,
				    import_incoming(im, values, k), &reason);
		if (st == BITIM_OK)
			*changed = true;
		else if (st == BITIM_ERR_INVALID || st == BITIM_ERR_FROZEN || st == BITIM_ERR_CLOSED)
			conflict[k] = true;
		else
			return st;
	}
	if (stage >= 0) {
		enum bitim_status st = take_stage(im, ours->case_id, import_incoming(im, values, (size_t)stage));
		if (st == BITIM_OK)
			*changed = true;
		else if (st == BITIM_ERR_GUARD || st == BITIM_ERR_INVALID || st == BITIM_ERR_CLOSED || st == BITIM_ERR_FROZEN)
			conflict[stage] = true;
		else
			return st;
	}
	return BITIM_OK;
}

/* Keep their version of the conflicting columns aside, once; a version the
 * user has already decided on counts as present. */
static enum bitim_status keep_conflict(struct importer *im, const char *uuid, const char *const *values,
				       const struct version *ours, bool *conflict, bool *decided)
{
	static const char *const ids[] = { "uuid", "case_uuid", "number", "case_number", NULL };
	char *in, *have;
	enum conflict_state seen = CONFLICT_NEW;
	enum bitim_status status;
	sqlite3_stmt *st;

	for (int i = 0; ids[i]; i++) {
		int k = column_index(im, ids[i], strlen(ids[i]));
		if (k >= 0 && im->from[k] >= 0)
			conflict[k] = true;
	}
	in = describe(im, values, conflict);
	have = describe_ours(im, ours);
	status = in && have ? conflict_seen(im->s, uuid, in, &seen) : BITIM_ERR_NOMEM;
	if (status == BITIM_OK && seen == CONFLICT_NEW &&
	    (status = store_prepare(im->s, "INSERT INTO conflicts(table_name, uuid, source, incoming, existing)"
					   " VALUES (?1, ?2, ?3, ?4, ?5)", &st)) == BITIM_OK) {
		store_bind_text(st, 1, export_table_name(im->table));
		store_bind_text(st, 2, uuid);
		store_bind_text(st, 3, im->source);
		store_bind_text(st, 4, in);
		store_bind_text(st, 5, have);
		status = store_step_done(im->s, st);
	}
	free(in);
	free(have);
	*decided = seen == CONFLICT_DECIDED;
	if (status == BITIM_OK && !*decided) {
		im->counts.conflicts++;
		if (im->on_conflict) {
			int k = column_index(im, im->table == EXPORT_CASES ? "number" : "case_number",
					     im->table == EXPORT_CASES ? 6 : 11);
			im->on_conflict(im->conflict_ctx, im->table, uuid, k >= 0 && ours->v[k] ? ours->v[k] : "");
		}
	}
	return status;
}

/* A record that differs only where this side changed it may still have a
 * conflict from an earlier merge waiting: it is reported again. */
static enum bitim_status still_waiting(struct importer *im, const char *uuid, const struct version *ours, size_t *n)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(im->s, "SELECT EXISTS (SELECT 1 FROM conflicts WHERE uuid = ?1"
						       " AND resolution IS NULL)", &st);

	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, uuid);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0)) {
		*n = 1;
		im->counts.conflicts++;
		if (im->on_conflict) {
			int k = column_index(im, im->table == EXPORT_CASES ? "number" : "case_number",
					     im->table == EXPORT_CASES ? 6 : 11);
			im->on_conflict(im->conflict_ctx, im->table, uuid, k >= 0 && ours->v[k] ? ours->v[k] : "");
		}
	}
	sqlite3_finalize(st);
	return BITIM_OK;
}

static enum bitim_status merge_existing(struct importer *im, const char *uuid, const char *const *values,
					struct version *ours, const struct base *base)
{
	bool *flags = calloc(2 * (im->nallowed ? im->nallowed : 1), sizeof *flags), changed = false, decided = false;
	bool *takes = flags, *conflicts = flags ? flags + im->nallowed : NULL;
	enum bitim_status status = flags ? BITIM_OK : BITIM_ERR_NOMEM;
	size_t differing = 0, nconflict = 0;

	if (status == BITIM_OK)
		differing = decide(im, values, ours, base, takes, conflicts);
	if (status == BITIM_OK && differing > 0 && !ours->deleted)
		status = take(im, uuid, values, ours, takes, conflicts, &changed);
	for (size_t k = 0; k < im->nallowed; k++)
		nconflict += flags && conflicts[k];
	if (status == BITIM_OK && changed && im->table == EXPORT_CASES)
		status = case_refresh_deadline(im->s, im->p, ours->case_id);
	if (status == BITIM_OK && changed)
		status = touch(im, ours->case_id);
	if (status == BITIM_OK && nconflict > 0)
		status = keep_conflict(im, uuid, values, ours, conflicts, &decided);
	else if (status == BITIM_OK && differing > 0 && !changed)
		status = still_waiting(im, uuid, ours, &nconflict);
	if (status == BITIM_OK) {
		if (changed)
			im->counts.updated++;
		else if (nconflict == 0 || decided)
			im->counts.identical++;
	}
	free(flags);
	return status;
}

enum bitim_status merge_row(struct importer *im, const char *const *values, const char **why, const char **what)
{
	const char *uuid = import_incoming(im, values, 0);
	const char *case_uuid = im->table == EXPORT_CASES ? uuid : import_incoming(im, values, 1);
	struct version ours = { 0 };
	struct base base = { 0 };
	int64_t case_id = 0;
	enum bitim_status status = BITIM_OK;

	if (im->table != EXPORT_CASES && (status = case_id_of(im, case_uuid, &case_id)) == BITIM_ERR_NOTFOUND) {
		*why = N_("refers to a case that is neither in the database nor in the import");
		*what = "case_uuid";
		return BITIM_ERR_INVALID;
	}
	/* A table that was empty when this file's or database's rows for it began
	 * holds none of them (their UUIDs are unique, checked by the dry run). */
	if (status == BITIM_OK && !im->fresh)
		status = read_ours(im, uuid, &ours);
	if (status == BITIM_OK && ours.found && im->table != EXPORT_CASES && ours.case_id != case_id) {
		*why = N_("this row belongs to another case in this database");
		*what = "case_uuid";
		status = BITIM_ERR_INVALID;
	}
	/* A record this database does not have yet needs no base to merge. */
	if (status == BITIM_OK && ours.found)
		status = read_base(im, ours.row_id, uuid, &base);
	else if (status == BITIM_OK && !(base.fp = calloc(1, sizeof *base.fp)))
		status = BITIM_ERR_NOMEM;
	else if (status == BITIM_OK)
		status = origin_id(im);
	if (status == BITIM_OK)
		status = ours.found ? merge_existing(im, uuid, values, &ours, &base)
				    : add(im, uuid, case_id, values, &ours.row_id);
	/* The base read is still valid: its statement is reset only by the next read. */
	if (status == BITIM_OK)
		status = put_base(im, ours.row_id, uuid, values, &base);
	free(base.fp);
	version_free(&ours, im->nallowed);
	return status;
}
