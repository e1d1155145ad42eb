/* Import conflicts: the versions kept aside, listed and resolved. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/casefile.h"
#include "bitim/conflicts.h"
#include "bitim/export.h"
#include "bitim/i18n.h"
#include "record_sql.h"
#include "store_internal.h"

void conflict_put_value(FILE *out, const char *name, const char *value)
{
	fprintf(out, "%s=", name);
	for (const char *c = value; *c; c++) {
		if (*c == '\n')
			fputs("\\n", out);
		else if (*c == '\r')
			fputs("\\r", out);
		else if (*c == '\\')
			fputs("\\\\", out);
		else
			fputc(*c, out);
	}
	fputc('\n', out);
}

/* ------------------------------------------------------------ parsing */

struct pairs {
	char **name, **value;
	size_t n;
};

static void pairs_free(struct pairs *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->name[i]);
		free(p->value[i]);
	}
	free(p->name);
	free(p->value);
	memset(p, 0, sizeof *p);
}

/* The value of one escaped line part, malloc'd. */
static char *unescape(const char *from, size_t len)
{
	char *out = malloc(len + 1), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (from[i] == '\\' && i + 1 < len) {
			char c = from[++i];
			*o++ = c == 'n' ? '\n' : c == 'r' ? '\r' : c;
		} else {
			*o++ = from[i];
		}
	}
	*o = '\0';
	return out;
}

static enum bitim_status parse(const char *text, struct pairs *out)
{
	memset(out, 0, sizeof *out);
	for (const char *line = text; line && *line;) {
		const char *end = strchr(line, '\n'), *eq = strchr(line, '=');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (eq && eq < line + len) {
			char **names = realloc(out->name, (out->n + 1) * sizeof *names);
			if (names)
				out->name = names;
			char **values = names ? realloc(out->value, (out->n + 1) * sizeof *values) : NULL;
			if (values)
				out->value = values;
			if (!names || !values)
				return BITIM_ERR_NOMEM;
			out->name[out->n] = strndup(line, (size_t)(eq - line));
			out->value[out->n] = unescape(eq + 1, len - (size_t)(eq - line) - 1);
			out->n++;
			if (!out->name[out->n - 1] || !out->value[out->n - 1])
				return BITIM_ERR_NOMEM;
		}
		line = end ? end + 1 : NULL;
	}
	return BITIM_OK;
}

static const char *lookup(const struct pairs *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->name[i], name) == 0)
			return *p->value[i] ? p->value[i] : NULL;
	return NULL;
}

static bool same(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

/* ------------------------------------------------------------ listing */

static enum bitim_status add_diff(struct conflict *c, const char *name, const char *ours, const char *theirs)
{
	struct conflict_value *grown = realloc(c->diff, (c->ndiff + 1) * sizeof *grown);

	if (!grown)
		return BITIM_ERR_NOMEM;
	c->diff = grown;
	grown[c->ndiff++] = (struct conflict_value){ strdup(name), ours ? strdup(ours) : NULL,
						     theirs ? strdup(theirs) : NULL };
	return BITIM_OK;
}

/* The columns the incoming version gave that differ from this database's. */
static enum bitim_status differences(struct conflict *c, const struct pairs *ours, const struct pairs *theirs)
{
	enum bitim_status st = BITIM_OK;

	for (size_t i = 0; i < theirs->n && st == BITIM_OK; i++) {
		const char *name = theirs->name[i];
		if (!same(lookup(ours, name), lookup(theirs, name)))
			st = add_diff(c, name, lookup(ours, name), lookup(theirs, name));
	}
	return st;
}

static enum bitim_status fill(struct conflict *c, sqlite3_stmt *st)
{
	struct pairs theirs, ours;
	enum bitim_status status;
	const char *number;

	c->id = sqlite3_column_int64(st, 0);
	c->table = store_column_dup(st, 1);
	c->uuid = store_column_dup(st, 2);
	c->source = store_column_dup(st, 3);
	c->at = store_column_dup(st, 6);
	status = parse((const char *)sqlite3_column_text(st, 4), &theirs);
	if (status == BITIM_OK)
		status = parse((const char *)sqlite3_column_text(st, 5), &ours);
	if (status == BITIM_OK) {
		number = lookup(&ours, "number") ? lookup(&ours, "number") : lookup(&ours, "case_number");
		c->case_number = strdup(number ? number : "");
		status = differences(c, &ours, &theirs);
	}
	pairs_free(&theirs);
	pairs_free(&ours);
	return status;
}

enum bitim_status conflicts_list(struct store *s, struct conflict **out, size_t *count)
{
	sqlite3_stmt *st;
	struct conflict *list = NULL;
	size_t n = 0;
	int rc;
	enum bitim_status status = store_prepare(s, "SELECT id, table_name, uuid, source, incoming, existing, created_at"
						    " FROM conflicts WHERE resolution IS NULL ORDER BY id", &st);

	*out = NULL;
	*count = 0;
	if (status != BITIM_OK)
		return status;
	while (status == BITIM_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct conflict *grown = realloc(list, (n + 1) * sizeof *grown);
		if (!grown) {
			status = BITIM_ERR_NOMEM;
			break;
		}
		list = grown;
		memset(&list[n], 0, sizeof list[n]);
		status = fill(&list[n++], st);
	}
	if (status == BITIM_OK && rc != SQLITE_DONE)
		status = store_status(s, rc);
	sqlite3_finalize(st);
	if (status != BITIM_OK) {
		conflicts_free(list, n);
		return status;
	}
	*out = list;
	*count = n;
	return BITIM_OK;
}

enum bitim_status conflicts_waiting(struct store *s, size_t *count)
{
	int64_t n = 0;
	enum bitim_status status = store_query_int(s, "SELECT count(*) FROM conflicts WHERE resolution IS NULL", &n);

	*count = (size_t)n;
	return status;
}

void conflicts_free(struct conflict *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		struct conflict *c = &list[i];
		for (size_t k = 0; k < c->ndiff; k++) {
			free(c->diff[k].name);
			free(c->diff[k].ours);
			free(c->diff[k].theirs);
		}
		free(c->diff);
		free(c->table);
		free(c->uuid);
		free(c->source);
		free(c->at);
		free(c->case_number);
	}
	free(list);
}

