/* A snapshot of one case's values in memory: what the procedure's rules,
 * the screens and the documents read. Loaded from the store, or built by hand in tests. */
#ifndef BITIM_CASEDATA_H
#define BITIM_CASEDATA_H

#include <stddef.h>
#include <stdint.h>
#include "bitim/form.h"

#define UUID_BUF 37

struct case_data; /* opaque */

struct case_data *casedata_new(void);
void casedata_free(struct case_data *cd);

/* Identity of the case (set by the store when loading). */
int64_t casedata_id(const struct case_data *cd);
const char *casedata_uuid(const struct case_data *cd);
const char *casedata_number(const struct case_data *cd);
const char *casedata_stage(const struct case_data *cd);
int casedata_set_identity(struct case_data *cd, int64_t id, const char *uuid, const char *number,
			  const char *stage);

/* Add a row of a group; returns its index, or -1 without memory. */
int casedata_add_row(struct case_data *cd, enum entity e, const char *uuid);
size_t casedata_rows(const struct case_data *cd, enum entity e);
const char *casedata_row_uuid(const struct case_data *cd, enum entity e, size_t row);
/* Index of the row with this uuid, or -1. */
int casedata_row_index(const struct case_data *cd, enum entity e, const char *uuid);

/* Set a value (NULL clears) of the case (row ignored) or of a group row.
 * Returns 0, or -1 without memory or for a bad row. */
int casedata_set(struct case_data *cd, enum entity e, size_t row, const char *name, const char *value);

/* The value or NULL. For the case, e is ENTITY_CASE and row is ignored. */
const char *casedata_get(const struct case_data *cd, enum entity e, size_t row, const char *name);

/* The value of a case field by its key "case.name" (NULL for group keys). */
const char *casedata_case_value(const struct case_data *cd, const char *key);

#endif
