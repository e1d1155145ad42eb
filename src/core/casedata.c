/* In-memory snapshot of one case: the case's values and its groups' rows. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/casedata.h"

struct kv {
	char *name;  /* owned */
	char *value; /* owned */
};

struct row {
	char uuid[UUID_BUF];
	struct kv *values; /* owned */
	size_t nvalues;
};

struct case_data {
	int64_t id;
	char uuid[UUID_BUF];
	char *number; /* owned */
	char *stage;  /* owned */
	struct row fields;             /* the case's own values */
	struct row *rows[ENTITY_COUNT]; /* owned arrays, [ENTITY_CASE] unused */
	size_t nrows[ENTITY_COUNT];
};

struct case_data *casedata_new(void)
{
	return calloc(1, sizeof(struct case_data));
}

static void row_clear(struct row *r)
{
	for (size_t i = 0; i < r->nvalues; i++) {
		free(r->values[i].name);
		free(r->values[i].value);
	}
	free(r->values);
}

void casedata_free(struct case_data *cd)
{
	if (!cd)
		return;
	row_clear(&cd->fields);
	for (int e = 0; e < ENTITY_COUNT; e++) {
		for (size_t i = 0; i < cd->nrows[e]; i++)
			row_clear(&cd->rows[e][i]);
		free(cd->rows[e]);
	}
	free(cd->number);
	free(cd->stage);
	free(cd);
}

int64_t casedata_id(const struct case_data *cd) { return cd->id; }
const char *casedata_uuid(const struct case_data *cd) { return cd->uuid; }
const char *casedata_number(const struct case_data *cd) { return cd->number ? cd->number : ""; }
const char *casedata_stage(const struct case_data *cd) { return cd->stage ? cd->stage : ""; }

int casedata_set_identity(struct case_data *cd, int64_t id, const char *uuid, const char *number,
			  const char *stage)
{
	char *n = strdup(number ? number : ""), *s = strdup(stage ? stage : "");

	if (!n || !s) {
		free(n);
		free(s);
		return -1;
	}
	cd->id = id;
	strncpy(cd->uuid, uuid ? uuid : "", UUID_BUF - 1);
	free(cd->number);
	free(cd->stage);
	cd->number = n;
	cd->stage = s;
	return 0;
}

int casedata_add_row(struct case_data *cd, enum entity e, const char *uuid)
{
	struct row *grown;

	if (e <= ENTITY_CASE || e >= ENTITY_COUNT)
		return -1;
	grown = realloc(cd->rows[e], (cd->nrows[e] + 1) * sizeof *grown);
	if (!grown)
		return -1;
	cd->rows[e] = grown;
	memset(&grown[cd->nrows[e]], 0, sizeof *grown);
	strncpy(grown[cd->nrows[e]].uuid, uuid ? uuid : "", UUID_BUF - 1);
	return (int)cd->nrows[e]++;
}

size_t casedata_rows(const struct case_data *cd, enum entity e)
{
	return (e > ENTITY_CASE && e < ENTITY_COUNT) ? cd->nrows[e] : 0;
}

const char *casedata_row_uuid(const struct case_data *cd, enum entity e, size_t row)
{
	return row < casedata_rows(cd, e) ? cd->rows[e][row].uuid : NULL;
}

int casedata_row_index(const struct case_data *cd, enum entity e, const char *uuid)
{
	for (size_t i = 0; i < casedata_rows(cd, e); i++)
		if (strcmp(cd->rows[e][i].uuid, uuid) == 0)
			return (int)i;
	return -1;
}

static struct row *row_of(const struct case_data *cd, enum entity e, size_t row)
{
	if (e == ENTITY_CASE)
		return (struct row *)&cd->fields;
	if (row >= casedata_rows(cd, e))
		return NULL;
	return &cd->rows[e][row];
}

int casedata_set(struct case_data *cd, enum entity e, size_t row, const char *name, const char *value)
{
	struct row *r = row_of(cd, e, row);
	struct kv *grown;
	char *copy = NULL;

	if (!r)
		return -1;
	if (value && !(copy = strdup(value)))
		return -1;
	for (size_t i = 0; i < r->nvalues; i++)
		if (strcmp(r->values[i].name, name) == 0) {
			free(r->values[i].value);
			r->values[i].value = copy;
			return 0;
		}
	grown = realloc(r->values, (r->nvalues + 1) * sizeof *grown);
	if (!grown || !(grown[r->nvalues].name = strdup(name))) {
		if (grown)
			r->values = grown;
		free(copy);
		return -1;
	}
	r->values = grown;
	r->values[r->nvalues++].value = copy;
	return 0;
}

const char *casedata_get(const struct case_data *cd, enum entity e, size_t row, const char *name)
{
	const struct row *r = row_of(cd, e, row);

	for (size_t i = 0; r && i < r->nvalues; i++)
		if (strcmp(r->values[i].name, name) == 0)
			return r->values[i].value;
	return NULL;
}

const char *casedata_case_value(const struct case_data *cd, const char *key)
{
	if (strncmp(key, "case.", 5) != 0)
		return NULL;
	return casedata_get(cd, ENTITY_CASE, 0, key + 5);
}
