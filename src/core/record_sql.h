/* Private to the store: the SQL of the tables that hold a case's values. */
#ifndef BITIM_RECORD_SQL_H
#define BITIM_RECORD_SQL_H

#include "store_internal.h"

/* The statements of one repeatable group's table. */
struct group_sql {
	enum entity entity;
	const char *table;
	const char *insert_sql;  /* ?1 uuid, ?2 case id */
	const char *deleted_sql; /* ?1 new deleted flag, ?2 uuid, ?3 case id */
	const char *load_sql;    /* ?1 case id: live rows in order */
	const char *exists_sql;  /* ?1 uuid, ?2 case id: its deleted flag */
};
extern const struct group_sql group_sql[ENTITY_COUNT];

/* A form field stored in a real column. */
struct column_sql {
	enum entity entity;
	const char *name;
	const char *select_sql; /* ?1 owner uuid */
	const char *update_sql; /* ?1 value, ?2 owner uuid */
};
extern const struct column_sql column_sql[];

/* The column for a field, or NULL when it lives in field_values. */
const struct column_sql *record_column(enum entity e, const char *name);

/* Append to the event log (and touch the case's updated_at). */
enum bitim_status record_log(struct store *s, int64_t case_id, const char *kind, enum entity e,
			     const char *owner, const char *field, const char *old_value,
			     const char *new_value, int64_t *event_id);

/* Set the case's updated_at to now. */
enum bitim_status record_touch(struct store *s, int64_t case_id);

#endif
