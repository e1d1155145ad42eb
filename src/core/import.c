/* Importing rows of the register's tables: columns mapped, every value
 * checked as strictly as a typed one, written in batches. */
#include <config.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bitim/date.h"
#include "bitim/deadlines.h"
#include "bitim/i18n.h"
#include "bitim/utf8.h"
#include "bitim/validate.h"
#include "import_internal.h"

/* A transaction holds at least this many rows, and more while it has held
 * the write lock for less than BATCH_SECONDS (up to BATCH_ROWS_MAX): an open
 * bitim waiting to save (busy timeout 5 s) gets the lock within half a
 * second, and each commit rewrites the pages the batch changed in every
 * index (the larger the batch, the fewer times each is written). */
#define BATCH_ROWS 4000
#define BATCH_ROWS_MAX 200000
#define BATCH_SECONDS 0.5
#define PROGRESS_ROWS 5000
/* Text the editor would never let a user type: it holds at most 20,000
 * characters in a field (EDITOR_MAX_CHARS in src/tui/editor.h). */
#define MAX_TEXT_CHARS 20000
#define MAX_LINE_BYTES 2000

void importer_on_conflict(struct importer *im, import_conflict_fn fn, void *ctx)
{
	im->on_conflict = fn;
	im->conflict_ctx = ctx;
}

void importer_on_progress(struct importer *im, import_progress_fn fn, void *ctx)
{
	im->on_progress = fn;
	im->progress_ctx = ctx;
}

void importer_dry_run(struct importer *im)
{
	im->dry = true;
}

void importer_whole_files(struct importer *im)
{
	im->whole = true;
}

void importer_at_line(struct importer *im, size_t line)
{
	im->line = line;
}

size_t importer_repeat_of(const struct importer *im)
{
	return im->repeat_of;
}

const char *importer_errmsg(const struct importer *im)
{
	return store_errmsg(im->s);
}

void importer_set_today(struct importer *im, bitim_day today)
{
	im->today = today;
}

void importer_checked(struct importer *im)
{
	im->trusted = true;
}

static bool is_uuid(const char *v);

enum bitim_status importer_set_origin(struct importer *im, const char *origin)
{
	char *copy;

	/* The base is kept by it: another office's text, checked as a UUID is. */
	if (!origin || !is_uuid(origin))
		return BITIM_ERR_INVALID;
	copy = strdup(origin);

	if (!copy)
		return BITIM_ERR_NOMEM;
	free(im->origin);
	im->origin = copy;
	im->origin_id = 0;
	return BITIM_OK;
}

enum bitim_status importer_new(struct store *s, const struct procedure *p, const char *source, struct importer **out)
{
	struct importer *im = calloc(1, sizeof *im);

	*out = NULL;
	if (!im || !(im->source = strdup(source))) {
		free(im);
		return BITIM_ERR_NOMEM;
	}
	im->s = s;
	im->p = p;
	im->today = date_today();
	im->table = EXPORT_TABLE_COUNT;
	/* Every record is looked up by UUID in indexes that grow with the
	 * register: a page cache of some tens of MB keeps them in memory (a
	 * bound, whatever the size of the register). */
	store_tune_bulk(s);
	*out = im;
	return BITIM_OK;
}

enum bitim_status import_stmt(struct importer *im, enum import_stmt which, const char *sql, sqlite3_stmt **out)
{
	enum bitim_status st = BITIM_OK;

	if (!im->q[which])
		st = store_prepare(im->s, sql, &im->q[which]);
	else {
		sqlite3_reset(im->q[which]);
		sqlite3_clear_bindings(im->q[which]);
	}
	*out = im->q[which];
	return st;
}

static unsigned char kind_of(const struct importer *im, const char *name, const struct field_def **field);
static void choices_forget(struct importer *im);

static int column_index(const struct importer *im, const char *name)
{
	for (size_t i = 0; i < im->nallowed; i++)
		if (strcmp(im->allowed[i], name) == 0)
			return (int)i;
	return -1;
}

