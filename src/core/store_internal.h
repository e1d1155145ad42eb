/* Private to the store's files: the handle and SQL helpers. */
#ifndef BITIM_STORE_INTERNAL_H
#define BITIM_STORE_INTERNAL_H

#include <stdio.h>
#include <sqlite3.h>
#include "bitim/store.h"

/* How long a write waits for another program's (milliseconds). */
#define STORE_BUSY_TIMEOUT_MS 5000
/* The largest value read from another office's file: far above any a form
 * lets anyone type (20,000 characters), far below what would exhaust memory. */
#define STORE_OTHER_MAX_VALUE (16 << 20)

/* How many statements a store keeps prepared. */
#define STORE_KEPT_MAX 16

struct store {
	sqlite3 *db;
	char *path;        /* owned */
	char *backup_path; /* owned; NULL unless a migration backed up the file */
	int depth;         /* nesting of store_begin */
	char errmsg[512];  /* SQLite's last message */
	struct case_plan *list_plan; /* the case list's last search, made ready (case_list.c) */
	/* Statements kept prepared for work repeated per case (store_prepare_kept). */
	const char *kept_sql[STORE_KEPT_MAX];     /* borrowed: static strings */
	sqlite3_stmt *kept[STORE_KEPT_MAX];       /* owned */
};

/* Map an SQLite result code to a status, keeping SQLite's message. */
enum bitim_status store_status(struct store *s, int rc);

/* Run SQL without results (schema, pragmas, transaction control). */
enum bitim_status store_exec(struct store *s, const char *sql);

/* Prepare one statement. */
enum bitim_status store_prepare(struct store *s, const char *sql, sqlite3_stmt **st);

/* A statement for SQL that is a static string, prepared once and kept until
 * store_close (preparing it anew for each case cost more than running it).
 * Give it back with store_release when done, before the next
 * store_prepare_kept (which may make room by finalizing one): it is reset,
 * never finalized. */
enum bitim_status store_prepare_kept(struct store *s, const char *sql, sqlite3_stmt **st);
/* Reset a kept statement and clear its bindings (NULL is fine). */
void store_release(sqlite3_stmt *st);

/* A thread that checkpoints the write-ahead log every tenth of a second on
 * a connection of its own, SQLite's automatic checkpoint being off on the
 * store's meanwhile; NULL when it could not start (nothing changed then). */
struct store_checkpointer;
struct store_checkpointer *store_checkpointer_start(struct store *s);
/* Stop it and give the store its automatic checkpoint back (NULL is fine). */
void store_checkpointer_stop(struct store_checkpointer *c);

/* Bind text, or NULL for a NULL pointer. */
int store_bind_text(sqlite3_stmt *st, int index, const char *text);

/* Step a statement that returns no rows and finalize it. */
enum bitim_status store_step_done(struct store *s, sqlite3_stmt *st);

/* The one number a query without parameters gives (count, pragma...). */
enum bitim_status store_query_int(struct store *s, const char *sql, int64_t *value);

/* A malloc'd copy of a text column, NULL for SQL NULL. */
char *store_column_dup(sqlite3_stmt *st, int col);

/* Bring the schema to STORE_SCHEMA_VERSION, one migration per transaction,
 * from the version found under the write lock. */
enum bitim_status store_migrate(struct store *s);

/* Rebuild the search keys of one case (number, party names, IIN, BIN). */
enum bitim_status store_search_reindex(struct store *s, int64_t case_id);

/* Forget the case list's last search (store_close). */
void store_case_plan_free(struct store *s);

/* A new random (version 4) UUID. */
void store_uuid(char out[UUID_BUF]);

/* A case's search keys: its number, its parties' names, IINs and BINs
 * (?1 is the case's id), folded and joined by " | " by search_keys_collect. */
#define SEARCH_KEYS_SQL "SELECT number FROM cases WHERE id = ?1" \
	" UNION ALL SELECT full_name FROM parties WHERE case_id = ?1 AND deleted = 0" \
	" UNION ALL SELECT iin FROM parties WHERE case_id = ?1 AND deleted = 0" \
	" UNION ALL SELECT bin FROM parties WHERE case_id = ?1 AND deleted = 0"

/* A case's search keys being composed: each text folded (search_fold) and
 * followed by " | ", in the order of SEARCH_KEYS_SQL. buf is owned by the
 * caller (free); len = 0 starts again with the same buffer. */
struct search_keys {
	char *buf;
	size_t len, cap;
};

/* Add one text (NULL or one that folds to nothing adds nothing); false
 * without memory. */
bool search_keys_add(struct search_keys *k, const char *text);

/* Step st (SEARCH_KEYS_SQL, bound) to its end and give the folded keys in
 * *keys (caller frees). Returns SQLite's code: SQLITE_DONE when all went well. */
int search_keys_collect(sqlite3_stmt *st, char **keys);

/* The GLOB pattern that finds a folded text in the search keys through the
 * trigram index ("*text*"); malloc'd, NULL without memory. */
char *search_glob_pattern(const char *folded);

/* SQLite's own checks of the file (integrity_check, foreign_key_check),
 * each problem a line in mem; *ok becomes false when there is one. */
enum bitim_status store_sqlite_checks(struct store *s, FILE *mem, bool *ok);

#endif
