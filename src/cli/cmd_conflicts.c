/* bitim conflicts: the records an import or merge kept aside, and their resolution. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/conflicts.h"
#include "bitim/i18n.h"
#include "bitim/utf8.h"
#include "cli.h"

/* "    label value", the lines of a multi-line value under each other. */
static void print_side(const char *label, const char *value)
{
	const char *v = value ? value : _("(empty)");

	printf("    %s ", label);
	while (*v) {
		/* Line by line, each with its control characters shown escaped. */
		size_t len = strcspn(v, "\n");
		char *line = strndup(v, len);
		fputs(cli_safe(line), stdout);
		free(line);
		v += len;
		if (*v == '\n') {
			printf("\n    %*s ", utf8_width(label, strlen(label)), "");
			v++;
		}
	}
	putchar('\n');
}

static void print_conflict(const struct conflict *c)
{
	printf(_("conflict %lld: %s %s (%s), from %s, %s\n"), (long long)c->id, cli_safe(c->table), cli_safe(c->uuid),
	       cli_safe(c->case_number), cli_safe(c->source), cli_safe(c->at));
	for (size_t k = 0; k < c->ndiff; k++) {
		printf("  %s\n", cli_safe(c->diff[k].name));
		print_side(_("this database:"), c->diff[k].ours);
		print_side(_("incoming:     "), c->diff[k].theirs);
	}
}

static int list_all(struct store *s)
{
	struct conflict *list;
	size_t n;

	if (conflicts_list(s, &list, &n) != BITIM_OK) {
		cli_error("%s", _("cannot read the conflicts"));
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < n; i++)
		print_conflict(&list[i]);
	if (n == 0)
		puts(_("no conflicts are waiting to be resolved"));
	else
		printf(ngettext("%zu conflict; resolve it with --keep ID or --take ID\n",
				"%zu conflicts; resolve each with --keep ID or --take ID\n", n), n);
	conflicts_free(list, n);
	return EXIT_OK;
}

static bool parse_id(const char *arg, long long *id)
{
	char *end;

	*id = strtoll(arg, &end, 10);
	if (*arg && !*end && *id > 0)
		return true;
	cli_error(_("'%s' is not the number of a conflict; 'bitim conflicts' lists them"), arg);
	return false;
}

static int resolve(struct store *s, const struct procedure *p, long long id, bool take)
{
	const char *reason = NULL;
	char column[CONFLICT_COLUMN_BUF] = "";
	enum bitim_status st = take ? conflict_take(s, p, id, &reason, column) : conflict_keep(s, id);

	if (st == BITIM_OK) {
		printf(take ? _("conflict %lld: the incoming version is taken\n")
			    : _("conflict %lld: this database's version is kept\n"), id);
		return EXIT_OK;
	}
	if (st == BITIM_ERR_NOTFOUND)
		cli_error(_("there is no conflict %lld; 'bitim conflicts' lists them"), id);
	else if (*column)
		cli_error(_("conflict %lld, column %s: %s; nothing was changed"), id, column,
			  reason ? _(reason) : bitim_strerror(st));
	else
		cli_error(_("conflict %lld: %s; nothing was changed"), id, bitim_strerror(st));
	return EXIT_FAIL;
}

int cmd_conflicts(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "keep", required_argument, NULL, 'k' },
		{ "take", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct procedure *p = NULL;
	struct store *s = NULL;
	const char *keep = NULL, *take = NULL;
	long long id = 0;
	int opt, rc = EXIT_FAIL;

	optind = 0;
	while ((opt = cli_getopt(argc, argv, "h", longopts)) != -1) {
		if (opt == 'h') {
			puts(_("Usage: bitim conflicts [--keep ID | --take ID]\n"
			       "List the records an import or merge kept aside because this database has\n"
			       "other content under the same UUID, column by column. --keep ID keeps this\n"
			       "database's version; --take ID sets the incoming form values through the\n"
			       "usual checks (empty incoming values do not clear anything). The decision\n"
			       "is kept with the conflict, and the same version is not raised again."));
			return EXIT_OK;
		}
		if (opt == 'k')
			keep = optarg;
		else if (opt == 't')
			take = optarg;
		else if (!cli_common_option(o, opt, optarg))
			return EXIT_USAGE;
	}
	if ((keep && take) || optind < argc) {
		cli_error("%s", _("give either --keep ID or --take ID, or nothing to list; see 'bitim conflicts --help'"));
		return EXIT_USAGE;
	}
	if ((keep || take) && !parse_id(keep ? keep : take, &id))
		return EXIT_USAGE;
	if (!(p = cli_load_procedure(o)) || !(s = cli_open_store(o)))
		goto out;
	rc = keep || take ? resolve(s, p, id, take != NULL) : list_all(s);
out:
	store_close(s);
	procedure_free(p);
	return rc;
}
