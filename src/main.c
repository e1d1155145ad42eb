/* bitim: the command line. The terminal interface by default, sub-commands for batch work. */
#include <config.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/i18n.h"

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
	puts("");
	puts(_("Commands:"));
	puts(_("  (none)              open the terminal interface"));
	puts(_("  check               check the forms and the database"));
	puts("");
	puts(_("Options:"));
	puts(_("      --db PATH       use the database at PATH"));
	puts(_("      --forms DIR     read the procedure and forms from DIR"));
	puts(_("      --lang LANG     language of the interface: kk, ru or en"));
	puts(_("  -h, --help          show this help and exit"));
	puts(_("  -V, --version       show version information and exit"));
	puts("");
	printf(_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "forms", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	i18n_init(NULL);
	while ((opt = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			print_help();
			return EXIT_SUCCESS;
		case 'V':
			print_version();
			return EXIT_SUCCESS;
		case 'd':
		case 'f':
		case 'l':
			break;
		default:
			fprintf(stderr, _("Try '%s --help' for more information.\n"), "bitim");
			return 2;
		}
	}
	return EXIT_SUCCESS;
}
