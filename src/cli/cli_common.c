/* What every command needs: data locations, the procedure, the database. */
#include <config.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <errno.h>
#include <unistd.h>
#include "bitim/backup.h"
#include "bitim/deadlines.h"
#include "bitim/fileio.h"
#include "bitim/i18n.h"
#include "bitim/utf8.h"
#include "cli.h"
#include "today.h"

/* Whether this binary is the one in the build tree (not installed). */
static bool running_uninstalled(void)
{
	static int cached = -1;
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (cached >= 0)
		return cached;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	cached = 0;
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			cached = strcmp(exe, BUILD_BINDIR) == 0;
		}
	}
	return cached;
}

const char *cli_forms_dir(const struct cli_options *o)
{
	const char *env = getenv("BITIM_FORMS");

	if (o && o->forms)
		return o->forms;
	if (env && *env)
		return env;
	return running_uninstalled() ? BUILD_FORMSDIR : FORMSDIR;
}

const char *cli_locale_dir(void)
{
	return running_uninstalled() ? BUILD_LOCALEDIR : LOCALEDIR;
}

bool cli_common_option(struct cli_options *o, int opt, const char *arg)
{
	switch (opt) {
	case 'd':
		o->db = arg;
		return true;
	case 'f':
		o->forms = arg;
		return true;
	case 'L':
		if (i18n_lang_from_code(arg) < 0) {
			cli_error(_("unknown language '%s'; use kk, ru or en"), arg);
			exit(EXIT_USAGE);
		}
		o->lang = arg;
		i18n_set_lang((enum bitim_lang)i18n_lang_from_code(arg));
		return true;
	default:
		return false;
	}
}

/* getopt_long, with its messages ours: translated, naming the command, and
 * the option as typed with its control characters escaped (glibc's own
 * message would print it raw). Returns '?' after saying what is wrong. */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	char spec[32], *command = NULL;
	bool plus = shortopts[0] == '+';
	int opt;

	/* A leading ':' makes a missing value ':' rather than '?'. */
	snprintf(spec, sizeof spec, "%s:%s", plus ? "+" : "", shortopts + plus);
	opterr = 0;
	opt = getopt_long(argc, argv, spec, longopts, NULL);
	if (opt != '?' && opt != ':')
		return opt;
	if (opt == ':')
		cli_error(_("the option '%s' needs a value"), argv[optind - 1]);
	else if (optopt)
		cli_error(_("unknown option '-%c'"), optopt);
	else
		cli_error(_("unknown option '%s'"), argv[optind - 1]);
	/* A command's argv[0] is its name; bitim's own is its path. */
	if (argv[0] && !plus && asprintf(&command, "bitim %s", argv[0]) < 0)
		command = NULL;
	fprintf(stderr, _("Try '%s --help' for more information.\n"), command ? cli_safe(command) : "bitim");
	free(command);
	return '?';
}

/* Messages echo names and values from files that may be hostile: no control
 * character (an escape sequence, a CR that hides the line) reaches the terminal. */
void cli_error(const char *fmt, ...)
{
	va_list ap;
	char *text = NULL, *safe;

	va_start(ap, fmt);
	if (vasprintf(&text, fmt, ap) < 0)
		text = NULL;
	va_end(ap);
	safe = text ? utf8_escape_controls(text) : NULL;
	fprintf(stderr, "bitim: %s\n", safe ? safe : fmt);
	free(safe);
	free(text);
}

const char *cli_safe(const char *text)
{
	static char *slots[8];
	static unsigned next;
	unsigned i = next++ % 8;

	free(slots[i]);
	slots[i] = utf8_escape_controls(text ? text : "");
	return slots[i] ? slots[i] : "?";
}

char *cli_db_path(const struct cli_options *o)
{
	char *path;

	if (o->db)
		return strdup(o->db);
	path = store_default_path();
	if (!path)
		cli_error("%s", _("neither XDG_DATA_HOME nor HOME is set; give the database with --db PATH"));
	return path;
}

void cli_refresh_deadlines(const struct cli_options *o, struct store *s, const struct procedure *p)
{
	struct deadlines_job *job = NULL;
	char fingerprint[65];
	enum bitim_status st = deadlines_forms_fingerprint(cli_forms_dir(o), fingerprint);
	bool done = false, tty = isatty(STDERR_FILENO);
	int shown = -1;

	if (st == BITIM_OK)
		st = deadlines_refresh_begin(s, p, fingerprint, &job);
	while (st == BITIM_OK && job && !done) {
		st = deadlines_refresh_step(job, DEADLINES_STEP_MAX, &done);
		/* A terminal sees how far it came (minutes at a million cases). */
		if (tty && deadlines_refresh_percent(job) != shown) {
			shown = deadlines_refresh_percent(job);
			fputs("\rbitim: ", stderr);
			fprintf(stderr, _("recalculating the open cases' deadlines: %d %%"), shown);
			fflush(stderr);
		}
	}
	if (tty && shown >= 0)
		fputc('\n', stderr);
	deadlines_job_free(job);
	if (st != BITIM_OK)
		cli_error(_("the deadlines of the open cases could not be recomputed: %s"),
			  store_errmsg(s));
}

