/* An automatic backup made in steps: the interface copies a few pages
 * whenever it waits for a key, and the copy is checked in a thread of its
 * own, so the first screen never waits for a copy of the whole register.
 * The copy is written to NAME.part and renamed to NAME only once complete
 * and checked: a backup cut short leaves no file that looks like a backup. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "backup_internal.h"

/* Pages copied by one sqlite3_backup_step (4 KiB each): well under a
 * millisecond of work, so a time budget is kept closely. */
#define PAGES_PER_STEP 64
/* How long another program may keep the source locked before the backup
 * is given up (the next start tries again). */
#define BUSY_LIMIT_MS 60000

enum phase { PHASE_COPY, PHASE_CHECK, PHASE_DONE, PHASE_FAILED };

struct backup_job {
	struct store *s;       /* borrowed */
	sqlite3 *to;           /* the copy, open while it is written; owned */
	sqlite3_backup *b;     /* owned */
	char *part;            /* the file written: path + ".part"; owned */
	int part_fd;           /* the same file, to start its writing to the disk early; owned, or -1 */
	char *path;            /* the name it gets when checked; owned */
	bool rotate;
	enum phase phase;
	enum bitim_status status;
	int total, remaining;  /* pages, as SQLite last said */
	long busy_since_ms;    /* when the source was first found locked, or -1 */
	/* The check runs in a thread; these are shared with it under lock. */
	pthread_mutex_t lock;
	pthread_t thread;
	bool thread_started;
	sqlite3 *check_db;     /* the thread's connection while it runs (to interrupt) */
	bool check_done, stopping;
	enum bitim_status check_status;
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Sync the copy to the disk (it was written without waiting for it). */
static bool sync_copy(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool ok = fd >= 0 && fsync(fd) == 0;

	if (fd >= 0)
		close(fd);
	return ok;
}

/* Sync the copy, then PRAGMA integrity_check of it on a connection of its
 * own; job->stopping (or sqlite3_interrupt) ends it early as a failure. */
static enum bitim_status check_copy(struct backup_job *job)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	bool ok = false, stop;
	int rc;

	if (!sync_copy(job->part))
		return BITIM_ERR_IO;
	rc = sqlite3_open_v2(job->part, &db, SQLITE_OPEN_READONLY, NULL);

	pthread_mutex_lock(&job->lock);
	stop = job->stopping;
	if (!stop)
		job->check_db = db;
	pthread_mutex_unlock(&job->lock);
	if (!stop && rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);
	if (!stop && rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *line = sqlite3_column_text(st, 0);
		ok = line && strcmp((const char *)line, "ok") == 0;
	}
	sqlite3_finalize(st);
	pthread_mutex_lock(&job->lock);
	job->check_db = NULL;
	pthread_mutex_unlock(&job->lock);
	sqlite3_close(db);
	return ok ? BITIM_OK : BITIM_ERR_CORRUPT;
}

static void *check_thread(void *arg)
{
	struct backup_job *job = arg;
	enum bitim_status status = check_copy(job);

	pthread_mutex_lock(&job->lock);
	job->check_status = status;
	job->check_done = true;
	pthread_mutex_unlock(&job->lock);
	return NULL;
}

/* Stop the copy or its check and remove the unfinished file. */
static void abandon(struct backup_job *job)
{
	if (job->b)
		sqlite3_backup_finish(job->b);
	job->b = NULL;
	if (job->to)
		sqlite3_close(job->to);
	job->to = NULL;
	if (job->thread_started) {
		pthread_mutex_lock(&job->lock);
		job->stopping = true;
		if (job->check_db)
			sqlite3_interrupt(job->check_db);
		pthread_mutex_unlock(&job->lock);
		pthread_join(job->thread, NULL);
		job->thread_started = false;
	}
	if (job->part && job->phase != PHASE_DONE)
		unlink(job->part);
}

static enum bitim_status fail(struct backup_job *job, enum bitim_status status)
{
	abandon(job);
	job->phase = PHASE_FAILED;
	job->status = status;
	return status;
}

enum bitim_status backup_job_begin(struct store *s, const char *kind, bool rotate, struct backup_job **out)
{
	struct backup_job *job = calloc(1, sizeof *job);
	enum bitim_status status;
	int rc;

	*out = NULL;
	if (!job)
		return BITIM_ERR_NOMEM;
	job->s = s;
	job->part_fd = -1;
	job->rotate = rotate;
	job->busy_since_ms = -1;
	pthread_mutex_init(&job->lock, NULL);
	if ((status = backup_new_part(s, kind, &job->part, &job->path)) != BITIM_OK)
		goto out;
	job->part_fd = open(job->part, O_RDONLY | O_CLOEXEC);
	rc = sqlite3_open_v2(job->part, &job->to, SQLITE_OPEN_READWRITE, NULL);
	/* The copy's last step would wait for the whole file to reach the disk
	 * (a second and more at a million cases) and hold up a key: the file is
	 * synced by the check instead, before it is given its name. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(job->to, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	if (rc == SQLITE_OK && !(job->b = sqlite3_backup_init(job->to, "main", s->db, "main")))
		rc = sqlite3_errcode(job->to);
	if (rc != SQLITE_OK) {
		snprintf(s->errmsg, sizeof s->errmsg, "%s", job->to ? sqlite3_errmsg(job->to) : sqlite3_errstr(rc));
		status = store_status(NULL, rc);
	}
out:
	if (status != BITIM_OK) {
		abandon(job);
		backup_job_free(job);
		return status;
	}
	*out = job;
	return BITIM_OK;
}

/* The copy is complete: a file of its own (no -wal beside it to lose). */
static enum bitim_status end_copy(struct backup_job *job)
{
	int rc = sqlite3_backup_finish(job->b);

