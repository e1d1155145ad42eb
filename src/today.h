/* Today for the program (not the core): the machine's clock, or a fixed
 * day from BITIM_TODAY=YYYY-MM-DD where that is harmless. Signing,
 * termination and print dates are legal facts, so a real register never
 * runs on a made-up day: BITIM_TODAY is obeyed only for a demonstration
 * database (a trainer's fixed day), or for any database in a build
 * configured with --enable-test-hooks (the tests). */
#ifndef BITIM_TODAY_H
#define BITIM_TODAY_H

#include <stdbool.h>
#include "bitim/date.h"

struct store;

/* Decide, for the database just opened, whether BITIM_TODAY is obeyed; says
 * on stderr when it is set and ignored. */
void today_init(struct store *s);
/* Obey BITIM_TODAY from now on (bitim demo, making a demonstration database). */
void today_allow(void);
/* Today: BITIM_TODAY when allowed and valid, else the clock (date_today). */
bitim_day today_get(void);

/* The rule itself, for tests: fixed (may be NULL or invalid) when allowed,
 * else clock. */
bitim_day today_choose(const char *fixed, bool allowed, bitim_day clock);

#endif
