/* Unit tests: the SQLite store — files, schema, changes, event log, undo, crashes. */
#include "testutil.h"
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bitim/store.h"

struct fixture {
	char *dir;
	char path[4096];
	struct store *s;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!(f->s = test_store_new(&f->dir)))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/bitim.db", f->dir);
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

static bitim_day day(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* Run one SQL statement on a file directly, returning an int result. */
static int sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int v = -1;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* The whole file's bytes, to prove a refused file was not touched. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	*len = (size_t)ftell(fp);
	rewind(fp);
	char *buf = malloc(*len + 1);
	assert_int_equal(fread(buf, 1, *len, fp), *len);
	fclose(fp);
	return buf;
}

static void new_file_is_private_wal_and_current(void **state)
{
	struct fixture *f = *state;
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(sql_int(f->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(sql_int(f->path, "PRAGMA application_id"), 0x42544D31);
	char *mode = NULL;
	/* journal_mode is persistent for WAL: a fresh connection sees it */
	sqlite3 *db;
	sqlite3_stmt *st;
	sqlite3_open(f->path, &db);
	sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
	sqlite3_step(st);
	mode = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_string_equal(mode, "wal");
	free(mode);
}

static void default_path_follows_xdg(void **state)
{
	(void)state;
	char *old_xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
	setenv("XDG_DATA_HOME", "/srv/data", 1);
	char *p = store_default_path();
	assert_string_equal(p, "/srv/data/bitim/bitim.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/mediator", 1);
	p = store_default_path();
	assert_string_equal(p, "/home/mediator/.local/share/bitim/bitim.db");
	free(p);
	if (old_xdg) {
		setenv("XDG_DATA_HOME", old_xdg, 1);
		free(old_xdg);
	}
}

static void make_dir_is_private(void **state)
{
	struct fixture *f = *state;
	char path[4096], dir[4096];
	struct stat sb;
	snprintf(path, sizeof path, "%s/a/b/bitim.db", f->dir);
	assert_int_equal(store_make_dir(path), BITIM_OK);
	snprintf(dir, sizeof dir, "%s/a/b", f->dir);
	assert_int_equal(stat(dir, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0700);
}

static void missing_folder_is_an_error(void **state)
{
	struct fixture *f = *state;
	char path[4096];
	struct store *s = NULL;
	snprintf(path, sizeof path, "%s/no/such/bitim.db", f->dir);
	assert_int_not_equal(store_open(path, &s), BITIM_OK);
	assert_null(s);
}

static void newer_schema_refused_untouched(void **state)
{
	struct fixture *f = *state;
	struct store *s = NULL;
	size_t len1, len2;
	store_close(f->s);
	f->s = NULL;
	sql_exec(f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
	char *before = slurp(f->path, &len1);
	assert_int_equal(store_open(f->path, &s), BITIM_ERR_NEWER);
	assert_null(s);
	char *after = slurp(f->path, &len2);
	assert_int_equal(len1, len2);
	assert_memory_equal(before, after, len1);
	free(before);
	free(after);
	char restore[64];
	snprintf(restore, sizeof restore, "PRAGMA user_version = %d;", STORE_SCHEMA_VERSION);
	sql_exec(f->path, restore);
	assert_int_equal(store_open(f->path, &f->s), BITIM_OK);
}

static void foreign_files_refused(void **state)
{
	struct fixture *f = *state;
	char path[4096];
	struct store *s = NULL;
	size_t len;
	snprintf(path, sizeof path, "%s/other.db", f->dir);
	sql_exec(path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
	assert_int_equal(store_open(path, &s), BITIM_ERR_CORRUPT);
	snprintf(path, sizeof path, "%s/garbage.db", f->dir);
	FILE *fp = fopen(path, "wb");
	for (int i = 0; i < 4096; i++)
		fputc(i * 7 + 3, fp);
	fclose(fp);
	char *before = slurp(path, &len);
	assert_int_equal(store_open(path, &s), BITIM_ERR_CORRUPT);
	size_t len2;
	char *after = slurp(path, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(before, after, len);
	free(before);
	free(after);
	/* a bitim file whose schema version no bitim writes */
	snprintf(path, sizeof path, "%s/negative.db", f->dir);
	sql_exec(path, "PRAGMA application_id = 1112821041; CREATE TABLE t(x); PRAGMA user_version = -5;");
	assert_int_equal(store_open(path, &s), BITIM_ERR_CORRUPT);
	assert_int_equal(sql_int(path, "PRAGMA user_version"), -5);
}

/* Open path as it is and report the status through the exit code. */
static int open_status_in_child(const char *path, bool drop_privileges)
{
	pid_t pid = fork();
	int status;
	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *s = NULL;
		/* root writes through permissions: test as "nobody" */
		if (drop_privileges && (setgid(65534) < 0 || setuid(65534) < 0))
			_exit(100);
		enum bitim_status st = store_open(path, &s);
		store_close(s);
		_exit((int)st);
	}
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void read_only_file_refused(void **state)
{
	struct fixture *f = *state;
	bool root = geteuid() == 0;
	store_close(f->s);
	f->s = NULL;
	chmod(f->dir, 0755);
	chmod(f->path, 0444);
	assert_int_equal(open_status_in_child(f->path, root), BITIM_ERR_READONLY);
	chmod(f->path, 0600);
	chmod(f->dir, 0700);
	assert_int_equal(store_open(f->path, &f->s), BITIM_OK);
}

static void case_numbers_per_office_and_year(void **state)
{
	struct fixture *f = *state;
	int64_t id;
	struct case_data *cd;
	assert_int_equal(store_office_set(f->s, "code", "KRG"), BITIM_OK);
	for (int i = 1; i <= 3; i++) {
		assert_int_equal(store_case_create(f->s, "intake", day(2026, 3, i), &id), BITIM_OK);
		assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
		char want[32];
		snprintf(want, sizeof want, "KRG-2026-%04d", i);
		assert_string_equal(casedata_number(cd), want);
		assert_string_equal(casedata_stage(cd), "intake");
		assert_int_equal(strlen(casedata_uuid(cd)), 36);
		assert_int_equal(casedata_uuid(cd)[14], '4');
		casedata_free(cd);
	}
	assert_int_equal(store_case_create(f->s, "intake", day(2027, 1, 2), &id), BITIM_OK);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_string_equal(casedata_number(cd), "KRG-2027-0001");
	casedata_free(cd);
	int64_t found;
	assert_int_equal(store_case_find(f->s, "krg-2027-0001", &found), BITIM_OK);
	assert_int_equal(found, id);
	assert_int_equal(store_case_find(f->s, "KRG-2099-0001", &found), BITIM_ERR_NOTFOUND);
	assert_int_equal(store_office_set(f->s, "code", ""), BITIM_ERR_INVALID);
}

static void values_columns_and_keys_round_trip(void **state)
{
	struct fixture *f = *state;
	int64_t id;
	struct case_data *cd;
	char party[UUID_BUF];
	assert_int_equal(store_case_create(f->s, "intake", day(2026, 3, 1), &id), BITIM_OK);
	assert_int_equal(store_set_value(f->s, id, ENTITY_CASE, NULL, "category", "family"), BITIM_OK);
	assert_int_equal(store_set_value(f->s, id, ENTITY_CASE, NULL, "subject", "Көру тәртібі"), BITIM_OK);
	assert_int_equal(store_row_add(f->s, id, ENTITY_PARTY, party), BITIM_OK);
	assert_int_equal(store_set_value(f->s, id, ENTITY_PARTY, party, "full_name", "Әлия Қасымова"), BITIM_OK);
	assert_int_equal(store_set_value(f->s, id, ENTITY_PARTY, party, "address", "Көктал, Абай к. 5"), BITIM_OK);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "category"), "family");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "subject"), "Көру тәртібі");
	assert_int_equal(casedata_rows(cd, ENTITY_PARTY), 1);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, 0, "full_name"), "Әлия Қасымова");
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, 0, "address"), "Көктал, Абай к. 5");
	casedata_free(cd);
	/* The column really is a column (reports query it). */
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(sql_int(f->path, "SELECT count(*) FROM cases WHERE category = 'family'"), 1);
	assert_int_equal(store_open(f->path, &f->s), BITIM_OK);
	/* Clearing removes the value. */
	assert_int_equal(store_set_value(f->s, id, ENTITY_CASE, NULL, "subject", NULL), BITIM_OK);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_null(casedata_get(cd, ENTITY_CASE, 0, "subject"));
	casedata_free(cd);
	/* A row of another case, or no row, is refused. */
	assert_int_equal(store_set_value(f->s, id + 1000, ENTITY_CASE, NULL, "category", "x"), BITIM_ERR_NOTFOUND);
	assert_int_equal(store_set_value(f->s, id, ENTITY_PARTY, "nope", "full_name", "x"), BITIM_ERR_NOTFOUND);
}

