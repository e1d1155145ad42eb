/* Private to the backup files (backup.c, backup_copy.c). */
#ifndef BITIM_BACKUP_INTERNAL_H
#define BITIM_BACKUP_INTERNAL_H

#include <stdbool.h>
#include "bitim/backup.h"
#include "store_internal.h"

/* PRAGMA integrity_check on a file, read-only; BITIM_ERR_CORRUPT unless "ok". */
enum bitim_status backup_check_copy(const char *path);

/* Copy the database `from` into `to` (both open) with the backup API;
 * SQLite's result code. */
int backup_copy_db(sqlite3 *to, sqlite3 *from);

/* Create a new file dir/NAMESTAMP[-N]SUFFIX that did not exist (O_EXCL,
 * 0600; STAMP is the local YYYYMMDD-HHMMSS); *path is its name (malloc'd). */
enum bitim_status backup_new_file(const char *dir, const char *name, const char *suffix, char **path);

/* Reserve an automatic backup's names: *path, backups/PREFIXSTAMP[-N]-KIND.db,
 * which does not exist, and *part, the same with ".part", created empty
 * (O_EXCL, 0600) for the copy to be written to. Both malloc'd. */
enum bitim_status backup_new_part(struct store *s, const char *kind, char **part, char **path);

/* backup_make without the rotation. */
enum bitim_status backup_make_norotate(struct store *s, const char *kind, char **path);

/* Whether the database is a demonstration (bitim demo). */
bool backup_is_demo(struct store *s);

/* Today on this machine's clock (never BITIM_TODAY). */
bitim_day backup_local_today(void);

#endif
