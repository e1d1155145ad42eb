/* Demonstration databases for trainers, and synthetic cases for scale. */
#ifndef BITIM_DEMO_H
#define BITIM_DEMO_H

#include <stddef.h>
#include "bitim/procedure.h"
#include "bitim/store.h"

/* A case as a script of steps, run through the same API as the screens:
 *   "case.KEY", "VALUE"        set a field of the case
 *   "+party", ""               add a row (party, session, obligation)...
 *   "party.KEY", "VALUE"       ...and set its fields
 *   "!", ""                    complete the stage
 *   "!terminate", ""           terminate mediation
 * A value "@-12" is the date 12 days before today (DD.MM.YYYY); "@+5" after.
 * The script ends with NULL. On an error, *why says which step failed. */
enum bitim_status demo_run_script(struct store *s, const struct procedure *p, int64_t case_id,
				  const char *const *script, bitim_day today, char *why, size_t why_size);

/* Fill an empty database with a dozen realistic cases in Kazakh, Russian and
 * English at every stage, with the office and mediator set and the database
 * marked as a demonstration (trainee help shown by default). */
enum bitim_status demo_build(struct store *s, const struct procedure *p, bitim_day today, char *why, size_t why_size);

/* Add n synthetic cases (varied languages, stages, categories, villages, valid
 * IINs), received over the two years before today in the order of their
 * numbers, committed in batches. Each holds what its stage's deadline is
 * computed from (the offer sent, the agreement, the term of criminal
 * proceedings, the settlement's obligation), and its cached deadline is the
 * one procedure_next_deadline gives (none without p). From 50,000 cases, or
 * into a scratch file, the secondary indexes, the count triggers and the
 * search index are made again after the load (and by the next load, if this
 * one is cut short). scratch: the database is a new file that is renamed
 * into place only when complete, so it is written without a journal and
 * without syncing. */
enum bitim_status demo_synthetic(struct store *s, const struct procedure *p, size_t n, bitim_day today,
				 bool scratch);
/* Before any database is opened by a process that loads synthetic cases:
 * SQLite keeps no statistics of its memory (a lock and a count on every
 * allocation of millions; bitim never reads them). */
void demo_synthetic_init(void);
/* From how many cases the indexes are built after the load (0: 50,000). For tests. */
void demo_synthetic_tune(size_t indexes_after);

/* A valid IIN for a birth date, sex and serial (the check digit computed). */
void demo_iin(int year, int month, int day, bool female, unsigned serial, char out[13]);

#endif
