/* Backups: automatic copies in the backups/ folder beside the database
 * (daily and before an operation that rewrites many rows), rotated and
 * integrity-checked; copies that leave the machine, with their fingerprint;
 * restoring a copy. README.md, "Backups and restoring", tells users how. */
#ifndef BITIM_BACKUP_H
#define BITIM_BACKUP_H

#include <stdbool.h>
#include <time.h>
#include "bitim/date.h"
#include "bitim/status.h"
#include "bitim/store.h"

/* How many automatic backups rotation keeps: all of the last `daily` days
 * with a backup, then the newest of each of the last `weekly` weeks and of
 * the last `monthly` months. Kept in the settings; 7, 4, 12 by default. */
struct backup_keep {
	int daily, weekly, monthly;
};
#define BACKUP_KEEP_DEFAULT { 7, 4, 12 }
/* The largest number accepted for any of them. */
#define BACKUP_KEEP_MAX 1000

/* The folder of automatic backups: "backups" beside the database (malloc'd). */
char *backup_dir(const struct store *s);

/* A new automatic backup, backups/bitim-YYYYMMDD-HHMMSS-KIND.db (local time;
 * never overwriting one), mode 0600, checked with PRAGMA integrity_check
 * (a copy that fails is removed); then the folder is rotated. kind names why
 * (daily, before-merge, before-import, before-migration-v2, before-restore).
 * *path is the file made (malloc'd), NULL on error. */
enum bitim_status backup_make(struct store *s, const char *kind, char **path);

/* The first start of a day: an automatic backup unless one was already made
 * today (or the database is a demonstration). *path is the file made, or
 * NULL when none was needed. */
enum bitim_status backup_daily(struct store *s, char **path);

/* A backup made in steps, so that the interface never waits for a copy of
 * the whole register: the pages are copied a few at a time through the
 * store's own connection (a change saved meanwhile is copied too), then the
 * copy is checked (PRAGMA integrity_check) in a thread of its own. The copy
 * is written to NAME.part and renamed NAME only once complete and checked;
 * freeing the job before then removes it. */
struct backup_job;

/* Start an automatic backup of a kind (as backup_make names them); the
 * folder is rotated once it is made when rotate is true. */
enum bitim_status backup_job_begin(struct store *s, const char *kind, bool rotate, struct backup_job **job);

/* Start the day's automatic backup when it is due (as backup_daily decides):
 * *job is NULL when none is. */
enum bitim_status backup_daily_begin(struct store *s, struct backup_job **job);

/* One step: copy at most `pages` pages, or see whether the check is done
 * (all of it, waiting, when pages is negative). *done is true once the
 * backup is made or failed; the status is then its result (the unfinished
 * file removed on failure), BITIM_OK before. */
enum bitim_status backup_job_step(struct backup_job *job, int pages, bool *done);

/* Steps for about budget_ms milliseconds at most (at least one). */
enum bitim_status backup_job_work(struct backup_job *job, int budget_ms, bool *done);

/* All of it at once. */
enum bitim_status backup_job_run(struct backup_job *job);

/* How much of the copy is made (0 to 100), and whether it is being checked. */
int backup_job_percent(const struct backup_job *job);
bool backup_job_checking(const struct backup_job *job);

/* The name the backup has (once made). */
const char *backup_job_path(const struct backup_job *job);

/* Stop: a backup not yet made leaves no file (the next start makes it). */
void backup_job_free(struct backup_job *job);

/* Whether today's automatic backup is missing (after backup_daily, it
 * failed): never for a demonstration database. */
enum bitim_status backup_missing_today(struct store *s, bool *missing);

/* Remove the automatic backups the rotation does not keep (only files named
 * as backup_make names them). */
enum bitim_status backup_rotate(struct store *s);

enum bitim_status backup_keep_get(struct store *s, struct backup_keep *k);
/* BITIM_ERR_INVALID if a number is below 0 or above BACKUP_KEEP_MAX. */
enum bitim_status backup_keep_set(struct store *s, const struct backup_keep *k);

/* The newest automatic backup: *path malloc'd (NULL when there is none)
 * and its time. */
enum bitim_status backup_last(struct store *s, char **path, time_t *when);

/* A copy for another disk: DIR/bitim-CODE-YYYYMMDD-HHMMSS.db, integrity-checked,
 * and beside it the same name plus ".sha256" holding its SHA-256 in
 * sha256sum's format. Recorded as the last copy taken off the machine.
 * *path malloc'd; sha256 is 64 hex digits. */
enum bitim_status backup_copy_to(struct store *s, const char *dir, char **path, char sha256[65]);

/* When a copy last left the machine (backup_copy_to): *when 0 if never,
 * and *where its folder (malloc'd, NULL if never). */
enum bitim_status backup_copied(struct store *s, time_t *when, char **where);

/* Whether the case list should warn that no copy left the machine for 30
 * days: the last copy (or, if never, the oldest case) is older than that.
 * Never for a demonstration database or an empty register. */
enum bitim_status backup_copy_overdue(struct store *s, bitim_day today, bool *overdue);

/* SHA-256 of a file as 64 hex digits. */
enum bitim_status backup_fingerprint(const char *path, char sha256[65]);

/* Check a file before restoring it: a bitim database this bitim can open,
 * whose integrity check says ok, and which matches its FILE.sha256 when one
 * is beside it. *report (malloc'd) says what is wrong, or "ok". */
enum bitim_status backup_check_file(const char *file, char **report);

/* Replace the database at db_path with the copy in file (checked first by
 * backup_check_file: *report says why it was refused). The database being
 * replaced is kept first as an automatic backup (*kept, malloc'd; NULL
 * when there was none, as after a lost disk); a damaged one is moved into
 * backups/ whole. */
enum bitim_status backup_restore(const char *db_path, const char *file, char **kept, char **report);

#endif
