/* Message translation through gettext. */
#ifndef BITIM_I18N_H
#define BITIM_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(msgid) gettext(msgid)
#define N_(msgid) (msgid)

/* The languages bitim speaks, in the order the language key cycles them. */
enum bitim_lang { BITIM_LANG_KK, BITIM_LANG_RU, BITIM_LANG_EN, BITIM_LANG_COUNT };

/* Set up the locale (falling back to C.UTF-8) and bind the message catalogue.
 * localedir may be NULL for the compiled-in default. Returns 0 when the
 * character set is UTF-8, -1 when it is not (the caller should warn). */
int i18n_init(const char *localedir);

/* Whether i18n_init found a UTF-8 locale. */
bool i18n_utf8(void);

/* Switch the language of messages at run time. */
void i18n_set_lang(enum bitim_lang lang);
enum bitim_lang i18n_lang(void);

/* "kk", "ru", "en"; and the reverse (returns -1 for an unknown code). */
const char *i18n_lang_code(enum bitim_lang lang);
int i18n_lang_from_code(const char *code);

/* A number with decimals as the current language writes it: a decimal
 * comma in Kazakh and Russian (12,5), a point in English (12.5). Returns out. */
char *i18n_decimal(double value, int decimals, char *out, size_t size);

/* A whole number with its thousands apart as the language writes them:
 * "1,050,000" in English, "1 050 000" in Kazakh and Russian (a no-break
 * space, so a line never breaks inside it). Returns out. */
char *i18n_integer(long long value, char *out, size_t size);

/* A system error (an errno value) in the current language: the C
 * library's own text follows the locale, not the language bitim speaks. */
const char *i18n_errno(int err);

/* The language named by LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else English. */
enum bitim_lang i18n_lang_from_env(void);

#endif