static void every_change_is_logged_once(void **state)
{
	struct fixture *f = *state;
	int64_t id;
	struct event *ev;
	size_t n;
	assert_int_equal(store_case_create(f->s, "intake", day(2026, 3, 1), &id), BITIM_OK);
	store_set_value(f->s, id, ENTITY_CASE, NULL, "village", "Көктал");
	store_set_value(f->s, id, ENTITY_CASE, NULL, "village", "Көктал"); /* unchanged */
	store_set_value(f->s, id, ENTITY_CASE, NULL, "village", "Жаркент");
	store_set_stage(f->s, id, "consent", NULL, false, day(2026, 3, 2));
	assert_int_equal(store_events(f->s, id, &ev, &n), BITIM_OK);
	assert_int_equal(n, 4);
	assert_string_equal(ev[0].kind, "create");
	assert_string_equal(ev[1].kind, "set");
	assert_null(ev[1].old_value);
	assert_string_equal(ev[1].new_value, "Көктал");
	assert_string_equal(ev[2].old_value, "Көктал");
	assert_string_equal(ev[2].new_value, "Жаркент");
	assert_string_equal(ev[3].kind, "stage");
	assert_string_equal(ev[3].old_value, "intake");
	assert_string_equal(ev[3].new_value, "consent");
	store_events_free(ev, n);
}

