/* UTF-8 decoding and encoding helpers. Text in bitim is UTF-8 `char *`. */
#ifndef BITIM_UTF8_H
#define BITIM_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Decode one code point from s (len_bytes available). Returns the number of
 * bytes used (1..4), or 0 when the bytes are not valid UTF-8 (overlong forms,
 * surrogates and values above U+10FFFF are invalid). */
size_t utf8_decode(const char *s, size_t len_bytes, uint32_t *cp);

/* Encode cp into out (at least 4 bytes). Returns the bytes written, 0 if cp is invalid. */
size_t utf8_encode(uint32_t cp, char *out);

/* Whether the len_bytes bytes at s are valid UTF-8. */
bool utf8_valid(const char *s, size_t len_bytes);

/* Display columns of the first len_bytes bytes (wcwidth; unprintable as 1). */
int utf8_width(const char *s, size_t len_bytes);

/* Number of code points in a valid UTF-8 string. */
size_t utf8_len_chars(const char *s);

/* A copy of s (malloc'd) in which control characters (C0, DEL, C1: escape
 * sequences, CR, LF...) and bytes that are not UTF-8 are written as \xNN,
 * \uNNNN, \n, \r or \t: for messages that echo data to a terminal. */
char *utf8_escape_controls(const char *s);

#endif
