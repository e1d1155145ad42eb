/* Unit tests: automatic backups, rotation, copies with fingerprints, restore. */
#include "testutil.h"
#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "bitim/backup.h"
#include "bitim/store.h"

struct fixture {
	char *dir;
	char path[4096];
	char backups[4200];
	struct store *s;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!(f->s = test_store_new(&f->dir)))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/bitim.db", f->dir);
	snprintf(f->backups, sizeof f->backups, "%s/backups", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	test_store_done(f->s, f->dir);
	free(f);
	return 0;
}

/* How many entries of dir contain part in their name. */
static int count_named(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' && strstr(e->d_name, part))
			n++;
	closedir(d);
	return n;
}

static bool exists(const char *dir, const char *name)
{
	char path[8192];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return access(path, F_OK) == 0;
}

/* A case whose office code is set, so the register holds something. */
static int64_t add_case(struct store *s, const char *party)
{
	int64_t id;
	char uuid[UUID_BUF];
	assert_int_equal(store_office_set(s, "code", "KRG"), BITIM_OK);
	assert_int_equal(store_case_create(s, "intake", date_from_ymd(2026, 3, 10), &id), BITIM_OK);
	assert_int_equal(store_row_add(s, id, ENTITY_PARTY, uuid), BITIM_OK);
	assert_int_equal(store_set_value(s, id, ENTITY_PARTY, uuid, "full_name", party), BITIM_OK);
	return id;
}

