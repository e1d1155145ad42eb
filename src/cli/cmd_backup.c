/* bitim backup and bitim restore: copies for another disk, and putting one back. */
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "bitim/backup.h"
#include "bitim/i18n.h"
#include "cli.h"

/* A count of backups to keep: 0 to BACKUP_KEEP_MAX. */
static bool parse_keep(const char *option, const char *arg, int *out)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (!*arg || *end || n < 0 || n > BACKUP_KEEP_MAX) {
		cli_error(_("%s needs a whole number from 0 to %d, not '%s'"), option, BACKUP_KEEP_MAX, arg);
		return false;
	}
	*out = (int)n;
	return true;
}

/* Say when and where the last automatic backup and the last copy were made. */
static void print_state(struct store *s)
{
	char *last = NULL, *where = NULL, when_text[64];
	time_t when = 0;
	struct backup_keep k;

	if (backup_last(s, &last, &when) == BITIM_OK && last) {
		strftime(when_text, sizeof when_text, "%Y-%m-%d %H:%M", localtime(&when));
		printf(_("last automatic backup: %s, %s\n"), when_text, cli_safe(last));
	} else {
		puts(_("no automatic backup yet"));
	}
	free(last);
	if (backup_copied(s, &when, &where) == BITIM_OK && where) {
		strftime(when_text, sizeof when_text, "%Y-%m-%d %H:%M", localtime(&when));
		printf(_("last copy taken off this machine: %s, to %s\n"), when_text, cli_safe(where));
	} else {
		puts(_("no copy was ever taken off this machine: run 'bitim backup --to DIR' with a USB stick"));
	}
	free(where);
	if (backup_keep_get(s, &k) == BITIM_OK)
		printf(_("automatic backups kept: %d daily, %d weekly, %d monthly\n"), k.daily, k.weekly, k.monthly);
}

/* Set the rotation's numbers that were given (-1: unchanged). */
static bool set_keep(struct store *s, int daily, int weekly, int monthly)
{
	struct backup_keep k;

	if (daily < 0 && weekly < 0 && monthly < 0)
		return true;
	if (backup_keep_get(s, &k) != BITIM_OK)
		return false;
	if (daily >= 0)
		k.daily = daily;
	if (weekly >= 0)
		k.weekly = weekly;
	if (monthly >= 0)
		k.monthly = monthly;
	if (backup_keep_set(s, &k) != BITIM_OK) {
		cli_error(_("cannot save the number of backups to keep: %s"), store_errmsg(s));
		return false;
	}
	return true;
}

/* Copy the database to dir, printing the file and its fingerprint. */
static bool copy_to(struct store *s, const char *dir)
{
	char *path = NULL, sha256[65];
	struct stat sb;
	enum bitim_status st;

	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		cli_error(_("the folder %s does not exist; insert the USB stick or create the folder first"), dir);
		return false;
	}
	st = backup_copy_to(s, dir, &path, sha256);
	if (st != BITIM_OK) {
		cli_error(_("cannot copy the database to %s: %s; nothing was written there"), dir, bitim_strerror(st));
		return false;
	}
	printf(_("copied to %s\n"), cli_safe(path));
	printf(_("SHA-256: %s (in %s.sha256)\n"), sha256, cli_safe(path));
	free(path);
	return true;
}