static void undo_walks_back_repeatedly(void **state)
{
	struct fixture *f = *state;
	int64_t id;
	struct case_data *cd;
	struct undo_info u;
	assert_int_equal(store_case_create(f->s, "intake", day(2026, 3, 1), &id), BITIM_OK);
	store_set_value(f->s, id, ENTITY_CASE, NULL, "village", "A");
	store_set_value(f->s, id, ENTITY_CASE, NULL, "village", "B");
	store_set_value(f->s, id, ENTITY_CASE, NULL, "subject", "S");
	assert_int_equal(store_undo(f->s, id, &u), BITIM_OK);
	assert_string_equal(u.field, "subject");
	assert_int_equal(store_undo(f->s, id, &u), BITIM_OK);
	assert_string_equal(u.field, "village");
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "village"), "A");
	assert_null(casedata_get(cd, ENTITY_CASE, 0, "subject"));
	casedata_free(cd);
	assert_int_equal(store_undo(f->s, id, &u), BITIM_OK);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_null(casedata_get(cd, ENTITY_CASE, 0, "village"));
	casedata_free(cd);
	assert_int_equal(store_undo(f->s, id, &u), BITIM_ERR_NOTHING);
}

static void undo_brings_back_removed_rows_and_stops_at_stage(void **state)
{
	struct fixture *f = *state;
	int64_t id;
	struct case_data *cd;
	struct undo_info u;
	char party[UUID_BUF];
	assert_int_equal(store_case_create(f->s, "intake", day(2026, 3, 1), &id), BITIM_OK);
	store_row_add(f->s, id, ENTITY_PARTY, party);
	store_set_value(f->s, id, ENTITY_PARTY, party, "full_name", "Ерлан");
	assert_int_equal(store_row_remove(f->s, id, ENTITY_PARTY, party), BITIM_OK);
	assert_int_equal(store_row_remove(f->s, id, ENTITY_PARTY, party), BITIM_ERR_NOTFOUND);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_int_equal(casedata_rows(cd, ENTITY_PARTY), 0);
	casedata_free(cd);
	/* A removed row cannot be edited. */
	assert_int_equal(store_set_value(f->s, id, ENTITY_PARTY, party, "full_name", "X"), BITIM_ERR_NOTFOUND);
	assert_int_equal(store_undo(f->s, id, &u), BITIM_OK);
	assert_int_equal(u.kind, UNDO_REMOVE);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_int_equal(casedata_rows(cd, ENTITY_PARTY), 1);
	assert_string_equal(casedata_get(cd, ENTITY_PARTY, 0, "full_name"), "Ерлан");
	casedata_free(cd);
	store_set_stage(f->s, id, "consent", NULL, false, day(2026, 3, 2));
	assert_int_equal(store_undo(f->s, id, &u), BITIM_ERR_NOTHING);
	store_set_value(f->s, id, ENTITY_CASE, NULL, "village", "A");
	assert_int_equal(store_undo(f->s, id, &u), BITIM_OK);
	assert_int_equal(store_undo(f->s, id, &u), BITIM_ERR_NOTHING);
}

