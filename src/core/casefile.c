/* Changes to a case with the procedure's rules: validation, freezing,
 * guarded stage moves, and the cached deadline kept current. */
#include <config.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/casefile.h"
#include "bitim/doc.h"
#include "bitim/i18n.h"

/* Recompute and cache the next deadline, in the store and in cd; part of
 * the caller's transaction. */
static enum bitim_status refresh_deadline(struct store *s, const struct procedure *p, struct case_data *cd)
{
	bitim_day due;
	const char *label = NULL;
	char iso[DATE_BUF];
	bool has = procedure_next_deadline(p, cd, &due, &label);
	enum bitim_status status;

	if (has)
		date_format_iso(due, iso);
	status = store_set_deadline(s, casedata_id(cd), has ? iso : NULL, has ? label : NULL);
	if (status == BITIM_OK && (casedata_set(cd, ENTITY_CASE, 0, "next_deadline", has ? iso : NULL) < 0 ||
				   casedata_set(cd, ENTITY_CASE, 0, "deadline_label", has ? label : NULL) < 0))
		status = BITIM_ERR_NOMEM;
	return status;
}

/* Reload the case inside the open transaction and refresh its deadline. */
static enum bitim_status reload_and_refresh(struct store *s, const struct procedure *p, int64_t case_id)
{
	struct case_data *cd = NULL;
	enum bitim_status status = store_case_load(s, case_id, &cd);

	if (status == BITIM_OK)
		status = refresh_deadline(s, p, cd);
	casedata_free(cd);
	return status;
}

/* Apply a stored change to the loaded case; -1 when the row is not in it. */
static int set_in_memory(struct case_data *cd, const struct field_def *f, const char *row_uuid, const char *value)
{
	int row = 0;

	if (f->entity != ENTITY_CASE && (!row_uuid || (row = casedata_row_index(cd, f->entity, row_uuid)) < 0))
		return -1;
	return casedata_set(cd, f->entity, (size_t)row, f->name, value);
}

