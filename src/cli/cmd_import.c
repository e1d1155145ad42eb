/* bitim import: bring back bitim's CSV export; bitim merge: other offices' databases. */
#include <config.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bitim/csv.h"
#include "bitim/fileio.h"
#include "bitim/i18n.h"
#include "bitim/import.h"
#include "bitim/manifest.h"
#include "cli.h"
#include "today.h"

static const enum export_table import_order[] = { EXPORT_CASES, EXPORT_PARTIES, EXPORT_SESSIONS, EXPORT_OBLIGATIONS };

static void say_conflict(void *ctx, enum export_table t, const char *uuid, const char *number)
{
	(void)ctx;
	printf(_("conflict: %s %s (%s) differs from this database's; the incoming version is kept aside\n"),
	       export_table_name(t), cli_safe(uuid), cli_safe(number));
}

static void say_progress(void *ctx, size_t rows)
{
	(void)ctx;
	fputc('\r', stderr);
	fprintf(stderr, _("%zu records read…"), rows);
	fflush(stderr);
}

typedef bool (*feed_fn)(struct importer *, const char *, void *);

/* Set while the rows about to be merged are those a dry run just checked. */
static bool checked;
/* Set during the first pass over the files: what is said about their
 * encoding is said once. */
static bool warn;

/* Run every source through a fresh importer: dry (checks only) or for real. */
static bool run_all(struct store *s, const struct procedure *p, bool dry, int argc, char **argv, feed_fn feed,
		    void *ctx, struct import_counts *c)
{
	struct importer *im = NULL;
	bool ok = true, tty = isatty(STDERR_FILENO);

	memset(c, 0, sizeof *c);
	if (importer_new(s, p, argv[0], &im) != BITIM_OK) {
		cli_error("%s", bitim_strerror(BITIM_ERR_NOMEM));
		return false;
	}
	importer_set_today(im, today_get());
	if (dry)
		importer_dry_run(im);
	else
		importer_on_conflict(im, say_conflict, NULL);
	if (!dry && checked)
		importer_checked(im);
	if (tty)
		importer_on_progress(im, say_progress, NULL);
	for (int i = 0; i < argc && ok; i++)
		ok = feed(im, argv[i], ctx);
	if (tty)
		fputs("\r\033[K", stderr);
	if (importer_finish(im, ok, c) != BITIM_OK)
		ok = false;
	return ok;
}

/* Check every source whole first, so that a bad file is refused before
 * anything is written; then bring them in (in batches, so an open bitim keeps
 * saving). Says what happened; returns the exit status. */