	job->b = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(job->to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		snprintf(job->s->errmsg, sizeof job->s->errmsg, "%s", sqlite3_errmsg(job->to));
	if (sqlite3_close(job->to) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_IOERR;
	job->to = NULL;
	if (rc != SQLITE_OK)
		return fail(job, store_status(NULL, rc));
	job->phase = PHASE_CHECK;
	return BITIM_OK;
}

/* Copy up to `pages` pages (all when negative). */
static enum bitim_status copy_pages(struct backup_job *job, int pages, bool wait)
{
	int rc = sqlite3_backup_step(job->b, pages);

	job->total = sqlite3_backup_pagecount(job->b);
	job->remaining = sqlite3_backup_remaining(job->b);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		/* Another bitim is writing: wait for it, as the busy timeout does. */
		long now = now_ms();
		if (job->busy_since_ms < 0)
			job->busy_since_ms = now;
		if (now - job->busy_since_ms > (wait ? 5000 : BUSY_LIMIT_MS))
			return fail(job, BITIM_ERR_BUSY);
		if (wait)
			sqlite3_sleep(20);
		return BITIM_OK;
	}
	job->busy_since_ms = -1;
	if (rc == SQLITE_DONE)
		return end_copy(job);
	if (rc != SQLITE_OK) {
		snprintf(job->s->errmsg, sizeof job->s->errmsg, "%s", sqlite3_errstr(rc));
		return fail(job, store_status(NULL, rc));
	}
	return BITIM_OK;
}

/* The copy passed its check: give it its name and rotate the folder. */
static enum bitim_status finish(struct backup_job *job, enum bitim_status checked)
{
	if (checked != BITIM_OK)
		return fail(job, checked);
	if (rename(job->part, job->path) < 0)
		return fail(job, errno == ENOSPC ? BITIM_ERR_FULL : BITIM_ERR_IO);
	job->phase = PHASE_DONE;
	job->status = job->rotate ? backup_rotate(job->s) : BITIM_OK;
	return job->status;
}

/* Check the copy: at once when waiting, else in a thread, polled. */
static enum bitim_status check_step(struct backup_job *job, bool wait)
{
	enum bitim_status checked;
	bool done;

	if (wait && !job->thread_started)
		return finish(job, check_copy(job));
	if (!job->thread_started) {
		if (pthread_create(&job->thread, NULL, check_thread, job) != 0)
			return finish(job, check_copy(job));
		job->thread_started = true;
		return BITIM_OK;
	}
	pthread_mutex_lock(&job->lock);
	done = job->check_done;
	checked = job->check_status;
	pthread_mutex_unlock(&job->lock);
	if (!done && wait) {
		pthread_join(job->thread, NULL);
		job->thread_started = false;
		checked = job->check_status;
		done = true;
	} else if (done) {
		pthread_join(job->thread, NULL);
		job->thread_started = false;
	}
	return done ? finish(job, checked) : BITIM_OK;
}

enum bitim_status backup_job_step(struct backup_job *job, int pages, bool *done)
{
	bool wait = pages < 0;

	switch (job->phase) {
	case PHASE_COPY:
		copy_pages(job, pages, wait);
		break;
	case PHASE_CHECK:
		check_step(job, wait);
		break;
	default:
		break;
	}
	*done = job->phase == PHASE_DONE || job->phase == PHASE_FAILED;
	return job->phase == PHASE_FAILED || job->phase == PHASE_DONE ? job->status : BITIM_OK;
}

enum bitim_status backup_job_work(struct backup_job *job, int budget_ms, bool *done)
{
	long until = now_ms() + budget_ms;
	enum bitim_status status;

	do {
		status = backup_job_step(job, PAGES_PER_STEP, done);
	} while (!*done && job->phase == PHASE_COPY && job->busy_since_ms < 0 && now_ms() < until);
#ifdef SYNC_FILE_RANGE_WRITE
	/* Start writing what was copied to the disk now, without waiting: left
	 * to pile up, a gigabyte of unwritten pages makes the kernel stop the
	 * writer (this very loop, between two keys) for a tenth of a second. */
	if (job->part_fd >= 0 && job->phase == PHASE_COPY)
		sync_file_range(job->part_fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
	return status;
}

enum bitim_status backup_job_run(struct backup_job *job)
{
	enum bitim_status status;
	bool done = false;

	do
		status = backup_job_step(job, -1, &done);
	while (!done);
	return status;
}

int backup_job_percent(const struct backup_job *job)
{
	if (job->phase == PHASE_DONE)
		return 100;
	if (job->phase != PHASE_COPY || job->total <= 0)
		return job->phase == PHASE_COPY ? 0 : 100;
	return (int)((long)(job->total - job->remaining) * 100 / job->total);
}

bool backup_job_checking(const struct backup_job *job)
{
	return job->phase == PHASE_CHECK;
}

const char *backup_job_path(const struct backup_job *job)
{
	return job->path;
}

void backup_job_free(struct backup_job *job)
{
	if (!job)
		return;
	abandon(job);
	pthread_mutex_destroy(&job->lock);
	if (job->part_fd >= 0)
		close(job->part_fd);
	free(job->part);
	free(job->path);
	free(job);
}

enum bitim_status backup_daily_begin(struct store *s, struct backup_job **job)
{
	bool missing = false;
	enum bitim_status status;

	*job = NULL;
	if ((status = backup_missing_today(s, &missing)) != BITIM_OK || !missing)
		return status;
	return backup_job_begin(s, "daily", true, job);
}
