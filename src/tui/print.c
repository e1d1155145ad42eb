/* Printing from the case screen: choose, render, save, print. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bitim/doc.h"
#include "bitim/fileio.h"
#include "bitim/i18n.h"
#include "dialog.h"
#include "print.h"
#include "today.h"

extern char **environ;

char *documents_dir(const char *sub)
{
	const char *env = getenv("BITIM_DOCUMENTS"), *home = getenv("HOME");
	char *base = NULL, *dir = NULL;

	if (env && *env)
		base = strdup(env);
	else if (asprintf(&base, "%s/bitim-documents", home && *home ? home : ".") < 0)
		base = NULL;
	if (!base || (mkdir(base, 0700) < 0 && errno != EEXIST))
		goto out;
	if (!sub) {
		dir = base;
		base = NULL;
	} else if (asprintf(&dir, "%s/%s", base, sub) < 0) {
		dir = NULL;
	} else if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		free(dir);
		dir = NULL;
	}
out:
	free(base);
	return dir;
}

/* Whether a program is on PATH. */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH");
	char *copy = path ? strdup(path) : NULL, *save = NULL, full[4096];
	bool found = false;

	for (char *dir = copy ? strtok_r(copy, ":", &save) : NULL; dir && !found; dir = strtok_r(NULL, ":", &save)) {
		snprintf(full, sizeof full, "%s/%s", dir, name);
		found = access(full, X_OK) == 0;
	}
	free(copy);
	return found;
}

/* Send a file to the default printer with lp; its chatter is not shown. */
static bool send_to_printer(const char *file)
{
	posix_spawn_file_actions_t fa;
	char *argv[] = { "lp", "--", (char *)file, NULL };
	pid_t pid;
	int status = -1;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, "lp", &fa, NULL, argv, environ) == 0)
		waitpid(pid, &status, 0);
	posix_spawn_file_actions_destroy(&fa);
	return status == 0;
}

/* Whether BASE.txt or BASE.html is there already. */
static bool taken(const char *base)
{
	char path[4096];
	struct stat st;

	snprintf(path, sizeof path, "%s.txt", base);
	if (lstat(path, &st) == 0)
		return true;
	snprintf(path, sizeof path, "%s.html", base);
	return lstat(path, &st) == 0;
}

/* A file name (without extension) for a document that no earlier saved
 * paper has: DIR/NUMBER-KIND-LANG, else with -2, -3, ... added, so that a
 * paper printed before (perhaps the one signed) is never overwritten.
 * malloc'd; NULL when out of memory or of numbers. */
static char *free_base(const char *dir, const char *number, const char *kind, const char *lang)
{
	char *base = NULL;

	for (int n = 1; n < 10000; n++) {
		int rc = n == 1 ? asprintf(&base, "%s/%s-%s-%s", dir, number, kind, lang)
				: asprintf(&base, "%s/%s-%s-%s-%d", dir, number, kind, lang, n);
		if (rc < 0)
			return NULL;
		if (!taken(base))
			return base;
		free(base);
		base = NULL;
	}
	return NULL;
}

/* A path as the user would write it: the home folder as "~" (shorter on the
 * message line). Points into path, or to a static buffer. */
static const char *shown_path(const char *path)
{
	static char buf[4096];
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && path[n] == '/') {
		snprintf(buf, sizeof buf, "~%s", path + n);
		return buf;
	}
	return path;
}

/* Render one format and save it as BASE.EXT. */
static bool save_one(struct app *app, int64_t case_id, struct doc_request *req, const char *base,
		     const char *ext, char **path, struct problems *why)
{
	char *text = NULL;
	enum bitim_status st = doc_render(app->store, app->proc, case_id, req, &text, why);

	if (st != BITIM_OK) {
		if (st != BITIM_ERR_GUARD && st != BITIM_ERR_FORMS)
			app_status(app, st);
		return false;
	}
	if (asprintf(path, "%s.%s", base, ext) < 0 || file_write_atomic(*path, text, strlen(text)) < 0) {
		app_message(app, MSG_ERROR, _("Cannot write %s: %s"), *path ? *path : base, strerror(errno));
		free(text);
		return false;
	}
	free(text);
	return true;
}

