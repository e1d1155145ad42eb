/* Bringing records in: from bitim's own CSV export or another office's
 * database. Matched by UUID: new records are added, identical ones skipped,
 * conflicting ones (same UUID, other content) kept aside in the conflicts
 * table for the user to resolve, never overwriting. All in one transaction. */
#ifndef BITIM_IMPORT_H
#define BITIM_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "bitim/export.h"

struct importer;

struct import_counts {
	size_t added, identical, conflicts;
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

/* Commit (or roll back everything) and free. */
enum bitim_status importer_finish(struct importer *im, bool commit, struct import_counts *counts);

#endif
