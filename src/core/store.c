/* Opening the database safely, transactions, settings, office and mediators. */
#include <config.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "bitim/backup.h"
#include "bitim/i18n.h"
#include "store_internal.h"

#define BITIM_APPLICATION_ID 0x42544D31

enum bitim_status store_status(struct store *s, int rc)
{
	if (s && s->db && rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		snprintf(s->errmsg, sizeof s->errmsg, "%s", sqlite3_errmsg(s->db));
	switch (rc & 0xFF) {
	case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return BITIM_OK;
	case SQLITE_BUSY: case SQLITE_LOCKED: return BITIM_ERR_BUSY;
	case SQLITE_READONLY: return BITIM_ERR_READONLY;
	case SQLITE_CORRUPT: case SQLITE_NOTADB: return BITIM_ERR_CORRUPT;
	case SQLITE_FULL: return BITIM_ERR_FULL;
	case SQLITE_IOERR: case SQLITE_CANTOPEN: case SQLITE_PERM: return BITIM_ERR_IO;
	case SQLITE_NOMEM: return BITIM_ERR_NOMEM;
	default: return BITIM_ERR_DB;
	}
}

enum bitim_status store_exec(struct store *s, const char *sql)
{
	return store_status(s, sqlite3_exec(s->db, sql, NULL, NULL, NULL));
}

enum bitim_status store_prepare(struct store *s, const char *sql, sqlite3_stmt **st)
{
	return store_status(s, sqlite3_prepare_v2(s->db, sql, -1, st, NULL));
}

enum bitim_status store_prepare_kept(struct store *s, const char *sql, sqlite3_stmt **st)
{
	size_t i;

	for (i = 0; i < STORE_KEPT_MAX && s->kept_sql[i]; i++)
		if (s->kept_sql[i] == sql) {
			*st = s->kept[i];
			return BITIM_OK;
		}
	if (i == STORE_KEPT_MAX) {
		/* Full (more kinds of statement than expected): the last one makes room. */
		i = STORE_KEPT_MAX - 1;
		sqlite3_finalize(s->kept[i]);
		s->kept[i] = NULL;
		s->kept_sql[i] = NULL;
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return store_status(s, sqlite3_errcode(s->db));
	s->kept_sql[i] = sql;
	s->kept[i] = *st;
	return BITIM_OK;
}

void store_release(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
}

int store_bind_text(sqlite3_stmt *st, int index, const char *text)
{
	return text ? sqlite3_bind_text(st, index, text, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, index);
}

enum bitim_status store_query_int(struct store *s, const char *sql, int64_t *value)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s, sql, &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

enum bitim_status store_step_done(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	enum bitim_status status = store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
	sqlite3_finalize(st);
	return status;
}

char *store_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *text = sqlite3_column_text(st, col);
	return text ? strdup((const char *)text) : NULL;
}

const char *store_errmsg(const struct store *s) { return s ? s->errmsg : ""; }
const char *store_path(const struct store *s) { return s->path; }
const char *store_backup_path(const struct store *s) { return s->backup_path; }

/* ----------------------------------------------------------- locations */

char *store_default_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *path = NULL;

	if (xdg && *xdg == '/') {
		if (asprintf(&path, "%s/bitim/bitim.db", xdg) < 0)
			path = NULL;
	} else if (home && *home) {
		if (asprintf(&path, "%s/.local/share/bitim/bitim.db", home) < 0)
			path = NULL;
	}
	return path;
}

enum bitim_status store_make_dir(const char *path)
{
	char *copy = strdup(path);
	char *slash;
	enum bitim_status st = BITIM_OK;

	if (!copy)
		return BITIM_ERR_NOMEM;
	slash = strrchr(copy, '/');
	if (slash && slash != copy) {
		*slash = '\0';
		for (char *p = copy + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(copy, 0700) < 0 && errno != EEXIST)
				st = BITIM_ERR_IO;
			*p = '/';
		}
		if (st == BITIM_OK && mkdir(copy, 0700) < 0 && errno != EEXIST)
			st = BITIM_ERR_IO;
	}
	free(copy);
	return st;
}

/* ---------------------------------------------------------------- open */

/* The schema version, the application id and the number of schema entries,
 * in one statement: one snapshot, even while another bitim is creating the
 * file. False on error (s->errmsg then says why). */
