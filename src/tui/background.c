/* Work done between keys: the deadlines' refresh (after the forms changed, or a merge or import added cases),
 * then the day's first backup (background.h). */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bitim/backup.h"
#include "bitim/deadlines.h"
#include "bitim/i18n.h"
#include "app.h"
#include "background.h"

/* How often the copy's check (in its own thread) is looked at. */
#define CHECK_POLL_MS 50

static struct {
	struct deadlines_job *deadlines; /* owned; NULL when current */
	bool deadlines_stopped;          /* it failed: left for the next start */
	struct backup_job *backup;       /* owned; NULL when none is being made */
	bool backup_begun;               /* the day's backup was looked at this run */
	bool sticky;                     /* the status line tells a finished task until a key */
	int percent;                     /* last shown */
	/* What the status line tells, kept so that it is told again in
	 * another language (F5) */
	enum { TOLD_NONE, TOLD_RECALCULATING, TOLD_RECALCULATED, TOLD_BACKUP, TOLD_BACKUP_MADE } told;
	size_t count;                    /* cases recalculated */
	char made[256];                  /* the backup's file name */
} B;

/* Put what is being told on the status line, in the current language. */
static void tell(struct app *app)
{
	switch (B.told) {
	case TOLD_NONE:
		app->status[0] = '\0';
		break;
	case TOLD_RECALCULATING:
		if (B.percent < 0)
			snprintf(app->status, sizeof app->status, "%s", _("Recalculating the open cases' deadlines…"));
		else
			snprintf(app->status, sizeof app->status, _("Recalculating the open cases' deadlines: %d %%…"),
				 B.percent);
		break;
	case TOLD_RECALCULATED:
		snprintf(app->status, sizeof app->status,
			 ngettext("Deadlines recalculated: %zu open case",
				  "Deadlines recalculated: %zu open cases", B.count), B.count);
		break;
	case TOLD_BACKUP:
		if (B.percent > 100)
			snprintf(app->status, sizeof app->status, "%s", _("Backup of the day: checking the copy…"));
		else
			snprintf(app->status, sizeof app->status, _("Backup of the day: %d %%…"), B.percent);
		break;
	case TOLD_BACKUP_MADE:
		snprintf(app->status, sizeof app->status, _("Backup of the day made: %s"), B.made);
		break;
	}
}

/* Only a test build can slow the work down, so that a test sees it being
 * done: BITIM_TEST_BACKUP_MS_PER_PAGE copies one page a slice, then sleeps
 * that long; BITIM_TEST_DEADLINES_MS_PER_CASE sleeps that long, then
 * recomputes one case. */
static int test_slow(const char *name)
{
#ifdef BITIM_TEST_HOOKS
	const char *v = getenv(name);
	return v ? atoi(v) : 0;
#else
	(void)name;
	return 0;
#endif
}

static void pause_ms(int ms)
{
	struct timespec pause = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&pause, NULL);
}

void background_open(struct app *app, const char *forms_fingerprint)
{
	enum bitim_status st;

	memset(&B, 0, sizeof B);
	B.percent = -1;
	app->status[0] = '\0';
	if (!forms_fingerprint)
		return;
	st = deadlines_refresh_begin(app->store, app->proc, forms_fingerprint, &B.deadlines);
	if (st != BITIM_OK)
		app_message(app, MSG_ERROR, _("The deadlines of the open cases could not be recalculated: %s"),
			    bitim_strerror(st));
	if (B.deadlines) {
		B.told = TOLD_RECALCULATING;
		tell(app);
	}
}

int background_wait_ms(const struct app *app)
{
	(void)app;
	if ((B.deadlines && !B.deadlines_stopped) || !B.backup_begun)
		return 0;
	if (B.backup)
		return backup_job_checking(B.backup) ? CHECK_POLL_MS : 0;
	return -1;
}

