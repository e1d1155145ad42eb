/* Reports for the akimat and regional coordinators: counts by category,
 * outcome, referral, stage of the dispute, month, village and mediator;
 * duration and share settled; and early warning of rising disputes and of
 * parties who come back. */
#ifndef BITIM_REPORT_H
#define BITIM_REPORT_H

#include <stddef.h>
#include "bitim/date.h"
#include "bitim/form.h"
#include "bitim/store.h"

struct report_row {
	const char *section; /* msgid */
	char *key;           /* the stored code, or the value itself; owned */
	char *label;         /* what a reader sees (translated); owned */
	long count;
	char *detail;        /* e.g. the case numbers of a returning party; owned, may be NULL */
};

struct report {
	long total, settled, terminated, open;
	double share_settled;   /* settled / (settled + terminated), 0 when none ended */
	double avg_days;        /* agreement on mediation → settlement or termination; < 0 when none */
	struct report_row *rows; /* owned */
	size_t nrows;
};

/* Cases received within [from, to] (ISO; NULL: open). today anchors the
 * early-warning window (the last 90 days against the 90 before). */
enum bitim_status report_build(struct store *s, const struct procedure *p, const char *from, const char *to,
			       bitim_day today, struct report *out);
void report_free(struct report *r);

/* The report as a readable table (malloc'd). */
char *report_text(const struct report *r);

#endif
