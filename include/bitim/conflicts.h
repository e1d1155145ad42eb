/* Records an import or merge kept aside because this database has the same
 * UUID with other content: listing them and resolving each one. */
#ifndef BITIM_CONFLICTS_H
#define BITIM_CONFLICTS_H

#include <stdint.h>
#include <stdio.h>
#include "bitim/form.h"
#include "bitim/store.h"

/* A column whose two versions differ; NULL stands for empty. */
struct conflict_value {
	char *name, *ours, *theirs;
};

struct conflict {
	int64_t id;
	char *table, *uuid, *source, *at, *case_number;
	struct conflict_value *diff;
	size_t ndiff;
};

/* Every unresolved conflict, oldest first. */
enum bitim_status conflicts_list(struct store *s, struct conflict **out, size_t *count);
void conflicts_free(struct conflict *list, size_t count);

/* How many conflicts wait to be resolved. */
enum bitim_status conflicts_waiting(struct store *s, size_t *count);

/* Keep this database's version. A resolved conflict stays in the table, marked
 * with the decision and its time; it is no longer listed. */
enum bitim_status conflict_keep(struct store *s, int64_t id);

#define CONFLICT_COLUMN_BUF 64

/* Take the incoming version: its non-empty form-field values are set through
 * case_set_field (checks, frozen terms, the case's log), all or nothing; values it
 * leaves empty are not cleared. When a column only the procedure changes
 * (stage, status, number...) differs, or a value is refused, nothing changes:
 * the status says why, with *reason (a msgid, when there is one) and column. */
enum bitim_status conflict_take(struct store *s, const struct procedure *p, int64_t id, const char **reason,
				char column[CONFLICT_COLUMN_BUF]);

/* Whether this incoming text for uuid is new, already kept aside, or was
 * decided on before (kept or taken): an import stores it only when new, and
 * counts one decided on as present. */
enum conflict_state { CONFLICT_NEW, CONFLICT_PENDING, CONFLICT_DECIDED };
enum bitim_status conflict_seen(struct store *s, const char *uuid, const char *incoming,
				enum conflict_state *state);

/* One "name=value" line of a conflict's text; newlines and backslashes in the
 * value are escaped so that every value stays on its line. */
void conflict_put_value(FILE *out, const char *name, const char *value);

#endif
