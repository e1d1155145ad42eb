/* The cached next deadline of every case (the case list's order) kept
 * current when the forms that define the deadlines change. */
#ifndef BITIM_DEADLINES_H
#define BITIM_DEADLINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
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

/* A refresh made in steps, so the first screen never waits for it: the
 * open cases are refreshed in the order of their id, a few per transaction,
 * and how far it came is saved with each step (a refresh cut short goes on
 * from there the next time). The forms' fingerprint is recorded when the
 * last case is done. */
struct deadlines_job;

/* The most cases one step refreshes. */
#define DEADLINES_STEP_MAX 2000

/* *job is NULL when the deadlines are current for these forms. */
enum bitim_status deadlines_refresh_begin(struct store *s, const struct procedure *p, const char *fingerprint,
					  struct deadlines_job **job);

/* Refresh the next max_cases open cases in one transaction; *done once the
 * last is. */
enum bitim_status deadlines_refresh_step(struct deadlines_job *job, size_t max_cases, bool *done);

/* Steps for about budget_ms milliseconds at most (at least one). */
enum bitim_status deadlines_refresh_work(struct deadlines_job *job, int budget_ms, bool *done);

/* How far it came (0 to 100) and how many cases it refreshed. */
int deadlines_refresh_percent(const struct deadlines_job *job);
size_t deadlines_refresh_count(const struct deadlines_job *job);

/* Whether a case's cached deadline is already the one of the current forms
 * (always, with no job or a finished one). A closed case has none. */
bool deadlines_case_current(const struct deadlines_job *job, int64_t case_id);

/* Refresh one case now, unless it is current (a case being opened). */
enum bitim_status deadlines_refresh_case(struct deadlines_job *job, int64_t case_id);

void deadlines_job_free(struct deadlines_job *job);

/* Record that the cases' deadlines were made for the forms of this
 * fingerprint (a database that bitim demo has just filled, or a refresh
 * complete), so the next start recomputes nothing; NULL records none. */
enum bitim_status deadlines_mark_current(struct store *s, const char *fingerprint);

/* Record that some cached deadlines were not computed here (cases an
 * import or merge added keep the deadline their file gave): the next start,
 * or export, recomputes every open case's, as after a forms change. */
enum bitim_status deadlines_mark_stale(struct store *s);

#endif