/* A slice of the deadlines' refresh. */
static bool work_deadlines(struct app *app)
{
	bool done = false;
	int slow = test_slow("BITIM_TEST_DEADLINES_MS_PER_CASE");
	enum bitim_status st;
	int percent;
	size_t count;

	if (slow > 0) {
		pause_ms(slow);
		st = deadlines_refresh_step(B.deadlines, 1, &done);
	} else {
		st = deadlines_refresh_work(B.deadlines, BACKGROUND_SLICE_MS, &done);
	}
	percent = deadlines_refresh_percent(B.deadlines);
	count = deadlines_refresh_count(B.deadlines);

	if (st != BITIM_OK) {
		/* Left as it is: cases not recomputed stay shown as such, and
		 * the next start goes on from here. */
		app_message(app, MSG_ERROR, _("The deadlines of the open cases could not be recalculated: %s"),
			    bitim_strerror(st));
		B.told = TOLD_NONE;
		tell(app);
		B.deadlines_stopped = true;
		return true;
	}
	if (done) {
		deadlines_job_free(B.deadlines);
		B.deadlines = NULL;
		B.count = count;
		B.told = TOLD_RECALCULATED;
		tell(app);
		B.sticky = true;
		app->data_changed = true;
		return true;
	}
	/* Cases just recomputed are shown with their new deadline. */
	app->data_changed = true;
	if (percent == B.percent)
		return false;
	B.percent = percent;
	B.told = TOLD_RECALCULATING;
	tell(app);
	return true;
}

static void backup_failed(struct app *app, enum bitim_status st)
{
	app_message(app, MSG_ERROR, _("Backup of the day failed: %s. Run bitim backup to see why."), bitim_strerror(st));
	B.told = TOLD_NONE;
	tell(app);
	B.sticky = false;
}

/* A slice of the day's backup (begun at the first idle moment). */
static bool work_backup(struct app *app)
{
	enum bitim_status st;
	bool done = false;
	int slow = test_slow("BITIM_TEST_BACKUP_MS_PER_PAGE"), percent;

	if (!B.backup_begun) {
		B.backup_begun = true;
		B.percent = -1;
		if ((st = backup_daily_begin(app->store, &B.backup)) != BITIM_OK) {
			backup_failed(app, st);
			return true;
		}
		if (!B.backup)
			return false;
	}
	if (slow > 0 && !backup_job_checking(B.backup)) {
		st = backup_job_step(B.backup, 1, &done);
		pause_ms(slow);
	} else {
		st = backup_job_work(B.backup, BACKGROUND_SLICE_MS, &done);
	}
	if (done) {
		if (st == BITIM_OK) {
			/* Its name: the folder is the one Settings (F9) shows. */
			const char *path = backup_job_path(B.backup), *name = strrchr(path, '/');
			snprintf(B.made, sizeof B.made, "%s", name ? name + 1 : path);
			B.told = TOLD_BACKUP_MADE;
			tell(app);
			B.sticky = true;
		} else {
			backup_failed(app, st);
		}
		backup_job_free(B.backup);
		B.backup = NULL;
		return true;
	}
	percent = backup_job_checking(B.backup) ? 101 : backup_job_percent(B.backup);
	if (percent == B.percent)
		return false;
	B.percent = percent;
	B.told = TOLD_BACKUP;
	tell(app);
	B.sticky = false; /* the deadlines' line, if any, gave way to it */
	return true;
}

bool background_work(struct app *app)
{
	if (B.deadlines && !B.deadlines_stopped)
		return work_deadlines(app);
	if (!B.backup_begun || B.backup)
		return work_backup(app);
	return false;
}

void background_key(struct app *app)
{
	/* Only once it was seen: a message or a hint may have hidden it. */
	if (B.sticky && app->status_shown) {
		B.sticky = false;
		B.told = TOLD_NONE;
		tell(app);
	}
}

bool background_backup_running(void)
{
	return B.backup != NULL;
}

void background_language(struct app *app)
{
	tell(app);
}

bool background_deadline_current(const struct app *app, int64_t case_id)
{
	(void)app;
	return deadlines_case_current(B.deadlines, case_id);
}

void background_case_opened(struct app *app, int64_t case_id)
{
	enum bitim_status st;

	if (B.deadlines && (st = deadlines_refresh_case(B.deadlines, case_id)) != BITIM_OK)
		app_status(app, st);
}

const char *background_close(struct app *app)
{
	const char *told = NULL;

	(void)app;
	if (B.backup)
		told = _("Today's automatic backup was not finished when bitim ended; it is made the next time bitim starts.");
	backup_job_free(B.backup);
	deadlines_job_free(B.deadlines);
	memset(&B, 0, sizeof B);
	return told;
}