static bool read_identity(struct store *s, int *version, int *app, int *entries)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "SELECT (SELECT user_version FROM pragma_user_version),"
			  " (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)",
			  &st) != BITIM_OK)
		return false;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		*app = sqlite3_column_int(st, 1);
		*entries = sqlite3_column_int(st, 2);
	} else {
		store_status(s, rc);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW;
}

/* Create the file with mode 0600 so the database never exists world-readable;
 * SQLite gives its -wal and -shm files the same mode. */
static enum bitim_status create_private_file(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd >= 0) {
		close(fd);
		return BITIM_OK;
	}
	if (errno == EEXIST)
		return BITIM_OK;
	if (errno == EACCES || errno == EROFS)
		return BITIM_ERR_READONLY;
	if (errno == ENOSPC)
		return BITIM_ERR_FULL;
	return BITIM_ERR_IO;
}

/* Back the file up before a migration, into the backups folder beside it. */
static enum bitim_status backup_before_migration(struct store *s, int version)
{
	char tag[32];

	snprintf(tag, sizeof tag, "before-migration-v%d", version);
	free(s->backup_path);
	return backup_make(s, tag, &s->backup_path);
}

/* What kind of file this is: a bitim database, an empty one, or something else. */
static enum bitim_status check_identity(struct store *s, int *version)
{
	int app, tables;

	if (!read_identity(s, version, &app, &tables))
		return s->errmsg[0] ? store_status(s, sqlite3_errcode(s->db)) : BITIM_ERR_CORRUPT;
	if (tables == 0 && *version == 0)
		return BITIM_OK; /* a new, empty file */
	if (*version < 0) {
		snprintf(s->errmsg, sizeof s->errmsg, "schema version %d", *version);
		return BITIM_ERR_CORRUPT;
	}
	if (app != BITIM_APPLICATION_ID) {
		snprintf(s->errmsg, sizeof s->errmsg, "application_id %d", app);
		return BITIM_ERR_CORRUPT;
	}
	if (*version > STORE_SCHEMA_VERSION) {
		snprintf(s->errmsg, sizeof s->errmsg, "schema version %d, this bitim knows %d", *version,
			 STORE_SCHEMA_VERSION);
		return BITIM_ERR_NEWER;
	}
	return BITIM_OK;
}

/* Put the file in WAL mode. journal_mode answers with the mode in force;
 * anything but wal means the file or folder cannot be written. SQLite gives
 * up at once, without the busy handler, while another bitim is writing the
 * new file's schema (waiting there could deadlock), so that is retried. */
static enum bitim_status set_wal(struct store *s)
{
	for (int waited = 0;; waited += 20) {
		sqlite3_stmt *st;
		enum bitim_status status = store_prepare(s, "PRAGMA journal_mode = WAL", &st);
		int rc;

		if (status != BITIM_OK)
			return status;
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const unsigned char *mode = sqlite3_column_text(st, 0);
			status = mode && strcmp((const char *)mode, "wal") == 0 ? BITIM_OK : BITIM_ERR_READONLY;
		} else {
			status = store_status(s, rc);
		}
		sqlite3_finalize(st);
		if (status != BITIM_ERR_BUSY || waited >= STORE_BUSY_TIMEOUT_MS)
			return status;
		sqlite3_sleep(20);
	}
}

static enum bitim_status configure(struct store *s)
{
	enum bitim_status status;

	if ((status = set_wal(s)) != BITIM_OK)
		return status;
	status = store_exec(s, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
#ifdef BITIM_TEST_HOOKS
	/* Tests inject a full disk by capping the file's size in pages (a tmpfs
	 * would need privileges a test machine may not give). The value is a
	 * number parsed here, so building the pragma's text is safe. Only in a
	 * build configured with --enable-test-hooks. */
	const char *cap = getenv("BITIM_TEST_MAX_PAGES");
	if (status == BITIM_OK && cap && *cap) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA max_page_count = %ld", strtol(cap, NULL, 10));
		status = store_exec(s, sql);
	}
#endif
	return status;
}

static enum bitim_status ensure_office(struct store *s)
{
	sqlite3_stmt *st;
	char uuid[UUID_BUF];
	enum bitim_status status;

	int64_t have = 0;

	/* Looked at first: the insert would take the write lock on every start. */
	if ((status = store_query_int(s, "SELECT count(*) FROM office WHERE id = 1", &have)) != BITIM_OK || have)
		return status;
	store_uuid(uuid);
	if ((status = store_prepare(s, "INSERT OR IGNORE INTO office(id, uuid) VALUES (1, ?1)", &st)) != BITIM_OK)
		return status;
	store_bind_text(st, 1, uuid);
	return store_step_done(s, st);
}

