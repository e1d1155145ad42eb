/* Copies that leave the machine, their fingerprints, and restoring one. */
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <nettle/sha2.h>
#include "bitim/fileio.h"
#include "backup_internal.h"

#define COPY_OVERDUE_DAYS 30

enum bitim_status backup_fingerprint(const char *path, char sha256[65])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE], buf[65536];
	FILE *fp = fopen(path, "rb");
	size_t n;
	bool failed;

	sha256[0] = '\0';
	if (!fp)
		return BITIM_ERR_IO;
	sha256_init(&ctx);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sha256_update(&ctx, n, buf);
	failed = ferror(fp);
	fclose(fp);
	if (failed)
		return BITIM_ERR_IO;
	sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		sha256[2 * i] = hex[digest[i] >> 4];
		sha256[2 * i + 1] = hex[digest[i] & 15];
	}
	sha256[64] = '\0';
	return BITIM_OK;
}

/* "YYYY-MM-DDTHH:MM:SSZ" of now (UTC). */
static void utc_now(char out[32])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Write "HASH  NAME\n" (sha256sum's format) to path.sha256. */
static enum bitim_status write_fingerprint(const char *path, const char sha256[65])
{
	const char *base = strrchr(path, '/');
	char *sum = NULL, *text = NULL;
	enum bitim_status status = BITIM_OK;
	int len;

	base = base ? base + 1 : path;
	if (asprintf(&sum, "%s.sha256", path) < 0 || (len = asprintf(&text, "%s  %s\n", sha256, base)) < 0) {
		free(sum);
		return BITIM_ERR_NOMEM;
	}
	if (file_write_atomic(sum, text, (size_t)len) != 0)
		status = errno == ENOSPC ? BITIM_ERR_FULL : BITIM_ERR_IO;
	free(sum);
	free(text);
	return status;
}

enum bitim_status backup_copy_to(struct store *s, const char *dir, char **path, char sha256[65])
{
	char *code = NULL, *prefix = NULL, stamp[32];
	enum bitim_status status;

	*path = NULL;
	sha256[0] = '\0';
	store_office_get(s, "code", &code);
	if (asprintf(&prefix, "bitim-%s-", code && *code ? code : "register") < 0) {
		free(code);
		return BITIM_ERR_NOMEM;
	}
	free(code);
	/* an office code is letters and digits; anything else stays out of a file name */
	for (char *c = prefix; *c; c++)
		if (*c == '/')
			*c = '_';
	status = backup_new_file(dir, prefix, ".db", path);
	free(prefix);
	if (status != BITIM_OK)
		return status;
	if ((status = store_backup(s, *path)) != BITIM_OK ||
	    (status = backup_fingerprint(*path, sha256)) != BITIM_OK ||
	    (status = write_fingerprint(*path, sha256)) != BITIM_OK) {
		unlink(*path);
		free(*path);
		*path = NULL;
		return status;
	}
	utc_now(stamp);
	if ((status = store_begin(s)) == BITIM_OK) {
		status = store_setting_set(s, "backup_copied_at", stamp);
		if (status == BITIM_OK)
			status = store_setting_set(s, "backup_copied_to", dir);
		status = store_end(s, status);
	}
	return status;
}

/* The day of an ISO date or time ("2026-03-10..."); false if it is none. */
static bool day_of_text(const char *text, bitim_day *day)
{
	char date[DATE_BUF];

	if (!text || strlen(text) < 10)
		return false;
	memcpy(date, text, 10);
	date[10] = '\0';
	return date_parse_iso(date, day);
}

enum bitim_status backup_copied(struct store *s, time_t *when, char **where)
{
	char *at = NULL;
	enum bitim_status status;
	struct tm tm = { 0 };

	*when = 0;
	*where = NULL;
	if ((status = store_setting_get(s, "backup_copied_at", &at)) != BITIM_OK || !at)
		return status;
	if (strptime(at, "%Y-%m-%dT%H:%M:%SZ", &tm))
		*when = timegm(&tm);
	free(at);
	return store_setting_get(s, "backup_copied_to", where);
}

enum bitim_status backup_copy_overdue(struct store *s, bitim_day today, bool *overdue)
{
	char *at = NULL;
	sqlite3_stmt *st;
	enum bitim_status status;
	bitim_day since;
	int rc;

	*overdue = false;
	if (backup_is_demo(s))
		return BITIM_OK;
	if ((status = store_setting_get(s, "backup_copied_at", &at)) != BITIM_OK)
		return status;
	if (at) {
		if (day_of_text(at, &since))
			*overdue = today - since > COPY_OVERDUE_DAYS;
		free(at);
		return BITIM_OK;
	}
	/* Never copied: counted from the first case this register kept (an
	 * empty register has nothing to lose). The first by id, through the
	 * table's own order: min(created_at) read every case (half a second
	 * at a million, on every start). */
	if ((status = store_prepare(s, "SELECT created_at FROM cases ORDER BY id LIMIT 1", &st)) != BITIM_OK)
		return status;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && day_of_text((const char *)sqlite3_column_text(st, 0), &since))
		*overdue = today - since > COPY_OVERDUE_DAYS;
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

/* ------------------------------------------------------------ restore */

/* Compare the file with the fingerprint in FILE.sha256, when there is one. */
static enum bitim_status check_fingerprint(const char *file, char **report)
{
	char *sum = NULL, want[65] = "", have[65];
	FILE *fp;
	enum bitim_status status;

	if (asprintf(&sum, "%s.sha256", file) < 0)
		return BITIM_ERR_NOMEM;
	fp = fopen(sum, "r");
	free(sum);
	if (!fp)
		return BITIM_OK; /* a copy without a fingerprint is checked by SQLite alone */
	if (fscanf(fp, "%64[0-9a-fA-F]", want) != 1)
		want[0] = '\0';
	fclose(fp);
	if ((status = backup_fingerprint(file, have)) != BITIM_OK)
		return status;
	if (strlen(want) == 64 && strcasecmp(want, have) == 0)
		return BITIM_OK;
	free(*report);
	if (asprintf(report, "SHA-256 %s, expected %s", have, want[0] ? want : "?") < 0)
		*report = NULL;
	return BITIM_ERR_INVALID;
}

/* SQLite's own checks of a database of any schema version (store_integrity
 * also checks what this version keeps, which an older backup lacks):
 * integrity_check and foreign_key_check. *report is "ok" or the problems. */
static enum bitim_status sqlite_checks(struct store *s, char **report)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	enum bitim_status status;
	bool ok = true;

	free(*report);
	*report = NULL;
	if (!mem)
		return BITIM_ERR_NOMEM;
	status = store_sqlite_checks(s, mem, &ok);
	if (ok)
		fputs("ok", mem);
	fclose(mem);
	*report = text;
	if (status == BITIM_OK && !ok)
		status = BITIM_ERR_CORRUPT;
	return status;
}

