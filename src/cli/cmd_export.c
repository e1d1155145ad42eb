/* bitim export: the register as CSV files. */
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bitim/csv.h"
#include "bitim/export.h"
#include "bitim/fileio.h"
#include "bitim/i18n.h"
#include "bitim/manifest.h"
#include "cli.h"

struct export_options {
	int table;              /* an export_table, or -1 for all */
	const char *output;     /* file (one table) or folder (all); NULL: stdout */
	enum csv_encoding enc;
	char delimiter;
	bool translit;
	struct export_filter filter;
	char from[DATE_BUF], to[DATE_BUF];
};

static void export_usage(void)
{
	puts(_("Usage: bitim export [--table cases|parties|sessions|obligations|outcomes|all] [-o FILE|DIR]\n"
	       "                    [--encoding utf-8|utf-8-bom|cp1251|kz1048] [--delimiter ,|;] [--translit]\n"
	       "                    [--from DATE] [--to DATE] [--stage STAGE] [--category CATEGORY]\n"
	       "                    [--include-confidential]\n"
	       "Write the register as CSV (RFC 4180). One table goes to FILE or standard output;\n"
	       "--table all writes one file per table into the folder DIR. Dates are ISO 8601.\n"
	       "Text the encoding cannot hold is an error naming the case and column, unless\n"
	       "--translit writes Kazakh letters as their Russian neighbours. Session notes are\n"
	       "confidential and left out unless --include-confidential."));
}

static void show_progress(void *ctx, size_t rows)
{
	fprintf(stderr, "\r%s: %zu", (const char *)ctx, rows);
}

/* What --translit changed, on stderr: never silently. */
static void say_translit(const struct export_options *eo, enum export_table t, size_t replaced)
{
	if (eo->enc != CSV_CP1251)
		fprintf(stderr, _("bitim: --translit: %s holds every Kazakh letter; %s is written unchanged\n"),
			csv_encoding_name(eo->enc), export_table_name(t));
	else if (replaced > 0)
		fprintf(stderr, ngettext("bitim: --translit: %s: %zu Kazakh letter written as its Russian neighbour"
					 " (ә→а ғ→г қ→к ң→н ө→о ұ ү→у һ→х)\n",
					 "bitim: --translit: %s: %zu Kazakh letters written as their Russian neighbours"
					 " (ә→а ғ→г қ→к ң→н ө→о ұ ү→у һ→х)\n", replaced),
			export_table_name(t), replaced);
}

/* One table to an open stream. */
static int write_table(struct store *s, const struct procedure *p, const struct export_options *eo,
		       enum export_table t, FILE *out, size_t *rows_out)
{
	struct csv_writer *w;
	struct export_problem bad;
	size_t rows = 0;
	bool tty = isatty(STDERR_FILENO);
	enum bitim_status st = csv_writer_new(out, eo->enc, eo->delimiter, eo->translit, &w);