static int import_all(struct store *s, const struct procedure *p, int argc, char **argv, feed_fn feed, void *ctx,
		      const char *failed)
{
	struct import_counts c;
	char *backup = NULL;
	bool ok;

	warn = true;
	ok = run_all(s, p, true, argc, argv, feed, ctx, &c);
	warn = false;
	if (!ok) {
		cli_error("%s", failed);
		return EXIT_FAIL;
	}
	/* Backed up only now, when the import is about to write. */
	if (store_backup_beside(s, "before-import", &backup) != BITIM_OK) {
		cli_error(_("cannot back up the database (%s); nothing was imported"), store_errmsg(s));
		free(backup);
		return EXIT_FAIL;
	}
	printf(_("backup: %s\n"), cli_safe(backup));
	fflush(stdout);
	free(backup);
	/* Said only when batches were committed: a stop before the first
	 * commit leaves the database as it was. */
	ok = run_all(s, p, false, argc, argv, feed, ctx, &c);
	if (!ok && !c.written) {
		cli_error("%s", failed);
		return EXIT_FAIL;
	} else if (!ok) {
		cli_error("%s", _("stopped; what was brought in before the error stays, and running the same command again"
				  " after the cause is fixed continues where it stopped"));
		return EXIT_FAIL;
	}
	printf(_("added %zu, updated %zu, already present %zu, conflicts %zu\n"), c.added, c.updated, c.identical,
	       c.conflicts);
	return EXIT_OK;
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

/* Feed one CSV file to the importer; errors name the file and line. want:
 * the rows its manifest gives, or SIZE_MAX for a file given alone. */
static bool import_file(struct importer *im, const char *path, int enc, size_t want)
{
	FILE *fp = file_open_regular(path);
	struct csv_reader *r = NULL;
	char **fields;
	size_t n, rows = 0;
	const char *why = NULL, *what = NULL;
	enum bitim_status st;
	int t;
	bool ok = false;

	if (!fp && errno == ENODEV) {
		cli_error("%s: %s", path, _("not a file: a folder, a device or a pipe"));
		return false;
	} else if (!fp) {
		cli_error(_("cannot read %s: %s"), path, i18n_errno(errno));
		return false;
	}
	if ((st = csv_reader_new(fp, enc, 0, &r)) != BITIM_OK) {
		cli_error(_("%s: the file cannot be read in this encoding"), path);
		goto out;
	}
	if (csv_reader_not_utf8(r) && warn)
		cli_error(_("%s:%zu: this line is not UTF-8; the file is read as KZ-1048 (give --encoding if it is in"
			    " another)"), path, csv_reader_not_utf8(r));
	/* Letters no Kazakh or Russian text has: the other legacy encoding's
	 * letters read as this one's. Refused, not brought in garbled. */
	if (csv_reader_unlikely(r)) {
		int other = csv_reader_encoding(r) == CSV_CP1251 ? CSV_KZ1048 : CSV_CP1251;
		cli_error(_("%s:%zu: read as %s, this line holds letters no Kazakh or Russian text has (such as љ or џ):"
			    " the file is in another encoding; give --encoding %s"),
			  path, csv_reader_unlikely(r), csv_encoding_name(csv_reader_encoding(r)), csv_encoding_name(other));
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
	importer_whole_files(im);
	if ((st = importer_table(im, (enum export_table)t, (const char *const *)fields, n, &why, &what)) != BITIM_OK) {
		cli_error(_("%s:1: column %s: %s"), path, what ? what : "", why ? _(why) : bitim_strerror(st));
		goto out;
	}
	while ((st = csv_read_row(r, &fields, &n)) == BITIM_OK) {
		rows++;
		for (size_t i = 0; i < n; i++)
			csv_unneutralise(fields[i]);
		importer_at_line(im, csv_reader_line(r));
		if ((st = importer_row(im, (const char *const *)fields, n, &why, &what)) != BITIM_OK && importer_repeat_of(im)) {
			cli_error(_("%s:%zu: uuid: the same UUID as line %zu; each record may appear once in a file"), path,
				  csv_reader_line(r), importer_repeat_of(im));
			goto out;
		} else if (st != BITIM_OK) {
			cli_error(_("%s:%zu: %s%s%s"), path, csv_reader_line(r), what ? what : "", what ? ": " : "",
				  why ? _(why) : bitim_strerror(st));
			goto out;
		}
	}
	if (st != BITIM_ERR_NOTFOUND) {
		cli_error(_("%s:%zu: %s"), path, csv_reader_line(r), _(csv_reader_error(r)));
		goto out;
	}
	if (want != SIZE_MAX && rows != want) {
		cli_error(_("%s: the manifest gives %zu rows, the file holds %zu; export the register again"), path, want,
			  rows);
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
	struct manifest m;
	char file[4096], name[64], why[512];
	bool any = false;

	if (stat(path, &sb) < 0) {
		cli_error(_("cannot read %s: %s"), path, i18n_errno(errno));
		return false;
	}
	if (!S_ISDIR(sb.st_mode))
		return import_file(im, path, enc, SIZE_MAX);
	/* A folder from `bitim export --table all`: whole, as its manifest says,
	 * the tables in order; the manifest names the office (the merge's base). */
	if (manifest_check(path, &m, why, sizeof why) < 0) {
		cli_error("%s: %s", path, why);
		return false;
	}
	if (importer_set_origin(im, m.office_uuid) != BITIM_OK) {
		cli_error("%s: %s: %s", path, MANIFEST_NAME,
			  _("the office's UUID is missing or is not a UUID: the file is not a register as bitim writes it"));
		return false;
	}
	for (size_t i = 0; i < sizeof import_order / sizeof import_order[0]; i++) {
		snprintf(name, sizeof name, "%s.csv", export_table_name(import_order[i]));
		size_t want = SIZE_MAX;
		for (size_t j = 0; j < m.n; j++)
			if (strcmp(m.files[j].name, name) == 0)
				want = m.files[j].rows;
		if (want == SIZE_MAX)
			continue;
		snprintf(file, sizeof file, "%s/%s", path, name);
		any = true;
		if (!import_file(im, file, enc, want))
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
	int opt, enc = -1, rc = EXIT_FAIL;

	optind = 0;
	while ((opt = cli_getopt(argc, argv, "h", longopts)) != -1) {
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
	rc = import_all(s, p, argc - optind, argv + optind, import_path, &enc, _("nothing was imported"));
out:
	store_close(s);
	procedure_free(p);
	return rc;
}

/* ---------------------------------------------------------------- merge */

struct merge_feed {
	struct importer *im;
	const char *source;
	const char *why, *what;
	char row_case[40], row_number[48]; /* the case of a row refused */
};

static enum bitim_status feed_row(void *ctx, const char *const *values, size_t n, const char *number)
{
	struct merge_feed *m = ctx;
	enum bitim_status st = importer_row(m->im, values, n, &m->why, &m->what);

	/* An error names the case: its number and UUID (the row's own UUID for a
	 * case, its case's for the rows of a case). */
	if (st != BITIM_OK) {
		snprintf(m->row_number, sizeof m->row_number, "%s", number ? number : "");
		snprintf(m->row_case, sizeof m->row_case, "%s", n > 1 && values[1] && strlen(values[1]) == 36 ? values[1]
							     : n > 0 && values[0] ? values[0] : "");
	}
	return st;
}

/* The other databases, each opened once and held in one read snapshot, so
 * that the rows a dry run checked are the rows then merged. */
struct sources {
	const struct procedure *p;
	char **paths;         /* borrowed from argv */
	struct store **stores; /* owned */
	int n;
};

static void sources_close(struct sources *src)
{
	for (int i = 0; i < src->n; i++)
		store_close(src->stores[i]);
	free(src->stores);
}

static bool sources_open(struct sources *src, const struct procedure *p, int argc, char **argv)
{
	src->p = p;
	src->paths = argv;
	src->n = 0;
	if (!(src->stores = calloc((size_t)argc, sizeof *src->stores)))
		return false;
	for (; src->n < argc; src->n++) {
		enum bitim_status st = store_open_readonly(argv[src->n], &src->stores[src->n]);
		if (st == BITIM_OK)
			st = store_read_snapshot(src->stores[src->n]);
		if (st != BITIM_OK) {
			/* What is wrong with it, when known: SQLite's words, or which table is missing. */
			if (*store_open_detail())
				cli_error(_("cannot read the database %s: %s (%s)"), argv[src->n], bitim_strerror(st),
					  store_open_detail());
			else
				cli_error(_("cannot read the database %s: %s"), argv[src->n], bitim_strerror(st));
			store_close(src->stores[src->n]);
			return false;
		}
	}
	return true;
}

/* A file made by hand may hold one UUID twice (its UNIQUE index dropped):
 * the second row would overwrite the first, a party blended from two.
 * Refused, naming the case, in the dry run. */
static enum bitim_status repeated_uuid(struct store *other, enum export_table t, struct merge_feed *m)
{
	char *uuid, *case_uuid, *number;
	enum bitim_status st = export_repeated_uuid(other, t, &uuid, &case_uuid, &number);

	if (st == BITIM_OK && uuid) {
		m->why = N_("the same UUID as an earlier row: each record may appear once");
		m->what = "uuid";
		snprintf(m->row_number, sizeof m->row_number, "%s", number ? number : "");
		snprintf(m->row_case, sizeof m->row_case, "%s", case_uuid ? case_uuid : uuid);
		st = BITIM_ERR_INVALID;
	}
	free(uuid);
	free(case_uuid);
	free(number);
	return st;
}

/* All tables of one other database into the importer. */
static bool merge_one(struct importer *im, const char *path, void *ctx)
{
	struct sources *src = ctx;
	struct store *other = NULL;
	struct merge_feed m = { .im = im, .source = path };
	struct export_filter all = { .include_confidential = true };
	enum bitim_status st = BITIM_OK;
	char *origin = NULL;

	for (int i = 0; i < src->n; i++)
		if (src->paths[i] == path)
			other = src->stores[i];
	if (!other)
		return false;
	/* The base of the three-way merge is kept per office: by its identity,
	 * whatever the file is called this month. */
	if ((st = store_office_get(other, "uuid", &origin)) == BITIM_OK)
		st = importer_set_origin(im, origin);
	free(origin);
	if (st == BITIM_ERR_INVALID) {
		m.why = N_("the office's UUID is missing or is not a UUID: the file is not a register as bitim writes it");
		m.what = "office.uuid";
	}
	for (size_t i = 0; i < sizeof import_order / sizeof import_order[0] && st == BITIM_OK; i++) {
		const char **names;
		size_t n;
		if ((st = export_columns(src->p, import_order[i], true, &names, &n)) != BITIM_OK)
			break;
		st = importer_table(im, import_order[i], names, n, &m.why, &m.what);
		free(names);
		if (st == BITIM_OK && !checked)
			st = repeated_uuid(other, import_order[i], &m);
		if (st == BITIM_OK)
			st = export_rows(other, src->p, import_order[i], &all, feed_row, &m);
	}
	/* A database error is the other file's (a column it lacks) or this one's. */
	if (st != BITIM_OK && !m.why && st == BITIM_ERR_DB)
		cli_error("%s: %s (%s)", path, bitim_strerror(st),
			  *store_errmsg(other) ? store_errmsg(other) : importer_errmsg(im));
	else if (st != BITIM_OK && m.row_case[0])
		cli_error(_("%s: case %s (%s): column %s: %s"), path, m.row_number, m.row_case, m.what ? m.what : "",
			  m.why ? _(m.why) : bitim_strerror(st));
	else if (st != BITIM_OK)
		cli_error(_("%s: %s%s%s"), path, m.what ? m.what : "", m.what ? ": " : "",
			  m.why ? _(m.why) : bitim_strerror(st));
	return st == BITIM_OK;
}

/* Check the other databases whole; back this one up only when the merge is
 * about to write; then merge the rows just checked. */
static int merge_all(struct store *s, struct procedure *p, int argc, char **argv, char **backup)
{
	struct import_counts c;
	struct sources src = { 0 };
	int rc = EXIT_FAIL;
	bool ok;

	if (!sources_open(&src, p, argc, argv) || !run_all(s, p, true, argc, argv, merge_one, &src, &c)) {
		cli_error("%s", _("nothing was merged"));
		goto out;
	}
	if (store_backup_beside(s, "before-merge", backup) != BITIM_OK) {
		cli_error(_("cannot back up the database (%s); nothing was merged"), store_errmsg(s));
		goto out;
	}
	printf(_("backup: %s\n"), cli_safe(*backup));
	fflush(stdout);
	checked = true;
	ok = run_all(s, p, false, argc, argv, merge_one, &src, &c);
	if (!ok && !c.written) {
		cli_error("%s", _("nothing was merged"));
		goto out;
	} else if (!ok) {
		cli_error(_("stopped; what was merged before the error stays (the backup above holds the database as it"
			    " was), and running the same merge again after the cause is fixed continues where it stopped"));
		goto out;
	}
	printf(_("added %zu, updated %zu, already present %zu, conflicts %zu\n"), c.added, c.updated, c.identical,
	       c.conflicts);
	rc = EXIT_OK;
out:
	checked = false;
	sources_close(&src);
	return rc;
}

/* The same file, by its path or (through a link or another path) its inode. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return true;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
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
	char *backup = NULL, *code = NULL;
	enum bitim_status st;
	int opt, rc = EXIT_FAIL;

	optind = 0;
	while ((opt = cli_getopt(argc, argv, "h", longopts)) != -1) {
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
	if ((st = store_office_code(s, &code)) != BITIM_OK) {
		cli_error(_("%s; nothing was merged"), bitim_strerror(st));
		goto out;
	}
	for (int i = optind; i < argc; i++)
		if (same_file(store_path(s), argv[i])) {
			cli_error(_("%s is this database itself: merge brings in other offices' databases; nothing was merged"),
				  argv[i]);
			goto out;
		}
	rc = merge_all(s, p, argc - optind, argv + optind, &backup);
out:
	free(code);
	free(backup);
	store_close(s);
	procedure_free(p);
	return rc;
}
