/* bitim demo: a demonstration database for trainers, and cases for scale. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include "bitim/demo.h"
#include "bitim/i18n.h"
#include "bitim/search.h"
#include "cli.h"
#include "today.h"

/* The demonstration database's default place: beside the real one, never it. */
static char *demo_path(void)
{
	char *real = store_default_path(), *path = NULL;
	char *slash = real ? strrchr(real, '/') : NULL;

	if (slash) {
		*slash = '\0';
		if (asprintf(&path, "%s/demo.db", real) < 0)
			path = NULL;
	}
	free(real);
	return path;
}

/* Remove a database file and the journal files beside it. */
static void remove_db_files(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char name[4096];

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (snprintf(name, sizeof name, "%s%s", path, suffixes[i]) < (int)sizeof name)
			unlink(name);
}

/* Synthetic cases for a database that does not exist yet are written into
 * PATH.partial (a left-over one, from a load cut short, is removed first),
 * renamed to PATH only when complete: a cut load never leaves a database
 * that looks whole. NULL when the database exists. */
static char *scratch_path(const char *path)
{
	char *part = NULL;
	struct stat st;

	if (stat(path, &st) == 0 || errno != ENOENT || asprintf(&part, "%s.partial", path) < 0)
		return NULL;
	remove_db_files(part);
	return part;
}

/* Rename the closed scratch file to path; closing wrote its log back into
 * it, and a log still beside it (it would be left behind) stops the rename. */
static bool renamed_into_place(const char *part, const char *path)
{
	char wal[4096];
	struct stat st;

	if (snprintf(wal, sizeof wal, "%s-wal", part) >= (int)sizeof wal) {
		errno = ENAMETOOLONG;
		return false;
	}
	if (stat(wal, &st) == 0 && st.st_size > 0) {
		errno = EBUSY;
		return false;
	}
	return rename(part, path) == 0;
}

/* Open the scratch file (no automatic backup: it is not a register yet). */
static struct store *open_scratch(const char *part)
{
	struct store *s = NULL;
	enum bitim_status st;

	if (!cli_check_folder(part))
		return NULL;
	if ((st = store_open(part, &s)) != BITIM_OK) {
		cli_error(_("cannot open the database %s: %s. %s"), part, bitim_strerror(st), store_open_detail());
		return NULL;
	}
	today_init(s);
	return s;
}

int cmd_demo(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "cases", required_argument, NULL, 'n' },
		{ "office", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct procedure *p = NULL;
	struct store *s = NULL;
	struct case_query all = { 0 };
	char *path = NULL, *demo = NULL, *part = NULL, why[512] = "";
	const char *office = "DEM";
	long cases = -1;
	size_t existing = 0;
	int opt, rc = EXIT_FAIL;

	optind = 0;
	while ((opt = cli_getopt(argc, argv, "h", longopts)) != -1) {
		char *end;
		switch (opt) {
		case 'n':
			cases = strtol(optarg, &end, 10);
			if (*end || cases < 0 || cases > 10000000) {
				cli_error(_("--cases needs a whole number from 0 to 10000000, not '%s'"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'c':
			if (store_office_code_check(optarg)) {
				cli_error(_("--office: %s"), _(store_office_code_check(optarg)));
				return EXIT_USAGE;
			}
			office = optarg;
			break;
		case 'h':
			puts(_("Usage: bitim demo [--db PATH] [--cases N [--office CODE]]\n"
			       "Make a demonstration database for trainers: seventeen realistic cases in Kazakh,\n"
			       "Russian and English in every regime and at every stage of the procedure, with\n"
			       "dates relative to today; each case says what it teaches.\n"
			       "--cases N adds N synthetic cases instead (for scale tests), numbered with\n"
			       "the office code CODE (DEM unless --office says otherwise).\n"
			       "Without --db it is demo.db beside the real database, which is never touched."));
			return EXIT_OK;
		default:
			if (cli_common_option(o, opt, optarg))
				break;
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error(_("unexpected argument '%s'; see 'bitim %s --help'"), argv[optind], "demo");
		return EXIT_USAGE;
	}
	if (!o->db) {
		if (!(path = demo_path())) {
			cli_error("%s", _("neither XDG_DATA_HOME nor HOME is set; give the database with --db PATH"));
			return EXIT_FAIL;
		}
		store_make_dir(path);
		o->db = path;
	}
	if (cases >= 0)
		demo_synthetic_init();
	if (!(p = cli_load_procedure(o)))
		goto out;
	if (cases >= 0)
		part = scratch_path(o->db);
	if (!(s = part ? open_scratch(part) : cli_open_store(o)))
		goto out;
	today_allow(); /* its dates are relative to the trainer's day */
	/* Never write demonstration cases into a real register. */
	store_setting_get(s, "demo", &demo);
	store_case_count(s, &all, &existing);
	if (existing > 0 && !demo) {
		cli_error(_("%s holds real cases; bitim demo writes only to a new or demonstration database"), store_path(s));
		goto out;
	}
	if (cases >= 0) {
		if ((!demo && store_setting_set(s, "demo", "1") != BITIM_OK) || store_office_set(s, "code", office) != BITIM_OK)
			goto out;
		/* The synthetic cases' deadlines are written for these forms: the
		 * forms are recorded first (refreshing any cases already there), so
		 * the first start does not recompute a million deadlines. */
		cli_refresh_deadlines(o, s, p);
		if (demo_synthetic(s, p, (size_t)cases, today_get(), part != NULL) != BITIM_OK) {
			cli_error("%s", store_errmsg(s));
			goto out;
		}
	} else if (existing > 0) {
		printf(_("%s is already a demonstration database (%zu cases)\n"), cli_safe(store_path(s)), existing);
		rc = EXIT_OK;
		goto out;
	} else {
		if (demo_build(s, p, today_get(), why, sizeof why) != BITIM_OK) {
			cli_error(_("the demonstration cases could not be made: %s"), why);
			goto out;
		}
		printf(_("%s: demonstration database ready; open it with: bitim --db %s\n"), cli_safe(store_path(s)), cli_safe(store_path(s)));
	}
	/* The demonstration's deadlines were made for these forms: the first
	 * start has nothing to recompute. */
	if (!cli_mark_deadlines_current(o, s))
		goto out;
	if (cases >= 0) {
		store_close(s);
		s = NULL;
		if (part && !renamed_into_place(part, o->db)) {
			cli_error(_("cannot write %s: %s"), o->db, i18n_errno(errno));
			goto out;
		}
		printf(_("%s: %ld synthetic cases added\n"), cli_safe(o->db), cases);
	}
	rc = EXIT_OK;
out:
	free(demo);
	store_close(s);
	if (part && rc != EXIT_OK)
		remove_db_files(part);
	free(part);
	procedure_free(p);
	free(path);
	return rc;
}
