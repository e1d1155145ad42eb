/* Backups with SQLite's online backup API: automatic ones in backups/ beside
 * the database, rotated; copies for another disk with their fingerprint. */
#include <config.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bitim/backup.h"
#include "backup_internal.h"

/* "YYYYMMDD-HHMMSS-" after a backup name's prefix. */
#define STAMP_LEN (8 + 1 + 6 + 1)
/* A NAME.part this old is no backup in progress (a copy and its check take
 * minutes at most, and the file is written all the while the copy is made). */
#define STALE_PART_SECONDS (6 * 3600)

/* The start of the names of a database's automatic backups: its file name
 * without ".db", then "-" (bitim.db: "bitim-"). Two databases in one folder
 * (the register and another office's copy) keep, rotate and show their own
 * backups, never each other's. */
static char *name_prefix(const struct store *s)
{
	const char *path = store_path(s), *base = strrchr(path, '/');
	char *prefix = NULL;
	size_t len;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 3 && strcmp(base + len - 3, ".db") == 0)
		len -= 3;
	if (asprintf(&prefix, "%.*s-", (int)len, base) < 0)
		return NULL;
	return prefix;
}

/* ------------------------------------------------------------ copying */

enum bitim_status backup_check_copy(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	bool ok = false;

	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *line = sqlite3_column_text(st, 0);
		ok = line && strcmp((const char *)line, "ok") == 0;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return ok ? BITIM_OK : BITIM_ERR_CORRUPT;
}

int backup_copy_db(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	int rc;

	int waited = 0;

	if (!b)
		return sqlite3_errcode(to);
	/* Another bitim writing: wait for it a while (as the busy timeout does). */
	do {
		rc = sqlite3_backup_step(b, -1);
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < 5000) {
			sqlite3_sleep(20);
			waited += 20;
			rc = SQLITE_OK;
		}
	} while (rc == SQLITE_OK);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? sqlite3_errcode(to) : rc;
}

enum bitim_status store_backup(struct store *s, const char *dest)
{
	sqlite3 *to = NULL;
	int fd, rc;

	fd = open(dest, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return errno == ENOSPC ? BITIM_ERR_FULL : BITIM_ERR_IO;
	close(fd);
	rc = sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = backup_copy_db(to, s->db);
	/* A copy is one self-contained file: no -wal beside it to lose. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		snprintf(s->errmsg, sizeof s->errmsg, "%s", sqlite3_errstr(rc));
	sqlite3_close(to);
	if (rc != SQLITE_OK)
		return store_status(NULL, rc);
	return backup_check_copy(dest);
}

/* The folder that holds path, or "." (malloc'd). */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

char *backup_dir(const struct store *s)
{
	char *folder = folder_of(store_path(s)), *dir = NULL;

	if (folder && asprintf(&dir, "%s/backups", folder) < 0)
		dir = NULL;
	free(folder);
	return dir;
}

/* Create a new file dir/NAMESTAMP[-N]SUFFIX that did not exist (O_EXCL,
 * 0600; STAMP is the local YYYYMMDD-HHMMSS); *path is its name. */
enum bitim_status backup_new_file(const char *dir, const char *name, const char *suffix, char **path)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n < 100; n++) {
		int fd;
		if ((n == 1 ? asprintf(path, "%s/%s%s%s", dir, name, stamp, suffix)
			    : asprintf(path, "%s/%s%s-%d%s", dir, name, stamp, n, suffix)) < 0) {
			*path = NULL;
			return BITIM_ERR_NOMEM;
		}
		fd = open(*path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			close(fd);
			return BITIM_OK;
		}
		free(*path);
		*path = NULL;
		if (errno != EEXIST)
			return errno == ENOSPC ? BITIM_ERR_FULL : errno == EACCES || errno == EROFS ? BITIM_ERR_READONLY
												  : BITIM_ERR_IO;
	}
	return BITIM_ERR_IO;
}

enum bitim_status backup_make(struct store *s, const char *kind, char **path)
{
	enum bitim_status status = backup_make_norotate(s, kind, path);

	return status == BITIM_OK ? backup_rotate(s) : status;
}

