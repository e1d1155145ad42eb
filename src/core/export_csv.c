/* A table of the register written as CSV. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/csv.h"
#include "bitim/export.h"
#include "bitim/manifest.h"
#include "store_internal.h"

struct csv_job {
	struct csv_writer *w;
	const char **names;
	size_t rows;
	export_progress_fn progress;
	void *progress_ctx;
	struct export_problem *bad;
};

static enum bitim_status write_one(void *ctx, const char *const *values, size_t n, const char *number)
{
	struct csv_job *job = ctx;
	size_t bad_field = 0;
	enum bitim_status st = csv_write_row(job->w, values, n, &bad_field);

	if (st == BITIM_ERR_INVALID) {
		snprintf(job->bad->case_number, sizeof job->bad->case_number, "%s", number ? number : "");
		snprintf(job->bad->column, sizeof job->bad->column, "%s", job->names[bad_field]);
		return st;
	}
	if (st == BITIM_OK && ++job->rows % 1000 == 0 && job->progress)
		job->progress(job->progress_ctx, job->rows);
	return st;
}

enum bitim_status export_csv(struct store *s, const struct procedure *p, enum export_table t,
			     const struct export_filter *f, struct csv_writer *w, export_progress_fn progress,
			     void *progress_ctx, size_t *rows, struct export_problem *bad)
{
	struct csv_job job = { .w = w, .progress = progress, .progress_ctx = progress_ctx, .bad = bad };
	size_t n, bad_field;
	enum bitim_status st;

	memset(bad, 0, sizeof *bad);
	*rows = 0;
	/* The office code tells this office's cases from every other's in the
	 * region: no register leaves the office without one. */
	{
		char *code = NULL;
		st = store_office_code(s, &code);
		free(code);
		if (st != BITIM_OK)
			return st;
	}
	/* The file is read through SQLite's small page cache, not mapped: mapped
	 * pages count as the program's memory, and a register of a million cases
	 * would hold a gigabyte. Memory stays the same at any size. */
	if ((st = export_columns(p, t, f->include_confidential, &job.names, &n)) != BITIM_OK)
		return st;
	st = csv_write_row(w, job.names, n, &bad_field);
	if (st == BITIM_OK)
		st = export_rows(s, p, t, f, write_one, &job);
	*rows = job.rows;
	free(job.names);
	return st;
}

enum bitim_status export_write_manifest(struct store *s, const char *dir, const size_t rows[EXPORT_TABLE_COUNT])
{
	struct manifest_entry files[EXPORT_TABLE_COUNT];
	char *uuid = NULL, *code = NULL;
	enum bitim_status st;

	for (int t = 0; t < EXPORT_TABLE_COUNT; t++) {
		snprintf(files[t].name, sizeof files[t].name, "%s.csv", export_table_name((enum export_table)t));
		files[t].rows = rows[t];
	}
	if ((st = store_office_get(s, "uuid", &uuid)) == BITIM_OK && (st = store_office_code(s, &code)) == BITIM_OK &&
	    manifest_write(dir, uuid, code, files, EXPORT_TABLE_COUNT) < 0)
		st = BITIM_ERR_IO;
	free(uuid);
	free(code);
	return st;
}
