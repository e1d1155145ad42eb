/* Reports: counts by dimension and early warning, straight from SQL. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/i18n.h"
#include "bitim/report.h"
#include "bitim/utf8.h"
#include "store_internal.h"

/* ?1 from, ?2 to */
#define PERIOD " (?1 IS NULL OR received_on >= ?1) AND (?2 IS NULL OR received_on <= ?2)"

/* What the third column of a dimension's SQL holds. */
enum third { THIRD_NONE, THIRD_BEFORE, THIRD_CASES };

/* One grouped count: the section, its SQL (key, count, third), the choice
 * list that labels it, and what its third column is. */
static const struct dimension {
	const char *section;
	const char *sql;
	const char *choices;
	enum third third;
} dimensions[] = {
	{ N_("By kind of dispute"), "SELECT COALESCE(category, ''), count(*), NULL FROM cases WHERE" PERIOD " GROUP BY 1 ORDER BY 2 DESC, 1", "category", THIRD_NONE },
	{ N_("By outcome"), "SELECT CASE WHEN outcome = 'settled' THEN 'settled' WHEN outcome = 'terminated'"
	  " THEN COALESCE(termination_ground, 'terminated') ELSE 'pending' END, count(*), NULL FROM cases WHERE" PERIOD
	  " GROUP BY 1 ORDER BY 2 DESC, 1", "termination_ground", THIRD_NONE },
	{ N_("By referral"), "SELECT COALESCE(referral_source, ''), count(*), NULL FROM cases WHERE" PERIOD " GROUP BY 1 ORDER BY 2 DESC, 1", "referral", THIRD_NONE },
	{ N_("By stage of the dispute"), "SELECT COALESCE(regime, ''), count(*), NULL FROM cases WHERE" PERIOD " GROUP BY 1 ORDER BY 2 DESC, 1", "regime", THIRD_NONE },
	{ N_("By month received"), "SELECT COALESCE(substr(received_on, 1, 7), ''), count(*), NULL FROM cases WHERE" PERIOD " GROUP BY 1 ORDER BY 1", NULL, THIRD_NONE },
	{ N_("By village"), "SELECT COALESCE(village, ''), count(*), NULL FROM cases WHERE" PERIOD " GROUP BY 1 ORDER BY 2 DESC, 1", NULL, THIRD_NONE },
	{ N_("By mediator"), "SELECT COALESCE(mediator_name, ''), count(*), NULL FROM cases WHERE" PERIOD " GROUP BY 1 ORDER BY 2 DESC, 1", NULL, THIRD_NONE },
	/* Early warning: ?3 the start of the last 90 days, ?4 of the 90 before. Rising: at
	 * least 3 in the last period and half as many again as before. */
	{ N_("Early warning: villages where disputes rise (last 90 days against the 90 before)"),
	  "SELECT village, sum(received_on > ?3), sum(received_on > ?4 AND received_on <= ?3) FROM cases"
	  " WHERE village IS NOT NULL AND received_on > ?4 AND" PERIOD " GROUP BY village"
	  " HAVING sum(received_on > ?3) >= 3 AND 2 * sum(received_on > ?3) >= 3 * sum(received_on > ?4 AND received_on <= ?3)"
	  " ORDER BY 2 DESC, 1", NULL, THIRD_BEFORE },
	{ N_("Early warning: kinds of dispute that rise (last 90 days against the 90 before)"),
	  "SELECT category, sum(received_on > ?3), sum(received_on > ?4 AND received_on <= ?3) FROM cases"
	  " WHERE category IS NOT NULL AND received_on > ?4 AND" PERIOD " GROUP BY category"
	  " HAVING sum(received_on > ?3) >= 3 AND 2 * sum(received_on > ?3) >= 3 * sum(received_on > ?4 AND received_on <= ?3)"
	  " ORDER BY 2 DESC, 1", "category", THIRD_BEFORE },
	{ N_("Early warning: parties who appear in several cases"),
	  "SELECT max(p.full_name), count(DISTINCT p.case_id), group_concat(DISTINCT c.number) FROM parties p"
	  " JOIN cases c ON c.id = p.case_id WHERE p.deleted = 0 AND p.full_name IS NOT NULL AND"
	  " (?1 IS NULL OR c.received_on >= ?1) AND (?2 IS NULL OR c.received_on <= ?2)"
	  " GROUP BY COALESCE(p.iin, p.bin, p.full_name) HAVING count(DISTINCT p.case_id) >= 2 ORDER BY 2 DESC, 1 LIMIT 200",
	  NULL, THIRD_CASES },
};

static int add_row(struct report *r, const char *section, const char *key, const char *label, long count,
		   const char *detail)
{
	struct report_row *grown = realloc(r->rows, (r->nrows + 1) * sizeof *grown);
	if (!grown)
		return -1;
	r->rows = grown;
	grown[r->nrows] = (struct report_row){ section, strdup(key), strdup(label), count,
					       detail ? strdup(detail) : NULL };
	r->nrows++;
	return 0;
}

