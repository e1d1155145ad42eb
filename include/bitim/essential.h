/* The essential terms of the agreement on mediation (Law "On Mediation",
 * Art. 21 p.2 as amended by Law No. 84-VII): a form set and contract
 * templates that could leave one of them out are refused. */
#ifndef BITIM_ESSENTIAL_H
#define BITIM_ESSENTIAL_H

#include <stddef.h>
#include "bitim/form.h"
#include "bitim/status.h"

/* The number of essential terms (Art. 21 p.2 sub-items 1-14). */
#define ESSENTIAL_TERMS 14

/* The law's name of sub-item n (1..14), an English msgid; NULL otherwise. */
const char *essential_term_name(int n);

/* Check that every essential term is carried by the forms (its fields exist,
 * must be filled by the time the agreement on mediation is signed) and by
 * each contract template (kk, ru, en: its clause marked "#! Art. 21 p.2(N)"
 * outside any {if}, and its fields printed). Returns BITIM_OK, or
 * BITIM_ERR_FORMS with the first problem, translated, in err. */
enum bitim_status essential_check(const struct procedure *p, char *err, size_t err_size);

#endif
