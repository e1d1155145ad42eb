/* Today for the program: the clock, or BITIM_TODAY where it is harmless. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/i18n.h"
#include "bitim/store.h"
#include "today.h"

#ifdef BITIM_TEST_HOOKS
static bool allowed = true; /* the tests fix the day of any database */
#else
static bool allowed;
#endif

bitim_day today_choose(const char *fixed, bool allow, bitim_day clock)
{
	bitim_day d;

	if (allow && fixed && date_parse_iso(fixed, &d))
		return d;
	return clock;
}

void today_allow(void)
{
	allowed = true;
}

void today_init(struct store *s)
{
	const char *fixed = getenv("BITIM_TODAY");
	char *demo = NULL;

	if (!fixed || !*fixed || allowed)
		return;
	if (store_setting_get(s, "demo", &demo) == BITIM_OK && demo && strcmp(demo, "1") == 0)
		allowed = true;
	else
		fprintf(stderr, "bitim: %s\n",
			_("BITIM_TODAY is ignored: it fixes the day only for a demonstration database, never for a real register"));
	free(demo);
}

bitim_day today_get(void)
{
	return today_choose(getenv("BITIM_TODAY"), allowed, date_today());
}
