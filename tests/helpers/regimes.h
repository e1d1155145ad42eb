/* Test helper: one case per regime, through to its papers (see regimes.c). */
#ifndef BITIM_TEST_REGIMES_H
#define BITIM_TEST_REGIMES_H

#include <stdbool.h>
#include "bitim/date.h"
#include "bitim/procedure.h"
#include "bitim/store.h"

int regimes_make(struct store *s, const struct procedure *p, bitim_day today, bool draft);

#endif
