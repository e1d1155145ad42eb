/* Locale set-up and run-time language switching through LANGUAGE. */
#include <config.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/i18n.h"

static enum bitim_lang current = BITIM_LANG_EN;
static bool utf8 = true;

static const char *const codes[BITIM_LANG_COUNT] = { "kk", "ru", "en" };

int i18n_init(const char *localedir)
{
	const char *codeset;

	if (!setlocale(LC_ALL, "") && !setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C");
	codeset = nl_langinfo(CODESET);
	if (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0) {
		/* A non-UTF-8 locale cannot show Kazakh: try C.UTF-8 before giving up. */
		if (setlocale(LC_ALL, "C.UTF-8"))
			codeset = nl_langinfo(CODESET);
	}
	bindtextdomain(PACKAGE, localedir ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	utf8 = strcmp(codeset, "UTF-8") == 0;
	return utf8 ? 0 : -1;
}

bool i18n_utf8(void)
{
	return utf8;
}

void i18n_set_lang(enum bitim_lang lang)
{
	if ((unsigned)lang >= BITIM_LANG_COUNT)
		lang = BITIM_LANG_EN;
	current = lang;
	/* glibc honours LANGUAGE in any locale but "C"/"POSIX", so C.UTF-8 is
	 * enough; textdomain() makes gettext drop the translations it cached. */
	setenv("LANGUAGE", codes[lang], 1);
	textdomain(PACKAGE);
}

enum bitim_lang i18n_lang(void)
{
	return current;
}

char *i18n_decimal(double value, int decimals, char *out, size_t size)
{
	char *point;

	snprintf(out, size, "%.*f", decimals, value);
	/* "%f" writes the C locale's point whatever the language is */
	if (current != BITIM_LANG_EN && (point = strchr(out, '.')) != NULL)
		*point = ',';
	return out;
}

char *i18n_integer(long long value, char *out, size_t size)
{
	const char *sep = current == BITIM_LANG_EN ? "," : "\u00a0";
	char digits[32], *o = out;
	unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
	int n = snprintf(digits, sizeof digits, "%llu", magnitude);
	size_t left = size, seplen = strlen(sep);

	if (size == 0)
		return out;
	if (value < 0 && left > 1) {
		*o++ = '-';
		left--;
	}
	for (int i = 0; i < n && left > 1; i++) {
		if (i > 0 && (n - i) % 3 == 0) {
			if (left <= seplen + 1)
				break;
			memcpy(o, sep, seplen);
			o += seplen;
			left -= seplen;
		}
		*o++ = digits[i];
		left--;
	}
	*o = '\0';
	return out;
}

const char *i18n_lang_code(enum bitim_lang lang)
{
	return (unsigned)lang < BITIM_LANG_COUNT ? codes[lang] : "en";
}

int i18n_lang_from_code(const char *code)
{
	for (int i = 0; i < BITIM_LANG_COUNT; i++)
		if (code && strcmp(code, codes[i]) == 0)
			return i;
	return -1;
}

/* The language of a POSIX locale name or LANGUAGE entry ("ru_RU.UTF-8" → ru). */
static int lang_of(const char *value)
{
	if (!value || !*value)
		return -1;
	if (strncmp(value, "kk", 2) == 0)
		return BITIM_LANG_KK;
	if (strncmp(value, "ru", 2) == 0)
		return BITIM_LANG_RU;
	if (strncmp(value, "en", 2) == 0)
		return BITIM_LANG_EN;
	return -2;
}

enum bitim_lang i18n_lang_from_env(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		int l = lang_of(getenv(vars[i]));
		if (l >= 0)
			return (enum bitim_lang)l;
		if (l == -2)
			break; /* a set variable names another language: English */
	}
	return BITIM_LANG_EN;
}

const char *i18n_errno(int err)
{
	switch (err) {
	case ENOENT: return _("no such file or folder");
	case EACCES:
	case EPERM: return _("permission denied");
	case ENOSPC: return _("the disk is full");
	case EDQUOT: return _("the disk quota is used up");
	case EROFS: return _("the disk is read-only");
	case EISDIR: return _("it is a folder, not a file");
	case ENOTDIR: return _("a part of the path is not a folder");
	case EEXIST: return _("it already exists");
	case ENAMETOOLONG: return _("the name is too long");
	case ENOMEM: return _("out of memory");
	case EIO: return _("input/output error (the disk may be failing)");
	default: return strerror(err);
	}
}
