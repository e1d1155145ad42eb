/* Writing files whole or not at all. */
#ifndef BITIM_FILEIO_H
#define BITIM_FILEIO_H

#include <stddef.h>

/* Write data to path through a temporary file beside it (synced, then
 * renamed), mode 0600: a crash leaves the old file or the new one, never
 * half of one. Returns 0, or -1 with errno set. */
int file_write_atomic(const char *path, const char *data, size_t len);

#endif