int cmd_backup(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "to", required_argument, NULL, 't' },
		{ "keep-daily", required_argument, NULL, 'D' },
		{ "keep-weekly", required_argument, NULL, 'W' },
		{ "keep-monthly", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct store *s = NULL;
	const char *to = NULL;
	char *path = NULL;
	int opt, rc = EXIT_FAIL, daily = -1, weekly = -1, monthly = -1;
	enum bitim_status st;

	optind = 0;
	while ((opt = cli_getopt(argc, argv, "h", longopts)) != -1) {
		switch (opt) {
		case 't':
			to = optarg;
			break;
		case 'D':
		case 'W':
		case 'M':
			if (!parse_keep(opt == 'D' ? "--keep-daily" : opt == 'W' ? "--keep-weekly" : "--keep-monthly", optarg,
					opt == 'D' ? &daily : opt == 'W' ? &weekly : &monthly))
				return EXIT_USAGE;
			break;
		case 'h':
			puts(_("Usage: bitim backup [--to DIR] [--keep-daily N] [--keep-weekly N] [--keep-monthly N]\n"
			       "Back up the database now into the backups folder beside it, and say when the\n"
			       "last backups were made. bitim also does this by itself on the first start of\n"
			       "each day and before a migration, merge or import, keeping 7 daily, 4 weekly\n"
			       "and 12 monthly backups unless --keep-... says otherwise.\n"
			       "--to DIR also writes a copy to DIR (a USB stick) with its SHA-256 fingerprint\n"
			       "beside it, for the day this machine is lost. Restore with 'bitim restore FILE'."));
			return EXIT_OK;
		default:
			if (cli_common_option(o, opt, optarg))
				break;
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		cli_error(_("unexpected argument '%s'; see 'bitim backup --help'"), argv[optind]);
		return EXIT_USAGE;
	}
	if (!(s = cli_open_store(o)) || !set_keep(s, daily, weekly, monthly))
		goto out;
	if ((st = backup_make(s, "manual", &path)) != BITIM_OK) {
		cli_error(_("cannot back up the database: %s"), bitim_strerror(st));
		goto out;
	}
	printf(_("backup: %s\n"), cli_safe(path));
	if (to && !copy_to(s, to))
		goto out;
	print_state(s);
	rc = EXIT_OK;
out:
	free(path);
	store_close(s);
	return rc;
}

/* Why a file cannot be restored, in a user's words. */
static void explain_refusal(const char *file, enum bitim_status st, const char *report)
{
	switch (st) {
	case BITIM_ERR_INVALID:
		cli_error(_("%s does not match its fingerprint (%s); it was damaged on the way. Use another copy."), file,
			  report ? report : "");
		break;
	case BITIM_ERR_CORRUPT:
		cli_error(_("%s is damaged or is not a bitim database (%s); nothing was changed. Use another copy."), file,
			  report && *report ? report : bitim_strerror(st));
		break;
	default:
		cli_error(_("cannot restore %s: %s; nothing was changed"), file, bitim_strerror(st));
	}
}

int cmd_restore(struct cli_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char *db = NULL, *kept = NULL, *report = NULL;
	int opt, rc = EXIT_FAIL;
	enum bitim_status st;

	optind = 0;
	while ((opt = cli_getopt(argc, argv, "h", longopts)) != -1) {
		if (opt == 'h') {
			puts(_("Usage: bitim restore FILE\n"
			       "Replace the database with a backup: an automatic one from the backups folder\n"
			       "beside it, or a copy made with 'bitim backup --to'. The file is checked first\n"
			       "(SQLite's integrity check, and its fingerprint when FILE.sha256 is beside it).\n"
			       "The database it replaces is kept in the backups folder. Close bitim first."));
			return EXIT_OK;
		}
		if (!cli_common_option(o, opt, optarg))
			return EXIT_USAGE;
	}
	if (optind + 1 != argc) {
		cli_error("%s", _("restore needs one backup file; see 'bitim restore --help'"));
		return EXIT_USAGE;
	}
	if (!(db = cli_db_path(o)))
		return EXIT_FAIL;
	if ((!o->db && store_make_dir(db) != BITIM_OK) || (o->db && !cli_check_folder(db)))
		goto out;
	st = backup_restore(db, argv[optind], &kept, &report);
	if (st != BITIM_OK && !kept) {
		explain_refusal(argv[optind], st, report);
		goto out;
	}
	if (kept)
		printf(_("the database it replaced is kept in %s\n"), cli_safe(kept));
	if (st != BITIM_OK) {
		cli_error(_("cannot restore %s: %s"), argv[optind], bitim_strerror(st));
		goto out;
	}
	printf(_("%s restored from %s\n"), cli_safe(db), cli_safe(argv[optind]));
	rc = EXIT_OK;
out:
	free(db);
	free(kept);
	free(report);
	return rc;
}
