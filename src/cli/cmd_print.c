/* bitim print: a case's documents; bitim verify: is a file the signed agreement? */
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "bitim/doc.h"
#include "bitim/i18n.h"
#include "cli.h"
#include "today.h"

static void print_usage(void)
{
	puts(_("Usage: bitim print CASE --doc contract|settlement|termination|notstarted|minutes|card|addendum\n"
	       "                   [--lang kk|ru|en|kk+ru] [--format txt|html] [-o FILE]\n"
	       "                   [--include-confidential] [--force]\n"
	       "Render a document of the case (its number, such as KRG-2026-0001).\n"
	       "The language is the case's language of mediation unless --lang says otherwise;\n"
	       "the signed settlement agreement is always given in the version signed.\n"
	       "Without -o the document goes to standard output. An existing FILE is not\n"
	       "replaced unless --force is given."));
}

/* The case by number or UUID, with a message when there is none. */
static bool find_case(struct store *s, const char *key, int64_t *id)
{
	enum bitim_status st = store_case_find(s, key, id);

	if (st == BITIM_ERR_NOTFOUND)
		cli_error(_("there is no case %s in this database"), cli_safe(key));
	else if (st == BITIM_ERR_INVALID)
		cli_error(_("cases of several offices have the number %s; give the case's UUID instead"), cli_safe(key));
	else if (st != BITIM_OK)
		cli_error("%s", bitim_strerror(st));
	return st == BITIM_OK;
}

static int render(struct cli_options *o, const char *number, const struct doc_request *req, const char *file,
		  bool force)
{
	struct procedure *p = cli_load_procedure(o);
	struct store *s = p ? cli_open_store(o) : NULL;
	struct problems missing;
	char *text = NULL;
	int64_t id;
	int rc = EXIT_FAIL;

	if (!s || !find_case(s, number, &id))
		goto out;
	/* An earlier paper (perhaps the one the parties signed) is never
	 * replaced unasked. */
	struct stat there;
	if (file && !force && lstat(file, &there) == 0) {
		cli_error(_("%s exists already; give another file name, or add --force to replace it"), file);
		goto out;
	}
	char fixed[8];
	if (req->lang && doc_fixed_lang(s, id, req->kind, fixed) == BITIM_OK && strcmp(fixed, req->lang) != 0)
		fprintf(stderr, _("bitim: note: the settlement agreement was signed in %s; it is given as signed, not in %s\n"),
			fixed, req->lang);
	enum bitim_status st = doc_render(s, p, id, req, &text, &missing);
	if (st == BITIM_ERR_GUARD || st == BITIM_ERR_FORMS) {
		cli_error("%s", _("the document cannot be made yet:"));
		for (size_t i = 0; i < missing.count; i++)
			fprintf(stderr, "  - %s\n", missing.items[i].message);
	} else if (st != BITIM_OK) {
		cli_error("%s", bitim_strerror(st));
	} else if (!file) {
		rc = fputs(text, stdout) < 0 || fflush(stdout) != 0 ? EXIT_FAIL : EXIT_OK;
	} else if (cli_write_file(file, text, strlen(text)) == 0) {
		rc = EXIT_OK;
	}
	problems_free(&missing);
out:
	free(text);
	store_close(s);
	procedure_free(p);
	return rc;
}

int cmd_print(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "doc", required_argument, NULL, 'k' },
		{ "format", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ "include-confidential", no_argument, NULL, 'c' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct doc_request req = { .kind = DOC_KIND_COUNT, .format = DOC_TXT, .printed_on = today_get() };
	const char *file = NULL;
	bool force = false;
	int opt, kind;

	optind = 0; /* glibc: start anew (and permute options after the case number) */
	while ((opt = cli_getopt(argc, argv, "o:h", longopts)) != -1) {
		switch (opt) {
		case 'k':
			if ((kind = doc_kind_from_name(optarg)) < 0) {
				cli_error(_("unknown document '%s'; use contract, settlement, termination, notstarted, minutes, card or addendum"), optarg);
				return EXIT_USAGE;
			}
			req.kind = (enum doc_kind)kind;
			break;
		case 'F':
			if (strcmp(optarg, "txt") && strcmp(optarg, "html")) {
				cli_error(_("unknown format '%s'; use txt or html"), optarg);
				return EXIT_USAGE;
			}
			req.format = strcmp(optarg, "html") == 0 ? DOC_HTML : DOC_TXT;
			break;
		case 'o': file = optarg; break;
		case 'c': req.include_confidential = true; break;
		case 'f': force = true; break;
		case 'h': print_usage(); return EXIT_OK;
		case 'L':
			/* --lang names the document's language here, kk+ru included */
			if (strcmp(optarg, "kk+ru") && i18n_lang_from_code(optarg) < 0) {
				cli_error(_("unknown language '%s'; use kk, ru, en or kk+ru"), optarg);
				return EXIT_USAGE;
			}
			req.lang = optarg;
			break;
		default:
			if (cli_common_option(o, opt, optarg))
				break;
			return EXIT_USAGE; /* cli_getopt said what is wrong */
		}
	}
	if (optind + 1 != argc || req.kind == DOC_KIND_COUNT) {
		cli_error(_("print needs a case number and --doc; see 'bitim print --help'"));
		return EXIT_USAGE;
	}
	return render(o, argv[optind], &req, file, force);
}

int cmd_verify(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct store *s = NULL;
	char *text = NULL;
	size_t len = 0;
	int64_t id;
	bool match = false;
	int opt, rc = EXIT_FAIL;

	optind = 0; /* glibc: start anew (and permute options after the case number) */
	while ((opt = cli_getopt(argc, argv, "h", longopts)) != -1) {
		if (cli_common_option(o, opt, optarg))
			continue;
		if (opt == 'h') {
			puts(_("Usage: bitim verify CASE FILE\n"
			       "Tell whether the text file FILE is the signed settlement agreement of CASE.\n"
			       "The exit status is 0 when it is, 1 when it is not."));
			return EXIT_OK;
		}
		return EXIT_USAGE;
	}
	if (optind + 2 != argc) {
		cli_error(_("verify needs a case number and a file; see 'bitim verify --help'"));
		return EXIT_USAGE;
	}
	if (!(text = cli_read_file(argv[optind + 1], &len)))
		return EXIT_FAIL;
	s = cli_open_store(o);
	if (s && find_case(s, argv[optind], &id)) {
		enum bitim_status st = doc_verify(s, id, text, len, &match);
		if (st == BITIM_ERR_NOTFOUND)
			cli_error(_("the case %s has no signed settlement agreement"), argv[optind]);
		else if (st != BITIM_OK)
			cli_error("%s", bitim_strerror(st));
		else if (match) {
			printf(_("%s is the signed settlement agreement of %s.\n"), cli_safe(argv[optind + 1]), cli_safe(argv[optind]));
			rc = EXIT_OK;
		} else {
			printf(_("%s is NOT the signed settlement agreement of %s: its text differs.\n"), cli_safe(argv[optind + 1]), cli_safe(argv[optind]));
		}
	}
	store_close(s);
	free(text);
	return rc;
}
