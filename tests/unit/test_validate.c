/* Unit tests: validators and dates. */
#include "testutil.h"
#include "bitim/date.h"
#include "bitim/demo.h"
#include "bitim/utf8.h"
#include "bitim/validate.h"

static void iin_published_examples_pass(void **state)
{
	(void)state;
	assert_null(validate_iin("791028302728"));
	assert_null(validate_iin("061211600012")); /* needs the second pass */
}

/* The birth date an IIN holds, and whether its person is under 18 on a
 * day: 18 from the birthday on, not the day before. */
static void iin_birth_date_and_minority(void **state)
{
	int y, m, d;
	bool minor = false;
	char born_2008[13];
	(void)state;
	assert_true(validate_iin_birth("791028302728", &y, &m, &d));
	assert_int_equal(y, 1979);
	assert_int_equal(m, 10);
	assert_int_equal(d, 28);
	assert_true(validate_iin_birth("061211600012", &y, &m, &d));
	assert_int_equal(y, 2006);
	assert_false(validate_iin_birth("791028302729", &y, &m, &d)); /* check digit */
	assert_false(validate_iin_birth(NULL, &y, &m, &d));
	demo_iin(2008, 3, 10, true, 42, born_2008);
	assert_true(validate_iin_minor(born_2008, 2026, 3, 9, &minor));
	assert_true(minor);
	assert_true(validate_iin_minor(born_2008, 2026, 3, 10, &minor));
	assert_false(minor);
	assert_true(validate_iin_minor(born_2008, 2025, 12, 31, &minor));
	assert_true(minor);
	assert_true(validate_iin_minor("791028302728", 2026, 3, 10, &minor));
	assert_false(minor);
	assert_false(validate_iin_minor("", 2026, 3, 10, &minor));
}

static void iin_shape_errors(void **state)
{
	(void)state;
	assert_non_null(validate_iin("123456789012"));
	assert_non_null(validate_iin(""));
	assert_non_null(validate_iin("79102830272"));
	assert_non_null(validate_iin("7910283027281"));
	assert_non_null(validate_iin("79102830272a"));
	assert_non_null(validate_iin(" 791028302728"));
	assert_non_null(validate_iin("000000000000"));
}

static void iin_wrong_check_digit(void **state)
{
	(void)state;
	assert_string_equal(validate_iin("791028302729"),
			    "The check digit (the last one) does not match; check every digit");
}

/* Build an IIN with a correct check digit from its first 11 digits. */
static void make_iin(const char *eleven, char out[13])
{
	memcpy(out, eleven, 11);
	int c = validate_check_digit(eleven);
	out[11] = (char)('0' + (c < 0 ? 0 : c));
	out[12] = '\0';
}

static void iin_century_digit_and_birth_date(void **state)
{
	char iin[13];
	(void)state;
	make_iin("79102870272", iin); /* 7th digit 7 */
	assert_string_equal(validate_iin(iin), "The 7th digit (century and sex) must be 1 to 6");
	make_iin("79102800272", iin); /* 7th digit 0 */
	assert_string_equal(validate_iin(iin), "The 7th digit (century and sex) must be 1 to 6");
	make_iin("79023030272", iin); /* 30 February */
	assert_string_equal(validate_iin(iin), "The first six digits are not a real birth date (YYMMDD)");
	make_iin("00022950001", iin); /* 29.02.2000: leap */
	if (validate_check_digit("00022950001") >= 0)
		assert_null(validate_iin(iin));
	make_iin("00022930001", iin); /* 29.02.1900: not leap */
	if (validate_check_digit("00022930001") >= 0)
		assert_string_equal(validate_iin(iin),
				    "The first six digits are not a real birth date (YYMMDD)");
}

static void bin_examples(void **state)
{
	char bin[13];
	(void)state;
	assert_null(validate_bin("940140000385"));
	assert_null(validate_bin("990140004654"));
	assert_non_null(validate_bin("123456789012"));
	assert_non_null(validate_bin("940140000386"));
	make_iin("94017000038", bin); /* type digit 7 */
	assert_string_equal(validate_bin(bin), "The 5th digit of a BIN must be 4, 5 or 6");
	make_iin("94134000038", bin); /* month 13 */
	assert_string_equal(validate_bin(bin), "Digits 3-4 of a BIN are the month of registration (01-12)");
}

static void check_digit_unfixable(void **state)
{
	char eleven[16];
	int found = 0;
	(void)state;
	/* Search for 11 digits where both passes give 10: such numbers are invalid. */
	for (int i = 0; i < 10000 && !found; i++) {
		snprintf(eleven, sizeof eleven, "7910283%04d", i);
		if (validate_check_digit(eleven) < 0)
			found = 1;
	}
	assert_true(found);
	char iin[13];
	memcpy(iin, eleven, 11);
	iin[11] = '0';
	iin[12] = '\0';
	assert_string_equal(validate_iin(iin),
			    "This number cannot exist (no check digit fits); check every digit");
}

static void phone_forms(void **state)
{
	char out[PHONE_BUF];
	(void)state;
	assert_null(validate_phone("+7 701 234 56 78", out));
	assert_string_equal(out, "+7 701 234 56 78");
	assert_null(validate_phone("87012345678", out));
	assert_string_equal(out, "+7 701 234 56 78");
	assert_null(validate_phone("+7(701)234-56-78", out));
	assert_string_equal(out, "+7 701 234 56 78");
	assert_null(validate_phone("7012345678", out));
	assert_null(validate_phone("+7 7172 55 66 77", out));
	assert_string_equal(out, "+7 717 255 66 77");
	assert_non_null(validate_phone("+7 912 345 67 89", out)); /* Russia */
	assert_non_null(validate_phone("+7 701 234 56", out));
	assert_non_null(validate_phone("+7 701 234 56 78 9", out));
	assert_non_null(validate_phone("phone", out));
	assert_non_null(validate_phone("", out));
}

