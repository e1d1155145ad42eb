/* Validators for what users type: identification numbers, phones, text.
 * Each returns NULL when the input is valid, else an untranslated msgid
 * naming what is wrong and what to do (translate it with _()). */
#ifndef BITIM_VALIDATE_H
#define BITIM_VALIDATE_H

#include <stddef.h>
#include <stdbool.h>

/* Buffer size for a normalised phone number "+7 701 234 56 78". */
#define PHONE_BUF 17

/* The check digit of the first 11 digits of an IIN or BIN (weights 1..11,
 * then 3..11,1,2 when the first sum mod 11 is 10), or -1 when no check digit
 * exists (both passes give 10). */
int validate_check_digit(const char *digits11);

/* Individual identification number (ЖСН / ИИН): 12 digits, birth date and
 * century digit consistent, check digit right. Blanks are not allowed. */
const char *validate_iin(const char *text);

/* The birth date a valid IIN holds (its first six digits and the century
 * of its seventh); false for an invalid one. */
bool validate_iin_birth(const char *iin, int *year, int *month, int *day);

/* Whether the person of a valid IIN is under 18 on the day given as
 * year, month, day (*minor); false for an invalid IIN. */
bool validate_iin_minor(const char *iin, int year, int month, int day, bool *minor);

/* Business identification number (БСН / БИН). */
const char *validate_bin(const char *text);

/* A Kazakh phone number, +7 7xx xxx xx xx in any spacing (also 8 7xx... and
 * 7 7xx...). On success writes the normalised form into out. */
const char *validate_phone(const char *text, char out[PHONE_BUF]);

/* Text: valid UTF-8, no control characters but tabs (and newlines when
 * multiline), not empty after trimming. Returns the trimmed copy in *out
 * (malloc'd, caller frees) on success. */
const char *validate_text(const char *text, bool multiline, char **out);

#endif
