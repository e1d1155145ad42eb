/* bitim report: counts and early warning, as a table or as CSV. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/csv.h"
#include "bitim/fileio.h"
#include "bitim/i18n.h"
#include "bitim/report.h"
#include "cli.h"
#include "today.h"

/* The report as CSV: section, key, label, count, detail. */
static char *report_csv(const struct report *r)
{
	char *text = NULL, num[64];
	size_t len = 0, bad;
	FILE *out = open_memstream(&text, &len);
	struct csv_writer *w;
	static const char *const header[] = { "section", "key", "label", "count", "detail" };

	if (!out)
		return NULL;
	if (csv_writer_new(out, CSV_UTF8, ',', false, &w) == BITIM_OK) {
		struct report_total totals[REPORT_TOTALS];
		csv_write_row(w, header, 5, &bad);
		report_totals(r, totals);
		for (int i = 0; i < REPORT_TOTALS; i++) {
			snprintf(num, sizeof num, "%ld", totals[i].count);
			const char *row[] = { "Summary", totals[i].key, _(totals[i].label), num, NULL };
			csv_write_row(w, row, 5, &bad);
		}
		snprintf(num, sizeof num, "%.3f", r->share_settled);
		const char *share[] = { "Summary", "share_settled", "share_settled", num, NULL };
		csv_write_row(w, share, 5, &bad);
		if (r->avg_days >= 0) {
			snprintf(num, sizeof num, "%.1f", r->avg_days);
			const char *avg[] = { "Summary", "avg_days_to_outcome", "avg_days_to_outcome", num, NULL };
			csv_write_row(w, avg, 5, &bad);
		}
		const struct { const char *key; long long n; } after[] = {
			{ "court_approved", r->court_approved }, { "court_refused", r->court_refused },
			{ "ended_by_reconciliation", r->ended_by_reconciliation },
			{ "harm_repaired_tenge", r->harm_repaired }, { "amount_settled_tenge", r->amount_settled },
		};
		for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
			snprintf(num, sizeof num, "%lld", after[i].n);
			const char *row[] = { "Summary", after[i].key, after[i].key, num, NULL };
			csv_write_row(w, row, 5, &bad);
		}
		snprintf(num, sizeof num, "%.3f", report_approval_rate(r));
		const char *rate[] = { "Summary", "court_approval_rate", "court_approval_rate", num, NULL };
		csv_write_row(w, rate, 5, &bad);
		for (size_t i = 0; i < r->nrows; i++) {
			snprintf(num, sizeof num, "%ld", r->rows[i].count);
			const char *row[] = { r->rows[i].section, r->rows[i].key, r->rows[i].label, num, r->rows[i].detail };
			csv_write_row(w, row, 5, &bad);
		}
		csv_writer_free(w);
	}
	fclose(out);
	return text;
}

int cmd_report(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'U' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char from[DATE_BUF], to[DATE_BUF], *text = NULL;
	const char *pfrom = NULL, *pto = NULL, *file = NULL;
	bool csv = false;
	struct procedure *p = NULL;
	struct store *s = NULL;
	struct report r;
	bitim_day d;
	int opt, rc = EXIT_FAIL;

	optind = 0;
	while ((opt = cli_getopt(argc, argv, "o:h", longopts)) != -1) {
		const char *why;
		switch (opt) {
		case 'F':
		case 'U':
			if ((why = date_parse_user(optarg, &d)) != NULL) {
				cli_error("%s: %s", optarg, _(why));
				return EXIT_USAGE;
			}
			date_format_iso(d, opt == 'F' ? from : to);
			*(opt == 'F' ? &pfrom : &pto) = opt == 'F' ? from : to;
			break;
		case 'f':
			if (strcmp(optarg, "table") && strcmp(optarg, "csv")) {
				cli_error(_("unknown format '%s'; use table or csv"), optarg);
				return EXIT_USAGE;
			}
			csv = strcmp(optarg, "csv") == 0;
			break;
		case 'o': file = optarg; break;
		case 'h':
			puts(_("Usage: bitim report [--from DATE] [--to DATE] [--format table|csv] [-o FILE]\n"
			       "Count the cases received in the period by kind of dispute, outcome (settled,\n"
			       "terminated by ground, not yet ended), referral, stage of the dispute, month,\n"
			       "village and mediator; the share settled and the average duration; and early\n"
			       "warning: villages and kinds of dispute that rise over the last 90 days, and\n"
			       "parties who appear in several cases."));
			return EXIT_OK;
		default:
			if (cli_common_option(o, opt, optarg))
				break;
			return EXIT_USAGE;
		}
	}
	if (optind < argc) { /* a period is given with --from and --to */
		cli_error(_("unexpected argument '%s'; see 'bitim %s --help'"), argv[optind], "report");
		return EXIT_USAGE;
	}
	if (!(p = cli_load_procedure(o)) || !(s = cli_open_store(o)))
		goto out;
	if (report_build(s, p, pfrom, pto, today_get(), &r) != BITIM_OK) {
		cli_error("%s", store_errmsg(s));
		goto out;
	}
	text = csv ? report_csv(&r) : report_text(&r);
	report_free(&r);
	if (!text)
		goto out;
	if (file)
		rc = cli_write_file(file, text, strlen(text)) == 0 ? EXIT_OK : EXIT_FAIL;
	else
		rc = fputs(text, stdout) < 0 ? EXIT_FAIL : EXIT_OK;
out:
	free(text);
	store_close(s);
	procedure_free(p);
	return rc;
}