/* What a stored key reads as: a choice's label, or "(not recorded)". */
static const char *label_of(const struct procedure *p, const struct dimension *d, const char *key)
{
	const char *label = NULL;

	if (!*key)
		return _("(not recorded)");
	if (strcmp(key, "settled") == 0)
		return _("Settled");
	if (strcmp(key, "pending") == 0)
		return _("Not yet ended");
	if (strcmp(key, "terminated") == 0)
		return _("Terminated");
	if (d->choices)
		label = choice_label(procedure_choices(p, d->choices), key);
	return label ? _(label) : key;
}

static enum bitim_status run_dimension(struct store *s, const struct procedure *p, const struct dimension *d,
				       const char *from, const char *to, const char *recent, const char *before,
				       struct report *r)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s, d->sql, &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	if (sqlite3_bind_parameter_count(st) >= 4) {
		store_bind_text(st, 3, recent);
		store_bind_text(st, 4, before);
	}
	size_t before_rows = r->nrows;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		char detail[512] = "";
		if (!key)
			key = "";
		if (d->third == THIRD_BEFORE)
			snprintf(detail, sizeof detail, _("%lld before"), (long long)sqlite3_column_int64(st, 2));
		else if (d->third == THIRD_CASES)
			snprintf(detail, sizeof detail, "%s", (const char *)sqlite3_column_text(st, 2));
		if (add_row(r, d->section, key, label_of(p, d, key), sqlite3_column_int64(st, 1),
			    *detail ? detail : NULL) < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	/* An early warning that finds nothing says so, rather than vanish. */
	if (rc == SQLITE_DONE && d->third != THIRD_NONE && r->nrows == before_rows &&
	    add_row(r, d->section, "", _("(none)"), 0, NULL) < 0)
		rc = SQLITE_NOMEM;
	return store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

/* One row of figures for the period: the statement's one result row handed
 * to read, which fills the report. */
static enum bitim_status period_row(struct store *s, const char *sql, const char *from, const char *to,
				    void (*read)(sqlite3_stmt *st, struct report *r), struct report *r)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s, sql, &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read(st, r);
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

static void read_summary(sqlite3_stmt *st, struct report *r)
{
	r->total = sqlite3_column_int64(st, 0);
	r->settled = sqlite3_column_int64(st, 1);
	r->terminated = sqlite3_column_int64(st, 2);
	r->pending = sqlite3_column_int64(st, 3);
	r->in_followup = sqlite3_column_int64(st, 4);
	r->avg_days = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 5);
	r->share_settled = r->settled + r->terminated ? (double)r->settled / (double)(r->settled + r->terminated) : 0;
}

static enum bitim_status summary(struct store *s, const char *from, const char *to, struct report *r)
{
	return period_row(s,
		"SELECT count(*), coalesce(sum(outcome = 'settled'), 0), coalesce(sum(outcome = 'terminated'), 0),"
		" coalesce(sum(outcome IS NULL), 0), coalesce(sum(outcome = 'settled' AND status = 'open'), 0),"
		" avg(julianday(COALESCE(signed_on, terminated_on)) - julianday(contract_on))"
		" FILTER (WHERE contract_on IS NOT NULL AND COALESCE(signed_on, terminated_on) IS NOT NULL)"
		" FROM cases WHERE" PERIOD, from, to, read_summary, r);
}

static void read_after_signature(sqlite3_stmt *st, struct report *r)
{
	r->court_approved = sqlite3_column_int64(st, 0);
	r->court_refused = sqlite3_column_int64(st, 1);
	r->ended_by_reconciliation = sqlite3_column_int64(st, 2);
	r->harm_repaired = sqlite3_column_int64(st, 3);
	r->amount_settled = sqlite3_column_int64(st, 4);
}

/* What followed the signatures: rulings, reconciliations, money. */
static enum bitim_status after_signature(struct store *s, const char *from, const char *to, struct report *r)
{
	return period_row(s,
		"SELECT coalesce(sum(k = 'court_ruling' AND v = 'approved'), 0), coalesce(sum(k = 'court_ruling' AND v = 'refused'), 0),"
		" coalesce(sum(k = 'case_result' AND v = 'ended'), 0),"
		" coalesce(sum(CASE WHEN k = 'harm_amount' THEN CAST(v AS INTEGER) END), 0),"
		" coalesce(sum(CASE WHEN k = 'amount_settled' THEN CAST(v AS INTEGER) END), 0)"
		" FROM (SELECT fv.key AS k, fv.value AS v FROM field_values fv JOIN cases c ON c.id = fv.case_id AND fv.owner = c.uuid"
		" WHERE fv.key IN ('court_ruling', 'case_result', 'harm_amount', 'amount_settled') AND c.outcome = 'settled'"
		" AND (?1 IS NULL OR c.received_on >= ?1) AND (?2 IS NULL OR c.received_on <= ?2))",
		from, to, read_after_signature, r);
}