enum bitim_status conflict_seen(struct store *s, const char *uuid, const char *incoming,
				enum conflict_state *state)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s,
		"SELECT EXISTS (SELECT 1 FROM conflicts WHERE uuid = ?1 AND incoming = ?2 AND resolution IS NULL),"
		" EXISTS (SELECT 1 FROM conflicts WHERE uuid = ?1 AND incoming = ?2 AND resolution IS NOT NULL)", &st);
	int rc;

	*state = CONFLICT_NEW;
	if (status != BITIM_OK)
		return status;
	store_bind_text(st, 1, uuid);
	store_bind_text(st, 2, incoming);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*state = sqlite3_column_int(st, 0) ? CONFLICT_PENDING : sqlite3_column_int(st, 1) ? CONFLICT_DECIDED
												  : CONFLICT_NEW;
	sqlite3_finalize(st);
	return store_status(s, rc == SQLITE_ROW ? SQLITE_OK : rc);
}

/* ---------------------------------------------------------- resolving */

struct pending {
	enum export_table table;
	enum entity entity;
	char uuid[UUID_BUF];
	int64_t case_id;
	struct pairs theirs, ours;
};

/* Load conflict id and find the case it belongs to. */
static enum bitim_status load(struct store *s, int64_t id, struct pending *out)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s, "SELECT table_name, uuid, incoming, existing FROM conflicts WHERE id = ?1 AND resolution IS NULL", &st);
	int rc, t;

	memset(out, 0, sizeof *out);
	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? BITIM_ERR_NOTFOUND : store_status(s, rc);
	}
	t = export_table_from_name((const char *)sqlite3_column_text(st, 0));
	snprintf(out->uuid, sizeof out->uuid, "%s", (const char *)sqlite3_column_text(st, 1));
	status = parse((const char *)sqlite3_column_text(st, 2), &out->theirs);
	if (status == BITIM_OK)
		status = parse((const char *)sqlite3_column_text(st, 3), &out->ours);
	sqlite3_finalize(st);
	if (status != BITIM_OK)
		return status;
	if (t < 0 || t >= EXPORT_OUTCOMES)
		return BITIM_ERR_INVALID;
	out->table = (enum export_table)t;
	out->entity = export_table_entity(out->table);
	return store_case_find(s, t == EXPORT_CASES ? out->uuid : lookup(&out->ours, "case_uuid"), &out->case_id);
}

static void pending_free(struct pending *p)
{
	pairs_free(&p->theirs);
	pairs_free(&p->ours);
}

/* Mark the conflict resolved; the row stays as the record of the decision.
 * BITIM_ERR_NOTFOUND when there is no such unresolved conflict. */
static enum bitim_status close_conflict(struct store *s, int64_t id, const char *how)
{
	sqlite3_stmt *st;
	enum bitim_status status = store_prepare(s, "UPDATE conflicts SET resolution = ?2,"
						    " resolved_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
						    " WHERE id = ?1 AND resolution IS NULL", &st);

	if (status != BITIM_OK)
		return status;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, how);
	if ((status = store_step_done(s, st)) == BITIM_OK && sqlite3_changes(s->db) == 0)
		status = BITIM_ERR_NOTFOUND;
	return status;
}

enum bitim_status conflict_keep(struct store *s, int64_t id)
{
	return close_conflict(s, id, "kept");
}

