/* The law's procedure applied to a case: which fields apply, what is missing,
 * whether a stage may be completed, the deadlines, and what is frozen. */
#ifndef BITIM_PROCEDURE_H
#define BITIM_PROCEDURE_H

#include <stdbool.h>
#include <stddef.h>
#include "bitim/casedata.h"
#include "bitim/date.h"
#include "bitim/form.h"

/* One reason a stage cannot be completed. */
struct problem {
	const struct field_def *field; /* the field to fix, or NULL; borrowed */
	int row;                       /* the group row, or -1 */
	char *message;                 /* translated; owned */
};

struct problems {
	struct problem *items; /* owned */
	size_t count;
};

void problems_free(struct problems *pr);

/* Whether a field applies to the case (its when= condition holds); row is
 * the group row for group fields. */
bool field_applies(const struct field_def *f, const struct case_data *cd, size_t row);

/* The answer a field with from_iin= takes from the IIN of its row: "yes"
 * for a person under 18 on `today`, "no" for one of 18 or over; NULL when
 * the field has no from_iin= or the IIN is empty or not valid (then the
 * user answers). */
const char *field_answer_from_iin(const struct field_def *f, const struct case_data *cd, size_t row, bitim_day today);

/* List everything that stops the case from completing `stage`: required
 * fields left empty, and guards that fail (not those marked `warn`).
 * Returns the number of problems (0: the stage may be completed), or -1
 * without memory. */
int procedure_check_stage(const struct procedure *p, const struct case_data *cd, int stage,
			  struct problems *out);

/* List the warnings of `stage`: its guards marked `warn` that fail. They do
 * not stop the stage, but the user must confirm them before completing it.
 * Returns the number of warnings, or -1 without memory. */
int procedure_stage_warnings(const struct procedure *p, const struct case_data *cd, int stage,
			     struct problems *out);

/* Whether the case in its current stage may be terminated, and what is
 * missing from the termination form. Returns the number of problems, -1 on error. */
int procedure_check_termination(const struct procedure *p, const struct case_data *cd,
				struct problems *out);

/* The earliest open deadline of the case in its current stage.
 * Returns true and fills due/label when there is one. */
bool procedure_next_deadline(const struct procedure *p, const struct case_data *cd,
			     bitim_day *due, const char **label);

/* Whether the field may no longer be changed: it belongs to a stage marked
 * `freeze` that the case has left (the signed settlement agreement). */
bool procedure_field_frozen(const struct procedure *p, const struct case_data *cd,
			    const struct field_def *f);

/* Whether a case in stage index `stage` is open (not in a final stage). */
bool procedure_stage_open(const struct procedure *p, int stage);

#endif