static void stage_and_closing(void **state)
{
	struct fixture *f = *state;
	int64_t id;
	struct case_data *cd;
	assert_int_equal(store_case_create(f->s, "intake", day(2026, 3, 1), &id), BITIM_OK);
	assert_int_equal(store_set_stage(f->s, id, "terminated", "terminated", true, day(2026, 3, 9)), BITIM_OK);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_string_equal(casedata_stage(cd), "terminated");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "status"), "closed");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "closed_on"), "2026-03-09");
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "outcome"), "terminated");
	casedata_free(cd);
}

static void settings_office_mediators(void **state)
{
	struct fixture *f = *state;
	char *v;
	assert_int_equal(store_setting_get(f->s, "ui_language", &v), BITIM_OK);
	assert_null(v);
	assert_int_equal(store_setting_set(f->s, "ui_language", "kk"), BITIM_OK);
	assert_int_equal(store_setting_set(f->s, "ui_language", "ru"), BITIM_OK);
	assert_int_equal(store_setting_get(f->s, "ui_language", &v), BITIM_OK);
	assert_string_equal(v, "ru");
	free(v);
	assert_int_equal(store_office_set(f->s, "name", "Көктал ауылдық округінің әкімдігі"), BITIM_OK);
	assert_int_equal(store_office_get(f->s, "name", &v), BITIM_OK);
	assert_string_equal(v, "Көктал ауылдық округінің әкімдігі");
	free(v);
	/* A new database has no office code until the user sets one. */
	assert_int_equal(store_office_get(f->s, "code", &v), BITIM_OK);
	assert_null(v);
	assert_int_equal(store_office_code(f->s, &v), BITIM_ERR_NOOFFICE);
	assert_null(v);
	assert_int_equal(store_office_set(f->s, "code", "krg"), BITIM_ERR_INVALID);
	assert_int_equal(store_office_set(f->s, "code", "../X"), BITIM_ERR_INVALID);
	assert_int_equal(store_office_set(f->s, "uuid", "x"), BITIM_ERR_INVALID);
	assert_int_equal(store_office_set(f->s, "code", "KRG"), BITIM_OK);
	assert_int_equal(store_office_code(f->s, &v), BITIM_OK);
	assert_string_equal(v, "KRG");
	free(v);
	assert_int_equal(store_office_set(f->s, "nonsense", "x"), BITIM_ERR_NOTFOUND);
	struct mediator m = { .full_name = "Бақыт Омарова", .kind = "public" };
	assert_int_equal(store_mediator_save(f->s, &m), BITIM_OK);
	assert_true(m.id > 0);
	struct mediator *list;
	size_t n;
	assert_int_equal(store_mediator_list(f->s, &list, &n), BITIM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].full_name, "Бақыт Омарова");
	store_mediators_free(list, n);
	struct mediator bad = { .full_name = "", .kind = "public" };
	assert_int_equal(store_mediator_save(f->s, &bad), BITIM_ERR_INVALID);
}

