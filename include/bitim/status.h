/* Status codes returned by the core, with their user-facing messages. */
#ifndef BITIM_STATUS_H
#define BITIM_STATUS_H

/* One list: the enum and the message table are both generated from it.
 * Messages are English msgids; bitim_strerror() translates them. */
#define BITIM_STATUS_LIST(X) \
	X(OK,          "Success") \
	X(ERR_NOMEM,   "Out of memory") \
	X(ERR_IO,      "The file could not be read or written") \
	X(ERR_DB,      "The database reported an error") \
	X(ERR_BUSY,    "The database is busy in another bitim; try again in a moment") \
	X(ERR_READONLY, "The database is read-only; check the folder's permissions") \
	X(ERR_CORRUPT, "The database file is damaged or is not a bitim database") \
	X(ERR_NEWER,   "The database was written by a newer version of bitim; update bitim to open it") \
	X(ERR_NOTFOUND, "No such record") \
	X(ERR_INVALID, "The value is not valid") \
	X(ERR_FROZEN,  "The settlement agreement is signed; its terms can only be changed by an addendum") \
	X(ERR_CLOSED,  "The case is closed; it can no longer be changed") \
	X(ERR_GUARD,   "The stage cannot be completed yet") \
	X(ERR_FORMS,   "The forms folder has an error") \
	X(ERR_NOTHING, "Nothing to undo") \
	X(ERR_FULL,    "The disk is full; free some space and try again") \
	X(ERR_NOOFFICE, "This database has no office code yet; set it in Settings (F9 on the case list)") \
	X(ERR_STALE,   "The record was changed meanwhile (by another bitim or an import); your change was not saved")

enum bitim_status {
#define BITIM_STATUS_ENUM(name, msg) BITIM_##name,
	BITIM_STATUS_LIST(BITIM_STATUS_ENUM)
#undef BITIM_STATUS_ENUM
};

/* The translated message for a status code. Never NULL. */
const char *bitim_strerror(enum bitim_status status);

/* The untranslated name of a status code ("ERR_DB"), for logs and tests. */
const char *bitim_status_name(enum bitim_status status);

#endif