enum bitim_status backup_new_part(struct store *s, const char *kind, char **part, char **path)
{
	char *dir = backup_dir(s), *prefix = name_prefix(s), stamp[32];
	enum bitim_status status = BITIM_ERR_IO;
	time_t now = time(NULL);
	struct tm tm;
	int err;

	*part = *path = NULL;
	if (!dir || !prefix) {
		status = BITIM_ERR_NOMEM;
		goto out;
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		status = errno == ENOSPC ? BITIM_ERR_FULL : BITIM_ERR_IO;
		goto out;
	}
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n < 100; n++) {
		int fd;
		if ((n == 1 ? asprintf(path, "%s/%s%s-%s.db", dir, prefix, stamp, kind)
			    : asprintf(path, "%s/%s%s-%d-%s.db", dir, prefix, stamp, n, kind)) < 0) {
			*path = NULL;
			status = BITIM_ERR_NOMEM;
			goto out;
		}
		if (asprintf(part, "%s.part", *path) < 0) {
			*part = NULL;
			status = BITIM_ERR_NOMEM;
			goto out;
		}
		/* Neither the name (a backup made this second) nor the part
		 * (another bitim making one) may exist. */
		if (access(*path, F_OK) == 0) {
			fd = -1;
			errno = EEXIST;
		} else {
			fd = open(*part, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		}
		if (fd >= 0) {
			close(fd);
			status = BITIM_OK;
			goto out;
		}
		err = errno;
		free(*part);
		free(*path);
		*part = *path = NULL;
		if (err != EEXIST) {
			status = err == ENOSPC ? BITIM_ERR_FULL : err == EACCES || err == EROFS ? BITIM_ERR_READONLY
											      : BITIM_ERR_IO;
			goto out;
		}
	}
out:
	free(prefix);
	free(dir);
	return status;
}

enum bitim_status backup_make_norotate(struct store *s, const char *kind, char **path)
{
	struct backup_job *job = NULL;
	enum bitim_status status = backup_job_begin(s, kind, false, &job);

	*path = NULL;
	if (status == BITIM_OK && (status = backup_job_run(job)) == BITIM_OK && !(*path = strdup(backup_job_path(job))))
		status = BITIM_ERR_NOMEM;
	backup_job_free(job);
	return status;
}

/* Kept for the callers of the former name: an automatic backup of a kind. */
enum bitim_status store_backup_beside(struct store *s, const char *tag, char **path)
{
	return backup_make(s, tag, path);
}

/* ----------------------------------------------------------- rotation */

/* An automatic backup found in the folder. */
struct found {
	char *name;      /* owned */
	bitim_day day;
	long time;       /* HHMMSS */
	long seq;        /* 1, or N of a name's -N- (several in one second) */
	bool keep;
};

/* Whether name is PREFIXYYYYMMDD-HHMMSS-KIND.db (or ...-HHMMSS-N-KIND.db); its day and time. */
static bool parse_name(const char *name, const char *prefix, bitim_day *day, long *hms, long *seq)
{
	size_t plen = strlen(prefix), len = strlen(name);
	const char *p = name + plen;
	int y, m, d;

	if (strncmp(name, prefix, plen) != 0 || len < plen + STAMP_LEN + 4)
		return false;
	for (int i = 0; i < 15; i++)
		if (i == 8 ? p[i] != '-' : (p[i] < '0' || p[i] > '9'))
			return false;
	if (p[15] != '-' || strcmp(name + len - 3, ".db") != 0)
		return false;
	y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	m = (p[4] - '0') * 10 + (p[5] - '0');
	d = (p[6] - '0') * 10 + (p[7] - '0');
	if (!date_valid_ymd(y, m, d))
		return false;
	*day = date_from_ymd(y, m, d);
	*hms = strtol(p + 9, NULL, 10);
	*seq = 1;
	if (p[16] >= '1' && p[16] <= '9') {
		char *end;
		long n = strtol(p + 16, &end, 10);
		if (*end == '-')
			*seq = n;
	}
	return true;
}

