/* Private to import.c and merge.c: the importer's state. */
#ifndef BITIM_IMPORT_INTERNAL_H
#define BITIM_IMPORT_INTERNAL_H

#include <stdint.h>
#include "bitim/import.h"
#include "store_internal.h"

#define IMPORT_MAX_COLUMNS 256
#define IMPORT_CHOICES_KNOWN 64

/* Statements prepared once per importer (or per table), reset after use. */
enum import_stmt {
	Q_LOCAL,     /* the record by UUID, in export columns (per table) */
	Q_INSERT,    /* a new record's fixed columns (per table) */
	Q_EXTRAS,    /* the forms' other fields of an owner */
	Q_VALUE,     /* insert one of those */
	Q_CASE_ID,   /* a case's id by its UUID */
	Q_BASE_GET,  /* what the other register sent last time */
	Q_BASE_PUT,
	Q_EVENT,     /* the case's log: created by import */
	Q_TOUCH,     /* a case to reindex at the end of the batch */
	Q_KEYS,      /* its search keys, as store_search_reindex reads them */
	Q_KEYS_HAS,
	Q_KEYS_DEL,
	Q_KEYS_PUT,
	Q_PENDING_DEL,
	Q_SEEN_PUT,  /* a UUID seen by the dry run in this file */
	Q_SEEN_GET,
	Q_CASE_NOTE, /* a case the dry run saw, with its number */
	Q_CASE_REF,  /* the number of a row's case */
	Q_COUNT
};

struct importer {
	struct store *s;
	const struct procedure *p;
	char *source;  /* shown with conflicts; owned */
	char *origin;  /* the other register's identity, keys the base; owned */
	int64_t origin_id; /* its row in merge_origin; 0 until looked up */
	enum export_table table;
	const char **allowed;      /* the table's export columns; owned array */
	size_t nallowed, fixed;
	uint32_t *name_fp;         /* per allowed column, its name's fingerprint; owned */
	unsigned char *kind;       /* per allowed column, how its values are checked; owned */
	const struct field_def **field; /* per allowed column, its form field or NULL; owned array */
	int map[IMPORT_MAX_COLUMNS];  /* incoming column → index in allowed */
	int from[IMPORT_MAX_COLUMNS]; /* index in allowed → incoming column, or -1 */
	size_t ncolumns;
	struct import_counts counts;
	size_t cases_added; /* their cached deadlines are the file's until recomputed */
	bool dry;          /* check only: nothing is written */
	bool whole;        /* every column of the export is required */
	char missing[512]; /* the columns a file lacks, for the message */
	bool trusted;      /* the same rows passed a dry run: not checked again */
	bitim_day today;   /* the day a stage taken is completed on */
	size_t in_batch;   /* rows written since the last commit */
	double batch_began; /* when the transaction in hand began (monotonic seconds) */
	/* Remembered within a transaction (forgotten at each commit): the case
	 * last touched for its search keys, the case last looked up. */
	bool fresh;        /* the table had no rows when this source's began */
	int64_t touched;
	/* Choice values already accepted: column, value (owned). */
	struct { size_t k; char *v; } choice_ok[IMPORT_CHOICES_KNOWN];
	size_t choice_next;
	struct { char uuid[40]; int64_t id; } case_of;
	size_t rows;       /* rows seen, for progress */
	size_t line;       /* the line of the row in hand */
	size_t repeat_of;  /* the first line of a UUID seen twice */
	sqlite3_stmt *q[Q_COUNT];
	import_conflict_fn on_conflict;
	void *conflict_ctx;
	import_progress_fn on_progress;
	void *progress_ctx;
};

/* The incoming value of column k (an index in allowed), NULL when empty or absent. */
const char *import_incoming(const struct importer *im, const char *const *values, size_t k);

/* Bring one checked row in: add it, or merge it three-way into the record
 * this database has. why and what as importer_row. */
enum bitim_status merge_row(struct importer *im, const char *const *values, const char **why, const char **what);

/* Rebuild the search keys of the cases merges touched (search_pending). */
enum bitim_status merge_reindex(struct importer *im);

/* Columns bitim keeps by itself (times, the deadline, what the stage sets)
 * or that only place a row: never compared by the merge. Marked in kind. */
bool merge_kept_column(const char *name);
#define IMPORT_KEPT 0x40

/* Fingerprints: of a column's name, and of a value (0 for empty). */
uint32_t merge_name_fp(const char *name);
uint64_t merge_value_fp(const char *value);

/* A transaction of the importer begins; whether, with rows written in it,
 * it is time to commit (held long enough, or large enough). */
void import_batch_begin(struct importer *im);
bool import_batch_full(const struct importer *im, size_t rows);

/* Reset every prepared statement of the importer (before a commit: a
 * statement left stepped holds a read transaction, and the WAL cannot start over). */
void import_reset_all(struct importer *im);

/* A prepared statement of the importer, reset and unbound; prepared on first use. */
enum bitim_status import_stmt(struct importer *im, enum import_stmt which, const char *sql, sqlite3_stmt **out);

#endif
