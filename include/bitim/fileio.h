/* Writing files whole or not at all. */
#ifndef BITIM_FILEIO_H
#define BITIM_FILEIO_H

#include <stddef.h>

/* Write data to path through a temporary file beside it (synced, then
 * renamed), mode 0600: a crash leaves the old file or the new one, never
 * half of one. Returns 0, or -1 with errno set. */
int file_write_atomic(const char *path, const char *data, size_t len);

/* A file written in pieces and put in place only when complete. */
struct atomic_file {
	FILE *fp;   /* write here */
	char *tmp;  /* owned */
	char *path; /* owned */
};

/* Start writing path (a temporary file beside it, mode 0600). 0 or -1 (errno). */
int atomic_open(struct atomic_file *f, const char *path);
/* Flush, sync and rename into place. 0 or -1 (errno; the old file is untouched). */
int atomic_commit(struct atomic_file *f);
/* Throw the temporary file away. */
void atomic_abort(struct atomic_file *f);

#endif