/* Before SQLite's first use (it refuses afterwards, harmlessly). A
 * statement's journal — the pages one statement changed, kept to take it
 * back alone inside a longer transaction — stays in memory up to 1 MB
 * instead of 64 KB. A row inserted with its indexes and triggers changes
 * more than 64 KB of pages; each such row wrote them to a temporary file,
 * most of a merge's system time. 1 MB is still a bound. */
static void configure_once(void)
{
	static bool done;

	if (!done) {
		sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 1 << 20);
		/* Nothing reads SQLite's memory statistics: not kept, each
		 * allocation takes no lock for them. */
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
	done = true;
}

/* A store for the database at path, opened through target (the path itself,
 * or a URI naming it) with flags; the caller checks and prepares it. */
static enum bitim_status open_handle(const char *path, const char *target, int flags, struct store **out)
{
	struct store *s = calloc(1, sizeof *s);
	int rc;

	*out = NULL;
	if (!s || !(s->path = strdup(path))) {
		free(s);
		return BITIM_ERR_NOMEM;
	}
	configure_once();
	rc = sqlite3_open_v2(target, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		enum bitim_status status = store_status(s, rc);
		store_close(s);
		return status;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	*out = s;
	return BITIM_OK;
}

/* Why the last store_open failed, in SQLite's words. */
static char open_detail[sizeof ((struct store *)0)->errmsg];

enum bitim_status store_open(const char *path, struct store **out)
{
	struct store *s = NULL;
	enum bitim_status status;
	int version = 0;

	*out = NULL;
	open_detail[0] = '\0';
	if ((status = create_private_file(path)) != BITIM_OK ||
	    (status = open_handle(path, path, SQLITE_OPEN_READWRITE, &s)) != BITIM_OK)
		return status;
	/* Look before touching: a newer or foreign file is refused unchanged. */
	if ((status = check_identity(s, &version)) != BITIM_OK)
		goto fail;
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		status = BITIM_ERR_READONLY;
		goto fail;
	}
	if ((status = configure(s)) != BITIM_OK)
		goto fail;
	if (version > 0 && version < STORE_SCHEMA_VERSION &&
	    (status = backup_before_migration(s, version)) != BITIM_OK)
		goto fail;
	/* A file of this version needs no migration: an ordinary start writes
	 * nothing and takes no write lock. */
	if ((version != STORE_SCHEMA_VERSION && (status = store_migrate(s)) != BITIM_OK) ||
	    (status = ensure_office(s)) != BITIM_OK)
		goto fail;
	*out = s;
	return BITIM_OK;
fail:
	snprintf(open_detail, sizeof open_detail, "%s", s->errmsg);
	store_close(s);
	return status;
}

const char *store_open_detail(void)
{
	return open_detail;
}

/* "file:///abs/path?immutable=1" (or "file:rel/path?..."), the path
 * percent-encoded where a URI needs it. malloc'd. */
static char *immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(path);
	char *uri = malloc(len * 3 + 32), *o = uri;

	if (!uri)
		return NULL;
	o += sprintf(o, "file:%s", path[0] == '/' ? "//" : "");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '?' || *p == '#' || *p == '%' || *p <= ' ' || *p >= 0x7F) {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		} else {
			*o++ = (char)*p;
		}
	}
	strcpy(o, "?immutable=1");
	return uri;
}

/* Without a -wal file beside it, everything a bitim database holds is in the
 * file itself and no bitim has it open (one would keep its -wal): it is read
 * as immutable, so nothing is created beside it and a read-only folder (a
 * USB stick, a CD) does. With a -wal file, SQLite must read that too. */
static enum bitim_status open_other(const char *path, struct store **out)
{
	char *wal = malloc(strlen(path) + 5), *uri;
	struct stat sb;
	bool has_wal;
	enum bitim_status status;

	if (!wal)
		return BITIM_ERR_NOMEM;
	sprintf(wal, "%s-wal", path);
	has_wal = stat(wal, &sb) == 0;
	free(wal);
	/* (A file that cannot be read is opened plainly, for SQLite's own error.) */
	if (has_wal || access(path, R_OK) != 0)
		return open_handle(path, path, SQLITE_OPEN_READONLY, out);
	if (!(uri = immutable_uri(path)))
		return BITIM_ERR_NOMEM;
	status = open_handle(path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, out);
	free(uri);
	return status;
}