bool cli_mark_deadlines_current(const struct cli_options *o, struct store *s)
{
	char fingerprint[65];

	if (deadlines_forms_fingerprint(cli_forms_dir(o), fingerprint) == BITIM_OK &&
	    deadlines_mark_current(s, fingerprint) == BITIM_OK)
		return true;
	cli_error("%s", store_errmsg(s));
	return false;
}

struct procedure *cli_load_procedure(const struct cli_options *o)
{
	struct procedure *p = NULL;
	struct form_error err;
	const char *dir = cli_forms_dir(o);

	if (procedure_load(dir, &p, &err) != BITIM_OK) {
		if (err.line > 0)
			cli_error("%s/%s:%d: %s", dir, err.file, err.line, err.message);
		else
			cli_error("%s/%s: %s", dir, err.file, err.message);
		return NULL;
	}
	return p;
}

/* What to do about a status when opening, in a user's words. */
static const char *open_advice(enum bitim_status st)
{
	switch (st) {
	case BITIM_ERR_IO:
		return _("Check that the folder exists and that you may write to it.");
	case BITIM_ERR_CORRUPT:
		return _("Open another file with --db, or restore a backup with 'bitim restore FILE' (see the backups folder beside it).");
	case BITIM_ERR_NEWER:
		return _("Install the newer bitim that wrote it; this file was not changed.");
	case BITIM_ERR_BUSY:
		return _("Another program holds the database; close it and try again.");
	case BITIM_ERR_DB:
		return _("Keep the file as it is and report this message; its backups are in the backups folder beside it.");
	default:
		return "";
	}
}

bool cli_check_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct stat sb;
	char *dir;
	bool ok;

	if (!slash || slash == path)
		return true;
	dir = strndup(path, (size_t)(slash - path));
	ok = !dir || stat(dir, &sb) == 0;
	if (!ok)
		cli_error(_("the folder %s does not exist; create it or choose another path with --db"), dir);
	free(dir);
	return ok;
}

/* Make the day's first automatic backup; a failure is told, not fatal. */
static void daily_backup(struct store *s)
{
	char *made = NULL;
	enum bitim_status st;

	st = backup_daily(s, &made);
	if (st != BITIM_OK) {
		char *dir = backup_dir(s);
		cli_error(_("today's automatic backup into %s failed: %s"), dir ? dir : "backups", bitim_strerror(st));
		free(dir);
	}
	free(made);
}

struct store *cli_open_store(const struct cli_options *o)
{
	struct store *s = cli_open_store_nobackup(o);

	if (s)
		daily_backup(s);
	return s;
}

struct store *cli_open_store_nobackup(const struct cli_options *o)
{
	struct store *s = NULL;
	char *path = cli_db_path(o);
	enum bitim_status st;

	if (!path)
		return NULL;
	if (!o->db && store_make_dir(path) != BITIM_OK) {
		cli_error(_("cannot create the folder for %s"), path);
		free(path);
		return NULL;
	}
	if (o->db && !cli_check_folder(path)) {
		free(path);
		return NULL;
	}
	st = store_open(path, &s);
	if (st != BITIM_OK && (st == BITIM_ERR_DB || st == BITIM_ERR_IO) && *store_open_detail())
		cli_error(_("cannot open the database %s: %s (%s). %s"), path, bitim_strerror(st), store_open_detail(),
			  open_advice(st));
	else if (st != BITIM_OK)
		cli_error(_("cannot open the database %s: %s. %s"), path, bitim_strerror(st), open_advice(st));
	free(path);
	if (s) {
		today_init(s);
		if (store_backup_path(s))
			cli_error(_("the database was updated to this version of bitim; the file as it was is kept in %s"),
				  store_backup_path(s));
	}
	return s;
}

int cli_write_file(const char *path, const char *data, size_t len)
{
	if (file_write_atomic(path, data, len) == 0)
		return 0;
	cli_error(_("cannot write %s: %s"), path, i18n_errno(errno));
	return -1;
}

char *cli_read_file(const char *path, size_t *len)
{
	const size_t max = 64u * 1024 * 1024;
	FILE *fp = fopen(path, "rb");
	char *buf;

	if (!fp) {
		cli_error(_("cannot read %s: %s"), path, i18n_errno(errno));
		return NULL;
	}
	buf = malloc(max + 1);
	*len = buf ? fread(buf, 1, max + 1, fp) : 0;
	if (!buf || ferror(fp) || *len > max) {
		cli_error(_("cannot read %s: %s"), path, buf ? _("the file is too large or unreadable") : i18n_errno(ENOMEM));
		free(buf);
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	buf[*len] = '\0';
	return buf;
}