	if (st != BITIM_OK) {
		cli_error(_("this system's iconv cannot write %s"), csv_encoding_name(eo->enc));
		return EXIT_FAIL;
	}
	st = export_csv(s, p, t, &eo->filter, w, tty ? show_progress : NULL, (void *)export_table_name(t), &rows, &bad);
	if (eo->translit && st == BITIM_OK)
		say_translit(eo, t, csv_writer_replaced(w));
	csv_writer_free(w);
	if (rows_out)
		*rows_out = rows;
	if (tty && rows >= 1000)
		fputc('\n', stderr);
	if (st == BITIM_ERR_INVALID) {
		cli_error(_("case %s, column %s: the text cannot be written in %s; use --encoding utf-8 or kz1048, or --translit"),
			  bad.case_number, bad.column, csv_encoding_name(eo->enc));
		return EXIT_FAIL;
	}
	if (st != BITIM_OK) {
		cli_error("%s", bitim_strerror(st));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* One table to a file, put in place only when complete. */
static int write_file(struct store *s, const struct procedure *p, const struct export_options *eo,
		      enum export_table t, const char *path, size_t *rows)
{
	struct atomic_file f;
	int rc;

	if (atomic_open(&f, path) < 0) {
		cli_error(_("cannot write %s: %s"), path, i18n_errno(errno));
		return EXIT_FAIL;
	}
	rc = write_table(s, p, eo, t, f.fp, rows);
	if (rc != EXIT_OK) {
		atomic_abort(&f);
		return rc;
	}
	if (atomic_commit(&f) < 0) {
		cli_error(_("cannot write %s: %s"), path, i18n_errno(errno));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* Every table into the folder, then the manifest (last: a folder without
 * one is an export that did not finish). */
static int write_folder(struct store *s, const struct procedure *p, const struct export_options *eo)
{
	size_t rows[EXPORT_TABLE_COUNT] = { 0 };
	char path[4096];
	enum bitim_status st;
	int rc = EXIT_OK;

	for (int t = 0; t < EXPORT_TABLE_COUNT && rc == EXIT_OK; t++) {
		snprintf(path, sizeof path, "%s/%s.csv", eo->output, export_table_name((enum export_table)t));
		rc = write_file(s, p, eo, (enum export_table)t, path, &rows[t]);
	}
	if (rc == EXIT_OK && (st = export_write_manifest(s, eo->output, rows)) != BITIM_OK) {
		cli_error(_("cannot write %s/%s: %s"), eo->output, MANIFEST_NAME, st == BITIM_ERR_IO ? i18n_errno(errno) : bitim_strerror(st));
		rc = EXIT_FAIL;
	}
	return rc;
}

/* A filter that would match nothing by mistake is an error, not an empty file. */
static bool filter_ok(const struct procedure *p, const struct export_options *eo)
{
	const struct field_def *category = procedure_entity_field(p, ENTITY_CASE, "category");

	if (eo->filter.stage && procedure_stage_index(p, eo->filter.stage) < 0) {
		cli_error(_("--stage %s: there is no such stage; the stages are those of forms/procedure.def (intake, consent...)"),
			  eo->filter.stage);
		return false;
	}
	if (eo->filter.category && category && category->choices && !choice_label(category->choices, eo->filter.category)) {
		cli_error(_("--category %s: there is no such kind of dispute; use a code of forms/choices.def"),
			  eo->filter.category);
		return false;
	}
	if (eo->filter.from && eo->filter.to && strcmp(eo->filter.from, eo->filter.to) > 0) {
		cli_error(_("--from %s is after --to %s; give the earlier date first"), eo->filter.from, eo->filter.to);
		return false;
	}
	return true;
}

static int run_export(struct cli_options *o, const struct export_options *eo)
{
	struct procedure *p = cli_load_procedure(o);
	struct store *s = p ? cli_open_store(o) : NULL;
	int rc = EXIT_FAIL;

	if (!s || !filter_ok(p, eo))
		goto out;
	/* The deadlines exported are those of the forms in use. */
	cli_refresh_deadlines(o, s, p);
	if (eo->table >= 0) {
		rc = eo->output ? write_file(s, p, eo, (enum export_table)eo->table, eo->output, NULL)
				: write_table(s, p, eo, (enum export_table)eo->table, stdout, NULL);
		goto out;
	}
	if (!eo->output) {
		cli_error("%s", _("--table all writes a folder of files: give it with -o DIR"));
		rc = EXIT_USAGE;
		goto out;
	}
	if (mkdir(eo->output, 0700) < 0 && errno != EEXIST) {
		cli_error(_("cannot create the folder %s: %s"), eo->output, i18n_errno(errno));
		goto out;
	}
	rc = write_folder(s, p, eo);
out:
	store_close(s);
	procedure_free(p);
	return rc;
}

/* A date option as ISO, or an error. */
static bool date_option(const char *text, char out[DATE_BUF])
{
	bitim_day d;
	const char *why = date_parse_user(text, &d);

	if (why) {
		cli_error("%s: %s", text, _(why));
		return false;
	}
	date_format_iso(d, out);
	return true;
}

int cmd_export(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "table", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "delimiter", required_argument, NULL, 'D' },
		{ "translit", no_argument, NULL, 'T' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'U' },
		{ "stage", required_argument, NULL, 's' },
		{ "category", required_argument, NULL, 'c' },
		{ "include-confidential", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct export_options eo = { .table = EXPORT_CASES, .enc = CSV_UTF8, .delimiter = ',' };
	int opt, v;

	optind = 0;
	while ((opt = cli_getopt(argc, argv, "o:h", longopts)) != -1) {
		switch (opt) {
		case 't':
			if (strcmp(optarg, "all") == 0)
				eo.table = -1;
			else if ((eo.table = export_table_from_name(optarg)) < 0) {
				cli_error(_("unknown table '%s'; use cases, parties, sessions, obligations, outcomes or all"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o': eo.output = optarg; break;
		case 'e':
			if ((v = csv_encoding_from_name(optarg)) < 0) {
				cli_error(_("unknown encoding '%s'; use utf-8, utf-8-bom, cp1251 or kz1048"), optarg);
				return EXIT_USAGE;
			}
			eo.enc = (enum csv_encoding)v;
			break;
		case 'D':
			if (strcmp(optarg, ",") && strcmp(optarg, ";")) {
				cli_error("%s", _("the delimiter is ',' or ';'"));
				return EXIT_USAGE;
			}
			eo.delimiter = optarg[0];
			break;
		case 'T': eo.translit = true; break;
		case 'F':
			if (!date_option(optarg, eo.from))
				return EXIT_USAGE;
			eo.filter.from = eo.from;
			break;
		case 'U':
			if (!date_option(optarg, eo.to))
				return EXIT_USAGE;
			eo.filter.to = eo.to;
			break;
		case 's': eo.filter.stage = optarg; break;
		case 'c': eo.filter.category = optarg; break;
		case 'C': eo.filter.include_confidential = true; break;
		case 'h': export_usage(); return EXIT_OK;
		default:
			if (cli_common_option(o, opt, optarg))
				break;
			return EXIT_USAGE; /* cli_getopt said what is wrong */
		}
	}
	if (optind < argc) {
		cli_error(_("unexpected argument '%s'; see 'bitim %s --help'"), argv[optind], "export");
		return EXIT_USAGE;
	}
	/* Every table is a file of a folder: standard output holds one file. */
	if (eo.table == -1 && eo.output && strcmp(eo.output, "-") == 0) {
		cli_error("%s", _("all tables need a folder: give -o FOLDER, or --table with one table for standard output"));
		return EXIT_USAGE;
	}
	return run_export(o, &eo);
}
