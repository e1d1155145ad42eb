/* The parties of a case for the case screen: who else is this person, and
 * the names a field chooses from. */
#ifndef BITIM_TUI_PARTIES_H
#define BITIM_TUI_PARTIES_H

#include <stddef.h>
#include "bitim/casedata.h"
#include "bitim/form.h"
#include "app.h"

/* After a party's name, IIN or BIN (field f of party row) is saved: earlier
 * cases of the office with the same person, shown in a dialog; the same IIN
 * under another name is marked as a typo or another person. */
void parties_who_else(struct app *app, const struct case_data *cd, const struct field_def *f, size_t row);

/* "With which party" and "who performs it" name a party of the case as it
 * was entered: the parties' names (borrowed from cd), at most max; 0 for
 * any other field. */
size_t parties_names(const struct case_data *cd, const struct field_def *f, const char **names, size_t max);

#endif