/* Another office's file is read as it comes, and may have been made by
 * hand: the tables read must be stored tables (a view or a virtual table
 * could compute endless rows, a generated column a value of a gigabyte on
 * every row), and no value read may be larger than a stored one could be. False, with s->errmsg saying
 * which, when one is missing or not a table. */
static bool plain_tables(struct store *s)
{
	static const char *const read[] = { "cases", "parties", "sessions", "obligations", "field_values", "office", NULL };
	sqlite3_stmt *st;
	bool ok = true;

	/* No function a schema names runs unless SQLite marks it harmless. */
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_limit(s->db, SQLITE_LIMIT_LENGTH, STORE_OTHER_MAX_VALUE);
	/* A table, not virtual, and none of its columns generated (hidden 2, 3). */
	if (store_prepare(s, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1 AND sql NOT LIKE"
			  " 'CREATE VIRTUAL%' AND NOT EXISTS (SELECT 1 FROM pragma_table_xinfo(?1) WHERE hidden IN (2, 3))",
			  &st) != BITIM_OK)
		return false;
	for (int i = 0; ok && read[i]; i++) {
		sqlite3_reset(st);
		store_bind_text(st, 1, read[i]);
		if (sqlite3_step(st) != SQLITE_ROW) {
			snprintf(s->errmsg, sizeof s->errmsg, _("%s is not a table as bitim makes it"), read[i]);
			ok = false;
		}
	}
	sqlite3_finalize(st);
	return ok;
}

enum bitim_status store_open_readonly(const char *path, struct store **out)
{
	struct stat sb;
	struct store *s = NULL;
	enum bitim_status status;
	int version = 0;

	*out = NULL;
	open_detail[0] = '\0';
	/* Opening a FIFO would wait for a writer forever. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		snprintf(open_detail, sizeof open_detail, "%s", _("not a file: a folder, a device or a pipe"));
		return BITIM_ERR_CORRUPT;
	}
	if ((status = open_other(path, &s)) != BITIM_OK)
		return status;
	if ((status = check_identity(s, &version)) == BITIM_OK && version == 0)
		status = BITIM_ERR_CORRUPT; /* an empty file is no register */
	if (status == BITIM_OK && !plain_tables(s))
		status = BITIM_ERR_CORRUPT;
	if (status != BITIM_OK) {
		snprintf(open_detail, sizeof open_detail, "%s", s->errmsg);
		store_close(s);
		return status;
	}
	*out = s;
	return BITIM_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_case_plan_free(s);
	for (size_t i = 0; i < STORE_KEPT_MAX; i++)
		sqlite3_finalize(s->kept[i]);
	if (s->db) {
		if (s->depth > 0)
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(s->db);
	}
	free(s->path);
	free(s->backup_path);
	free(s);
}

/* -------------------------------------------------------- transactions */

enum bitim_status store_read_snapshot(struct store *s)
{
	int64_t n;
	enum bitim_status st = store_exec(s, "BEGIN");

	/* A deferred transaction takes its snapshot at the first read. */
	return st == BITIM_OK ? store_query_int(s, "SELECT count(*) FROM sqlite_schema", &n) : st;
}

void store_tune_bulk(struct store *s)
{
	/* The log is checkpointed (and synced) every 64 MB instead of every
	 * 4 MB: a batch writes more than 4 MB, so each commit paid a checkpoint
	 * and two syncs, and pages changed by several batches were copied into
	 * the database as often. */
	store_exec(s, "PRAGMA cache_size = -32768; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384");
}

void store_tune_bulk_end(struct store *s)
{
	store_exec(s, "PRAGMA synchronous = FULL");
}

/* The outermost level is a transaction; inner levels are savepoints, so a
 * change refused inside a longer one (a merge's batch) is taken back alone. */
enum bitim_status store_begin(struct store *s)
{
	enum bitim_status st = store_exec(s, s->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested");

	if (st == BITIM_OK)
		s->depth++;
	return st;
}

enum bitim_status store_commit(struct store *s)
{
	enum bitim_status st = BITIM_OK;