/* Columns that are kept by bitim itself and never taken from another copy. */
static bool derived(const char *name)
{
	static const char *const names[] = { "uuid", "case_uuid", "case_number", "created_at", "updated_at",
					     "next_deadline", "deadline_label", NULL };
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* The incoming value of column i when it is one to take: given, not kept by
 * bitim itself, and other than this database's; NULL otherwise. */
static const char *to_take(const struct pending *c, size_t i)
{
	const char *name = c->theirs.name[i], *v = lookup(&c->theirs, name);

	return v && !derived(name) && !same(v, lookup(&c->ours, name)) ? v : NULL;
}

/* Set every incoming value that differs; stops at the first refusal. */
static enum bitim_status take_values(struct store *s, const struct procedure *p, const struct pending *c,
				     const char **reason, char column[CONFLICT_COLUMN_BUF])
{
	enum bitim_status status = BITIM_OK;

	for (size_t i = 0; i < c->theirs.n && status == BITIM_OK; i++) {
		const char *name = c->theirs.name[i], *v = to_take(c, i);
		char key[128];
		if (!v)
			continue;
		snprintf(key, sizeof key, "%s.%s", entity_name(c->entity), name);
		/* Decided on the version shown: a value changed here since is not
		 * overwritten (the listing then shows the newer one). */
		status = case_set_field_from(s, p, c->case_id, key, c->table == EXPORT_CASES ? NULL : c->uuid,
					     lookup(&c->ours, name), true, v, reason, NULL);
		if (status == BITIM_ERR_STALE)
			*reason = N_("this database's value changed since the conflict was kept aside; list the conflicts"
				     " again to see the newer value, then decide");
		if (status != BITIM_OK)
			snprintf(column, CONFLICT_COLUMN_BUF, "%s", name);
	}
	return status;
}

/* The record as this database has it now, as a conflict's "existing" text. */
struct live {
	const char *uuid;
	const char **names;
	char *text; /* owned */
};

static enum bitim_status capture_live(void *ctx, const char *const *values, size_t n, const char *number)
{
	struct live *l = ctx;
	size_t len = 0;
	FILE *out;

	(void)number;
	if (!values[0] || strcmp(values[0], l->uuid) != 0 || l->text || !(out = open_memstream(&l->text, &len)))
		return l->text || !values[0] || strcmp(values[0], l->uuid) != 0 ? BITIM_OK : BITIM_ERR_NOMEM;
	for (size_t k = 0; k < n; k++)
		if (values[k])
			conflict_put_value(out, l->names[k], values[k]);
	fclose(out);
	return BITIM_OK;
}

/* After a take refused as stale: the conflict shows this database's newer values. */
static enum bitim_status refresh_existing(struct store *s, const struct procedure *p, int64_t id, const struct pending *c)
{
	const char *case_uuid = c->table == EXPORT_CASES ? c->uuid : lookup(&c->ours, "case_uuid");
	struct export_filter flt = { .case_uuid = case_uuid, .include_confidential = true };
	struct live l = { .uuid = c->uuid };
	size_t n;
	sqlite3_stmt *st;
	enum bitim_status status = export_columns(p, c->table, true, &l.names, &n);

	if (status == BITIM_OK)
		status = export_rows(s, p, c->table, &flt, capture_live, &l);
	if (status == BITIM_OK && l.text &&
	    (status = store_prepare(s, "UPDATE conflicts SET existing = ?2 WHERE id = ?1", &st)) == BITIM_OK) {
		sqlite3_bind_int64(st, 1, id);
		store_bind_text(st, 2, l.text);
		status = store_step_done(s, st);
	}
	free(l.names);
	free(l.text);
	return status;
}

enum bitim_status conflict_take(struct store *s, const struct procedure *p, int64_t id, const char **reason,
				char column[CONFLICT_COLUMN_BUF])
{
	struct pending c;
	enum bitim_status status = load(s, id, &c);

	*reason = NULL;
	column[0] = '\0';
	/* A column the procedure keeps (stage, status, number...) is not a value
	 * to copy: changing it would skip the law's guards. */
	for (size_t i = 0; status == BITIM_OK && i < c.theirs.n; i++) {
		const char *name = c.theirs.name[i];
		if (to_take(&c, i) && !procedure_entity_field(p, c.entity, name)) {
			*reason = N_("differs in a column that only the procedure changes; keep this database's version"
				     " and change the case on its screen");
			snprintf(column, CONFLICT_COLUMN_BUF, "%s", name);
			status = BITIM_ERR_INVALID;
		}
	}
	if (status == BITIM_OK && (status = store_begin(s)) == BITIM_OK) {
		status = close_conflict(s, id, "taken");
		if (status == BITIM_OK)
			status = take_values(s, p, &c, reason, column);
		status = store_end(s, status);
	}
	if (status == BITIM_ERR_STALE)
		refresh_existing(s, p, id, &c);
	pending_free(&c);
	return status;
}
