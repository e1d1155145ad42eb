/* What a user does to a case, with the law's rules applied: the one API the
 * screens and the commands call to change a case. */
#ifndef BITIM_CASEFILE_H
#define BITIM_CASEFILE_H

#include <stdbool.h>
#include "bitim/procedure.h"
#include "bitim/store.h"

/* A new case in the procedure's first stage. */
enum bitim_status case_new(struct store *s, const struct procedure *p, bitim_day today, int64_t *id);

/* case_new, with what the settings already say filled in: the office's
 * village or town and the mediator's name (each where a form has the field
 * and the setting is given; the user may change them like any value). */
enum bitim_status case_new_prefilled(struct store *s, const struct procedure *p, bitim_day today, int64_t *id);

/* Set a field from what the user typed. key is "case.name" or "party.name"
 * (row_uuid names the row). The input is checked for the field's type;
 * when it is not valid, *reason is an untranslated msgid saying why,
 * BITIM_ERR_INVALID is returned and nothing is stored. A signed agreement's
 * terms return BITIM_ERR_FROZEN, a closed case BITIM_ERR_CLOSED. */
enum bitim_status case_set_field(struct store *s, const struct procedure *p, int64_t case_id,
				 const char *key, const char *row_uuid, const char *input,
				 const char **reason);
/* The same, and *after (when not NULL) is the case as it now is, read under
 * the write lock with the change applied (owned by the caller), so that a
 * screen need not load it again; *after is NULL when the caller must load
 * it (an error, or a row this call did not find in the case). */
enum bitim_status case_set_field_get(struct store *s, const struct procedure *p, int64_t case_id,
				     const char *key, const char *row_uuid, const char *input,
				     const char **reason, struct case_data **after);

/* The same, for a writer that showed the value `seen` (NULL: empty) and
 * started from it: when check is set and the stored value is no longer
 * `seen` (another bitim, an import or a merge changed it meanwhile), nothing
 * is stored and BITIM_ERR_STALE is returned; the caller shows the newer value. */
enum bitim_status case_set_field_from(struct store *s, const struct procedure *p, int64_t case_id,
				      const char *key, const char *row_uuid, const char *seen, bool check,
				      const char *input, const char **reason, struct case_data **after);

/* Add or remove a row of a group (refused when the group is frozen). */
enum bitim_status case_add_row(struct store *s, const struct procedure *p, int64_t case_id,
			       enum entity e, char uuid[UUID_BUF]);
enum bitim_status case_remove_row(struct store *s, const struct procedure *p, int64_t case_id,
				  enum entity e, const char *uuid);

/* Complete the current stage and move to the next one. When the law's
 * guards are not met, returns BITIM_ERR_GUARD and lists why in *why
 * (free it with problems_free). A stage with warnings (guards marked
 * `warn` that fail) is refused the same way, with the warnings in *why:
 * only case_advance_confirmed goes on past them. */
enum bitim_status case_advance(struct store *s, const struct procedure *p, int64_t case_id,
			       bitim_day today, struct problems *why);

/* The same, where completing the stage signs the settlement agreement: the
 * text frozen is the printed version the parties signed, in signed_lang
 * ("kk", "ru", "en" or "kk+ru"; NULL: the case's language). */
enum bitim_status case_advance_signed(struct store *s, const struct procedure *p, int64_t case_id,
				      bitim_day today, const char *signed_lang, struct problems *why);

/* case_advance_signed, after the user has seen the stage's warnings
 * (procedure_stage_warnings) and confirmed them: they do not stop it. */
enum bitim_status case_advance_confirmed(struct store *s, const struct procedure *p, int64_t case_id,
					 bitim_day today, const char *signed_lang, struct problems *why);

/* Terminate mediation on the ground recorded in the termination form. */
enum bitim_status case_terminate(struct store *s, const struct procedure *p, int64_t case_id,
				 bitim_day today, struct problems *why);

/* Take back the last change (see store_undo). */
enum bitim_status case_undo(struct store *s, const struct procedure *p, int64_t case_id,
			    struct undo_info *info);

/* A text typed into a field of a case and left unsaved because it was not
 * valid, kept (in the store, so a restart or a power cut does not lose it)
 * until Undo brings it back into its field. field is the field's key, row
 * its row in its group (-1 for the case's own fields). One per case: keeping
 * another replaces it; text NULL forgets it. */
enum bitim_status case_unsaved_keep(struct store *s, int64_t case_id, const char *field, int row,
				    const char *text);

/* The text kept by case_unsaved_keep: *field and *text are allocated (the
 * caller frees them), both NULL when there is none. */
enum bitim_status case_unsaved_get(struct store *s, int64_t case_id, char **field, int *row, char **text);

/* Recompute the cached next deadline of a case (after the forms changed). */
enum bitim_status case_refresh_deadline(struct store *s, const struct procedure *p, int64_t case_id);

#endif
