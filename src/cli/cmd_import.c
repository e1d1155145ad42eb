/* bitim import: bring back bitim's CSV export; bitim merge: other offices' databases. */
#include <config.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "bitim/csv.h"
#include "bitim/i18n.h"
#include "bitim/import.h"
#include "cli.h"

static const enum export_table import_order[] = { EXPORT_CASES, EXPORT_PARTIES, EXPORT_SESSIONS, EXPORT_OBLIGATIONS };

static void say_conflict(void *ctx, enum export_table t, const char *uuid, const char *number)
{
	(void)ctx;
	printf(_("conflict: %s %s (%s) differs from this database's; the incoming version is kept aside\n"),
	       export_table_name(t), uuid, number ? number : "");
}

/* Feed every source to the importer with feed(), then commit all or nothing
 * and say what happened. Returns the exit status. */
static int import_all(struct importer *im, int argc, char **argv, bool (*feed)(struct importer *, const char *, void *),
		      void *ctx, const char *failed)
{
	struct import_counts c;
	bool ok = true;

	importer_on_conflict(im, say_conflict, NULL);
	for (int i = 0; i < argc && ok; i++)
		ok = feed(im, argv[i], ctx);
	if (importer_finish(im, ok, &c) == BITIM_OK && ok) {
		printf(_("added %zu, already present %zu, conflicts %zu\n"), c.added, c.identical, c.conflicts);
		return EXIT_OK;
	}
	cli_error("%s", failed);
	return EXIT_FAIL;
}

/* The table a CSV file holds: by its name, else by its header. */
static int table_of(const char *path, char **header, size_t n)
{
	const char *base = strrchr(path, '/');
	char name[64];

	base = base ? base + 1 : path;
	snprintf(name, sizeof name, "%s", base);
	if (strchr(name, '.'))
		*strchr(name, '.') = '\0';
	if (export_table_from_name(name) >= 0)
		return export_table_from_name(name);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(header[i], "office_code") == 0)
			return EXPORT_CASES;
		if (strcmp(header[i], "full_name") == 0)
			return EXPORT_PARTIES;
		if (strcmp(header[i], "held_on") == 0)
			return EXPORT_SESSIONS;
		if (strcmp(header[i], "due_on") == 0)
			return EXPORT_OBLIGATIONS;
		if (strcmp(header[i], "days_to_outcome") == 0)
			return EXPORT_OUTCOMES;
	}
	return -1;
}

/* Feed one CSV file to the importer; errors name the file and line. */
static bool import_file(struct importer *im, const char *path, int enc)
{
	FILE *fp = fopen(path, "rb");
	struct csv_reader *r = NULL;
	char **fields;
	size_t n;
	const char *why = NULL, *what = NULL;
	enum bitim_status st;
	int t;
	bool ok = false;

	if (!fp) {
		cli_error(_("cannot read %s: %s"), path, strerror(errno));
		return false;
	}
	if ((st = csv_reader_new(fp, enc, 0, &r)) != BITIM_OK) {
		cli_error(_("%s: the file cannot be read in this encoding"), path);
		goto out;
	}
	if ((st = csv_read_row(r, &fields, &n)) != BITIM_OK) {
		cli_error(_("%s:%zu: %s"), path, csv_reader_line(r), st == BITIM_ERR_NOTFOUND ? _("the file is empty") : _(csv_reader_error(r)));
		goto out;
	}
	if ((t = table_of(path, fields, n)) < 0) {
		cli_error(_("%s:1: the header is not that of a table bitim exports"), path);
		goto out;
	}
	if ((st = importer_table(im, (enum export_table)t, (const char *const *)fields, n, &why, &what)) != BITIM_OK) {
		cli_error(_("%s:1: column %s: %s"), path, what ? what : "", why ? _(why) : bitim_strerror(st));
		goto out;
	}
	while ((st = csv_read_row(r, &fields, &n)) == BITIM_OK) {
		for (size_t i = 0; i < n; i++)
			csv_unneutralise(fields[i]);
		if ((st = importer_row(im, (const char *const *)fields, n, &why, &what)) != BITIM_OK) {
			cli_error(_("%s:%zu: %s%s%s"), path, csv_reader_line(r), what ? what : "", what ? ": " : "",
				  why ? _(why) : bitim_strerror(st));
			goto out;
		}
	}
	if (st != BITIM_ERR_NOTFOUND) {
		cli_error(_("%s:%zu: %s"), path, csv_reader_line(r), _(csv_reader_error(r)));
		goto out;
	}
	ok = true;
out:
	csv_reader_free(r);
	fclose(fp);
	return ok;
}

static bool import_path(struct importer *im, const char *path, void *ctx)
{
	int enc = *(const int *)ctx;
	struct stat sb;
	char file[4096];
	bool any = false;

	if (stat(path, &sb) < 0) {
		cli_error(_("cannot read %s: %s"), path, strerror(errno));
		return false;
	}
	if (!S_ISDIR(sb.st_mode))
		return import_file(im, path, enc);
	/* A folder from `bitim export --table all`: the tables in order. */
	for (size_t i = 0; i < sizeof import_order / sizeof import_order[0]; i++) {
		snprintf(file, sizeof file, "%s/%s.csv", path, export_table_name(import_order[i]));
		if (stat(file, &sb) < 0)
			continue;
		any = true;
		if (!import_file(im, file, enc))
			return false;
	}
	if (!any)
		cli_error(_("%s holds no cases.csv, parties.csv, sessions.csv or obligations.csv"), path);
	return any;
}

