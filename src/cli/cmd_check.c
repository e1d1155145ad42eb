/* bitim check: are the forms and the database sound? */
#include <config.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "bitim/doc.h"
#include "bitim/essential.h"
#include "bitim/i18n.h"
#include "bitim/search.h"
#include "cli.h"

static int check_forms(const struct cli_options *o)
{
	struct procedure *p = cli_load_procedure(o);
	char err[600];

	if (!p)
		return EXIT_FAIL;
	if (store_check_forms(p, err, sizeof err) != BITIM_OK) {
		cli_error(_("%s: no form defines the field %s, which bitim keeps in a column of the register (the signed papers, reports and exports read it there); define it again (same key) in one of the forms"),
			  cli_forms_dir(o), err);
		procedure_free(p);
		return EXIT_FAIL;
	}
	if (doc_check_templates(p, err, sizeof err) != BITIM_OK) {
		cli_error("%s/templates/%s", cli_forms_dir(o), err);
		procedure_free(p);
		return EXIT_FAIL;
	}
	if (essential_check(p, err, sizeof err) != BITIM_OK) {
		cli_error("%s: %s", cli_forms_dir(o), err);
		procedure_free(p);
		return EXIT_FAIL;
	}
	printf(_("forms: %s: ok (%zu stages, %zu fields)\n"), cli_safe(cli_forms_dir(o)), p->nstages, p->nfields);
	procedure_free(p);
	return EXIT_OK;
}

static int check_database(const struct cli_options *o)
{
	char *path = cli_db_path(o), *report = NULL;
	struct case_query all = { 0 };
	struct store *s;
	struct stat sb;
	size_t cases = 0;
	int rc = EXIT_FAIL;

	if (!path)
		return EXIT_FAIL;
	if (stat(path, &sb) < 0) {
		/* check never creates a database */
		if (cli_check_folder(path))
			cli_error(_("there is no database at %s yet; bitim creates it when it first runs"), path);
		free(path);
		return EXIT_FAIL;
	}
	s = cli_open_store(o);
	if (s && store_integrity(s, &report) == BITIM_OK && strcmp(report, "ok") == 0 &&
	    store_case_count(s, &all, &cases) == BITIM_OK) {
		printf(_("database: %s: ok (schema %d, %zu cases)\n"), cli_safe(path), STORE_SCHEMA_VERSION, cases);
		rc = EXIT_OK;
	} else if (s) {
		cli_error(_("the database %s is damaged:\n%s"), path, report ? report : store_errmsg(s));
	}
	free(report);
	store_close(s);
	free(path);
	return rc;
}

int cmd_check(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, rc;

	optind = 0; /* glibc: start anew (and permute options after the case number) */
	while ((opt = cli_getopt(argc, argv, "h", longopts)) != -1) {
		if (cli_common_option(o, opt, optarg))
			continue;
		if (opt == 'h') {
			puts(_("Usage: bitim check [--db PATH] [--forms DIR]\n"
			       "Check the procedure and forms, and the database's integrity.\n"
			       "The exit status is 0 only when both are sound."));
			return EXIT_OK;
		}
		return EXIT_USAGE; /* cli_getopt said what is wrong */
	}
	if (optind < argc) {
		cli_error(_("check takes no arguments, only --db PATH and --forms DIR"));
		return EXIT_USAGE;
	}
	rc = check_forms(o);
	if (check_database(o) != EXIT_OK)
		rc = EXIT_FAIL;
	return rc;
}
