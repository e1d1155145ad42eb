/* The register as tables: cases, parties, sessions, obligations, outcomes,
 * with stable English snake_case columns; raw stored values (ISO dates,
 * choice codes). Read row by row, so memory does not grow with the register. */
#ifndef BITIM_EXPORT_H
#define BITIM_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bitim/form.h"
#include "bitim/store.h"

enum export_table { EXPORT_CASES, EXPORT_PARTIES, EXPORT_SESSIONS, EXPORT_OBLIGATIONS, EXPORT_OUTCOMES,
		    EXPORT_TABLE_COUNT };

struct export_filter {
	const char *from, *to;     /* received_on within [from, to], ISO; NULL: open */
	const char *stage;         /* NULL: every stage */
	const char *category;      /* NULL: every category */
	const char *case_uuid;     /* NULL: every case */
	bool include_confidential; /* session notes */
};

/* "cases" ... "outcomes", and back (-1 when unknown). */
const char *export_table_name(enum export_table t);
int export_table_from_name(const char *name);
/* The entity whose rows a table holds; ENTITY_COUNT for outcomes (derived). */
enum entity export_table_entity(enum export_table t);

/* The columns of a table: the fixed ones, then the forms' other fields.
 * *names is malloc'd (the strings are static or borrowed from p). */
enum bitim_status export_columns(const struct procedure *p, enum export_table t, bool confidential,
				 const char ***names, size_t *count);

/* For the merge: the SQL that reads one record of a table (not outcomes) by
 * its UUID (?1): the fixed columns, then the case's number, the case's id,
 * the row's removed flag and the row's id. And how many fixed columns a table has. */
const char *export_by_uuid_sql(enum export_table t);
size_t export_fixed_columns(enum export_table t);

/* Called for each row with its values (NULL for empty) in column order. */
typedef enum bitim_status (*export_row_fn)(void *ctx, const char *const *values, size_t n,
					  const char *case_number);

/* Read the rows of a table that pass the filter, in a stable order. */
enum bitim_status export_rows(struct store *s, const struct procedure *p, enum export_table t,
			      const struct export_filter *f, export_row_fn row, void *ctx);

/* For the merge of a file made by hand: the first record of a table (not
 * outcomes) whose UUID another of its rows shares, its case's UUID and
 * number (malloc'd, NULL when every UUID is unique). */
enum bitim_status export_repeated_uuid(struct store *s, enum export_table t, char **uuid, char **case_uuid,
				       char **number);

/* Where text could not be written in the chosen encoding. */
struct export_problem {
	char case_number[40];
	char column[64];
};

/* Progress of a long export: rows written so far (for a terminal's stderr). */
typedef void (*export_progress_fn)(void *ctx, size_t rows);

struct csv_writer;

/* Write a table as CSV: a header row, then the rows. On text the encoding
 * cannot hold, returns BITIM_ERR_INVALID and fills *bad. *rows counts the rows. */
enum bitim_status export_csv(struct store *s, const struct procedure *p, enum export_table t,
			     const struct export_filter *f, struct csv_writer *w, export_progress_fn progress,
			     void *progress_ctx, size_t *rows, struct export_problem *bad);

/* After every table of the register was written into dir as <table>.csv
 * with rows[t] rows: the manifest (bitim/manifest.h), written last. */
enum bitim_status export_write_manifest(struct store *s, const char *dir, const size_t rows[EXPORT_TABLE_COUNT]);

#endif
