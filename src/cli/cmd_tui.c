/* No command: open the terminal interface on the database. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "bitim/deadlines.h"
#include "bitim/i18n.h"
#include "cli.h"
#include "tui/app.h"

/* The interface language: --lang, else the saved choice, else the environment. */
static void choose_language(const struct cli_options *o, struct store *s)
{
	char *saved = NULL;

	if (o->lang)
		return; /* already set while reading the options */
	if (store_setting_get(s, "ui_language", &saved) == BITIM_OK && saved && i18n_lang_from_code(saved) >= 0)
		i18n_set_lang((enum bitim_lang)i18n_lang_from_code(saved));
	free(saved);
}

int cmd_tui(struct cli_options *o)
{
	struct procedure *p;
	struct store *s;
	char fingerprint[65];
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("%s", _("the interface needs a terminal; for batch work see 'bitim --help'"));
		return EXIT_USAGE;
	}
	p = cli_load_procedure(o);
	if (!p)
		return EXIT_FAIL;
	/* The day's backup and a refresh of the deadlines are made by the
	 * interface between keys, after its first screen. */
	s = cli_open_store_nobackup(o);
	if (!s) {
		procedure_free(p);
		return EXIT_FAIL;
	}
	choose_language(o, s);
	if (deadlines_forms_fingerprint(cli_forms_dir(o), fingerprint) != BITIM_OK)
		fingerprint[0] = '\0';
	rc = tui_run(s, p, fingerprint[0] ? fingerprint : NULL);
	store_close(s);
	procedure_free(p);
	return rc;
}