/* A header's columns against the table's: known, once each, keys present. */
static enum bitim_status map_columns(struct importer *im, const char *const *columns, size_t n, const char **why,
				     const char **what)
{
	static const char *const keys[] = { "uuid", "case_uuid" };

	if (n > IMPORT_MAX_COLUMNS) {
		*why = N_("too many columns");
		return BITIM_ERR_INVALID;
	}
	for (size_t k = 0; k < im->nallowed; k++)
		im->from[k] = -1;
	for (size_t i = 0; i < n; i++) {
		int k = column_index(im, columns[i]);
		if (k < 0 || im->from[k] >= 0) {
			*why = k < 0 ? N_("unknown column") : N_("the column appears twice");
			*what = columns[i];
			return BITIM_ERR_INVALID;
		}
		im->map[i] = k;
		im->from[k] = (int)i;
	}
	im->ncolumns = n;
	for (size_t k = 0; k < 2; k++) {
		bool needed = im->table == EXPORT_OUTCOMES ? k == 1 : (k == 0 || im->table != EXPORT_CASES);
		if (needed && im->from[column_index(im, keys[k])] < 0) {
			*why = N_("a required column is missing");
			*what = keys[k];
			return BITIM_ERR_INVALID;
		}
	}
	return BITIM_OK;
}

/* Every column the table's export writes (without the confidential ones)
 * is in the header; else *what lists those missing. */
static enum bitim_status check_whole(struct importer *im, const char *const *columns, size_t n, const char **why,
				     const char **what)
{
	const char **names = NULL;
	size_t count = 0, len = 0;
	enum bitim_status st;

	if ((st = export_columns(im->p, im->table, false, &names, &count)) != BITIM_OK)
		return st;
	im->missing[0] = '\0';
	for (size_t k = 0; k < count; k++) {
		bool found = false;
		for (size_t i = 0; i < n && !found; i++)
			found = strcmp(columns[i], names[k]) == 0;
		if (!found && len + strlen(names[k]) + 3 < sizeof im->missing)
			len += (size_t)snprintf(im->missing + len, sizeof im->missing - len, "%s%s", len ? ", " : "", names[k]);
	}
	free(names);
	if (!im->missing[0])
		return BITIM_OK;
	*why = N_("missing: a file of bitim's export holds every column of its table; export it again");
	*what = im->missing;
	return BITIM_ERR_INVALID;
}

/* Whether table t has no rows yet. */
static enum bitim_status table_empty(struct importer *im, enum export_table t, bool *empty)
{
	static const char *const sql[EXPORT_OUTCOMES] = {
		[EXPORT_CASES] = "SELECT NOT EXISTS (SELECT 1 FROM cases)",
		[EXPORT_PARTIES] = "SELECT NOT EXISTS (SELECT 1 FROM parties)",
		[EXPORT_SESSIONS] = "SELECT NOT EXISTS (SELECT 1 FROM sessions)",
		[EXPORT_OBLIGATIONS] = "SELECT NOT EXISTS (SELECT 1 FROM obligations)",
	};
	int64_t v = 0;
	enum bitim_status st = (unsigned)t < EXPORT_OUTCOMES ? store_query_int(im->s, sql[t], &v) : BITIM_OK;

	*empty = st == BITIM_OK && v == 1;
	return st;
}

