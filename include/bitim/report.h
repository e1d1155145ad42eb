/* Reports for the akimat and regional coordinators: counts by category,
 * outcome, referral, stage of the dispute, month, village and mediator;
 * duration and share settled; and early warning of rising disputes and of
 * parties who come back. */
#ifndef BITIM_REPORT_H
#define BITIM_REPORT_H

#include <stdbool.h>
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
	/* total = settled + terminated + pending; in_followup is part of settled
	 * (signed, its obligations still followed up). */
	long total, settled, terminated, pending, in_followup;
	double share_settled;   /* settled / (settled + terminated), 0 when none ended */
	double avg_days;        /* agreement on mediation → settlement or termination; < 0 when none */
	/* After the signature (forms/followup.form, settlement.form): the court's
	 * rulings on agreements, cases ended by reconciliation, and money. */
	long court_approved, court_refused, ended_by_reconciliation;
	long long harm_repaired, amount_settled; /* tenge */
	struct report_row *rows; /* owned */
	size_t nrows;
};

/* The summary's counts in order, each with a stable key ("total",
 * "settled", "in_followup", "terminated", "pending") and a label msgid. */
struct report_total {
	const char *key, *label;
	long count;
	bool part; /* a part of the count above it (shown indented) */
};
#define REPORT_TOTALS 5
void report_totals(const struct report *r, struct report_total out[REPORT_TOTALS]);

/* Cases received within [from, to] (ISO; NULL: open). today anchors the
 * early-warning window (the last 90 days against the 90 before). */
enum bitim_status report_build(struct store *s, const struct procedure *p, const char *from, const char *to,
			       bitim_day today, struct report *out);
void report_free(struct report *r);

/* The report as a readable table (malloc'd). */
/* Approved rulings among the court's rulings on agreements (0 when none). */
double report_approval_rate(const struct report *r);

char *report_text(const struct report *r);

#endif