static void integrity_and_backup(void **state)
{
	struct fixture *f = *state;
	char *report, backup[4096];
	int64_t id;
	struct store *b;
	struct case_data *cd;
	store_case_create(f->s, "intake", day(2026, 3, 1), &id);
	store_set_value(f->s, id, ENTITY_CASE, NULL, "village", "Талдықорған");
	assert_int_equal(store_integrity(f->s, &report), BITIM_OK);
	assert_string_equal(report, "ok");
	free(report);
	snprintf(backup, sizeof backup, "%s/copy.db", f->dir);
	assert_int_equal(store_backup(f->s, backup), BITIM_OK);
	assert_int_equal(store_open(backup, &b), BITIM_OK);
	assert_int_equal(store_case_load(b, id, &cd), BITIM_OK);
	assert_string_equal(casedata_get(cd, ENTITY_CASE, 0, "village"), "Талдықорған");
	casedata_free(cd);
	store_close(b);
}

/* The kept case counts are checked against the cases. */
static void integrity_checks_the_kept_counts(void **state)
{
	struct fixture *f = *state;
	char *report;
	int64_t id;
	store_case_create(f->s, "intake", day(2026, 3, 1), &id);
	store_set_stage(f->s, id, "consent", NULL, false, day(2026, 3, 2));
	store_case_create(f->s, "intake", day(2026, 3, 1), &id);
	assert_int_equal(store_integrity(f->s, &report), BITIM_OK);
	assert_string_equal(report, "ok");
	free(report);
	sql_exec(f->path, "UPDATE case_counts SET n = 7 WHERE stage = 'intake'");
	assert_int_equal(store_integrity(f->s, &report), BITIM_OK);
	assert_non_null(strstr(report, "stage intake differs"));
	assert_null(strstr(report, "stage consent"));
	free(report);
}

static void nested_transactions_roll_back_whole(void **state)
{
	struct fixture *f = *state;
	int64_t id;
	struct case_data *cd;
	store_case_create(f->s, "intake", day(2026, 3, 1), &id);
	assert_int_equal(store_begin(f->s), BITIM_OK);
	assert_int_equal(store_set_value(f->s, id, ENTITY_CASE, NULL, "village", "A"), BITIM_OK);
	store_rollback(f->s);
	assert_int_equal(store_case_load(f->s, id, &cd), BITIM_OK);
	assert_null(casedata_get(cd, ENTITY_CASE, 0, "village"));
	casedata_free(cd);
}

/* A child writes values, reporting each committed one through a pipe;
 * the parent kills it with SIGKILL mid-stream. Nothing reported may be lost. */