static bool same_value(const char *a, const char *b)
{
	return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

/* The row of a group field (0 for the case); -1 when not in cd. */
static int row_of(const struct case_data *cd, const struct field_def *f, const char *row_uuid)
{
	if (f->entity == ENTITY_CASE)
		return 0;
	return row_uuid ? casedata_row_index(cd, f->entity, row_uuid) : -1;
}

/* A field answered from an IIN (from_iin=) takes no other answer by hand
 * while the IIN gives one. */
static const char *contradicts_iin(const struct field_def *f, const struct case_data *cd, const char *row_uuid,
				   const char *value)
{
	int row = f->from_iin ? row_of(cd, f, row_uuid) : -1;
	const char *answer = row >= 0 ? field_answer_from_iin(f, cd, (size_t)row, date_today()) : NULL;

	if (!answer || same_value(value, answer))
		return NULL;
	return strcmp(answer, "yes") == 0
		? N_("By the IIN's birth date this person is under 18, so the answer is Yes; correct the IIN if it is wrong")
		: N_("By the IIN's birth date this person is 18 or over, so the answer is No; correct the IIN if it is wrong");
}

/* The fields answered from the IIN field iin (just saved, in cd too) take
 * its answer; part of the caller's transaction, logged after the IIN. */
static enum bitim_status answer_from_iin(struct store *s, const struct procedure *p, struct case_data *cd,
					 const struct field_def *iin, const char *row_uuid)
{
	int row = row_of(cd, iin, row_uuid);
	enum bitim_status status = BITIM_OK;

	for (size_t i = 0; i < p->nfields && status == BITIM_OK && row >= 0; i++) {
		const struct field_def *f = &p->fields[i];
		const char *answer;
		if (!f->from_iin || strcmp(f->from_iin, iin->key) != 0 ||
		    !(answer = field_answer_from_iin(f, cd, (size_t)row, date_today())) ||
		    same_value(answer, casedata_get(cd, f->entity, (size_t)row, f->name)))
			continue;
		status = store_set_value(s, casedata_id(cd), f->entity, row_uuid, f->name, answer);
		if (status == BITIM_OK && set_in_memory(cd, f, row_uuid, answer) < 0)
			status = BITIM_ERR_NOMEM;
	}
	return status;
}

enum bitim_status case_refresh_deadline(struct store *s, const struct procedure *p, int64_t case_id)
{
	enum bitim_status status = store_begin(s);

	if (status == BITIM_OK)
		status = reload_and_refresh(s, p, case_id);
	return store_end(s, status);
}

enum bitim_status case_new(struct store *s, const struct procedure *p, bitim_day today, int64_t *id)
{
	return store_case_create(s, p->stages[0].name, today, id);
}

/* Fill a field of a new case from a setting, when a form has the field. */
static enum bitim_status prefill(struct store *s, const struct procedure *p, int64_t id,
				 const char *key, const char *value)
{
	const char *reason = NULL;
	enum bitim_status st;

	if (!value || !*value || !procedure_field(p, key))
		return BITIM_OK;
	st = case_set_field(s, p, id, key, NULL, value, &reason);
	/* A setting the form would not take is left for the user to type. */
	return st == BITIM_ERR_INVALID ? BITIM_OK : st;
}

enum bitim_status case_new_prefilled(struct store *s, const struct procedure *p, bitim_day today, int64_t *id)
{
	struct mediator *list = NULL;
	size_t n = 0;
	char *village = NULL;
	enum bitim_status st = case_new(s, p, today, id);

	if (st != BITIM_OK)
		return st;
	if ((st = store_office_get(s, "village", &village)) != BITIM_OK ||
	    (st = prefill(s, p, *id, "case.village", village)) != BITIM_OK)
		goto out;
	if ((st = store_mediator_list(s, &list, &n)) == BITIM_OK && n > 0)
		st = prefill(s, p, *id, "case.mediator_name", list[0].full_name);
out:
	store_mediators_free(list, n);
	free(village);
	return st;
}

/* Whether the case may be changed at all in its stage. */
static enum bitim_status check_open(const struct procedure *p, const struct case_data *cd)
{
	int stage = procedure_stage_index(p, casedata_stage(cd));
	return procedure_stage_open(p, stage) ? BITIM_OK : BITIM_ERR_CLOSED;
}

/* The value of field f of the case (or of its row) as stored now. */
static const char *current_value(const struct case_data *cd, const struct field_def *f, const char *row_uuid)
{
	if (f->entity == ENTITY_CASE)
		return casedata_get(cd, ENTITY_CASE, 0, f->name);
	for (size_t r = 0; r < casedata_rows(cd, f->entity); r++)
		if (row_uuid && strcmp(casedata_row_uuid(cd, f->entity, r), row_uuid) == 0)
			return casedata_get(cd, f->entity, r, f->name);
	return NULL;
}

enum bitim_status case_set_field(struct store *s, const struct procedure *p, int64_t case_id,
				 const char *key, const char *row_uuid, const char *input,
				 const char **reason)
{
	return case_set_field_from(s, p, case_id, key, row_uuid, NULL, false, input, reason, NULL);
}

enum bitim_status case_set_field_get(struct store *s, const struct procedure *p, int64_t case_id,
				     const char *key, const char *row_uuid, const char *input,
				     const char **reason, struct case_data **after)
{
	return case_set_field_from(s, p, case_id, key, row_uuid, NULL, false, input, reason, after);
}

enum bitim_status case_set_field_from(struct store *s, const struct procedure *p, int64_t case_id,
				      const char *key, const char *row_uuid, const char *seen, bool check,
				      const char *input, const char **reason, struct case_data **after)
{
	const struct field_def *f = procedure_field(p, key);
	struct case_data *cd = NULL;
	char *value = NULL;
	enum bitim_status status;
	bool in_memory = false;

	*reason = NULL;
	if (after)
		*after = NULL;
	if (!f) {
		*reason = N_("No form defines this field");
		return BITIM_ERR_INVALID;
	}
	if ((*reason = field_normalize(f, input ? input : "", &value)) != NULL)
		return BITIM_ERR_INVALID;
	/* max=today: what is typed has happened (records merged from another
	 * office keep their dates). */
	bitim_day day;
	if (f->not_future && value && date_parse_iso(value, &day) && day > date_today()) {
		*reason = N_("This date cannot be later than today: record what has happened");
		free(value);
		return BITIM_ERR_INVALID;
	}
	if ((status = store_begin(s)) != BITIM_OK)
		goto out;
	if ((status = store_case_load(s, case_id, &cd)) != BITIM_OK ||
	    (status = check_open(p, cd)) != BITIM_OK)
		goto out;
	if (procedure_field_frozen(p, cd, f)) {
		status = BITIM_ERR_FROZEN;
		goto out;
	}
	if ((*reason = contradicts_iin(f, cd, row_uuid, value)) != NULL) {
		status = BITIM_ERR_INVALID;
		goto out;
	}
	/* The value the writer started from must still be the stored one:
	 * another bitim or an import may have changed it since. */
	if (check && !same_value(seen, current_value(cd, f, row_uuid))) {
		status = BITIM_ERR_STALE;
		goto out;
	}
	status = store_set_value(s, case_id, f->entity, row_uuid, f->name, value);
	/* The case loaded above, changed the same way in memory, gives the
	 * deadline: no second load for each saved field. */
	if (status == BITIM_OK) {
		in_memory = set_in_memory(cd, f, row_uuid, value) == 0;
		if (in_memory && f->type == FIELD_IIN)
			status = answer_from_iin(s, p, cd, f, row_uuid);
		if (status == BITIM_OK)
			status = in_memory ? refresh_deadline(s, p, cd) : reload_and_refresh(s, p, case_id);
	}
out:
	free(value);
	status = store_end(s, status);
	if (after && status == BITIM_OK && in_memory) {
		*after = cd;
		return status;
	}
	casedata_free(cd);
	return status;
}

/* A group is frozen when any of its fields is (the obligations of a signed agreement). */
static bool group_frozen(const struct procedure *p, const struct case_data *cd, enum entity e)
{
	for (size_t i = 0; i < p->nfields; i++)
		if (p->fields[i].entity == e && procedure_field_frozen(p, cd, &p->fields[i]))
			return true;
	return false;
}

/* Add (uuid filled) or remove (uuid given) a row, under the rules. */
static enum bitim_status change_row(struct store *s, const struct procedure *p, int64_t case_id,
				    enum entity e, char *uuid, bool add)
{
	struct case_data *cd = NULL;
	enum bitim_status status = store_begin(s);

	if (status != BITIM_OK)
		return status;
	if ((status = store_case_load(s, case_id, &cd)) != BITIM_OK || (status = check_open(p, cd)) != BITIM_OK)
		goto out;
	if (group_frozen(p, cd, e)) {
		status = BITIM_ERR_FROZEN;
		goto out;
	}
	status = add ? store_row_add(s, case_id, e, uuid) : store_row_remove(s, case_id, e, uuid);
	if (status == BITIM_OK)
		status = reload_and_refresh(s, p, case_id);
out:
	casedata_free(cd);
	return store_end(s, status);
}

enum bitim_status case_add_row(struct store *s, const struct procedure *p, int64_t case_id,
			       enum entity e, char uuid[UUID_BUF])
{
	return change_row(s, p, case_id, e, uuid, true);
}

enum bitim_status case_remove_row(struct store *s, const struct procedure *p, int64_t case_id,
				  enum entity e, const char *uuid)
{
	char copy[UUID_BUF];
	strncpy(copy, uuid, UUID_BUF - 1);
	copy[UUID_BUF - 1] = '\0';
	return change_row(s, p, case_id, e, copy, false);
}

/* Move to stage `to` once the checks found nothing wrong. */
static enum bitim_status move(struct store *s, const struct procedure *p, int64_t case_id, int to,
			      bitim_day today)
{
	const struct stage_def *target = &p->stages[to];
	enum bitim_status status = store_set_stage(s, case_id, target->name, target->outcome,
						   target->final, today);
	if (status == BITIM_OK)
		status = reload_and_refresh(s, p, case_id);
	return status;
}

/* Check the rules and, when they hold, move the case on: to the next stage,
 * or (terminate) to the procedure's termination stage. Unless confirmed,
 * the stage's warnings stop it too. */
static enum bitim_status complete(struct store *s, const struct procedure *p, int64_t case_id,
				  bitim_day today, const char *signed_lang, struct problems *why, bool terminate,
				  bool confirmed)
{
	struct case_data *cd = NULL;
	enum bitim_status status;
	int stage, n;

	memset(why, 0, sizeof *why);
	if ((status = store_begin(s)) != BITIM_OK)
		return status;
	if ((status = store_case_load(s, case_id, &cd)) != BITIM_OK)
		goto out;
	stage = procedure_stage_index(p, casedata_stage(cd));
	n = terminate ? procedure_check_termination(p, cd, why) : procedure_check_stage(p, cd, stage, why);
	if (n == 0 && !confirmed) {
		problems_free(why);
		n = procedure_stage_warnings(p, cd, terminate ? p->termination_stage : stage, why);
	}
	if (n < 0)
		status = BITIM_ERR_NOMEM;
	else if (n > 0)
		status = BITIM_ERR_GUARD;
	else
		status = move(s, p, case_id, terminate ? p->termination_stage : p->stages[stage].next_index, today);
	/* Completing a stage that freezes (the settlement) is signing it: keep
	 * the exact text and its fingerprint, in the same transaction. */
	if (status == BITIM_OK && !terminate && p->stages[stage].freeze)
		status = doc_freeze(s, p, case_id, today, signed_lang, why);
out:
	casedata_free(cd);
	return store_end(s, status);
}

enum bitim_status case_advance(struct store *s, const struct procedure *p, int64_t case_id,
			       bitim_day today, struct problems *why)
{
	return complete(s, p, case_id, today, NULL, why, false, false);
}

enum bitim_status case_advance_signed(struct store *s, const struct procedure *p, int64_t case_id,
				      bitim_day today, const char *signed_lang, struct problems *why)
{
	return complete(s, p, case_id, today, signed_lang, why, false, false);
}

enum bitim_status case_advance_confirmed(struct store *s, const struct procedure *p, int64_t case_id,
					 bitim_day today, const char *signed_lang, struct problems *why)
{
	return complete(s, p, case_id, today, signed_lang, why, false, true);
}

enum bitim_status case_terminate(struct store *s, const struct procedure *p, int64_t case_id,
				 bitim_day today, struct problems *why)
{
	return complete(s, p, case_id, today, NULL, why, true, false);
}

/* An answer taken from an IIN was logged just after the IIN's change: its
 * undo, which leaves an answer the IIN contradicts, takes back that change
 * too (one key undoes what the user did, and the answer stays the IIN's). */
static enum bitim_status undo_the_iin_too(struct store *s, const struct procedure *p, int64_t case_id,
					  struct undo_info *info)
{
	const struct field_def *f = info->kind == UNDO_VALUE ? procedure_entity_field(p, info->entity, info->field) : NULL;
	struct case_data *cd = NULL;
	struct undo_info before;
	enum bitim_status status;
	bool chained;
	int row;

	if (!f || !f->from_iin)
		return BITIM_OK;
	if ((status = store_case_load(s, case_id, &cd)) != BITIM_OK)
		return status;
	row = row_of(cd, f, info->row_uuid);
	chained = row >= 0 && contradicts_iin(f, cd, info->row_uuid, casedata_get(cd, f->entity, (size_t)row, f->name)) &&
		  store_undo_next(s, case_id, &before) == BITIM_OK && before.kind == UNDO_VALUE &&
		  before.entity == f->entity && strcmp(before.row_uuid, info->row_uuid) == 0 &&
		  strcmp(before.field, strchr(f->from_iin, '.') + 1) == 0;
	casedata_free(cd);
	return chained ? store_undo(s, case_id, info) : BITIM_OK;
}

enum bitim_status case_undo(struct store *s, const struct procedure *p, int64_t case_id,
			    struct undo_info *info)
{
	struct case_data *cd = NULL;
	enum bitim_status status = store_begin(s);

	if (status != BITIM_OK)
		return status;
	if ((status = store_case_load(s, case_id, &cd)) == BITIM_OK && (status = check_open(p, cd)) == BITIM_OK &&
	    (status = store_undo(s, case_id, info)) == BITIM_OK)
		status = undo_the_iin_too(s, p, case_id, info);
	if (status == BITIM_OK)
		status = reload_and_refresh(s, p, case_id);
	casedata_free(cd);
	return store_end(s, status);
}

/* ------------------------------------------------------ left unsaved */

/* The setting that holds a case's unsaved text: "field\nrow\ntext". */
static void unsaved_key(int64_t case_id, char *key, size_t size)
{
	snprintf(key, size, "unsaved.case.%" PRId64, case_id);
}

enum bitim_status case_unsaved_keep(struct store *s, int64_t case_id, const char *field, int row,
				    const char *text)
{
	char key[64], *value = NULL;
	enum bitim_status status;

	unsaved_key(case_id, key, sizeof key);
	if (text && (!field || !*field || strchr(field, '\n')))
		return BITIM_ERR_INVALID;
	if (text && asprintf(&value, "%s\n%d\n%s", field, row, text) < 0)
		return BITIM_ERR_NOMEM;
	status = store_setting_set(s, key, value);
	free(value);
	return status;
}

enum bitim_status case_unsaved_get(struct store *s, int64_t case_id, char **field, int *row, char **text)
{
	char key[64], *value = NULL, *nl, *end;
	enum bitim_status status;
	long r;

	*field = *text = NULL;
	*row = -1;
	unsaved_key(case_id, key, sizeof key);
	if ((status = store_setting_get(s, key, &value)) != BITIM_OK || !value)
		goto out;
	/* A value not of the written shape is not brought back. */
	if (!(nl = strchr(value, '\n')))
		goto out;
	*nl++ = '\0';
	r = strtol(nl, &end, 10);
	if (end == nl || *end != '\n' || r < -1 || r > 1000000)
		goto out;
	*row = (int)r;
	if (!(*field = strdup(value)) || !(*text = strdup(end + 1))) {
		free(*field);
		*field = NULL;
		status = BITIM_ERR_NOMEM;
	}
out:
	free(value);
	return status;
}
