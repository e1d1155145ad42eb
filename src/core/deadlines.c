/* Cached deadlines kept current when procedure.def or a form changes. */
#include <config.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Refresh every open case's deadline, inside the caller's transaction. */
static enum bitim_status refresh_open_cases(struct store *s, const struct procedure *p, size_t *count)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if ((status = store_prepare(s, "SELECT id FROM cases WHERE status = 'open' ORDER BY id", &st)) != BITIM_OK)
		return status;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t *grown = realloc(ids, (n + 1) * sizeof *grown);
		if (!grown) {
			rc = SQLITE_NOMEM;
			break;
		}
		ids = grown;
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	status = store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
	for (size_t i = 0; i < n && status == BITIM_OK; i++)
		status = case_refresh_deadline(s, p, ids[i]);
	free(ids);
	*count = status == BITIM_OK ? n : 0;
	return status;
}

enum bitim_status deadlines_refresh_if_changed(struct store *s, const struct procedure *p, const char *fingerprint,
					       size_t *count)
{
	char *seen = NULL;
	enum bitim_status status;

	*count = 0;
	if ((status = store_setting_get(s, "forms_fingerprint", &seen)) != BITIM_OK)
		return status;
	if (seen && strcmp(seen, fingerprint) == 0) {
		free(seen);
		return BITIM_OK;
	}
	free(seen);
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	status = refresh_open_cases(s, p, count);
	if (status == BITIM_OK)
		status = store_setting_set(s, "forms_fingerprint", fingerprint);
	return store_end(s, status);
}

enum bitim_status deadlines_mark_current(struct store *s, const char *fingerprint)
{
	return store_setting_set(s, "forms_fingerprint", fingerprint);
}