static void sigkill_loses_nothing_committed(void **state)
{
	struct fixture *f = *state;
	int64_t id;
	int fds[2];
	store_case_create(f->s, "intake", day(2026, 3, 1), &id);
	store_close(f->s);
	f->s = NULL;
	for (int round = 0; round < 5; round++) {
		assert_int_equal(pipe(fds), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			struct store *s;
			close(fds[0]);
			if (store_open(f->path, &s) != BITIM_OK)
				_exit(3);
			for (int i = 0;; i++) {
				char key[32], value[32];
				snprintf(key, sizeof key, "k%d_%d", round, i);
				snprintf(value, sizeof value, "v%d", i);
				if (store_set_value(s, id, ENTITY_CASE, NULL, key, value) != BITIM_OK)
					_exit(4);
				if (write(fds[1], &i, sizeof i) != sizeof i)
					_exit(5);
			}
		}
		close(fds[1]);
		int last = -1, got;
		int target = 20 + round * 17;
		while (read(fds[0], &got, sizeof got) == sizeof got) {
			last = got;
			if (got >= target)
				break;
		}
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		close(fds[0]);
		assert_true(last >= target);
		struct store *s;
		struct case_data *cd;
		char *report;
		assert_int_equal(store_open(f->path, &s), BITIM_OK);
		assert_int_equal(store_integrity(s, &report), BITIM_OK);
		assert_string_equal(report, "ok");
		free(report);
		assert_int_equal(store_case_load(s, id, &cd), BITIM_OK);
		for (int i = 0; i <= last; i++) {
			char key[32], value[32];
			snprintf(key, sizeof key, "k%d_%d", round, i);
			snprintf(value, sizeof value, "v%d", i);
			const char *v = casedata_get(cd, ENTITY_CASE, 0, key);
			assert_non_null(v);
			assert_string_equal(v, value);
		}
		casedata_free(cd);
		store_close(s);
	}
	assert_int_equal(store_open(f->path, &f->s), BITIM_OK);
}

/* Several bitim opening one new file at the same moment (a TUI just started
 * and a command): each finds a whole schema, none fails on the other's tables. */
static void processes_creating_one_file_at_once_all_open_it(void **state)
{
	struct fixture *f = *state;
	enum { PROCESSES = 4, ROUNDS = 25 };

	for (int round = 0; round < ROUNDS; round++) {
		char path[4200];
		int gate[2], status;
		pid_t pids[PROCESSES];

		snprintf(path, sizeof path, "%s/race-%d.db", f->dir, round);
		assert_int_equal(pipe(gate), 0);
		for (int i = 0; i < PROCESSES; i++) {
			assert_true((pids[i] = fork()) >= 0);
			if (pids[i] == 0) {
				struct store *s = NULL;
				char go;
				close(gate[1]);
				if (read(gate[0], &go, 1) != 1) /* all start together */
					_exit(101);
				enum bitim_status st = store_open(path, &s);
				store_close(s);
				_exit((int)st);
			}
		}
		close(gate[0]);
		assert_int_equal(write(gate[1], "GGGG", PROCESSES), PROCESSES);
		close(gate[1]);
		for (int i = 0; i < PROCESSES; i++) {
			waitpid(pids[i], &status, 0);
			assert_true(WIFEXITED(status));
			assert_int_equal(WEXITSTATUS(status), BITIM_OK);
		}
		assert_int_equal(sql_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
		assert_int_equal(sql_int(path, "SELECT count(*) FROM office"), 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(new_file_is_private_wal_and_current),
		T(default_path_follows_xdg),
		T(make_dir_is_private),
		T(missing_folder_is_an_error),
		T(newer_schema_refused_untouched),
		T(foreign_files_refused),
		T(read_only_file_refused),
		T(case_numbers_per_office_and_year),
		T(values_columns_and_keys_round_trip),
		T(every_change_is_logged_once),
		T(undo_walks_back_repeatedly),
		T(undo_brings_back_removed_rows_and_stops_at_stage),
		T(stage_and_closing),
		T(settings_office_mediators),
		T(integrity_and_backup),
		T(integrity_checks_the_kept_counts),
		T(nested_transactions_roll_back_whole),
		T(sigkill_loses_nothing_committed),
		T(processes_creating_one_file_at_once_all_open_it),
#undef T
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
