/* The SQLite store: one database file per office (WAL, full sync, mode
 * 0600). Every change is its own short transaction and is written to the
 * event log. */
#ifndef BITIM_STORE_H
#define BITIM_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bitim/casedata.h"
#include "bitim/date.h"
#include "bitim/form.h"
#include "bitim/status.h"

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 7

struct store; /* opaque */

/* $XDG_DATA_HOME/bitim/bitim.db, else ~/.local/share/bitim/bitim.db (malloc'd, NULL without HOME). */
char *store_default_path(void);

/* Create the folder that will hold path (and its parents) with mode 0700. */
enum bitim_status store_make_dir(const char *path);

/* Open the database at path, creating it (mode 0600) if it does not exist and
 * its folder does. A database from a newer bitim is refused untouched; an older
 * one is backed up next to it and migrated. */
enum bitim_status store_open(const char *path, struct store **out);
void store_close(struct store *s);

/* SQLite's own words on why the last store_open failed ("" when it gave
 * none), as dlerror() does for dlopen(); for details after the status. */
const char *store_open_detail(void);

/* Open another office's database only to read it (merge): nothing is
 * written to it, and without a -wal file beside it nothing is made beside it
 * either (it may be on read-only media); a newer or foreign file is refused. */
enum bitim_status store_open_readonly(const char *path, struct store **out);

/* SQLite's last message, for details after an error ("" if none). */
const char *store_errmsg(const struct store *s);
const char *store_path(const struct store *s);
/* The backup made before a migration when this store was opened, or NULL
 * (the commands print it). */
const char *store_backup_path(const struct store *s);

/* Hold one read snapshot of the database until it is closed: several
 * passes over it see the same rows. */
enum bitim_status store_read_snapshot(struct store *s);

/* For a pass over the whole register (merge, import): a page cache of 32 MB
 * (not the file mapped: mapped pages would count as memory that grows with
 * the register), a bound whatever the register's size; and in WAL mode a
 * commit that syncs at checkpoints only (the database stays whole on a
 * crash; the last batches may be lost, and a merge run again brings them
 * back). */
void store_tune_bulk(struct store *s);
/* Its last commits: synced again at each (the log synced holds every
 * earlier batch too). */
void store_tune_bulk_end(struct store *s);

/* Group several changes into one transaction. Nested, an inner level is a
 * savepoint: rolling it back takes back only its own changes. */
enum bitim_status store_begin(struct store *s);
enum bitim_status store_commit(struct store *s);
void store_rollback(struct store *s);
/* End the transaction store_begin opened: commit when status is BITIM_OK,
 * roll back otherwise; returns the outcome. */
enum bitim_status store_end(struct store *s, enum bitim_status status);

/* PRAGMA integrity_check and foreign_key_check; *report is "ok" or the problems (malloc'd). */
enum bitim_status store_integrity(struct store *s, char **report);
/* Copy the whole database to dest with SQLite's backup API (mode 0600),
 * then check the copy with PRAGMA integrity_check. */
enum bitim_status store_backup(struct store *s, const char *dest);
/* An automatic backup before an operation that rewrites many rows, tag
 * naming it (before-merge, before-import): backup_make() of backup.h, into
 * the backups folder beside the database, rotated; *path is the file made
 * (malloc'd). */
enum bitim_status store_backup_beside(struct store *s, const char *tag, char **path);

/* Whether the form set defines every field bitim keeps in a column of the
 * register (the signed papers, reports and exports read them there): a
 * renamed or removed one gives BITIM_ERR_FORMS with its key ("case.mediator_name")
 * in missing. */
enum bitim_status store_check_forms(const struct procedure *p, char *missing, size_t size);

/* Settings of this installation (UI language, ...). *value is malloc'd, NULL if unset. */
enum bitim_status store_setting_get(struct store *s, const char *key, char **value);
enum bitim_status store_setting_set(struct store *s, const char *key, const char *value);

/* The office: field is one of code, name, region, district, village (and
 * uuid, its identity for merging, read only in practice). */
enum bitim_status store_office_get(struct store *s, const char *field, char **value);
enum bitim_status store_office_set(struct store *s, const char *field, const char *value);

/* Why code is not an office code (two to six Latin capitals or digits), as a
 * msgid; NULL when it is one. */
const char *store_office_code_check(const char *code);

