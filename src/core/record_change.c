/* Changing a case: values, rows and stages, each logged; and undo, which
 * walks the event log back. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "record_sql.h"

/* The owner of a value: the case's UUID, or a live row of this case. */
static enum bitim_status resolve_owner(struct store *s, int64_t case_id, enum entity e,
				       const char *row_uuid, char owner[UUID_BUF], bool want_live)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	if (e >= ENTITY_COUNT)
		return BITIM_ERR_INVALID;
	if (e == ENTITY_CASE)
		status = store_prepare(s, "SELECT uuid, 0 FROM cases WHERE id = ?2", &st);
	else
		status = store_prepare(s, group_sql[e].exists_sql, &st);
	if (status != BITIM_OK)
		return status;
	if (e != ENTITY_CASE)
		store_bind_text(st, 1, row_uuid);
	sqlite3_bind_int64(st, 2, case_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (e == ENTITY_CASE)
			snprintf(owner, UUID_BUF, "%s", (const char *)sqlite3_column_text(st, 0));
		else
			snprintf(owner, UUID_BUF, "%s", row_uuid);
		if (want_live && e != ENTITY_CASE && sqlite3_column_int(st, 0) != 0)
			rc = SQLITE_DONE; /* removed rows cannot be edited */
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return BITIM_ERR_NOTFOUND;
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

static enum bitim_status read_value(struct store *s, enum entity e, const char *owner,
				    const char *name, char **value)
{
	const struct column_sql *col = record_column(e, name);
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	*value = NULL;
	status = store_prepare(s, col ? col->select_sql
				      : "SELECT value FROM field_values WHERE owner = ?1 AND key = ?2", &st);
	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, owner);
	if (!col)
		store_bind_text(st, 2, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*value = store_column_dup(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

static enum bitim_status write_value(struct store *s, int64_t case_id, enum entity e,
				     const char *owner, const char *name, const char *value)
{
	const struct column_sql *col = record_column(e, name);
	sqlite3_stmt *st;
	enum bitim_status status;

	if (col)
		status = store_prepare(s, col->update_sql, &st);
	else if (value)
		status = store_prepare(s, "INSERT INTO field_values(value, owner, key, case_id)"
					  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT(owner, key)"
					  " DO UPDATE SET value = excluded.value", &st);
	else
		status = store_prepare(s, "DELETE FROM field_values WHERE ?1 IS NULL AND owner = ?2 AND key = ?3", &st);
	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, value);
	store_bind_text(st, 2, owner);
	if (!col) {
		store_bind_text(st, 3, name);
		if (value)
			sqlite3_bind_int64(st, 4, case_id);
	}
	return store_step_done(s, st);
}

/* Whether a change to this value alters the search keys. */
static bool affects_search(enum entity e, const char *name)
{
	return e == ENTITY_PARTY && (strcmp(name, "full_name") == 0 || strcmp(name, "iin") == 0 ||
				     strcmp(name, "bin") == 0);
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

enum bitim_status store_set_value(struct store *s, int64_t case_id, enum entity e,
				  const char *row_uuid, const char *name, const char *value)
{
	char owner[UUID_BUF], *old = NULL;
	enum bitim_status status;

	if (!name || !*name)
		return BITIM_ERR_INVALID;
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	if ((status = resolve_owner(s, case_id, e, row_uuid, owner, true)) != BITIM_OK ||
	    (status = read_value(s, e, owner, name, &old)) != BITIM_OK)
		goto out;
	if (same(old, value))
		goto out; /* nothing changed: no event */
	if ((status = write_value(s, case_id, e, owner, name, value)) != BITIM_OK ||
	    (status = record_log(s, case_id, "set", e, owner, name, old, value, NULL)) != BITIM_OK)
		goto out;
	if (affects_search(e, name))
		status = store_search_reindex(s, case_id);
out:
	free(old);
	return store_end(s, status);
}

/* Flip a row's removed flag; NOTFOUND when it is not in that state. */
static enum bitim_status set_deleted(struct store *s, int64_t case_id, enum entity e,
				     const char *uuid, int deleted)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s, group_sql[e].deleted_sql, &st);

	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int(st, 1, deleted);
	store_bind_text(st, 2, uuid);
	sqlite3_bind_int64(st, 3, case_id);
	status = store_step_done(s, st);
	if (status == BITIM_OK && sqlite3_changes(s->db) == 0)
		status = BITIM_ERR_NOTFOUND;
	return status;
}

enum bitim_status store_row_add(struct store *s, int64_t case_id, enum entity e, char uuid[UUID_BUF])
{
	sqlite3_stmt *st;
	enum bitim_status status;

	if (e <= ENTITY_CASE || e >= ENTITY_COUNT)
		return BITIM_ERR_INVALID;
	store_uuid(uuid);
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	if ((status = store_prepare(s, group_sql[e].insert_sql, &st)) != BITIM_OK)
		goto out;
	store_bind_text(st, 1, uuid);
	sqlite3_bind_int64(st, 2, case_id);
	if ((status = store_step_done(s, st)) != BITIM_OK)
		goto out;
	status = record_log(s, case_id, "add", e, uuid, NULL, NULL, NULL, NULL);
	if (status == BITIM_OK && e == ENTITY_PARTY)
		status = store_search_reindex(s, case_id);
out:
	return store_end(s, status);
}

enum bitim_status store_row_remove(struct store *s, int64_t case_id, enum entity e, const char *uuid)
{
	enum bitim_status status;

	if (e <= ENTITY_CASE || e >= ENTITY_COUNT)
		return BITIM_ERR_INVALID;
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	status = set_deleted(s, case_id, e, uuid, 1);
	if (status == BITIM_OK)
		status = record_log(s, case_id, "remove", e, uuid, NULL, NULL, NULL, NULL);
	if (status == BITIM_OK && e == ENTITY_PARTY)
		status = store_search_reindex(s, case_id);
	return store_end(s, status);
}

enum bitim_status store_set_stage(struct store *s, int64_t case_id, const char *stage,
				  const char *outcome, bool closed, bitim_day today)
{
	sqlite3_stmt *st;
	char owner[UUID_BUF], *old = NULL, closed_on[DATE_BUF];
	enum bitim_status status;
	int rc;

	date_format_iso(today, closed_on);
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	if ((status = resolve_owner(s, case_id, ENTITY_CASE, NULL, owner, false)) != BITIM_OK ||
	    (status = store_prepare(s, "SELECT stage FROM cases WHERE id = ?1", &st)) != BITIM_OK)
		goto out;
	sqlite3_bind_int64(st, 1, case_id);
	rc = sqlite3_step(st);
	old = rc == SQLITE_ROW ? store_column_dup(st, 0) : NULL;
	sqlite3_finalize(st);
	status = store_prepare(s, "UPDATE cases SET stage = ?1, outcome = COALESCE(?2, outcome),"
				  " status = ?3, closed_on = ?4 WHERE id = ?5", &st);
	if (status != BITIM_OK)
		goto out;
	store_bind_text(st, 1, stage);
	store_bind_text(st, 2, outcome);
	store_bind_text(st, 3, closed ? "closed" : "open");
	store_bind_text(st, 4, closed ? closed_on : NULL);
	sqlite3_bind_int64(st, 5, case_id);
	if ((status = store_step_done(s, st)) == BITIM_OK)
		status = record_log(s, case_id, "stage", ENTITY_CASE, owner, "stage", old, stage, NULL);
out:
	free(old);
	return store_end(s, status);
}

static const char SET_DEADLINE_SQL[] =
	"UPDATE cases SET next_deadline = ?1, deadline_label = ?2 WHERE id = ?3"
	" AND (next_deadline IS NOT ?1 OR deadline_label IS NOT ?2)";

enum bitim_status store_set_deadline(struct store *s, int64_t case_id, const char *due_iso,
				     const char *label)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare_kept(s, SET_DEADLINE_SQL, &st);
	int rc;

	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, due_iso);
	store_bind_text(st, 2, due_iso ? label : NULL);
	sqlite3_bind_int64(st, 3, case_id);
	rc = sqlite3_step(st);
	status = store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
	store_release(st);
	return status;
}

