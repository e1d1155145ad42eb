/* No command: open the terminal interface on the database. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
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
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("%s", _("the interface needs a terminal; for batch work see 'bitim --help'"));
		return EXIT_USAGE;
	}
	p = cli_load_procedure(o);
	if (!p)
		return EXIT_FAIL;
	s = cli_open_store(o);
	if (!s) {
		procedure_free(p);
		return EXIT_FAIL;
	}
	choose_language(o, s);
	cli_refresh_deadlines(o, s, p);
	rc = tui_run(s, p);
	store_close(s);
	procedure_free(p);
	return rc;
}