/* The office's code into *code (malloc'd). A new database has none until the
 * user sets one: then BITIM_ERR_NOOFFICE, and export and merge refuse, since
 * the code tells this office's cases from every other's. */
enum bitim_status store_office_code(struct store *s, char **code);

/* Mediators of the office. */
struct mediator {
	int64_t id;            /* 0 for a new one */
	char uuid[UUID_BUF];
	char *full_name;       /* owned */
	char *kind;            /* public, professional or judge; owned */
	char *iin;             /* owned, may be NULL */
	char *phone;           /* owned, may be NULL */
	char *organisation;    /* owned, may be NULL */
};
enum bitim_status store_mediator_save(struct store *s, struct mediator *m);
enum bitim_status store_mediator_list(struct store *s, struct mediator **out, size_t *count);
void store_mediators_free(struct mediator *list, size_t count);

/* ------------------------------------------------------------- cases */

/* A new case in first_stage, numbered CODE-YEAR-SEQ for this office. */
enum bitim_status store_case_create(struct store *s, const char *first_stage, bitim_day today,
				    int64_t *id);
/* The case with all its values and live rows. */
enum bitim_status store_case_load(struct store *s, int64_t id, struct case_data **out);
/* Find a case by its number (KRG-2026-0042) or UUID. */
enum bitim_status store_case_find(struct store *s, const char *number_or_uuid, int64_t *id);

/* Set (or with NULL clear) one stored value; records the change in the event
 * log. row_uuid is ignored for ENTITY_CASE. The value is stored as given:
 * validation is the caller's (casefile.h). */
enum bitim_status store_set_value(struct store *s, int64_t case_id, enum entity e,
				  const char *row_uuid, const char *name, const char *value);
/* Add a row to a group (parties, sessions, obligations). */
enum bitim_status store_row_add(struct store *s, int64_t case_id, enum entity e, char uuid[UUID_BUF]);
/* Remove a row; it is kept, marked removed, so undo can bring it back. */
enum bitim_status store_row_remove(struct store *s, int64_t case_id, enum entity e, const char *uuid);

/* Move the case to a stage; outcome may be NULL; closed marks it closed on today. */
enum bitim_status store_set_stage(struct store *s, int64_t case_id, const char *stage,
				  const char *outcome, bool closed, bitim_day today);
/* Cache the next deadline for the case list's order (NULL: none). */
enum bitim_status store_set_deadline(struct store *s, int64_t case_id, const char *due_iso,
				     const char *label);

/* What an undo took back. */
struct undo_info {
	enum { UNDO_VALUE, UNDO_ADD, UNDO_REMOVE } kind;
	enum entity entity;
	char row_uuid[UUID_BUF];
	char field[64];
};
/* Take back the latest change of the case that is not yet undone. Changes
 * made before the case last moved to another stage are not undone:
 * BITIM_ERR_NOTHING then. */
enum bitim_status store_undo(struct store *s, int64_t case_id, struct undo_info *out);

/* What store_undo would take back now, without taking it back. */
enum bitim_status store_undo_next(struct store *s, int64_t case_id, struct undo_info *out);

/* The event log of one case, oldest first. */
struct event {
	int64_t id;
	char at[32];       /* UTC, ISO 8601 */
	char kind[8];      /* set, add, remove, stage, undo */
	enum entity entity;
	char owner[UUID_BUF];
	char *field;       /* owned, may be NULL */
	char *old_value;   /* owned, may be NULL */
	char *new_value;   /* owned, may be NULL */
};
enum bitim_status store_events(struct store *s, int64_t case_id, struct event **out, size_t *count);
void store_events_free(struct event *list, size_t count);

/* ---------------------------------------------------------- documents */

/* A rendered document kept in the database (the signed settlement). */
struct stored_doc {
	int64_t id;
	char kind[16];
	char lang[8];
	char *body;       /* owned: the exact text that was signed */
	char sha256[65];
	char signed_on[11];
	char *signed_by;  /* owned, may be NULL */
};

enum bitim_status store_document_add(struct store *s, int64_t case_id, const char *kind, const char *lang,
				     const char *format, const char *body, const char *sha256,
				     const char *signed_on, const char *signed_by);
/* The latest signed document of a kind; BITIM_ERR_NOTFOUND when none. */
enum bitim_status store_document_signed(struct store *s, int64_t case_id, const char *kind, struct stored_doc *out);
void store_document_clear(struct stored_doc *d);

#endif