double report_approval_rate(const struct report *r)
{
	long ruled = r->court_approved + r->court_refused;
	return ruled ? (double)r->court_approved / (double)ruled : 0;
}

enum bitim_status report_build(struct store *s, const struct procedure *p, const char *from, const char *to,
			       bitim_day today, struct report *out)
{
	char recent[DATE_BUF], before[DATE_BUF];
	enum bitim_status st;

	memset(out, 0, sizeof *out);
	date_format_iso(today - 90, recent);
	date_format_iso(today - 180, before);
	st = summary(s, from, to, out);
	if (st == BITIM_OK)
		st = after_signature(s, from, to, out);
	for (size_t i = 0; i < sizeof dimensions / sizeof dimensions[0] && st == BITIM_OK; i++)
		st = run_dimension(s, p, &dimensions[i], from, to, recent, before, out);
	if (st != BITIM_OK)
		report_free(out);
	return st;
}

void report_free(struct report *r)
{
	for (size_t i = 0; i < r->nrows; i++) {
		free(r->rows[i].key);
		free(r->rows[i].label);
		free(r->rows[i].detail);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

/* "label ........ count" with the label cut to width columns. */
static void put_line(FILE *out, const char *label, long count, const char *detail)
{
	const int width = 56;
	int w = utf8_width(label, strlen(label));

	fprintf(out, "  %s", label);
	for (int i = w; i < width; i++)
		fputc(i == w ? ' ' : '.', out);
	fprintf(out, " %6ld", count);
	if (detail)
		fprintf(out, "  (%s)", detail);
	fputc('\n', out);
}

void report_totals(const struct report *r, struct report_total out[REPORT_TOTALS])
{
	out[0] = (struct report_total){ "total", N_("Cases received"), r->total, false };
	out[1] = (struct report_total){ "settled", N_("Settled"), r->settled, false };
	out[2] = (struct report_total){ "in_followup", N_("of them still in follow-up of the obligations"), r->in_followup, true };
	out[3] = (struct report_total){ "terminated", N_("Terminated"), r->terminated, false };
	out[4] = (struct report_total){ "pending", N_("Not yet ended"), r->pending, false };
}

char *report_text(const struct report *r)
{
	char *text = NULL, line[256], money[48];
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	const char *section = NULL;
	struct report_total totals[REPORT_TOTALS];

	if (!out)
		return NULL;
	fprintf(out, "%s\n", _("Summary"));
	report_totals(r, totals);
	for (int i = 0; i < REPORT_TOTALS; i++) {
		char label[256];
		snprintf(label, sizeof label, "%s%s", totals[i].part ? "  " : "", _(totals[i].label));
		put_line(out, label, totals[i].count, NULL);
	}
	snprintf(line, sizeof line, _("Share settled of those ended: %.0f%%"), r->share_settled * 100);
	fprintf(out, "  %s\n", line);
	if (r->avg_days >= 0) {
		char days[32];
		snprintf(line, sizeof line, _("Average days from the agreement on mediation to the outcome: %s"),
			 i18n_decimal(r->avg_days, 1, days, sizeof days));
		fprintf(out, "  %s\n", line);
	}
	if (r->court_approved + r->court_refused > 0) {
		snprintf(line, sizeof line, _("Court rulings on settlement agreements: %ld approved, %ld refused (approval rate %.0f%%)"),
			 r->court_approved, r->court_refused, report_approval_rate(r) * 100);
		fprintf(out, "  %s\n", line);
	}
	if (r->ended_by_reconciliation > 0) {
		snprintf(line, sizeof line, _("Criminal and administrative-offence cases ended by reconciliation: %ld"),
			 r->ended_by_reconciliation);
		fprintf(out, "  %s\n", line);
	}
	if (r->harm_repaired > 0) {
		snprintf(line, sizeof line, _("Harm repaired to victims: %s tenge"),
			 i18n_integer(r->harm_repaired, money, sizeof money));
		fprintf(out, "  %s\n", line);
	}
	if (r->amount_settled > 0) {
		snprintf(line, sizeof line, _("Money agreed in settlement agreements: %s tenge"),
			 i18n_integer(r->amount_settled, money, sizeof money));
		fprintf(out, "  %s\n", line);
	}
	for (size_t i = 0; i < r->nrows; i++) {
		if (r->rows[i].section != section) {
			section = r->rows[i].section;
			fprintf(out, "\n%s\n", _(section));
		}
		if (!*r->rows[i].key && r->rows[i].count == 0)
			fprintf(out, "  %s\n", r->rows[i].label); /* an early warning that found nothing */
		else
			put_line(out, r->rows[i].label, r->rows[i].count, r->rows[i].detail);
	}
	fclose(out);
	return text;
}