enum bitim_status backup_check_file(const char *file, char **report)
{
	struct store *src = NULL;
	enum bitim_status status;

	*report = NULL;
	/* The fingerprint first: it tells a copy damaged on the way most exactly. */
	if ((status = check_fingerprint(file, report)) != BITIM_OK)
		return status;
	if ((status = store_open_readonly(file, &src)) != BITIM_OK) {
		*report = strdup(store_open_detail());
		return status;
	}
	status = sqlite_checks(src, report);
	store_close(src);
	return status;
}

/* Move a damaged database (and its -wal, -shm) whole into backups/; *kept is where. */
static enum bitim_status move_damaged(const char *db_path, char **kept)
{
	const char *slash = strrchr(db_path, '/');
	char *dir = NULL;
	enum bitim_status status;

	if (asprintf(&dir, "%.*sbackups", slash ? (int)(slash - db_path + 1) : 0, db_path) < 0)
		return BITIM_ERR_NOMEM;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		free(dir);
		return BITIM_ERR_IO;
	}
	status = backup_new_file(dir, "damaged-", ".db", kept);
	free(dir);
	if (status != BITIM_OK)
		return status;
	if (rename(db_path, *kept) < 0)
		return BITIM_ERR_IO;
	for (int i = 0; i < 2; i++) {
		const char *ext = i ? "-shm" : "-wal";
		char *from = NULL, *to = NULL;
		if (asprintf(&from, "%s%s", db_path, ext) >= 0 && asprintf(&to, "%s%s", *kept, ext) >= 0 &&
		    access(from, F_OK) == 0)
			rename(from, to);
		free(from);
		free(to);
	}
	return BITIM_OK;
}

/* The database to restore into, opened; what was there kept first. */
static enum bitim_status open_target(const char *db_path, struct store **cur, char **kept)
{
	enum bitim_status status;

	*kept = NULL;
	if (access(db_path, F_OK) != 0)
		return store_open(db_path, cur); /* lost: a new, empty file */
	status = store_open(db_path, cur);
	if (status == BITIM_ERR_CORRUPT) {
		if ((status = move_damaged(db_path, kept)) != BITIM_OK)
			return status;
		return store_open(db_path, cur);
	}
	if (status != BITIM_OK)
		return status;
	/* Not rotated now: rotation could remove the very file being restored. */
	if ((status = backup_make_norotate(*cur, "before-restore", kept)) != BITIM_OK) {
		store_close(*cur);
		*cur = NULL;
	}
	return status;
}

enum bitim_status backup_restore(const char *db_path, const char *file, char **kept, char **report)
{
	struct store *src = NULL, *cur = NULL;
	enum bitim_status status;
	int rc;

	*kept = NULL;
	if ((status = backup_check_file(file, report)) != BITIM_OK)
		return status;
	if ((status = store_open_readonly(file, &src)) != BITIM_OK)
		return status;
	if ((status = open_target(db_path, &cur, kept)) != BITIM_OK)
		goto out;
	rc = backup_copy_db(cur->db, src->db);
	status = store_status(cur, rc);
	if (status == BITIM_OK)
		status = sqlite_checks(cur, report);
	if (status == BITIM_OK)
		status = backup_rotate(cur);
out:
	store_close(cur);
	store_close(src);
	return status;
}