static void text_trim_and_reject(void **state)
{
	char *out = NULL;
	(void)state;
	assert_null(validate_text("  Қайрат Әлиұлы \t", false, &out));
	assert_string_equal(out, "Қайрат Әлиұлы");
	free(out);
	assert_null(validate_text("line one\nline two\n", true, &out));
	assert_string_equal(out, "line one\nline two");
	free(out);
	assert_non_null(validate_text("   ", false, &out));
	assert_non_null(validate_text("", false, &out));
	assert_non_null(validate_text("a\nb", false, &out));
	assert_non_null(validate_text("bell\a", true, &out));
	assert_non_null(validate_text("bad \xC3\x28 utf8", false, &out));
	assert_non_null(validate_text("overlong \xC0\xAF", false, &out));
	assert_non_null(validate_text("surrogate \xED\xA0\x80", false, &out));
	/* Invisible characters that make a paper read otherwise than agreed:
	 * a right-to-left override, a zero-width space, a word joiner, a BOM. */
	assert_non_null(validate_text("100 000 \xE2\x80\xAE 000", false, &out));
	assert_non_null(validate_text("Қай\xE2\x80\x8Bрат", false, &out));
	assert_non_null(validate_text("a\xE2\x81\xA0" "b", true, &out));
	assert_non_null(validate_text("\xEF\xBB\xBFтекст", false, &out));
	assert_null(validate_text("\xC2\xA0 ұ \xC2\xA0", false, &out));
	assert_string_equal(out, "ұ");
	free(out);
}

static void dates_parse_user_forms(void **state)
{
	bitim_day d;
	char buf[DATE_BUF];
	(void)state;
	assert_null(date_parse_user("05.03.2026", &d));
	date_format_iso(d, buf);
	assert_string_equal(buf, "2026-03-05");
	date_format_user(d, buf);
	assert_string_equal(buf, "05.03.2026");
	assert_null(date_parse_user("5.3.2026", &d));
	date_format_iso(d, buf);
	assert_string_equal(buf, "2026-03-05");
	assert_null(date_parse_user(" 2026-03-05 ", &d));
	date_format_iso(d, buf);
	assert_string_equal(buf, "2026-03-05");
	assert_null(date_parse_user("29.02.2024", &d));
	assert_null(date_parse_user("29/02/2000", &d));
}

static void dates_malformed(void **state)
{
	bitim_day d;
	(void)state;
	assert_string_equal(date_parse_user("29.02.2025", &d), "This day does not exist in that month");
	assert_string_equal(date_parse_user("29.02.1900", &d), "This day does not exist in that month");
	assert_string_equal(date_parse_user("31.04.2026", &d), "This day does not exist in that month");
	assert_string_equal(date_parse_user("01.13.2026", &d), "The month must be between 01 and 12");
	assert_string_equal(date_parse_user("01.01.26", &d), "The year must have four digits, as in 05.03.2026");
	assert_string_equal(date_parse_user("01.01.9999", &d), "The year is out of range (1900-2099)");
	assert_non_null(date_parse_user("", &d));
	assert_non_null(date_parse_user("tomorrow", &d));
	assert_non_null(date_parse_user("01.01.2026x", &d));
	assert_non_null(date_parse_user("01.01-2026", &d));
	assert_non_null(date_parse_user("00.01.2026", &d));
	assert_false(date_parse_iso("2026-02-30", &d));
	assert_false(date_parse_iso("2026-2-3", &d));
	assert_true(date_parse_iso("2026-02-28", &d));
}

static void dates_arithmetic_round_trip(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(2024, 3, 1) - date_from_ymd(2024, 2, 28), 2);
	assert_int_equal(date_from_ymd(2025, 3, 1) - date_from_ymd(2025, 2, 28), 1);
	for (bitim_day d = date_from_ymd(1900, 1, 1); d < date_from_ymd(2100, 1, 1); d += 17) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		assert_true(date_valid_ymd(y, m, dd));
		assert_int_equal(date_from_ymd(y, m, dd), d);
	}
}

static void utf8_decoding(void **state)
{
	uint32_t cp;
	char buf[4];
	(void)state;
	assert_int_equal(utf8_decode("ә", 2, &cp), 2);
	assert_int_equal(cp, 0x4D9);
	assert_int_equal(utf8_encode(0x4D9, buf), 2);
	assert_memory_equal(buf, "ә", 2);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(utf8_decode("\xF0\x9F\x98", 3, &cp), 0);
	assert_int_equal(utf8_len_chars("Қайрат"), 6);
	assert_int_equal(utf8_encode(0xD800, buf), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iin_published_examples_pass),
		cmocka_unit_test(iin_shape_errors),
		cmocka_unit_test(iin_wrong_check_digit),
		cmocka_unit_test(iin_century_digit_and_birth_date),
		cmocka_unit_test(bin_examples),
		cmocka_unit_test(check_digit_unfixable),
		cmocka_unit_test(phone_forms),
		cmocka_unit_test(text_trim_and_reject),
		cmocka_unit_test(dates_parse_user_forms),
		cmocka_unit_test(dates_malformed),
		cmocka_unit_test(dates_arithmetic_round_trip),
		cmocka_unit_test(utf8_decoding),
		cmocka_unit_test(iin_birth_date_and_minority),
	};
	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
