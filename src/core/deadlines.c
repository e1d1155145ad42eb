/* Cached deadlines kept current when procedure.def or a form changes. */
#include <config.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <nettle/sha2.h>
#include "bitim/casefile.h"
#include "bitim/deadlines.h"
#include "store_internal.h"

static bool is_forms_file(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && ((n > 4 && strcmp(name + n - 4, ".def") == 0) ||
				  (n > 5 && strcmp(name + n - 5, ".form") == 0));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add one file's name and bytes to the hash. */
static enum bitim_status hash_file(struct sha256_ctx *ctx, const char *dir, const char *name)
{
	char *path = NULL, buf[16384];
	FILE *fp;
	size_t n;
	bool failed;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		return BITIM_ERR_NOMEM;
	fp = fopen(path, "rb");
	free(path);
	if (!fp)
		return BITIM_ERR_IO;
	sha256_update(ctx, strlen(name) + 1, (const uint8_t *)name);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sha256_update(ctx, n, (const uint8_t *)buf);
	failed = ferror(fp);
	fclose(fp);
	return failed ? BITIM_ERR_IO : BITIM_OK;
}

enum bitim_status deadlines_forms_fingerprint(const char *dir, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	enum bitim_status status = BITIM_OK;

	out[0] = '\0';
	if (!d)
		return BITIM_ERR_IO;
	while ((e = readdir(d)) && status == BITIM_OK) {
		char **grown;
		if (!is_forms_file(e->d_name))
			continue;
		if (!(grown = realloc(names, (n + 1) * sizeof *grown)) || !(grown[n] = strdup(e->d_name))) {
			names = grown ? grown : names;
			status = BITIM_ERR_NOMEM;
			break;
		}
		names = grown;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	sha256_init(&ctx);
	for (size_t i = 0; i < n && status == BITIM_OK; i++)
		status = hash_file(&ctx, dir, names[i]);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (status != BITIM_OK)
		return status;
	sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
	return BITIM_OK;
}

/* The setting that holds how far a refresh came: "FINGERPRINT ID" (the open
 * cases up to ID are done for the forms of FINGERPRINT). */
#define PROGRESS_KEY "deadlines_refreshed_upto"

struct deadlines_job {
	struct store *s;              /* borrowed */
	const struct procedure *p;    /* borrowed */
	char fingerprint[65];
	int64_t cursor;               /* open cases up to this id are done */
	int64_t last;                 /* the last open case's id when it began */
	size_t count;                 /* cases refreshed by this job */
	bool done;
	/* While refreshed between keys: the log checkpointed in a thread. */
	struct store_checkpointer *checkpointer;
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Where an earlier refresh for the same forms stopped (0 if none did). */
static enum bitim_status read_progress(struct store *s, const char *fingerprint, int64_t *cursor)
{
	char *value = NULL, *space;
	enum bitim_status status = store_setting_get(s, PROGRESS_KEY, &value);

	*cursor = 0;
	if (status == BITIM_OK && value && (space = strrchr(value, ' ')) &&
	    (size_t)(space - value) == strlen(fingerprint) && strncmp(value, fingerprint, strlen(fingerprint)) == 0)
		*cursor = strtoll(space + 1, NULL, 10);
	free(value);
	return status;
}

enum bitim_status deadlines_refresh_begin(struct store *s, const struct procedure *p, const char *fingerprint,
					  struct deadlines_job **out)
{
	struct deadlines_job *job;
	char *seen = NULL;
	enum bitim_status status;
	bool current;

	*out = NULL;
	if ((status = store_setting_get(s, "forms_fingerprint", &seen)) != BITIM_OK)
		return status;
	current = seen && strcmp(seen, fingerprint) == 0;
	free(seen);
	if (current)
		return BITIM_OK;
	if (!(job = calloc(1, sizeof *job)))
		return BITIM_ERR_NOMEM;
	job->s = s;
	job->p = p;
	snprintf(job->fingerprint, sizeof job->fingerprint, "%s", fingerprint);
	/* How far it came is told against the newest open case (closed cases
	 * after it would keep the share low until the end), looked for among
	 * the newest thousand only: this runs before the first screen. */
	if ((status = read_progress(s, fingerprint, &job->cursor)) != BITIM_OK ||
	    (status = store_query_int(s, "SELECT COALESCE((SELECT max(id) FROM (SELECT id, status FROM cases"
					 " ORDER BY id DESC LIMIT 1000) WHERE status = 'open'), max(id), 0) FROM cases",
				  &job->last)) != BITIM_OK) {
		free(job);
		return status;
	}
	if (job->last == 0) {
		/* No case at all (a first start): no deadline to recompute, and
		 * nothing to tell about forms that changed. */
		free(job);
		return deadlines_mark_current(s, fingerprint);
	}
	*out = job;
	return BITIM_OK;
}

/* The next open cases after the cursor, at most max of them. */
static enum bitim_status next_ids(struct deadlines_job *job, int64_t *ids, size_t max, size_t *n)
{
	static const char sql[] = "SELECT id FROM cases WHERE status = 'open' AND id > ?1 ORDER BY id LIMIT ?2";
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare_kept(job->s, sql, &st);
	int rc;

	*n = 0;
	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, job->cursor);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	status = store_status(job->s, rc == SQLITE_DONE ? SQLITE_OK : rc);
	store_release(st);
	return status;
}

/* Remember how far the refresh came, or that it is complete. */
static enum bitim_status save_progress(struct deadlines_job *job, bool complete)
{
	char text[100];

	if (complete) {
		return deadlines_mark_current(job->s, job->fingerprint);
	}
	snprintf(text, sizeof text, "%s %lld", job->fingerprint, (long long)job->cursor);
	return store_setting_set(job->s, PROGRESS_KEY, text);
}

enum bitim_status deadlines_refresh_step(struct deadlines_job *job, size_t max_cases, bool *done)
{
	int64_t ids[DEADLINES_STEP_MAX];
	size_t n = 0;
	enum bitim_status status;

	*done = job->done;
	if (job->done)
		return BITIM_OK;
	if (max_cases < 1 || max_cases > DEADLINES_STEP_MAX)
		max_cases = DEADLINES_STEP_MAX;
	if ((status = store_begin(job->s)) != BITIM_OK)
		return status;
	status = next_ids(job, ids, max_cases, &n);
	for (size_t i = 0; i < n && status == BITIM_OK; i++)
		status = case_refresh_deadline(job->s, job->p, ids[i]);
	if (status == BITIM_OK) {
		if (n)
			job->cursor = ids[n - 1];
		status = save_progress(job, n < max_cases);
	}
	if ((status = store_end(job->s, status)) != BITIM_OK) {
		/* rolled back: the cursor goes back to what the database holds */
		read_progress(job->s, job->fingerprint, &job->cursor);
		return status;
	}
	job->count += n;
	job->done = *done = n < max_cases;
	return BITIM_OK;
}

enum bitim_status deadlines_refresh_work(struct deadlines_job *job, int budget_ms, bool *done)
{
	long until = now_ms() + budget_ms;
	enum bitim_status status;

	/* Small steps: each is a transaction that another bitim waits for.
	 * Nor does a step wait for another bitim's write: it is tried again at
	 * the next idle moment instead of keeping a key waiting. */
	sqlite3_busy_timeout(job->s->db, 0);
	if (!job->checkpointer && !job->done)
		job->checkpointer = store_checkpointer_start(job->s);
	/* Nor does a step wait for the disk: a cached deadline can be made
	 * again, and a step lost to a power cut is lost whole, with the note of
	 * how far the refresh came (WAL stays consistent without the sync). */
	sqlite3_exec(job->s->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
	do
		status = deadlines_refresh_step(job, 32, done);
	while (status == BITIM_OK && !*done && now_ms() < until);
	sqlite3_exec(job->s->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	sqlite3_busy_timeout(job->s->db, STORE_BUSY_TIMEOUT_MS);
	if (*done) {
		store_checkpointer_stop(job->checkpointer);
		job->checkpointer = NULL;
	}
	return status == BITIM_ERR_BUSY ? BITIM_OK : status;
}

int deadlines_refresh_percent(const struct deadlines_job *job)
{
	if (job->done || job->last <= 0)
		return 100;
	return job->cursor >= job->last ? 99 : (int)(job->cursor * 100 / job->last);
}

size_t deadlines_refresh_count(const struct deadlines_job *job)
{
	return job->count;
}

bool deadlines_case_current(const struct deadlines_job *job, int64_t case_id)
{
	return !job || job->done || case_id <= job->cursor;
}

enum bitim_status deadlines_refresh_case(struct deadlines_job *job, int64_t case_id)
{
	return deadlines_case_current(job, case_id) ? BITIM_OK : case_refresh_deadline(job->s, job->p, case_id);
}

void deadlines_job_free(struct deadlines_job *job)
{
	if (job)
		store_checkpointer_stop(job->checkpointer);
	free(job);
}

enum bitim_status deadlines_refresh_if_changed(struct store *s, const struct procedure *p, const char *fingerprint,
					       size_t *count)
{
	struct deadlines_job *job = NULL;
	enum bitim_status status = deadlines_refresh_begin(s, p, fingerprint, &job);
	bool done = false;

	*count = 0;
	while (status == BITIM_OK && job && !done)
		status = deadlines_refresh_step(job, DEADLINES_STEP_MAX, &done);
	if (job)
		*count = job->count;
	deadlines_job_free(job);
	return status;
}

enum bitim_status deadlines_mark_stale(struct store *s)
{
	/* No forms recorded: the next refresh begins from the first case. */
	return deadlines_mark_current(s, NULL);
}

enum bitim_status deadlines_mark_current(struct store *s, const char *fingerprint)
{
	enum bitim_status status = store_setting_set(s, "forms_fingerprint", fingerprint);

	return status == BITIM_OK ? store_setting_set(s, PROGRESS_KEY, NULL) : status;
}