/* ------------------------------------------------------------------ undo */

struct logged {
	int64_t id;
	char kind[8];
	int entity;
	char owner[UUID_BUF];
	char *field, *old_value, *new_value;
};

static void logged_free(struct logged *l)
{
	free(l->field);
	free(l->old_value);
	free(l->new_value);
}

/* The latest change of the case that undo may take back. */
static enum bitim_status latest_change(struct store *s, int64_t case_id, struct logged *l)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	int rc;

	memset(l, 0, sizeof *l);
	status = store_prepare(s, "SELECT id, kind, entity, owner, field, old, new FROM events"
				  " WHERE case_id = ?1 AND undone_by IS NULL AND kind <> 'undo'"
				  " ORDER BY id DESC LIMIT 1", &st);
	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, case_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *entity = (const char *)sqlite3_column_text(st, 2);
		l->id = sqlite3_column_int64(st, 0);
		snprintf(l->kind, sizeof l->kind, "%s", (const char *)sqlite3_column_text(st, 1));
		l->entity = entity ? entity_from_name(entity, strlen(entity)) : -1;
		snprintf(l->owner, UUID_BUF, "%s", sqlite3_column_text(st, 3) ? (const char *)sqlite3_column_text(st, 3) : "");
		l->field = store_column_dup(st, 4);
		l->old_value = store_column_dup(st, 5);
		l->new_value = store_column_dup(st, 6);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return BITIM_ERR_NOTHING;
	if (rc == SQLITE_ROW && (strcmp(l->kind, "stage") == 0 || strcmp(l->kind, "create") == 0 || l->entity < 0))
		return BITIM_ERR_NOTHING; /* undo never crosses a completed stage */
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

