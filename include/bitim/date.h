/* Calendar dates as day numbers, parsing and formatting. */
#ifndef BITIM_DATE_H
#define BITIM_DATE_H

#include <stdbool.h>
#include <stddef.h>

/* A calendar date as the number of days since 1970-01-01 (proleptic Gregorian). */
typedef long bitim_day;

/* Years bitim accepts in any date; anything else is a typing mistake. */
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2099

/* Buffer size for a formatted date (ISO "2026-11-23" or "23.11.2026" plus NUL). */
#define DATE_BUF 11

bool date_valid_ymd(int year, int month, int day);
bitim_day date_from_ymd(int year, int month, int day);
void date_to_ymd(bitim_day d, int *year, int *month, int *day);

/* Parse a date as typed by a user: DD.MM.YYYY (also D.M.YYYY, with '/' or '-'
 * instead of '.'), or ISO 8601 YYYY-MM-DD. Surrounding blanks are ignored.
 * Returns NULL on success, else an untranslated msgid naming what is wrong. */
const char *date_parse_user(const char *text, bitim_day *out);

/* Parse a stored ISO date. Returns false if it is not one. */
bool date_parse_iso(const char *text, bitim_day *out);

/* Format as ISO (storage, CSV) and as DD.MM.YYYY (screens, documents). */
void date_format_iso(bitim_day d, char out[DATE_BUF]);
void date_format_user(bitim_day d, char out[DATE_BUF]);

/* Today in local time, from the clock (the program's today.h decides where
 * a fixed day from BITIM_TODAY may stand in for it). */
bitim_day date_today(void);

/* Whether year is a leap year. */
bool date_is_leap(int year);

#endif