static int count_cases(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = -1;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM cases", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void backup_is_private_checked_and_in_backups(void **state)
{
	struct fixture *f = *state;
	char *path = NULL;
	struct stat sb;

	add_case(f->s, "Айгүл Серікқызы");
	assert_int_equal(backup_make(f->s, "before-merge", &path), BITIM_OK);
	assert_non_null(strstr(path, "/backups/bitim-"));
	assert_non_null(strstr(path, "-before-merge.db"));
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(f->backups, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(count_cases(path), 1);
	free(path);
	/* two in one second: a second name, none overwritten */
	assert_int_equal(backup_make(f->s, "before-merge", &path), BITIM_OK);
	free(path);
	assert_int_equal(count_named(f->backups, "before-merge"), 2);
}

static void daily_once_a_day_and_never_for_a_demo(void **state)
{
	struct fixture *f = *state;
	char *path = NULL;

	bool missing = false;

	assert_int_equal(backup_missing_today(f->s, &missing), BITIM_OK);
	assert_true(missing);
	assert_int_equal(backup_daily(f->s, &path), BITIM_OK);
	assert_non_null(path);
	assert_non_null(strstr(path, "-daily.db"));
	free(path);
	assert_int_equal(backup_missing_today(f->s, &missing), BITIM_OK);
	assert_false(missing);
	assert_int_equal(backup_daily(f->s, &path), BITIM_OK);
	assert_null(path);
	assert_int_equal(count_named(f->backups, "bitim-"), 1);
	/* a demonstration database is never backed up by itself */
	test_rmtree(f->backups);
	assert_int_equal(store_setting_set(f->s, "demo", "1"), BITIM_OK);
	assert_int_equal(backup_daily(f->s, &path), BITIM_OK);
	assert_null(path);
	assert_int_equal(count_named(f->backups, "bitim-"), 0);
	assert_int_equal(backup_missing_today(f->s, &missing), BITIM_OK);
	assert_false(missing);
}

/* Put an empty file named like an automatic backup of a day into dir. */
static void fake_backup(const char *dir, bitim_day d, const char *kind)
{
	char name[8192];
	int y, m, dd;
	FILE *fp;

	date_to_ymd(d, &y, &m, &dd);
	snprintf(name, sizeof name, "%s/bitim-%04d%02d%02d-120000-%s.db", dir, y, m, dd, kind);
	assert_non_null(fp = fopen(name, "w"));
	fclose(fp);
}

static void rotation_keeps_days_weeks_and_months(void **state)
{
	struct fixture *f = *state;
	bitim_day start = date_from_ymd(2024, 1, 1); /* a Monday */
	struct backup_keep k;
	FILE *fp;
	char other[8192];

	assert_int_equal(mkdir(f->backups, 0700), 0);
	/* a backup every day for two years, two on the newest day */
	for (bitim_day d = start; d < start + 731; d++)
		fake_backup(f->backups, d, "daily");
	fake_backup(f->backups, start + 730, "before-merge");
	snprintf(other, sizeof other, "%s/notes.txt", f->backups); /* not bitim's: never touched */
	assert_non_null(fp = fopen(other, "w"));
	fclose(fp);
	/* an old backup of another database in the same folder (other.db) is
	 * that database's, never rotated away with this one's */
	snprintf(other, sizeof other, "%s/other-20240101-120000-daily.db", f->backups);
	assert_non_null(fp = fopen(other, "w"));
	fclose(fp);
	assert_int_equal(backup_keep_get(f->s, &k), BITIM_OK);
	assert_int_equal(k.daily, 7);
	assert_int_equal(k.weekly, 4);
	assert_int_equal(k.monthly, 12);
	assert_int_equal(backup_rotate(f->s), BITIM_OK);
	/* the last 7 days whole (8 files), the newest of 4 weeks and of 12
	 * months; the newest week and month are the newest day's */
	assert_true(exists(f->backups, "bitim-20251231-120000-before-merge.db"));
	assert_true(exists(f->backups, "bitim-20251231-120000-daily.db"));
	assert_true(exists(f->backups, "bitim-20251225-120000-daily.db"));
	assert_false(exists(f->backups, "bitim-20251224-120000-daily.db"));
	assert_true(exists(f->backups, "bitim-20251221-120000-daily.db"));  /* Sunday: a week's newest */
	assert_true(exists(f->backups, "bitim-20251214-120000-daily.db"));
	assert_false(exists(f->backups, "bitim-20251207-120000-daily.db")); /* the fifth week */
	assert_true(exists(f->backups, "bitim-20251130-120000-daily.db"));  /* November's newest */
	assert_false(exists(f->backups, "bitim-20251129-120000-daily.db"));
	assert_true(exists(f->backups, "bitim-20250131-120000-daily.db"));  /* month 12 */
	assert_false(exists(f->backups, "bitim-20241231-120000-daily.db")); /* month 13 */
	assert_true(exists(f->backups, "notes.txt"));
	assert_true(exists(f->backups, "other-20240101-120000-daily.db"));
	assert_int_equal(count_named(f->backups, "bitim-"), 8 + 2 + 11);
	/* fewer kept when the settings say so; numbers out of range refused */
	k.daily = 1;
	k.weekly = 0;
	k.monthly = 0;
	assert_int_equal(backup_keep_set(f->s, &k), BITIM_OK);
	assert_int_equal(backup_rotate(f->s), BITIM_OK);
	assert_int_equal(count_named(f->backups, "bitim-"), 2);
	k.daily = -1;
	assert_int_equal(backup_keep_set(f->s, &k), BITIM_ERR_INVALID);
	k.daily = BACKUP_KEEP_MAX + 1;
	assert_int_equal(backup_keep_set(f->s, &k), BITIM_ERR_INVALID);
}

static void lost_database_restored_from_automatic_backup(void **state)
{
	struct fixture *f = *state;
	char *path = NULL, *kept = NULL, *report = NULL;
	struct store *s;

	add_case(f->s, "Мария Иванова");
	add_case(f->s, "Бақыт Омарова");
	assert_int_equal(backup_daily(f->s, &path), BITIM_OK);
	add_case(f->s, "after the backup");
	store_close(f->s);
	f->s = NULL;
	/* the disk dies: the database and its journal are gone */
	unlink(f->path);
	{
		char side[4200];
		snprintf(side, sizeof side, "%s-wal", f->path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", f->path);
		unlink(side);
	}
	assert_int_equal(backup_restore(f->path, path, &kept, &report), BITIM_OK);
	assert_null(kept); /* nothing was there to keep */
	assert_int_equal(store_open(f->path, &s), BITIM_OK);
	assert_int_equal(count_cases(f->path), 2);
	{
		int64_t id;
		struct case_data *c;
		assert_int_equal(store_case_find(s, "KRG-2026-0002", &id), BITIM_OK);
		assert_int_equal(store_case_load(s, id, &c), BITIM_OK);
		assert_string_equal(casedata_get(c, ENTITY_PARTY, 0, "full_name"), "Бақыт Омарова");
		casedata_free(c);
	}
	f->s = s;
	free(path);
	free(report);
}

static void restore_keeps_the_replaced_database(void **state)
{
	struct fixture *f = *state;
	char *path = NULL, *kept = NULL, *report = NULL;

	add_case(f->s, "one");
	assert_int_equal(backup_make(f->s, "manual", &path), BITIM_OK);
	add_case(f->s, "two");
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(backup_restore(f->path, path, &kept, &report), BITIM_OK);
	assert_non_null(kept);
	assert_non_null(strstr(kept, "-before-restore.db"));
	assert_int_equal(count_cases(f->path), 1);
	assert_int_equal(count_cases(kept), 2);
	assert_int_equal(store_open(f->path, &f->s), BITIM_OK);
	free(path);
	free(kept);
	free(report);
}

static void copy_has_its_fingerprint_and_a_changed_copy_is_refused(void **state)
{
	struct fixture *f = *state;
	char *stick = test_tmpdir(), *path = NULL, *kept = NULL, *report = NULL, sha[65], again[65], sum[8300];
	time_t when;
	char *where = NULL;
	FILE *fp;
	bool overdue;

	add_case(f->s, "Айгүл");
	assert_int_equal(backup_copied(f->s, &when, &where), BITIM_OK);
	assert_null(where);
	assert_int_equal(backup_copy_to(f->s, stick, &path, sha), BITIM_OK);
	assert_non_null(strstr(path, "/bitim-KRG-"));
	assert_int_equal(backup_fingerprint(path, again), BITIM_OK);
	assert_string_equal(sha, again);
	snprintf(sum, sizeof sum, "%s.sha256", path);
	assert_non_null(fp = fopen(sum, "r"));
	assert_non_null(fgets(again, sizeof again, fp));
	fclose(fp);
	assert_memory_equal(again, sha, 64);
	assert_int_equal(backup_copied(f->s, &when, &where), BITIM_OK);
	assert_string_equal(where, stick);
	assert_true(time(NULL) - when < 60);
	assert_int_equal(backup_copy_overdue(f->s, date_from_ymd(2099, 1, 1), &overdue), BITIM_OK);
	assert_true(overdue);
	assert_int_equal(backup_check_file(path, &report), BITIM_OK);
	free(report);
	/* one byte changed on the way: refused, the database untouched */
	assert_non_null(fp = fopen(path, "r+b"));
	fseek(fp, 100, SEEK_SET);
	fputc(0x55, fp);
	fclose(fp);
	assert_int_equal(backup_restore(f->path, path, &kept, &report), BITIM_ERR_INVALID);
	assert_null(kept);
	assert_non_null(report);
	free(report);
	assert_int_equal(count_cases(f->path), 1);
	free(where);
	free(path);
	test_rmtree(stick);
	free(stick);
}

static void damaged_or_foreign_file_is_not_restored(void **state)
{
	struct fixture *f = *state;
	char junk[4200], *kept = NULL, *report = NULL;
	FILE *fp;

	add_case(f->s, "one");
	snprintf(junk, sizeof junk, "%s/junk.db", f->dir);
	assert_non_null(fp = fopen(junk, "w"));
	fputs("this is not a database, but long enough to look like one at first sight.....", fp);
	fclose(fp);
	assert_int_not_equal(backup_restore(f->path, junk, &kept, &report), BITIM_OK);
	assert_null(kept);
	free(report);
	assert_int_equal(count_cases(f->path), 1);
	assert_int_equal(count_named(f->backups, "before-restore"), 0);
}

/* Cases are stamped with the UTC date they were created on. */
static bitim_day utc_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void copy_overdue_only_for_an_old_register(void **state)
{
	struct fixture *f = *state;
	bool overdue = true;

	assert_int_equal(backup_copy_overdue(f->s, date_from_ymd(2099, 1, 1), &overdue), BITIM_OK);
	assert_false(overdue); /* empty */
	add_case(f->s, "one");
	assert_int_equal(backup_copy_overdue(f->s, utc_today(), &overdue), BITIM_OK);
	assert_false(overdue); /* the first case is from today */
	assert_int_equal(backup_copy_overdue(f->s, utc_today() + 31, &overdue), BITIM_OK);
	assert_true(overdue);
	assert_int_equal(store_setting_set(f->s, "demo", "1"), BITIM_OK);
	assert_int_equal(backup_copy_overdue(f->s, utc_today() + 31, &overdue), BITIM_OK);
	assert_false(overdue);
}

/* Two databases in one folder (the register and another office's copy):
 * each names, lists and rotates its own backups. */
static void each_database_keeps_its_own_backups(void **state)
{
	struct fixture *f = *state;
	struct store *other = NULL;
	char otherdb[4200], *mine = NULL, *theirs = NULL, *last = NULL;
	time_t when;

	snprintf(otherdb, sizeof otherdb, "%s/other.db", f->dir);
	assert_int_equal(store_open(otherdb, &other), BITIM_OK);
	assert_int_equal(backup_make(f->s, "daily", &mine), BITIM_OK);
	assert_int_equal(backup_make(other, "manual", &theirs), BITIM_OK);
	assert_non_null(strstr(mine, "/backups/bitim-"));
	assert_non_null(strstr(theirs, "/backups/other-"));
	assert_int_equal(backup_last(f->s, &last, &when), BITIM_OK);
	assert_string_equal(last, mine);
	free(last);
	assert_int_equal(backup_last(other, &last, &when), BITIM_OK);
	assert_string_equal(last, theirs);
	free(last);
	free(mine);
	free(theirs);
	store_close(other);
}

/* ------------------------------------------------------- stepped backups */

/* How many entries of dir end with suffix. */
static int count_ending(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	size_t sl = strlen(suffix);

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len >= sl && strcmp(e->d_name + len - sl, suffix) == 0)
			n++;
	}
	closedir(d);
	return n;
}

/* Some cases and a few hundred pages of settings, so that a backup takes
 * many one-page steps. */
static void fill(struct store *s, int cases)
{
	char big[3500], key[32];

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (int i = 0; i < cases; i++)
		add_case(s, "Айгүл Серікқызы");
	for (int i = 0; i < 200; i++) {
		snprintf(key, sizeof key, "padding_%d", i);
		assert_int_equal(store_setting_set(s, key, big), BITIM_OK);
	}
}

/* Steps of one page until the copy is being checked; how many it took. */
static int copy_in_steps(struct backup_job *job)
{
	bool done = false;
	int steps = 0, last = -1;

	while (!backup_job_checking(job)) {
		assert_int_equal(backup_job_step(job, 1, &done), BITIM_OK);
		assert_false(done);
		assert_true(backup_job_percent(job) >= last);
		last = backup_job_percent(job);
		steps++;
	}
	return steps;
}

/* Poll the check (in its thread) until the backup is made. */
static enum bitim_status wait_done(struct backup_job *job)
{
	enum bitim_status status;
	bool done = false;

	for (int i = 0; i < 60000 && !done; i++) {
		status = backup_job_step(job, 1, &done);
		if (!done)
			usleep(1000);
	}
	assert_true(done);
	return status;
}

static void stepped_backup_is_named_only_when_copied_and_checked(void **state)
{
	struct fixture *f = *state;
	struct backup_job *job = NULL;
	char *report = NULL;
	bool missing = false;

	fill(f->s, 3);
	assert_int_equal(backup_daily_begin(f->s, &job), BITIM_OK);
	assert_non_null(job);
	/* while it is made, only its .part exists: no backup of today yet */
	assert_int_equal(copy_in_steps(job) > 100, true);
	assert_int_equal(count_ending(f->backups, "-daily.db.part"), 1);
	assert_int_equal(count_ending(f->backups, "-daily.db"), 0);
	assert_int_equal(backup_missing_today(f->s, &missing), BITIM_OK);
	assert_true(missing);
	assert_int_equal(wait_done(job), BITIM_OK);
	assert_int_equal(backup_job_percent(job), 100);
	assert_int_equal(count_ending(f->backups, ".part"), 0);
	assert_int_equal(count_ending(f->backups, "-daily.db"), 1);
	assert_int_equal(access(backup_job_path(job), F_OK), 0);
	/* the copy passes the checks a restore makes */
	assert_int_equal(backup_check_file(backup_job_path(job), &report), BITIM_OK);
	assert_string_equal(report, "ok");
	free(report);
	assert_int_equal(count_cases(backup_job_path(job)), 3);
	backup_job_free(job);
	assert_int_equal(backup_missing_today(f->s, &missing), BITIM_OK);
	assert_false(missing);
	/* made for today: none is due */
	assert_int_equal(backup_daily_begin(f->s, &job), BITIM_OK);
	assert_null(job);
}

static void stepped_backup_cut_short_leaves_no_file(void **state)
{
	struct fixture *f = *state;
	struct backup_job *job = NULL;
	bool missing = false, done = false;
	char *path = NULL;

	fill(f->s, 2);
	/* cut short while copying */
	assert_int_equal(backup_daily_begin(f->s, &job), BITIM_OK);
	for (int i = 0; i < 5; i++)
		assert_int_equal(backup_job_step(job, 1, &done), BITIM_OK);
	assert_int_equal(count_ending(f->backups, ".part"), 1);
	backup_job_free(job);
	assert_int_equal(count_ending(f->backups, ".part"), 0);
	assert_int_equal(count_ending(f->backups, ".db"), 0);
	/* cut short while checking (the thread is stopped, the copy removed) */
	assert_int_equal(backup_daily_begin(f->s, &job), BITIM_OK);
	copy_in_steps(job);
	assert_int_equal(backup_job_step(job, 1, &done), BITIM_OK);
	backup_job_free(job);
	assert_int_equal(count_ending(f->backups, ".part"), 0);
	assert_int_equal(count_ending(f->backups, ".db"), 0);
	/* so it is still due, and made the next time */
	assert_int_equal(backup_missing_today(f->s, &missing), BITIM_OK);
	assert_true(missing);
	assert_int_equal(backup_daily(f->s, &path), BITIM_OK);
	assert_non_null(path);
	assert_int_equal(count_cases(path), 2);
	free(path);
}

static void stepped_backup_takes_what_is_saved_meanwhile(void **state)
{
	struct fixture *f = *state;
	struct backup_job *job = NULL;
	struct store *other = NULL;
	bool done = false;
	char *report = NULL;

	fill(f->s, 1);
	/* saved through the same connection: the copy is updated with it */
	assert_int_equal(backup_job_begin(f->s, "daily", true, &job), BITIM_OK);
	for (int i = 0; i < 50; i++)
		assert_int_equal(backup_job_step(job, 1, &done), BITIM_OK);
	add_case(f->s, "Ерлан Қасымов");
	copy_in_steps(job);
	assert_int_equal(wait_done(job), BITIM_OK);
	assert_int_equal(count_cases(backup_job_path(job)), 2);
	assert_int_equal(backup_check_file(backup_job_path(job), &report), BITIM_OK);
	free(report);
	backup_job_free(job);
	/* saved by another program (another connection): the copy starts
	 * over, and it is still whole and checked */
	assert_int_equal(store_open(f->path, &other), BITIM_OK);
	assert_int_equal(backup_job_begin(f->s, "daily", true, &job), BITIM_OK);
	for (int i = 0; i < 50; i++)
		assert_int_equal(backup_job_step(job, 1, &done), BITIM_OK);
	add_case(other, "Дана Нұрланқызы");
	copy_in_steps(job);
	assert_int_equal(wait_done(job), BITIM_OK);
	assert_int_equal(count_cases(backup_job_path(job)), 3);
	assert_int_equal(backup_check_file(backup_job_path(job), &report), BITIM_OK);
	assert_string_equal(report, "ok");
	free(report);
	backup_job_free(job);
	store_close(other);
	/* two backups of today, one each */
	assert_int_equal(count_ending(f->backups, "-daily.db"), 2);
}

static void stale_part_is_removed_by_rotation(void **state)
{
	struct fixture *f = *state;
	char part[8192], other[8192], *path = NULL;
	struct timespec old[2] = { { .tv_sec = time(NULL) - 7 * 3600 }, { .tv_sec = time(NULL) - 7 * 3600 } };

	assert_int_equal(mkdir(f->backups, 0700), 0);
	snprintf(part, sizeof part, "%s/bitim-20260301-101010-daily.db.part", f->backups);
	snprintf(other, sizeof other, "%s/bitim-20260301-101011-daily.db.part", f->backups);
	fclose(fopen(part, "w"));
	fclose(fopen(other, "w"));
	assert_int_equal(utimensat(AT_FDCWD, part, old, 0), 0);
	assert_int_equal(backup_make(f->s, "before-merge", &path), BITIM_OK);
	free(path);
	assert_int_equal(access(part, F_OK), -1);  /* a bitim killed while copying, hours ago */
	assert_int_equal(access(other, F_OK), 0);  /* maybe one being written now */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(backup_is_private_checked_and_in_backups),
		T(daily_once_a_day_and_never_for_a_demo),
		T(rotation_keeps_days_weeks_and_months),
		T(lost_database_restored_from_automatic_backup),
		T(restore_keeps_the_replaced_database),
		T(copy_has_its_fingerprint_and_a_changed_copy_is_refused),
		T(damaged_or_foreign_file_is_not_restored),
		T(copy_overdue_only_for_an_old_register),
		T(each_database_keeps_its_own_backups),
		T(stepped_backup_is_named_only_when_copied_and_checked),
		T(stepped_backup_cut_short_leaves_no_file),
		T(stepped_backup_takes_what_is_saved_meanwhile),
		T(stale_part_is_removed_by_rotation),
#undef T
	};
	return cmocka_run_group_tests_name("backup", tests, NULL, NULL);
}