	if (s->depth == 0)
		return BITIM_OK; /* already rolled back */
	if (s->depth == 1) {
		st = store_exec(s, "COMMIT");
		if (st != BITIM_OK) {
			store_exec(s, "ROLLBACK");
			s->depth = 0;
			return st;
		}
	} else if ((st = store_exec(s, "RELEASE nested")) != BITIM_OK) {
		store_rollback(s);
		return st;
	}
	s->depth--;
	return st;
}

void store_rollback(struct store *s)
{
	/* Some errors (disk full, I/O) end the whole transaction by themselves. */
	if (s->depth > 1 && !sqlite3_get_autocommit(s->db)) {
		sqlite3_exec(s->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
		s->depth--;
		return;
	}
	if (s->depth > 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->depth = 0;
}

enum bitim_status store_end(struct store *s, enum bitim_status status)
{
	if (status == BITIM_OK)
		return store_commit(s);
	store_rollback(s);
	return status;
}

/* ------------------------------------------------------------- checks */

enum bitim_status store_sqlite_checks(struct store *s, FILE *mem, bool *ok)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	if ((status = store_prepare(s, "PRAGMA integrity_check", &st)) == BITIM_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *line = (const char *)sqlite3_column_text(st, 0);
			if (line && strcmp(line, "ok") != 0) {
				fprintf(mem, "%s\n", line);
				*ok = false;
			}
		}
		status = store_status(s, rc);
		sqlite3_finalize(st);
	}
	if (status == BITIM_OK && (status = store_prepare(s, "PRAGMA foreign_key_check", &st)) == BITIM_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			fprintf(mem, "foreign key: %s row %lld -> %s\n", sqlite3_column_text(st, 0),
				(long long)sqlite3_column_int64(st, 1), sqlite3_column_text(st, 2));
			*ok = false;
		}
		status = store_status(s, rc);
		sqlite3_finalize(st);
	}
	return status;
}

enum bitim_status store_integrity(struct store *s, char **report)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	bool ok = true;
	int rc;

	*report = NULL;
	if (!mem)
		return BITIM_ERR_NOMEM;
	status = store_sqlite_checks(s, mem, &ok);
	/* The case counts the triggers keep must agree with the cases. */
	if (status == BITIM_OK && (status = store_prepare(s,
		"SELECT stage FROM (SELECT stage, count(*) FROM cases GROUP BY stage"
		"  EXCEPT SELECT stage, n FROM case_counts WHERE n <> 0)"
		" UNION SELECT stage FROM (SELECT stage, n FROM case_counts WHERE n <> 0"
		"  EXCEPT SELECT stage, count(*) FROM cases GROUP BY stage)", &st)) == BITIM_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			fprintf(mem, "case count: the number kept for stage %s differs from the cases\n",
				sqlite3_column_text(st, 0));
			ok = false;
		}
		status = store_status(s, rc);
		sqlite3_finalize(st);
	}
	if (ok)
		fputs("ok", mem);
	fclose(mem);
	*report = text;
	return status;
}

/* ------------------------------------------------------------ settings */

enum bitim_status store_setting_get(struct store *s, const char *key, char **value)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	*value = NULL;
	if ((status = store_prepare(s, "SELECT value FROM settings WHERE key = ?1", &st)) != BITIM_OK)
		return status;
	store_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !(*value = store_column_dup(st, 0)))
		rc = SQLITE_NOMEM;
	sqlite3_finalize(st);
	return store_status(s, rc);
}

enum bitim_status store_setting_set(struct store *s, const char *key, const char *value)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	const char *sql = value ? "INSERT INTO settings(key, value) VALUES (?1, ?2)"
				  " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
				: "DELETE FROM settings WHERE key = ?1";

	if ((status = store_prepare(s, sql, &st)) != BITIM_OK)
		return status;
	store_bind_text(st, 1, key);
	if (value)
		store_bind_text(st, 2, value);
	return store_step_done(s, st);
}

/* -------------------------------------------------------------- office */

/* The office's columns; the SQL is written out so no statement is formatted at run time. */
static const struct {
	const char *field, *select_sql, *update_sql;
} office_columns[] = {
#define OFFICE_COLUMN(col) { #col, "SELECT " #col " FROM office WHERE id = 1", \
			     "UPDATE office SET " #col " = ?1 WHERE id = 1" }
	OFFICE_COLUMN(code), OFFICE_COLUMN(name), OFFICE_COLUMN(region),
	OFFICE_COLUMN(district), OFFICE_COLUMN(village), OFFICE_COLUMN(uuid),
#undef OFFICE_COLUMN
};

static int office_column(const char *field)
{
	for (size_t i = 0; i < sizeof office_columns / sizeof office_columns[0]; i++)
		if (strcmp(office_columns[i].field, field) == 0)
			return (int)i;
	return -1;
}

