/* bitim: the command line. The terminal interface by default, commands for batch work. */
#include <config.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/i18n.h"
#include "cli/cli.h"

/* The commands, each with its one-line description for --help. */
static const struct command {
	const char *name;
	int (*run)(struct cli_options *o, int argc, char **argv);
	const char *summary; /* msgid */
} commands[] = {
	{ "check", cmd_check, N_("check the forms and the database") },
	{ "print", cmd_print, N_("render a document of a case (agreement, record, card)") },
	{ "verify", cmd_verify, N_("tell whether a file is a case's signed settlement agreement") },
	{ "export", cmd_export, N_("write the register as CSV files") },
	{ "import", cmd_import, N_("bring in records from bitim's CSV export") },
	{ "merge", cmd_merge, N_("bring in the registers of other offices' databases") },
	{ "conflicts", cmd_conflicts, N_("list and resolve records an import or merge kept aside") },
	{ "report", cmd_report, N_("count cases for a period, with early warning") },
	{ "backup", cmd_backup, N_("back up the database now, or copy it to a USB stick") },
	{ "restore", cmd_restore, N_("replace the database with a backup") },
	{ "demo", cmd_demo, N_("make a demonstration database for trainers") },
};

static void print_version(void)
{
	printf("bitim %s\n", PACKAGE_VERSION);
	puts(_("A guide for mediators through the procedure of the Law of the Republic of Kazakhstan \"On Mediation\"."));
	puts(_("This is free software: you are free to change and redistribute it."));
}

static void print_help(void)
{
	printf(_("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), "bitim");
	puts(_("Guide a mediation case from intake to a signed settlement agreement."));
	puts(_("Without a command, bitim opens its terminal interface."));
	puts("");
	puts(_("Commands:"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  %-18s %s\n", commands[i].name, _(commands[i].summary));
	puts("");
	puts(_("Options:"));
	puts(_("      --db PATH       use the database at PATH\n"
	       "                      (default: $XDG_DATA_HOME/bitim/bitim.db)"));
	puts(_("      --forms DIR     read the procedure and forms from DIR"));
	puts(_("      --lang LANG     language of the interface: kk, ru or en"));
	puts(_("  -h, --help          show this help and exit"));
	puts(_("  -V, --version       show version information and exit"));
	puts("");
	puts(_("Run 'bitim COMMAND --help' for a command's options. See bitim(1)."));
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_options o = { 0 };
	const struct command *cmd;
	int opt;

	if (i18n_init(cli_locale_dir()) < 0)
		fprintf(stderr, "bitim: %s\n", _("the terminal's character set is not UTF-8; Kazakh letters will not show correctly"));
	i18n_set_lang(i18n_lang_from_env());
	/* '+': options up to the command are bitim's; the rest are the command's. */
	while ((opt = cli_getopt(argc, argv, "+hV", longopts)) != -1) {
		if (cli_common_option(&o, opt, optarg))
			continue;
		switch (opt) {
		case 'h':
			print_help();
			return EXIT_OK;
		case 'V':
			print_version();
			return EXIT_OK;
		default: /* cli_getopt said what is wrong */
			return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cmd_tui(&o);
	cmd = find_command(argv[optind]);
	if (!cmd) {
		cli_error(_("unknown command '%s'"), argv[optind]);
		fprintf(stderr, _("Try '%s --help' for more information.\n"), "bitim");
		return EXIT_USAGE;
	}
	return cmd->run(&o, argc - optind, argv + optind);
}
