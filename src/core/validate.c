/* Validators for identification numbers, phone numbers and text. */
#include <config.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "bitim/date.h"
#include "bitim/i18n.h"
#include "bitim/utf8.h"
#include "bitim/validate.h"

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return s[n] == '\0';
}

int validate_check_digit(const char *d)
{
	static const int second[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
	int sum = 0;

	for (int i = 0; i < 11; i++)
		sum += (d[i] - '0') * (i + 1);
	sum %= 11;
	if (sum != 10)
		return sum;
	sum = 0;
	for (int i = 0; i < 11; i++)
		sum += (d[i] - '0') * second[i];
	sum %= 11;
	return sum == 10 ? -1 : sum;
}

static const char *check_shape_and_digit(const char *text)
{
	int c;

	if (!text || strlen(text) != 12 || !all_digits(text, 12))
		return N_("It must be exactly 12 digits");
	c = validate_check_digit(text);
	if (c < 0)
		return N_("This number cannot exist (no check digit fits); check every digit");
	if (text[11] - '0' != c)
		return N_("The check digit (the last one) does not match; check every digit");
	return NULL;
}

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

const char *validate_iin(const char *text)
{
	const char *err = check_shape_and_digit(text);
	int century_sex, year;

	if (err)
		return err;
	century_sex = text[6] - '0';
	if (century_sex < 1 || century_sex > 6)
		return N_("The 7th digit (century and sex) must be 1 to 6");
	year = 1800 + 100 * ((century_sex - 1) / 2) + two(text);
	/* date_valid_ymd refuses years before 1900; an IIN may be older in theory,
	 * but no living party was born in the 1800s, so the rule holds. */
	if (!date_valid_ymd(year, two(text + 2), two(text + 4)))
		return N_("The first six digits are not a real birth date (YYMMDD)");
	return NULL;
}

bool validate_iin_birth(const char *iin, int *year, int *month, int *day)
{
	if (!iin || validate_iin(iin))
		return false;
	*year = 1800 + 100 * ((iin[6] - '0' - 1) / 2) + two(iin);
	*month = two(iin + 2);
	*day = two(iin + 4);
	return true;
}

bool validate_iin_minor(const char *iin, int year, int month, int day, bool *minor)
{
	int by, bm, bd, age;

	if (!validate_iin_birth(iin, &by, &bm, &bd))
		return false;
	/* Full years: one less until the birthday of the year has come. */
	age = year - by - (month < bm || (month == bm && day < bd));
	*minor = age < 18;
	return true;
}

const char *validate_bin(const char *text)
{
	const char *err = check_shape_and_digit(text);
	int month, type, attr;

	if (err)
		return err;
	month = two(text + 2);
	if (month < 1 || month > 12)
		return N_("Digits 3-4 of a BIN are the month of registration (01-12)");
	type = text[4] - '0';
	if (type < 4 || type > 6)
		return N_("The 5th digit of a BIN must be 4, 5 or 6");
	attr = text[5] - '0';
	if (attr > 3)
		return N_("The 6th digit of a BIN must be 0 to 3");
	return NULL;
}

const char *validate_phone(const char *text, char out[PHONE_BUF])
{
	char digits[16];
	size_t n = 0;
	const char *p = text;
	const char *rest;

	while (*p == ' ')
		p++;
	if (*p == '+')
		p++;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (n >= sizeof digits - 1)
				return N_("The phone number has too many digits; type it as +7 7xx xxx xx xx");
			digits[n++] = *p;
		} else if (!strchr(" -().", *p)) {
			return N_("The phone number may hold only digits, spaces, dashes and brackets");
		}
	}
	digits[n] = '\0';
	if (n == 11 && (digits[0] == '7' || digits[0] == '8'))
		rest = digits + 1;
	else if (n == 10)
		rest = digits;
	else
		return N_("A Kazakh phone number has 10 digits after +7; type it as +7 7xx xxx xx xx");
	if (rest[0] != '7')
		return N_("A Kazakh phone number starts with +7 7; check the area or operator code");
	memcpy(out, "+7 ", 3);
	memcpy(out + 3, rest, 3);
	out[6] = ' ';
	memcpy(out + 7, rest + 3, 3);
	out[10] = ' ';
	memcpy(out + 11, rest + 6, 2);
	out[13] = ' ';
	memcpy(out + 14, rest + 8, 2);
	out[16] = '\0';
	return NULL;
}

/* Invisible characters that change how the text around them is shown: the
 * bidirectional overrides and isolates, zero-width characters, line and
 * paragraph separators. On a paper, a right-to-left override makes the
 * printed text read otherwise than what was agreed. */
static bool is_invisible_format(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
	       cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

static bool is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0;
}

const char *validate_text(const char *text, bool multiline, char **out)
{
	size_t len = text ? strlen(text) : 0;
	size_t start = 0, end = len, i = 0, n;
	uint32_t cp;
	char *copy;

	if (!text || !utf8_valid(text, len))
		return N_("The text is not valid UTF-8; type it again");
	while (i < len) {
		n = utf8_decode(text + i, len - i, &cp);
		if ((cp < 0x20 && cp != '\t' && !(multiline && cp == '\n')) || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0))
			return N_("The text holds a control character; remove it");
		if (is_invisible_format(cp))
			return N_("The text holds an invisible character that changes how text is shown (such as a right-to-left mark); remove it");
		i += n;
	}
	/* Trim blanks (ASCII and no-break space) at both ends. */
	while (start < end) {
		n = utf8_decode(text + start, end - start, &cp);
		if (!is_blank(cp))
			break;
		start += n;
	}
	while (end > start) {
		size_t back = 1;
		while (back < end - start && ((unsigned char)text[end - back] & 0xC0) == 0x80)
			back++;
		utf8_decode(text + end - back, back, &cp);
		if (!is_blank(cp))
			break;
		end -= back;
	}
	if (start == end)
		return N_("This field cannot be empty");
	copy = malloc(end - start + 1);
	if (!copy)
		return N_("Out of memory");
	memcpy(copy, text + start, end - start);
	copy[end - start] = '\0';
	*out = copy;
	return NULL;
}
