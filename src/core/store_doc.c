/* Documents kept in the database: the signed settlement agreement's text. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_internal.h"

enum bitim_status store_document_add(struct store *s, int64_t case_id, const char *kind, const char *lang,
				     const char *format, const char *body, const char *sha256,
				     const char *signed_on, const char *signed_by)
{
	sqlite3_stmt *st;
	char uuid[UUID_BUF];
	enum bitim_status status;

	store_uuid(uuid);
	status = store_prepare(s, "INSERT INTO documents(uuid, case_id, kind, language, format, body, sha256,"
				  " signed_on, signed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st);
	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, uuid);
	sqlite3_bind_int64(st, 2, case_id);
	store_bind_text(st, 3, kind);
	store_bind_text(st, 4, lang);
	store_bind_text(st, 5, format);
	store_bind_text(st, 6, body);
	store_bind_text(st, 7, sha256);
	store_bind_text(st, 8, signed_on);
	store_bind_text(st, 9, signed_by);
	return store_step_done(s, st);
}

enum bitim_status store_document_signed(struct store *s, int64_t case_id, const char *kind, struct stored_doc *out)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	memset(out, 0, sizeof *out);
	status = store_prepare(s, "SELECT id, kind, language, body, sha256, signed_on, signed_by FROM documents"
				  " WHERE case_id = ?1 AND kind = ?2 AND signed_on IS NOT NULL ORDER BY id DESC LIMIT 1", &st);
	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, case_id);
	store_bind_text(st, 2, kind);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		snprintf(out->kind, sizeof out->kind, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(out->lang, sizeof out->lang, "%s", (const char *)sqlite3_column_text(st, 2));
		out->body = store_column_dup(st, 3);
		snprintf(out->sha256, sizeof out->sha256, "%s", sqlite3_column_text(st, 4) ? (const char *)sqlite3_column_text(st, 4) : "");
		snprintf(out->signed_on, sizeof out->signed_on, "%s", (const char *)sqlite3_column_text(st, 5));
		out->signed_by = store_column_dup(st, 6);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return BITIM_ERR_NOTFOUND;
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

void store_document_clear(struct stored_doc *d)
{
	free(d->body);
	free(d->signed_by);
	memset(d, 0, sizeof *d);
}
