/* Bringing records in: from bitim's own CSV export or another office's
 * database. Matched by UUID and merged three-way against what that register
 * sent last time (the base, kept per record in merge_base): new records are
 * added, a change made on one side only is taken (a stage through the
 * procedure's rules), and a value both sides changed since is kept aside in
 * the conflicts table for the user to decide, never overwriting. Written in
 * batches of short transactions, so an open bitim keeps saving; a dry run
 * checks every row first without writing. */
#ifndef BITIM_IMPORT_H
#define BITIM_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "bitim/date.h"
#include "bitim/export.h"

struct importer;

struct import_counts {
	size_t added, identical, conflicts;
	size_t updated; /* records that took the other side's one-sided changes */
	size_t written; /* rows committed (a run that stopped keeps these) */
};

/* Start (a transaction); source names where the records come from. */
enum bitim_status importer_new(struct store *s, const struct procedure *p, const char *source, struct importer **out);

/* The table and columns of the rows that follow. Unknown columns, or a
 * missing key column, give BITIM_ERR_INVALID with *why (msgid) and *what. */
enum bitim_status importer_table(struct importer *im, enum export_table t, const char *const *columns, size_t n,
				 const char **why, const char **what);

/* One row in the columns given. A value that is not valid gives
 * BITIM_ERR_INVALID, *why (msgid) and *what (the column). */
enum bitim_status importer_row(struct importer *im, const char *const *values, size_t n, const char **why,
			       const char **what);

/* Told about each record kept aside as a conflict. */
typedef void (*import_conflict_fn)(void *ctx, enum export_table t, const char *uuid, const char *case_number);
void importer_on_conflict(struct importer *im, import_conflict_fn fn, void *ctx);

/* Check only: rows are validated, nothing is written (call before the first table). */
void importer_dry_run(struct importer *im);

/* The files come from bitim's export: a table's file must hold every column
 * its export writes (confidential ones may be left out), else importer_table
 * refuses it, *what naming the columns missing. */
void importer_whole_files(struct importer *im);

/* The line of the file the next row comes from (for a UUID seen twice). */
void importer_at_line(struct importer *im, size_t line);
/* After importer_row refused a UUID seen earlier in the same file: the line
 * of its first row; 0 otherwise. */
size_t importer_repeat_of(const struct importer *im);

/* The day a stage taken from the other register is completed on (the
 * clock's unless set). */
void importer_set_today(struct importer *im, bitim_day today);

/* The rows that follow are those a dry run just checked, read from the same
 * snapshot (a database held in one read transaction): not checked again. */
void importer_checked(struct importer *im);

/* The other register's identity (its office UUID): the key of the base. When
 * not set, the source names it. */
enum bitim_status importer_set_origin(struct importer *im, const char *origin);

/* Told every few thousand rows how many have been read. */
typedef void (*import_progress_fn)(void *ctx, size_t rows);
void importer_on_progress(struct importer *im, import_progress_fn fn, void *ctx);

/* SQLite's words for the last database error of the importer's store. */
const char *importer_errmsg(const struct importer *im);

/* Commit the batch in hand (or roll it back: batches already committed stay,
 * as a repeated merge skips them) and free. */
enum bitim_status importer_finish(struct importer *im, bool commit, struct import_counts *counts);

#endif