enum bitim_status store_office_get(struct store *s, const char *field, char **value)
{
	int col = office_column(field);
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	*value = NULL;
	if (col < 0)
		return BITIM_ERR_NOTFOUND;
	if ((status = store_prepare(s, office_columns[col].select_sql, &st)) != BITIM_OK)
		return status;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*value = store_column_dup(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return store_status(s, rc);
}

enum bitim_status store_office_set(struct store *s, const char *field, const char *value)
{
	int col = office_column(field);
	sqlite3_stmt *st;
	enum bitim_status status;

	if (col < 0)
		return BITIM_ERR_NOTFOUND;
	if (strcmp(field, "uuid") == 0 || (strcmp(field, "code") == 0 && store_office_code_check(value)))
		return BITIM_ERR_INVALID; /* the identity never changes; case numbers need a code */
	if ((status = store_prepare(s, office_columns[col].update_sql, &st)) != BITIM_OK)
		return status;
	store_bind_text(st, 1, value);
	return store_step_done(s, st);
}

/* ----------------------------------------------------------- mediators */

enum bitim_status store_mediator_save(struct store *s, struct mediator *m)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	const char *sql = m->id ? "UPDATE mediators SET full_name = ?2, kind = ?3, iin = ?4, phone = ?5,"
				  " organisation = ?6 WHERE uuid = ?1"
				: "INSERT INTO mediators(uuid, full_name, kind, iin, phone, organisation)"
				  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

	if (!m->full_name || !*m->full_name)
		return BITIM_ERR_INVALID;
	if (!m->id)
		store_uuid(m->uuid);
	if ((status = store_prepare(s, sql, &st)) != BITIM_OK)
		return status;
	store_bind_text(st, 1, m->uuid);
	store_bind_text(st, 2, m->full_name);
	store_bind_text(st, 3, m->kind ? m->kind : "public");
	store_bind_text(st, 4, m->iin);
	store_bind_text(st, 5, m->phone);
	store_bind_text(st, 6, m->organisation);
	status = store_step_done(s, st);
	if (status == BITIM_OK && !m->id)
		m->id = sqlite3_last_insert_rowid(s->db);
	return status;
}

enum bitim_status store_mediator_list(struct store *s, struct mediator **out, size_t *count)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	struct mediator *list = NULL;
	size_t n = 0;
	int rc;

	*out = NULL;
	*count = 0;
	if ((status = store_prepare(s, "SELECT id, uuid, full_name, kind, iin, phone, organisation"
				       " FROM mediators WHERE active = 1 ORDER BY id", &st)) != BITIM_OK)
		return status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mediator *grown = realloc(list, (n + 1) * sizeof *grown);
		if (!grown) {
			rc = SQLITE_NOMEM;
			break;
		}
		list = grown;
		memset(&list[n], 0, sizeof list[n]);
		list[n].id = sqlite3_column_int64(st, 0);
		snprintf(list[n].uuid, UUID_BUF, "%s", (const char *)sqlite3_column_text(st, 1));
		list[n].full_name = store_column_dup(st, 2);
		list[n].kind = store_column_dup(st, 3);
		list[n].iin = store_column_dup(st, 4);
		list[n].phone = store_column_dup(st, 5);
		list[n].organisation = store_column_dup(st, 6);
		n++;
	}
	sqlite3_finalize(st);
	*out = list;
	*count = n;
	return store_status(s, rc);
}

void store_mediators_free(struct mediator *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].full_name);
		free(list[i].kind);
		free(list[i].iin);
		free(list[i].phone);
		free(list[i].organisation);
	}
	free(list);
}

const char *store_office_code_check(const char *code)
{
	size_t n = 0;

	/* The letters first: АҚСУ is four letters but eight bytes, and what is
	 * wrong with it is its alphabet, not its length. */
	for (const char *c = code ? code : ""; *c; c++, n++)
		if (!(*c >= 'A' && *c <= 'Z') && !(*c >= '0' && *c <= '9'))
			return N_("The office code takes only Latin capital letters A-Z and digits 0-9 (Kazakh and Russian letters cannot be used), for example KRG or ALM01");
	if (n < 2 || n > 6)
		return N_("The office code has two to six Latin capital letters or digits, for example KRG or ALM01");
	return NULL;
}

enum bitim_status store_office_code(struct store *s, char **code)
{
	enum bitim_status st = store_office_get(s, "code", code);

	if (st == BITIM_OK && (!*code || store_office_code_check(*code))) {
		free(*code);
		*code = NULL;
		st = BITIM_ERR_NOOFFICE;
	}
	return st;
}