static int newest_first(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? 1 : -1;
	if (x->time != y->time)
		return x->time < y->time ? 1 : -1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? 1 : -1;
	return strcmp(y->name, x->name);
}

/* The automatic backups of s in dir, newest first. */
static enum bitim_status list_backups(const struct store *s, const char *dir, struct found **out, size_t *count)
{
	char *prefix = name_prefix(s);
	DIR *d = prefix ? opendir(dir) : NULL;
	struct dirent *e;
	struct found *list = NULL;
	size_t n = 0;

	*out = NULL;
	*count = 0;
	if (!d) {
		bool absent = prefix && errno == ENOENT;
		free(prefix);
		return !prefix ? BITIM_ERR_NOMEM : absent ? BITIM_OK : BITIM_ERR_IO;
	}
	while ((e = readdir(d))) {
		bitim_day day;
		long hms, seq;
		struct found *grown;
		if (!parse_name(e->d_name, prefix, &day, &hms, &seq))
			continue;
		if (!(grown = realloc(list, (n + 1) * sizeof *grown)) || !(grown[n].name = strdup(e->d_name))) {
			free(grown ? grown : list);
			closedir(d);
			free(prefix);
			return BITIM_ERR_NOMEM;
		}
		list = grown;
		list[n].day = day;
		list[n].time = hms;
		list[n].seq = seq;
		list[n].keep = false;
		n++;
	}
	closedir(d);
	free(prefix);
	if (n)
		qsort(list, n, sizeof *list, newest_first);
	*out = list;
	*count = n;
	return BITIM_OK;
}

static void found_free(struct found *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i].name);
	free(list);
}

/* Weeks start on Monday: 1970-01-05 was one (day 4). */
static long week_of(bitim_day d) { return (d - 4 + 7 * 100000) / 7; }
static long month_of(bitim_day d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return y * 12L + m;
}
static long day_of(bitim_day d) { return d; }

/* Mark the newest backup of each of the last `buckets` periods; all of
 * each period's backups when `all`. */
static void keep_periods(struct found *list, size_t n, int buckets, long (*period)(bitim_day), bool all)
{
	long last = 0;
	int seen = 0;

	for (size_t i = 0; i < n; i++) {
		long p = period(list[i].day);
		if (seen == 0 || p != last) {
			if (seen == buckets)
				return;
			seen++;
			last = p;
			list[i].keep = true;
		} else if (all) {
			list[i].keep = true;
		}
	}
}

/* A backup cut short (bitim killed while it copied) leaves its NAME.part:
 * removed once it is old enough not to be one another bitim is writing. */
static void remove_stale_parts(const struct store *s, const char *dir)
{
	char *prefix = name_prefix(s);
	DIR *d = prefix ? opendir(dir) : NULL;
	struct dirent *e;
	time_t now = time(NULL);

	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char *path = NULL;
		struct stat sb;
		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 || len < 8 ||
		    strcmp(e->d_name + len - 8, ".db.part") != 0 || asprintf(&path, "%s/%s", dir, e->d_name) < 0)
			continue;
		if (stat(path, &sb) == 0 && now - sb.st_mtime > STALE_PART_SECONDS)
			unlink(path);
		free(path);
	}
	if (d)
		closedir(d);
	free(prefix);
}

enum bitim_status backup_rotate(struct store *s)
{
	struct backup_keep k;
	struct found *list = NULL;
	size_t n = 0;
	char *dir = backup_dir(s);
	enum bitim_status status;

	if (!dir)
		return BITIM_ERR_NOMEM;
	/* (an old database being backed up before its migration may lack the settings) */
	if (backup_keep_get(s, &k) != BITIM_OK) {
		struct backup_keep def = BACKUP_KEEP_DEFAULT;
		k = def;
	}
	if ((status = list_backups(s, dir, &list, &n)) != BITIM_OK)
		goto out;
	remove_stale_parts(s, dir);
	keep_periods(list, n, k.daily, day_of, true);
	keep_periods(list, n, k.weekly, week_of, false);
	keep_periods(list, n, k.monthly, month_of, false);
	if (n)
		list[0].keep = true; /* never the one just made */
	for (size_t i = 0; i < n; i++) {
		char *path;
		if (list[i].keep)
			continue;
		if (asprintf(&path, "%s/%s", dir, list[i].name) < 0) {
			status = BITIM_ERR_NOMEM;
			break;
		}
		if (unlink(path) < 0 && errno != ENOENT)
			status = BITIM_ERR_IO;
		free(path);
	}
out:
	found_free(list, n);
	free(dir);
	return status;
}