enum bitim_status importer_table(struct importer *im, enum export_table t, const char *const *columns, size_t n,
				 const char **why, const char **what)
{
	enum bitim_status st;

	*why = NULL;
	*what = NULL;
	free(im->allowed);
	im->allowed = NULL;
	im->table = t;
	/* The table's own statements are prepared again for the new table. */
	for (int q = Q_LOCAL; q <= Q_INSERT; q++) {
		sqlite3_finalize(im->q[q]);
		im->q[q] = NULL;
	}
	if ((st = export_columns(im->p, t, true, &im->allowed, &im->nallowed)) != BITIM_OK)
		return st;
	im->fixed = export_fixed_columns(t);
	choices_forget(im);
	free(im->name_fp);
	if (!(im->name_fp = calloc(im->nallowed + 1, sizeof *im->name_fp)))
		return BITIM_ERR_NOMEM;
	free(im->kind);
	free(im->field);
	im->kind = calloc(im->nallowed + 1, sizeof *im->kind);
	im->field = calloc(im->nallowed + 1, sizeof *im->field);
	if (!im->kind || !im->field)
		return BITIM_ERR_NOMEM;
	for (size_t k = 0; k < im->nallowed; k++) {
		im->name_fp[k] = merge_name_fp(im->allowed[k]);
		im->kind[k] = kind_of(im, im->allowed[k], &im->field[k]);
	}
	if (t == EXPORT_OUTCOMES) {
		/* Derived from the cases: its columns are only checked by name. */
		im->ncolumns = n;
		for (size_t i = 0; i < n; i++)
			if (column_index(im, columns[i]) < 0) {
				*why = N_("unknown column");
				*what = columns[i];
				return BITIM_ERR_INVALID;
			}
		return BITIM_OK;
	}
	if (im->whole && (st = check_whole(im, columns, n, why, what)) != BITIM_OK)
		return st;
	im->fresh = false;
	if (!im->dry && (st = table_empty(im, t, &im->fresh)) != BITIM_OK)
		return st;
	/* The UUIDs the dry run sees in this file, on disk in SQLite's
	 * temporary store: bounded memory whatever the number of rows. */
	if (im->dry && im->whole && (st = store_exec(im->s, "CREATE TEMP TABLE IF NOT EXISTS import_seen (uuid TEXT PRIMARY KEY, line INTEGER)"
					   " WITHOUT ROWID; DELETE FROM temp.import_seen;"
					   " CREATE TEMP TABLE IF NOT EXISTS import_cases (uuid TEXT PRIMARY KEY, number TEXT NOT NULL)"
					   " WITHOUT ROWID")) != BITIM_OK)
		return st;
	return map_columns(im, columns, n, why, what);
}

/* ------------------------------------------------------------ checking */

static bool is_uuid(const char *v)
{
	if (!v || strlen(v) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? v[i] != '-' : !isxdigit((unsigned char)v[i]) || isupper((unsigned char)v[i]))
			return false;
	}
	return true;
}

static bool is_int(const char *v, long min, long max)
{
	char *end;
	long n;

	if (!v || !*v || !isdigit((unsigned char)*v))
		return false;
	n = strtol(v, &end, 10);
	return *end == '\0' && n >= min && n <= max;
}

static bool all_digits(const char *v, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)v[i]))
			return false;
	return true;
}

/* YYYY-MM-DDTHH:MM:SSZ, as bitim writes its times. */
static bool is_timestamp(const char *v)
{
	char day[11];
	bitim_day d;

	if (strlen(v) != 20 || v[10] != 'T' || v[13] != ':' || v[16] != ':' || v[19] != 'Z' ||
	    !all_digits(v + 11, 2) || !all_digits(v + 14, 2) || !all_digits(v + 17, 2))
		return false;
	memcpy(day, v, 10);
	day[10] = '\0';
	return date_parse_iso(day, &d) && atoi(v + 11) < 24 && atoi(v + 14) < 60 && atoi(v + 17) < 61;
}

/* A case number as bitim gives it: CODE-YYYY-NNNN (the office code, the year,
 * four or more digits). Nothing else can reach a file name or a terminal. */
static bool is_case_number(const char *v)
{
	const char *dash = strchr(v, '-');
	size_t code = dash ? (size_t)(dash - v) : 0, len = strlen(v);
	char head[8];

	if (code < 2 || code > 6 || len < code + 10 || len > code + 14)
		return false;
	memcpy(head, v, code);
	head[code] = '\0';
	return store_office_code_check(head) == NULL && all_digits(dash + 1, 4) && dash[5] == '-' &&
	       all_digits(dash + 6, len - code - 6);
}

/* Control characters other than line breaks and tabs have no place in a value. */
static bool has_control(const char *v, bool lines)
{
	for (const unsigned char *c = (const unsigned char *)v; *c; c++)
		if ((*c < 0x20 && !(lines && (*c == '\n' || *c == '\r' || *c == '\t'))) || *c == 0x7f)
			return true;
	return false;
}

/* A value of a field that the forms define: it must be what bitim stores. */
static const char *check_field(const struct field_def *f, const char *v)
{
	char *norm = NULL;
	const char *why;

	if (strlen(v) > MAX_TEXT_CHARS && (strlen(v) > 4 * MAX_TEXT_CHARS || utf8_len_chars(v) > MAX_TEXT_CHARS))
		return N_("is longer than the form lets anyone type");
	if (has_control(v, f->type == FIELD_MULTILINE))
		return N_("holds control characters");
	why = field_normalize(f, v, &norm);
	if (!why && (!norm || strcmp(norm, v) != 0))
		why = N_("not in the form bitim stores it");
	free(norm);
	return why;
}

