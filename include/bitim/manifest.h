/* The manifest of a register folder: the office that wrote it and, per table
 * file, its rows and SHA-256. bitim export writes it last; bitim import
 * refuses a folder whose manifest is missing or disagrees with its files. */
#ifndef BITIM_MANIFEST_H
#define BITIM_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>

#define MANIFEST_NAME "manifest.txt"
#define MANIFEST_HASH_BUF 65
#define MANIFEST_MAX_FILES 16

struct manifest_entry {
	char name[64]; /* "cases.csv" */
	size_t rows;
};

struct manifest {
	char office_uuid[37], office_code[8];
	struct manifest_entry files[MANIFEST_MAX_FILES];
	size_t n;
};

/* Write dir/manifest.txt for the files (already written, in dir). 0 or -1 (errno). */
int manifest_write(const char *dir, const char *office_uuid, const char *office_code,
		   const struct manifest_entry *files, size_t n);

/* Read and check dir's manifest against its files: 0, or -1 with a
 * translated reason in why. */
int manifest_check(const char *dir, struct manifest *out, char *why, size_t why_size);

/* Whether the manifest lists the file name. */
bool manifest_lists(const struct manifest *m, const char *name);

#endif