static const char *const lang_names[] = { N_("Kazakh"), N_("Russian"), N_("English"), N_("Kazakh and Russian") };
static const char *const lang_codes[] = { "kk", "ru", "en", "kk+ru" };

bool print_pick_signed_version(struct app *app, const struct case_data *cd, const char **version)
{
	const char *versions[2], *labels[2];
	size_t n = doc_sign_versions(cd, versions);
	int pick = 0;

	for (size_t v = 0; v < n; v++)
		for (int i = 0; i < 4; i++)
			if (strcmp(versions[v], lang_codes[i]) == 0)
				labels[v] = _(lang_names[i]);
	if (n > 1 && (pick = dialog_pick(app, _("Which printed version did the parties sign?"), labels, n, 0)) < 0)
		return false;
	*version = versions[pick];
	return true;
}

bool print_case(struct app *app, int64_t case_id, struct problems *why)
{
	static const char *const kinds[DOC_KIND_COUNT] = {
		N_("Agreement on mediation"), N_("Settlement agreement"), N_("Notice of termination of the mediation procedure"),
		N_("Minutes of the sessions"), N_("Case card"), N_("Addendum to the signed agreement"),
		N_("Letter: mediation not started"),
	};
	const char *const *langs = lang_names, *const *codes = lang_codes;
	struct doc_request req = { .format = DOC_TXT, .printed_on = today_get() };
	struct case_data *cd = NULL;
	char *dir = NULL, *base = NULL, *txt = NULL, *html = NULL, fixed[8], safe[64];
	int kind, lang = -1, current = 3;
	bool ok = false;

	memset(why, 0, sizeof *why);
	if ((kind = dialog_pick(app, _("Print"), kinds, DOC_KIND_COUNT, 1)) < 0)
		return true;
	if (store_case_load(app->store, case_id, &cd) == BITIM_OK)
		for (int i = 0; i < 4; i++)
			if (strcmp(codes[i], doc_case_lang(cd)) == 0)
				current = i;
	req.kind = (enum doc_kind)kind;
	/* A signed agreement is given as it was signed: no language to choose. */
	if (doc_fixed_lang(app->store, case_id, req.kind, fixed) == BITIM_OK) {
		req.lang = fixed;
	} else {
		if ((lang = dialog_pick(app, _("Language of the document"), langs, 4, current)) < 0)
			goto out;
		req.lang = codes[lang];
	}
	if (req.kind == DOC_MINUTES)
		req.include_confidential = dialog_confirm(app, _("Minutes"),
			_("Include the confidential notes of the sessions? They are protected by law (Art. 8); print them only for the mediator's own file."));
	if (!(dir = documents_dir(NULL))) {
		app_message(app, MSG_ERROR, "%s", _("Cannot create the folder for documents"));
		goto out;
	}
	/* The file name is made of a safe form of the number (an imported one
	 * could hold "../" or worse) and checked to stay in the folder. */
	file_safe_name(casedata_number(cd), safe, sizeof safe);
	if (!(base = free_base(dir, safe, doc_kind_name(req.kind), req.lang)))
		goto out;
	if (!file_inside(dir, base)) {
		app_message(app, MSG_ERROR, "%s", _("Cannot create the folder for documents"));
		goto out;
	}
	if (!save_one(app, case_id, &req, base, "txt", &txt, why))
		goto out;
	req.format = DOC_HTML;
	if (!save_one(app, case_id, &req, base, "html", &html, why))
		goto out;
	ok = true;
	if (on_path("lp") && dialog_confirm(app, _("Print"), _("Send the document to the default printer?"))) {
		if (send_to_printer(txt))
			app_message(app, MSG_INFO, _("%s: saved and sent to the printer"), shown_path(txt));
		else
			app_message(app, MSG_ERROR, _("%s: saved; the printer did not take it"), shown_path(txt));
	} else if (lang < 0) { /* the file's name first: a long message is cut at the end */
		app_message(app, MSG_INFO, _("%s: saved as it was signed (and .html for a browser)"), shown_path(txt));
	} else {
		app_message(app, MSG_INFO, _("%s: saved (and .html for a browser)"), shown_path(txt));
	}
out:
	casedata_free(cd);
	free(dir);
	free(base);
	free(txt);
	free(html);
	return ok || why->count == 0;
}
