/* Writing files whole or not at all. */
#ifndef BITIM_FILEIO_H
#define BITIM_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Write data to path through a temporary file beside it (synced, then
 * renamed), mode 0600: a crash leaves the old file or the new one, never
 * half of one. Only a regular file (or one a symbolic link names) is
 * replaced so; a device, FIFO or terminal is written in place; "-" is
 * standard output. Returns 0, or -1 with errno set. */
int file_write_atomic(const char *path, const char *data, size_t len);

/* A file written in pieces and put in place only when complete. */
struct atomic_file {
	FILE *fp;    /* write here */
	char *tmp;   /* owned; NULL when direct */
	char *path;  /* owned; the file replaced (a link's target) */
	bool direct; /* written in place: standard output, a device, a FIFO */
};

/* Start writing path (a temporary file beside it, mode 0600). 0 or -1 (errno). */
int atomic_open(struct atomic_file *f, const char *path);
/* Flush, sync and rename into place. 0 or -1 (errno; the old file is untouched). */
int atomic_commit(struct atomic_file *f);
/* Throw the temporary file away. */
void atomic_abort(struct atomic_file *f);

/* A file name made of text (a case number): Latin letters, digits, '-' and
 * '_' kept, anything else '_'; never empty, never "." or "..". */
void file_safe_name(const char *text, char *out, size_t size);

/* Whether path names an entry directly inside dir (no '/' after it, not . or ..). */
bool file_inside(const char *dir, const char *path);

/* Open a regular file (through links) for reading. A FIFO, device or folder
 * read as a file could wait forever or never end: NULL with errno ENODEV. */
FILE *file_open_regular(const char *path);

#endif