int cmd_import(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct procedure *p = NULL;
	struct store *s = NULL;
	struct importer *im = NULL;
	char *backup = NULL;
	int opt, enc = -1, rc = EXIT_FAIL;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (opt == 'e') {
			if ((enc = csv_encoding_from_name(optarg)) < 0) {
				cli_error(_("unknown encoding '%s'; use utf-8, utf-8-bom, cp1251 or kz1048"), optarg);
				return EXIT_USAGE;
			}
		} else if (opt == 'h') {
			puts(_("Usage: bitim import FILE.csv|DIR... [--encoding ENCODING]\n"
			       "Bring in records from bitim's own CSV export (any encoding and delimiter it\n"
			       "writes; a BOM is detected). Records are matched by UUID: new ones are added,\n"
			       "identical ones skipped, and ones that differ are reported and kept aside.\n"
			       "A file with an error is refused with its line, and nothing is imported."));
			return EXIT_OK;
		} else if (!cli_common_option(o, opt, optarg)) {
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("%s", _("import needs a CSV file or a folder; see 'bitim import --help'"));
		return EXIT_USAGE;
	}
	if (!(p = cli_load_procedure(o)) || !(s = cli_open_store(o)))
		goto out;
	if (store_backup_beside(s, "before-import", &backup) != BITIM_OK) {
		cli_error(_("cannot back up the database (%s); nothing was imported"), store_errmsg(s));
		goto out;
	}
	printf(_("backup: %s\n"), backup);
	if (importer_new(s, p, argv[optind], &im) != BITIM_OK)
		goto out;
	rc = import_all(im, argc - optind, argv + optind, import_path, &enc, _("nothing was imported"));
out:
	free(backup);
	store_close(s);
	procedure_free(p);
	return rc;
}

/* ---------------------------------------------------------------- merge */

struct merge_feed {
	struct importer *im;
	const char *source;
	const char *why, *what;
};

static enum bitim_status feed_row(void *ctx, const char *const *values, size_t n, const char *number)
{
	struct merge_feed *m = ctx;
	(void)number;
	return importer_row(m->im, values, n, &m->why, &m->what);
}

/* All tables of one other database into the importer. */
static bool merge_one(struct importer *im, const char *path, void *ctx)
{
	const struct procedure *p = ctx;
	struct store *other = NULL;
	struct merge_feed m = { .im = im, .source = path };
	struct export_filter all = { .include_confidential = true };
	enum bitim_status st = store_open_readonly(path, &other);

	if (st != BITIM_OK) {
		cli_error(_("cannot read the database %s: %s"), path, bitim_strerror(st));
		return false;
	}
	for (size_t i = 0; i < sizeof import_order / sizeof import_order[0] && st == BITIM_OK; i++) {
		const char **names;
		size_t n;
		if ((st = export_columns(p, import_order[i], true, &names, &n)) != BITIM_OK)
			break;
		st = importer_table(im, import_order[i], names, n, &m.why, &m.what);
		free(names);
		if (st == BITIM_OK)
			st = export_rows(other, p, import_order[i], &all, feed_row, &m);
	}
	if (st != BITIM_OK)
		cli_error(_("%s: %s%s%s"), path, m.what ? m.what : "", m.what ? ": " : "",
			  m.why ? _(m.why) : bitim_strerror(st));
	store_close(other);
	return st == BITIM_OK;
}

int cmd_merge(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct procedure *p = NULL;
	struct store *s = NULL;
	struct importer *im = NULL;
	char *backup = NULL;
	int opt, rc = EXIT_FAIL;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (opt == 'h') {
			puts(_("Usage: bitim merge OTHER.db...\n"
			       "Bring the registers of other offices' databases into this one, matched by\n"
			       "UUID as import does. This database is backed up first; the others are only read."));
			return EXIT_OK;
		}
		if (!cli_common_option(o, opt, optarg))
			return EXIT_USAGE;
	}
	if (optind >= argc) {
		cli_error("%s", _("merge needs at least one database file; see 'bitim merge --help'"));
		return EXIT_USAGE;
	}
	if (!(p = cli_load_procedure(o)) || !(s = cli_open_store(o)))
		goto out;
	if (store_backup_beside(s, "before-merge", &backup) != BITIM_OK) {
		cli_error(_("cannot back up the database (%s); nothing was merged"), store_errmsg(s));
		goto out;
	}
	printf(_("backup: %s\n"), backup);
	if (importer_new(s, p, argv[optind], &im) != BITIM_OK)
		goto out;
	rc = import_all(im, argc - optind, argv + optind, merge_one, p, _("nothing was merged"));
out:
	free(backup);
	store_close(s);
	procedure_free(p);
	return rc;
}
