/* CSV as Kazakh offices use it: RFC 4180 in UTF-8 (with or without BOM),
 * CP1251 or KZ-1048, with ',' or ';'. */
#ifndef BITIM_CSV_H
#define BITIM_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "bitim/status.h"

enum csv_encoding { CSV_UTF8, CSV_UTF8_BOM, CSV_CP1251, CSV_KZ1048, CSV_ENCODING_COUNT };

/* "utf-8", "utf-8-bom", "cp1251", "kz1048" and back (-1 when unknown). */
const char *csv_encoding_name(enum csv_encoding e);
int csv_encoding_from_name(const char *name);

/* ------------------------------------------------------------- writing */

struct csv_writer;

/* Write to out (borrowed). translit: Kazakh letters a legacy encoding lacks
 * are written as their Russian neighbours (Қ→К, Ә→А, ...) instead of failing. */
enum bitim_status csv_writer_new(FILE *out, enum csv_encoding enc, char delimiter, bool translit,
				 struct csv_writer **w);
void csv_writer_free(struct csv_writer *w);
/* How many letters --translit replaced so far (only what the encoding cannot
 * hold is replaced: nothing in KZ-1048, Kazakh letters in CP1251). */
size_t csv_writer_replaced(const struct csv_writer *w);

/* Write one record of n fields (NULL is an empty field). A cell starting with
 * = + - @ or a tab is neutralised with a leading apostrophe. When a field
 * cannot be written in the encoding, returns BITIM_ERR_INVALID and
 * *bad_field is its index (nothing of the record is written). */
enum bitim_status csv_write_row(struct csv_writer *w, const char *const *fields, size_t n, size_t *bad_field);

/* ------------------------------------------------------------- reading */

struct csv_reader;

/* Read from in (borrowed). enc < 0 detects it: a UTF-8 BOM, else valid UTF-8,
 * else KZ-1048 (a superset of CP1251). delimiter 0 takes ',' or ';' from the
 * first line. */
enum bitim_status csv_reader_new(FILE *in, int enc, char delimiter, struct csv_reader **r);
void csv_reader_free(struct csv_reader *r);

/* The next record: *fields (owned by the reader until the next call) and *n.
 * Returns BITIM_OK, BITIM_ERR_NOTFOUND at the end, or BITIM_ERR_INVALID with
 * csv_reader_error() saying what is wrong. */
enum bitim_status csv_read_row(struct csv_reader *r, char ***fields, size_t *n);

/* Undo the writer's neutralisation of a field read back (in place). */
void csv_unneutralise(char *field);

/* The line the last record started on (1-based), and the last error (msgid). */
size_t csv_reader_line(const struct csv_reader *r);
/* The encoding read: the one given, or the one guessed (UTF-8, or KZ-1048
 * for a file that is not UTF-8: then csv_reader_not_utf8 is the first line
 * that is not). csv_reader_unlikely: read from CP1251 or KZ-1048, the first
 * line holding letters no Kazakh or Russian text has (0: none) — the file is
 * likely in another encoding. */
int csv_reader_encoding(const struct csv_reader *r);
size_t csv_reader_not_utf8(const struct csv_reader *r);
size_t csv_reader_unlikely(const struct csv_reader *r);
const char *csv_reader_error(const struct csv_reader *r);

/* Longest field the reader accepts (a hostile file cannot exhaust memory). */
#define CSV_MAX_FIELD (1024 * 1024)
/* Most fields in a record. */
#define CSV_MAX_FIELDS 512

#endif