static enum bitim_status mark_undone(struct store *s, int64_t event_id, int64_t by)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s, "UPDATE events SET undone_by = ?1 WHERE id = ?2", &st);

	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, by);
	sqlite3_bind_int64(st, 2, event_id);
	return store_step_done(s, st);
}

/* The latest change as undo_info. */
static void describe_change(const struct logged *l, struct undo_info *out)
{
	out->entity = (enum entity)l->entity;
	snprintf(out->row_uuid, UUID_BUF, "%s", l->owner);
	out->kind = strcmp(l->kind, "set") == 0 ? UNDO_VALUE : strcmp(l->kind, "add") == 0 ? UNDO_ADD : UNDO_REMOVE;
	snprintf(out->field, sizeof out->field, "%s", out->kind == UNDO_VALUE && l->field ? l->field : "");
}

enum bitim_status store_undo_next(struct store *s, int64_t case_id, struct undo_info *out)
{
	struct logged l;
	enum bitim_status status = latest_change(s, case_id, &l);

	memset(out, 0, sizeof *out);
	if (status == BITIM_OK)
		describe_change(&l, out);
	logged_free(&l);
	return status;
}

enum bitim_status store_undo(struct store *s, int64_t case_id, struct undo_info *out)
{
	struct logged l;
	enum bitim_status status;
	int64_t undo_id = 0;
	enum entity e;

	memset(out, 0, sizeof *out);
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	if ((status = latest_change(s, case_id, &l)) != BITIM_OK)
		goto out;
	e = (enum entity)l.entity;
	describe_change(&l, out);
	if (out->kind == UNDO_VALUE)
		status = write_value(s, case_id, e, l.owner, l.field, l.old_value);
	else
		status = set_deleted(s, case_id, e, l.owner, out->kind == UNDO_ADD ? 1 : 0);
	if (status == BITIM_OK)
		status = record_log(s, case_id, "undo", e, l.owner, l.field, l.new_value, l.old_value, &undo_id);
	if (status == BITIM_OK)
		status = mark_undone(s, l.id, undo_id);
	if (status == BITIM_OK && e == ENTITY_PARTY)
		status = store_search_reindex(s, case_id);
out:
	logged_free(&l);
	return store_end(s, status);
}

/* ------------------------------------------------------------ the log */

enum bitim_status store_events(struct store *s, int64_t case_id, struct event **out, size_t *count)
{
	sqlite3_stmt *st;
	enum bitim_status status;
	struct event *list = NULL;
	size_t n = 0;
	int rc;

	*out = NULL;
	*count = 0;
	status = store_prepare(s, "SELECT id, at, kind, entity, owner, field, old, new FROM events"
				  " WHERE case_id = ?1 ORDER BY id", &st);
	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, case_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct event *grown = realloc(list, (n + 1) * sizeof *grown);
		const char *entity = (const char *)sqlite3_column_text(st, 3);
		if (!grown) {
			rc = SQLITE_NOMEM;
			break;
		}
		list = grown;
		memset(&list[n], 0, sizeof list[n]);
		list[n].id = sqlite3_column_int64(st, 0);
		snprintf(list[n].at, sizeof list[n].at, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(list[n].kind, sizeof list[n].kind, "%s", (const char *)sqlite3_column_text(st, 2));
		list[n].entity = entity ? (enum entity)entity_from_name(entity, strlen(entity)) : ENTITY_CASE;
		if (sqlite3_column_text(st, 4))
			snprintf(list[n].owner, UUID_BUF, "%s", (const char *)sqlite3_column_text(st, 4));
		list[n].field = store_column_dup(st, 5);
		list[n].old_value = store_column_dup(st, 6);
		list[n].new_value = store_column_dup(st, 7);
		n++;
	}
	sqlite3_finalize(st);
	*out = list;
	*count = n;
	return store_status(s, rc == SQLITE_DONE ? SQLITE_OK : rc);
}

void store_events_free(struct event *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(list[i].field);
		free(list[i].old_value);
		free(list[i].new_value);
	}
	free(list);
}
