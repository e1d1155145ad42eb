/* Calendar arithmetic on day numbers (days since 1970-01-01). */
#include <config.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bitim/date.h"
#include "bitim/i18n.h"

bool date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month == 2 && date_is_leap(year))
		return 29;
	return mdays[month - 1];
}

bool date_valid_ymd(int year, int month, int day)
{
	return year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR && month >= 1 &&
	       month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

/* Days from civil, after the well-known era-based algorithm. */
bitim_day date_from_ymd(int year, int month, int day)
{
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(bitim_day d, int *year, int *month, int *day)
{
	long z = d + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(yoe + era * 400 + (m <= 2));
	*month = (int)m;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
}

/* Read 1..max digits; returns the count read, 0 if none. */
static int read_number(const char **p, int max, int *value)
{
	int n = 0;
	*value = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		*value = *value * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

const char *date_parse_user(const char *text, bitim_day *out)
{
	const char *p = text;
	int a, b, c, na, nb, nc, y, m, d;
	char sep;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return N_("The date is empty; type it as DD.MM.YYYY");
	na = read_number(&p, 4, &a);
	sep = *p;
	if (na == 0 || (sep != '.' && sep != '/' && sep != '-'))
		return N_("The date must be typed as DD.MM.YYYY, for example 05.03.2026");
	p++;
	nb = read_number(&p, 2, &b);
	if (nb == 0 || *p != sep)
		return N_("The date must be typed as DD.MM.YYYY, for example 05.03.2026");
	p++;
	nc = read_number(&p, 4, &c);
	while (*p == ' ' || *p == '\t')
		p++;
	if (nc == 0 || *p != '\0')
		return N_("The date must be typed as DD.MM.YYYY, for example 05.03.2026");
	if (na == 4 && sep == '-' && nc <= 2) {
		y = a; m = b; d = c;        /* ISO 8601 */
	} else if (na <= 2 && nc == 4) {
		d = a; m = b; y = c;
	} else {
		return N_("The year must have four digits, as in 05.03.2026");
	}
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return N_("The year is out of range (1900-2099)");
	if (m < 1 || m > 12)
		return N_("The month must be between 01 and 12");
	if (!date_valid_ymd(y, m, d))
		return N_("This day does not exist in that month");
	*out = date_from_ymd(y, m, d);
	return NULL;
}

bool date_parse_iso(const char *text, bitim_day *out)
{
	int y, m, d;
	char tail;

	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	if (sscanf(text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return false;
	if (!date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

/* Write n decimal digits of v (zero-padded) at out. */
static void put_digits(char *out, unsigned v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		out[i] = (char)('0' + v % 10);
}

void date_format_iso(bitim_day d, char out[DATE_BUF])
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	put_digits(out, (unsigned)y, 4);
	out[4] = '-';
	put_digits(out + 5, (unsigned)m, 2);
	out[7] = '-';
	put_digits(out + 8, (unsigned)dd, 2);
	out[10] = '\0';
}

void date_format_user(bitim_day d, char out[DATE_BUF])
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	put_digits(out, (unsigned)dd, 2);
	out[2] = '.';
	put_digits(out + 3, (unsigned)m, 2);
	out[5] = '.';
	put_digits(out + 6, (unsigned)y, 4);
	out[10] = '\0';
}

bitim_day date_today(void)
{
	time_t now;
	struct tm tm;

	now = time(NULL);
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