/* A choice's value is one of a few: each accepted one is remembered per
 * column, and checked once (the check depends on the value alone). */
static bool choice_known(const struct importer *im, size_t k, const char *v)
{
	for (size_t i = 0; i < IMPORT_CHOICES_KNOWN && im->choice_ok[i].v; i++)
		if (im->choice_ok[i].k == k && strcmp(im->choice_ok[i].v, v) == 0)
			return true;
	return false;
}

static void choice_remember(struct importer *im, size_t k, const char *v)
{
	size_t i = im->choice_next++ % IMPORT_CHOICES_KNOWN;
	char *copy = strdup(v);

	if (!copy)
		return; /* only not remembered: checked again next time */
	free(im->choice_ok[i].v);
	im->choice_ok[i].v = copy;
	im->choice_ok[i].k = k;
}

static const char *check_choice(struct importer *im, size_t k, const char *v)
{
	const char *why;

	if (choice_known(im, k, v))
		return NULL;
	if (!(why = check_field(im->field[k], v)))
		choice_remember(im, k, v);
	return why;
}

static void choices_forget(struct importer *im)
{
	for (size_t i = 0; i < IMPORT_CHOICES_KNOWN; i++) {
		free(im->choice_ok[i].v);
		im->choice_ok[i].v = NULL;
	}
	im->choice_next = 0;
}

