/* The cached next deadline of every case (the case list's order) kept
 * current when the forms that define the deadlines change. */
#ifndef BITIM_DEADLINES_H
#define BITIM_DEADLINES_H

#include <stddef.h>
#include "bitim/procedure.h"
#include "bitim/status.h"
#include "bitim/store.h"

/* SHA-256 (64 hex digits) of the procedure's files in dir: the *.def and
 * *.form files, by name. */
enum bitim_status deadlines_forms_fingerprint(const char *dir, char out[65]);

/* When the forms' fingerprint differs from the one the database last saw,
 * recompute the deadline of every open case (case_refresh_deadline) and
 * remember the fingerprint. *count is how many cases were refreshed. */
enum bitim_status deadlines_refresh_if_changed(struct store *s, const struct procedure *p, const char *fingerprint,
					       size_t *count);

/* Record that the cases' deadlines were made for the forms of this
 * fingerprint (a database that bitim demo has just filled), so the next
 * start recomputes nothing. */
enum bitim_status deadlines_mark_current(struct store *s, const char *fingerprint);

#endif