/* ------------------------------------------------------------ settings */

static const char *const keep_keys[] = { "backup_keep_daily", "backup_keep_weekly", "backup_keep_monthly" };

enum bitim_status backup_keep_get(struct store *s, struct backup_keep *k)
{
	struct backup_keep def = BACKUP_KEEP_DEFAULT;
	int *slot[] = { &k->daily, &k->weekly, &k->monthly };
	enum bitim_status status = BITIM_OK;

	*k = def;
	for (size_t i = 0; i < 3 && status == BITIM_OK; i++) {
		char *value = NULL, *end;
		long n;
		status = store_setting_get(s, keep_keys[i], &value);
		if (value) {
			n = strtol(value, &end, 10);
			if (*value && !*end && n >= 0 && n <= BACKUP_KEEP_MAX)
				*slot[i] = (int)n;
		}
		free(value);
	}
	return status;
}

enum bitim_status backup_keep_set(struct store *s, const struct backup_keep *k)
{
	const int values[] = { k->daily, k->weekly, k->monthly };
	enum bitim_status status;

	for (size_t i = 0; i < 3; i++)
		if (values[i] < 0 || values[i] > BACKUP_KEEP_MAX)
			return BITIM_ERR_INVALID;
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	for (size_t i = 0; i < 3 && status == BITIM_OK; i++) {
		char text[16];
		snprintf(text, sizeof text, "%d", values[i]);
		status = store_setting_set(s, keep_keys[i], text);
	}
	return store_end(s, status);
}

/* -------------------------------------------------------------- daily */

bool backup_is_demo(struct store *s)
{
	char *demo = NULL;
	bool yes = store_setting_get(s, "demo", &demo) == BITIM_OK && demo && strcmp(demo, "1") == 0;

	free(demo);
	return yes;
}

bitim_day backup_local_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

enum bitim_status backup_daily(struct store *s, char **path)
{
	struct backup_job *job = NULL;
	enum bitim_status status = backup_daily_begin(s, &job);

	*path = NULL;
	if (status == BITIM_OK && job && (status = backup_job_run(job)) == BITIM_OK &&
	    !(*path = strdup(backup_job_path(job))))
		status = BITIM_ERR_NOMEM;
	backup_job_free(job);
	return status;
}

enum bitim_status backup_missing_today(struct store *s, bool *missing)
{
	struct found *list = NULL;
	size_t n = 0;
	char *dir;
	enum bitim_status status;

	*missing = false;
	if (backup_is_demo(s))
		return BITIM_OK;
	if (!(dir = backup_dir(s)))
		return BITIM_ERR_NOMEM;
	/* a folder that cannot be read (or is not one) holds no backup of today */
	status = list_backups(s, dir, &list, &n);
	*missing = status != BITIM_OK || n == 0 || list[0].day != backup_local_today();
	found_free(list, n);
	free(dir);
	return status == BITIM_ERR_NOMEM ? status : BITIM_OK;
}

enum bitim_status backup_last(struct store *s, char **path, time_t *when)
{
	struct found *list = NULL;
	size_t n = 0;
	char *dir = backup_dir(s);
	enum bitim_status status;
	struct stat sb;

	*path = NULL;
	*when = 0;
	if (!dir)
		return BITIM_ERR_NOMEM;
	status = list_backups(s, dir, &list, &n);
	if (status == BITIM_OK && n > 0) {
		if (asprintf(path, "%s/%s", dir, list[0].name) < 0) {
			*path = NULL;
			status = BITIM_ERR_NOMEM;
		} else if (stat(*path, &sb) == 0) {
			*when = sb.st_mtime;
		}
	}
	found_free(list, n);
	free(dir);
	return status;
}