static bool is_one_of(const char *name, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

/* How a column's values are checked, decided once per table. */
enum kind { K_TEXT, K_UUID, K_YEAR, K_SEQ, K_STAGE, K_STATUS, K_OUTCOME, K_NUMBER, K_OFFICE, K_TIME, K_LABEL,
	    K_DATE, K_FIELD, K_REQUIRED = 0x80 };

static unsigned char kind_of(const struct importer *im, const char *name, const struct field_def **field)
{
	static const char *const dates[] = { "received_on", "contract_on", "signed_on", "terminated_on",
		"closed_on", "next_deadline", "held_on", "due_on", NULL };
	static const char *const required[] = { "uuid", "case_uuid", "number", "stage", NULL };
	static const struct { const char *name; enum kind kind; } named[] = {
		{ "uuid", K_UUID }, { "case_uuid", K_UUID }, { "year", K_YEAR }, { "seq", K_SEQ }, { "position", K_SEQ },
		{ "stage", K_STAGE }, { "outcome", K_OUTCOME }, { "number", K_NUMBER }, { "case_number", K_NUMBER },
		{ "office_code", K_OFFICE }, { "created_at", K_TIME }, { "updated_at", K_TIME },
		{ "deadline_label", K_LABEL },
	};
	unsigned char k = K_TEXT;

	*field = NULL;
	if (strcmp(name, "status") == 0 && im->table == EXPORT_CASES)
		k = K_STATUS;
	for (size_t i = 0; k == K_TEXT && i < sizeof named / sizeof named[0]; i++)
		if (strcmp(name, named[i].name) == 0)
			k = named[i].kind;
	if (k == K_TEXT && is_one_of(name, dates)) {
		k = K_DATE;
		*field = procedure_entity_field(im->p, export_table_entity(im->table), name); /* for max=today */
	}
	if (k == K_TEXT && (*field = procedure_entity_field(im->p, export_table_entity(im->table), name)))
		k = K_FIELD;
	return (unsigned char)(k | (is_one_of(name, required) ? K_REQUIRED : 0) | (merge_kept_column(name) ? IMPORT_KEPT : 0));
}

/* A date the form lets no one type because it has not happened yet
 * (max=today): later than the day after the import's (the other office's
 * clock may run some hours ahead, or its day start earlier). */
static const char *check_not_future(const struct importer *im, const struct field_def *f, const char *v)
{
	bitim_day d;

	if (f && f->type == FIELD_DATE && f->not_future && date_parse_iso(v, &d) && d > im->today + 1)
		return N_("is a date later than today: only what has happened is recorded");
	return NULL;
}

/* Text no form defines (a deadline's label): refused as a typed text is
 * for a control character, C1 ones included (U+009B starts an escape
 * sequence on some terminals), or an invisible one that reorders the text
 * shown (U+202E). */
static const char *plain_text(const char *v)
{
	char *norm = NULL;
	const char *why = validate_text(v, false, &norm);

	free(norm);
	return why;
}

/* Check one value of column k of the current table. */
static const char *check_value(struct importer *im, size_t k, const char *v)
{
	const char *why;
	bitim_day d;

	if (!v || !*v)
		return im->kind[k] & K_REQUIRED ? N_("must not be empty") : NULL;
	if (!utf8_valid(v, strlen(v)))
		return N_("is not valid UTF-8");
	switch ((enum kind)(im->kind[k] & ~(K_REQUIRED | IMPORT_KEPT))) {
	case K_UUID:
		return is_uuid(v) ? NULL : N_("is not a UUID");
	case K_YEAR:
		return is_int(v, DATE_MIN_YEAR, DATE_MAX_YEAR) ? NULL : N_("is not a year");
	case K_SEQ:
		return is_int(v, 1, 100000000) ? NULL : N_("is not a positive whole number");
	case K_STAGE:
		return procedure_stage_index(im->p, v) >= 0 ? NULL : N_("is not a stage of the procedure");
	case K_STATUS:
		return strcmp(v, "open") == 0 || strcmp(v, "closed") == 0 ? NULL : N_("must be open or closed");
	case K_OUTCOME:
		return strcmp(v, "settled") == 0 || strcmp(v, "terminated") == 0 ? NULL : N_("must be settled or terminated");
	case K_NUMBER:
		return is_case_number(v) ? NULL : N_("is not a case number such as KRG-2026-0042");
	case K_OFFICE:
		return store_office_code_check(v);
	case K_TIME:
		return is_timestamp(v) ? NULL : N_("is not a time as YYYY-MM-DDTHH:MM:SSZ");
	case K_LABEL:
		return strlen(v) <= 200 ? plain_text(v) : N_("is not a deadline's label");
	case K_DATE:
		return date_parse_iso(v, &d) ? check_not_future(im, im->field[k], v) : N_("is not a date as YYYY-MM-DD");
	case K_FIELD:
		why = im->field[k]->type == FIELD_CHOICE || im->field[k]->type == FIELD_YESNO ? check_choice(im, k, v)
										      : check_field(im->field[k], v);
		return why ? why : check_not_future(im, im->field[k], v);
	default:
		break;
	}
	if (strlen(v) > MAX_LINE_BYTES)
		return N_("is longer than the form lets anyone type");
	return plain_text(v);
}

/* The number, office code, year and sequence of a case agree. */
static const char *check_identity(const struct importer *im, const char *const *values)
{
	const char *number = import_incoming(im, values, 1), *code = import_incoming(im, values, 2),
		   *year = import_incoming(im, values, 3), *seq = import_incoming(im, values, 4);
	size_t len = code ? strlen(code) : 0;

	if (!number || !code)
		return NULL;
	if (strncmp(number, code, len) != 0 || number[len] != '-')
		return N_("does not start with the case's office code");
	if (year && strncmp(number + len + 1, year, 4) != 0)
		return N_("does not hold the case's year");
	if (seq && atol(number + len + 6) != atol(seq))
		return N_("does not end with the case's sequence number");
	return NULL;
}

/* A case's status and outcome are what its stage gives (closed at a final
 * stage; the outcome of the stage that sets one): a file cannot hold an
 * open case as closed, or a case at intake as settled. *what names the column. */
static const char *check_stage_agrees(const struct importer *im, const char *const *values, const char **what)
{
	const char *name = import_incoming(im, values, 5), *status = import_incoming(im, values, 6),
		   *outcome = import_incoming(im, values, 7), *want;
	int stage = name ? procedure_stage_index(im->p, name) : -1;

	if (stage < 0)
		return NULL; /* a file without the column, or told by the stage's own check */
	want = im->p->stages[stage].final ? "closed" : "open";
	if (status && strcmp(status, want) != 0) {
		*what = "status";
		return N_("does not agree with the case's stage");
	}
	want = im->p->stages[stage].outcome;
	if ((outcome || want) && !(outcome && want && strcmp(outcome, want) == 0)) {
		*what = "outcome";
		return N_("does not agree with the case's stage");
	}
	return NULL;
}

const char *import_incoming(const struct importer *im, const char *const *values, size_t k)
{
	int i = k < im->nallowed ? im->from[k] : -1;
	return i >= 0 && values[i] && *values[i] ? values[i] : NULL;
}

/* A UUID the dry run saw on an earlier line of the same file: the row
 * would overwrite that one (a party blended from two). Files only: another
 * database's UUIDs are unique by its schema. */
static enum bitim_status check_repeat(struct importer *im, const char *const *values, const char **why, const char **what)
{
	int k = column_index(im, "uuid");
	const char *uuid = k >= 0 ? import_incoming(im, values, (size_t)k) : NULL;
	sqlite3_stmt *q;
	enum bitim_status st;

	if (!uuid)
		return BITIM_OK;
	if ((st = import_stmt(im, Q_SEEN_PUT, "INSERT OR IGNORE INTO temp.import_seen (uuid, line) VALUES (?1, ?2)", &q)) != BITIM_OK)
		return st;
	sqlite3_bind_text(q, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, (sqlite3_int64)im->line);
	if (sqlite3_step(q) != SQLITE_DONE)
		return BITIM_ERR_DB;
	if (sqlite3_changes(im->s->db) > 0)
		return BITIM_OK;
	if ((st = import_stmt(im, Q_SEEN_GET, "SELECT line FROM temp.import_seen WHERE uuid = ?1", &q)) != BITIM_OK)
		return st;
	sqlite3_bind_text(q, 1, uuid, -1, SQLITE_STATIC);
	im->repeat_of = sqlite3_step(q) == SQLITE_ROW ? (size_t)sqlite3_column_int64(q, 0) : 1;
	sqlite3_reset(q);
	*why = N_("the same UUID as an earlier row: each record may appear once");
	*what = "uuid";
	return BITIM_ERR_INVALID;
}

/* The cases the dry run saw in this run's files, by UUID with their
 * numbers, so that a row of a case is checked against its case. */
static enum bitim_status note_case(struct importer *im, const char *const *values)
{
	sqlite3_stmt *q;
	enum bitim_status st = import_stmt(im, Q_CASE_NOTE, "INSERT OR REPLACE INTO temp.import_cases (uuid, number) VALUES (?1, ?2)", &q);

	if (st != BITIM_OK)
		return st;
	sqlite3_bind_text(q, 1, import_incoming(im, values, 0), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, import_incoming(im, values, 1), -1, SQLITE_STATIC);
	st = sqlite3_step(q) == SQLITE_DONE ? BITIM_OK : BITIM_ERR_DB;
	sqlite3_reset(q);
	return st;
}

/* A party, session or obligation names its case twice, by UUID and by
 * number: the case must be one this run's files or the database hold, and
 * the two must agree (a row attached to one case while it names another
 * would be filed where no one looks for it). */
static enum bitim_status check_case_ref(struct importer *im, const char *const *values, const char **why, const char **what)
{
	const char *case_uuid = import_incoming(im, values, 1), *number = import_incoming(im, values, 2);
	sqlite3_stmt *q;
	enum bitim_status st = import_stmt(im, Q_CASE_REF, "SELECT number FROM temp.import_cases WHERE uuid = ?1"
					   " UNION ALL SELECT number FROM cases WHERE uuid = ?1 LIMIT 1", &q);

	if (st != BITIM_OK || !case_uuid)
		return st;
	sqlite3_bind_text(q, 1, case_uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(q) != SQLITE_ROW) {
		*why = N_("is no case of these files or of this database: import the cases' file with it");
		*what = "case_uuid";
		st = BITIM_ERR_INVALID;
	} else if (number && strcmp((const char *)sqlite3_column_text(q, 0), number) != 0) {
		*why = N_("is not the number of the case its case_uuid names");
		*what = "case_number";
		st = BITIM_ERR_INVALID;
	}
	sqlite3_reset(q);
	return st;
}

/* ----------------------------------------------------------- batching */

/* A statement left stepped keeps a read transaction open after COMMIT, and
 * while one is open the WAL file can never start over: it would grow by the
 * whole merge (gigabytes for a million cases). Reset them all at each commit. */
void import_reset_all(struct importer *im)
{
	for (int q = 0; q < Q_COUNT; q++)
		if (im->q[q])
			sqlite3_reset(im->q[q]);
	im->touched = 0;
	im->case_of.id = 0;
}

static double now_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void import_batch_begin(struct importer *im)
{
	im->batch_began = now_seconds();
}

bool import_batch_full(const struct importer *im, size_t rows)
{
	return rows >= BATCH_ROWS_MAX || (rows >= BATCH_ROWS && now_seconds() - im->batch_began >= BATCH_SECONDS);
}

static enum bitim_status next_row(struct importer *im)
{
	enum bitim_status st = BITIM_OK;

	if (++im->rows % PROGRESS_ROWS == 0 && im->on_progress)
		im->on_progress(im->progress_ctx, im->rows);
	if (im->dry || !import_batch_full(im, ++im->in_batch))
		return BITIM_OK;
	import_reset_all(im);
	if ((st = store_commit(im->s)) == BITIM_OK) {
		im->in_batch = 0;
		im->counts.written = im->rows;
	}
	return st;
}

enum bitim_status importer_row(struct importer *im, const char *const *values, size_t n, const char **why,
			       const char **what)
{
	enum bitim_status status;

	*why = NULL;
	*what = NULL;
	if (n != im->ncolumns) {
		*why = N_("the row has another number of fields than the header");
		return BITIM_ERR_INVALID;
	}
	if (im->table == EXPORT_OUTCOMES)
		return BITIM_OK; /* derived from the cases: nothing to bring in */
	for (size_t i = 0; i < n && !im->trusted; i++) {
		const char *bad = check_value(im, (size_t)im->map[i], values[i]);
		if (bad) {
			*why = bad;
			*what = im->allowed[im->map[i]];
			return BITIM_ERR_INVALID;
		}
	}
	if (im->table == EXPORT_CASES && !im->trusted && (*why = check_identity(im, values))) {
		*what = "number";
		return BITIM_ERR_INVALID;
	}
	if (im->table == EXPORT_CASES && !im->trusted && (*why = check_stage_agrees(im, values, what)))
		return BITIM_ERR_INVALID;
	if (im->dry && im->whole && (status = check_repeat(im, values, why, what)) != BITIM_OK)
		return status;
	if (im->dry && im->whole &&
	    (status = im->table == EXPORT_CASES ? note_case(im, values) : check_case_ref(im, values, why, what)) != BITIM_OK)
		return status;
	if (im->dry)
		return next_row(im);
	if (im->s->depth == 0) {
		if ((status = store_begin(im->s)) != BITIM_OK)
			return status;
		import_batch_begin(im);
	}
	if ((status = merge_row(im, values, why, what)) != BITIM_OK)
		return status;
	return next_row(im);
}

enum bitim_status importer_finish(struct importer *im, bool commit, struct import_counts *counts)
{
	enum bitim_status status = BITIM_OK;

	import_reset_all(im);
	/* The last commits are synced: what the merge reports done is on disk. */
	if (!im->dry)
		store_tune_bulk_end(im->s);
	if (!im->dry && commit && im->s->depth > 0) {
		status = store_commit(im->s); /* rolls back by itself if COMMIT fails */
		if (status == BITIM_OK)
			im->counts.written = im->rows;
	} else if (!im->dry)
		store_rollback(im->s);
	if (counts)
		*counts = im->counts;
	/* What was committed is searchable, even after a merge that stopped;
	 * the deadlines of cases added are computed here, not taken on trust. */
	if (!im->dry && (commit || status == BITIM_OK)) {
		enum bitim_status re = merge_reindex(im);
		if (re == BITIM_OK && im->cases_added > 0)
			re = deadlines_mark_stale(im->s);
		status = status == BITIM_OK ? re : status;
	}
	for (int q = 0; q < Q_COUNT; q++)
		sqlite3_finalize(im->q[q]);
	if (im->dry && im->whole)
		store_exec(im->s, "DROP TABLE IF EXISTS temp.import_cases");
	choices_forget(im);
	free(im->allowed);
	free(im->name_fp);
	free(im->kind);
	free(im->field);
	free(im->source);
	free(im->origin);
	free(im);
	return status;
}
