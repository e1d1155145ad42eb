/* Unit tests: CSV writing and reading, encodings, neutralisation. */
#include "testutil.h"
#include <iconv.h>
#include "bitim/csv.h"

/* Write rows to memory with the given settings. */
static char *write_rows(enum csv_encoding enc, char delim, bool translit, const char *const *rows, size_t nrows,
			size_t nfields, size_t *len, enum bitim_status *last, size_t *bad)
{
	char *buf = NULL;
	FILE *out = open_memstream(&buf, len);
	struct csv_writer *w;
	assert_int_equal(csv_writer_new(out, enc, delim, translit, &w), BITIM_OK);
	for (size_t r = 0; r < nrows; r++)
		*last = csv_write_row(w, rows + r * nfields, nfields, bad);
	csv_writer_free(w);
	fclose(out);
	return buf;
}

static void quoting_follows_rfc4180(void **state)
{
	const char *row[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "", NULL, "cr\rhere", " lead", "semi;colon" };
	size_t len, bad;
	enum bitim_status st;
	(void)state;
	char *out = write_rows(CSV_UTF8, ',', false, row, 1, 9, &len, &st, &bad);
	assert_int_equal(st, BITIM_OK);
	assert_string_equal(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,\"cr\rhere\",\" lead\",semi;colon\r\n");
	free(out);
	out = write_rows(CSV_UTF8, ';', false, row, 1, 9, &len, &st, &bad);
	assert_string_equal(out, "plain;a,b;\"say \"\"hi\"\"\";\"two\nlines\";;;\"cr\rhere\";\" lead\";\"semi;colon\"\r\n");
	free(out);
}

static void formulas_are_neutralised_and_undone(void **state)
{
	const char *row[] = { "=SUM(A1)", "+7 701", "-x", "@me", "\tTab", "-5", "'=kept", "'plain" };
	size_t len, bad, n;
	enum bitim_status st;
	char **fields;
	(void)state;
	char *out = write_rows(CSV_UTF8, ',', false, row, 1, 8, &len, &st, &bad);
	assert_string_equal(out, "\"'=SUM(A1)\",\"'+7 701\",\"'-x\",\"'@me\",\"'\tTab\",-5,\"''=kept\",'plain\r\n");
	FILE *in = fmemopen(out, len, "rb");
	struct csv_reader *r;
	assert_int_equal(csv_reader_new(in, -1, 0, &r), BITIM_OK);
	assert_int_equal(csv_read_row(r, &fields, &n), BITIM_OK);
	assert_int_equal(n, 8);
	for (size_t i = 0; i < n; i++) {
		csv_unneutralise(fields[i]);
		assert_string_equal(fields[i], row[i]);
	}
	csv_reader_free(r);
	fclose(in);
	free(out);
}

/* Convert UTF-8 text to an encoding with iconv, for comparison. */
static char *iconv_to(const char *to, const char *text, size_t *len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t in_left = strlen(text), out_left = in_left * 4 + 4;
	char *buf = malloc(out_left), *src = (char *)text, *dst = buf;
	size_t cap = out_left;
	assert_true(iconv(cd, &src, &in_left, &dst, &out_left) != (size_t)-1);
	iconv_close(cd);
	*len = cap - out_left;
	return buf;
}

static void kazakh_in_each_encoding(void **state)
{
	const char *row[] = { "Әсел Ғалымқызы", "Қайрат Нұрұлы", "Ңң Өө Ұұ Үү Һһ Іі" };
	size_t len, want_len, bad;
	enum bitim_status st;
	(void)state;
	/* UTF-8 with BOM */
	char *out = write_rows(CSV_UTF8_BOM, ';', false, row, 1, 3, &len, &st, &bad);
	assert_memory_equal(out, "\xEF\xBB\xBF", 3);
	assert_string_equal(out + 3, "Әсел Ғалымқызы;Қайрат Нұрұлы;Ңң Өө Ұұ Үү Һһ Іі\r\n");
	free(out);
	/* KZ-1048: every Kazakh letter, one byte each, as iconv writes it */
	out = write_rows(CSV_KZ1048, ',', false, row, 1, 3, &len, &st, &bad);
	assert_int_equal(st, BITIM_OK);
	char *want = iconv_to("RK1048", "Әсел Ғалымқызы,Қайрат Нұрұлы,Ңң Өө Ұұ Үү Һһ Іі\r\n", &want_len);
	assert_non_null(want);
	assert_int_equal(len, want_len);
	assert_memory_equal(out, want, len);
	free(want);
	free(out);
	/* CP1251 has no Ә: an error naming the field; nothing written */
	out = write_rows(CSV_CP1251, ',', false, row, 1, 3, &len, &st, &bad);
	assert_int_equal(st, BITIM_ERR_INVALID);
	assert_int_equal(bad, 0);
	assert_int_equal(len, 0);
	free(out);
	/* ... unless asked to transliterate */
	out = write_rows(CSV_CP1251, ',', true, row, 1, 3, &len, &st, &bad);
	assert_int_equal(st, BITIM_OK);
	want = iconv_to("CP1251", "Асел Галымкызы,Кайрат Нурулы,Нн Оо Уу Уу Хх Іі\r\n", &want_len);
	assert_int_equal(len, want_len);
	assert_memory_equal(out, want, len);
	free(want);
	free(out);
	/* A character no legacy table holds fails even with translit */
	const char *emoji[] = { "ok", "smile \xF0\x9F\x99\x82" };
	out = write_rows(CSV_KZ1048, ',', true, emoji, 1, 2, &len, &st, &bad);
	assert_int_equal(st, BITIM_ERR_INVALID);
	assert_int_equal(bad, 1);
	free(out);
}

static void reading_back_every_encoding(void **state)
{
	const char *rows[] = { "number", "name", "KRG-2026-0001", "Қайрат, \"Нұр\"\nекі жол", "KRG-2026-0002", "" };
	const enum csv_encoding encs[] = { CSV_UTF8, CSV_UTF8_BOM, CSV_KZ1048 };
	const char delims[] = { ',', ';', ';' };
	(void)state;
	for (int e = 0; e < 3; e++) {
		size_t len, bad, n;
		enum bitim_status st;
		char **fields;
		struct csv_reader *r;
		char *out = write_rows(encs[e], delims[e], false, rows, 3, 2, &len, &st, &bad);
		FILE *in = fmemopen(out, len, "rb");
		assert_int_equal(csv_reader_new(in, -1, 0, &r), BITIM_OK); /* all detected */
		for (int row = 0; row < 3; row++) {
			assert_int_equal(csv_read_row(r, &fields, &n), BITIM_OK);
			assert_int_equal(n, 2);
			assert_string_equal(fields[0], rows[row * 2]);
			assert_string_equal(fields[1], rows[row * 2 + 1]);
		}
		assert_int_equal(csv_reader_line(r), 4); /* the second record spans two lines */
		assert_int_equal(csv_read_row(r, &fields, &n), BITIM_ERR_NOTFOUND);
		csv_reader_free(r);
		fclose(in);
		free(out);
	}
}

/* Read text; expect an error on the given line mentioning needle. */
static void expect_bad(const char *text, size_t len, int enc, size_t line, const char *needle)
{
	FILE *in = fmemopen((void *)text, len, "rb");
	struct csv_reader *r;
	char **fields;
	size_t n;
	enum bitim_status st;
	assert_int_equal(csv_reader_new(in, enc, 0, &r), BITIM_OK);
	while ((st = csv_read_row(r, &fields, &n)) == BITIM_OK)
		;
	assert_int_equal(st, BITIM_ERR_INVALID);
	assert_int_equal(csv_reader_line(r), line);
	if (!strstr(csv_reader_error(r), needle))
		print_message("got: %s\n", csv_reader_error(r));
	assert_non_null(strstr(csv_reader_error(r), needle));
	csv_reader_free(r);
	fclose(in);
}

static void malformed_and_hostile_input(void **state)
{
	(void)state;
	const char *t1 = "a,b\r\n\"open,b\r\n";
	expect_bad(t1, strlen(t1), -1, 2, "not closed");
	const char *t2 = "a,b\n\"x\"y,b\n";
	expect_bad(t2, strlen(t2), -1, 2, "follows a closing quote");
	const char *t3 = "a,b\nx\"y,b\n";
	expect_bad(t3, strlen(t3), -1, 2, "inside an unquoted field");
	const char *t4 = "a\n\xC3\x28\n";
	expect_bad(t4, strlen(t4), CSV_UTF8, 2, "not valid text");
	/* a field over 1 MiB */
	size_t big = CSV_MAX_FIELD + 10;
	char *huge = malloc(big + 8);
	memcpy(huge, "a\n", 2);
	memset(huge + 2, 'x', big);
	memcpy(huge + 2 + big, "\n", 2);
	expect_bad(huge, big + 3, CSV_UTF8, 2, "longer than 1 MiB");
	free(huge);
	/* too many fields */
	char *wide = malloc(CSV_MAX_FIELDS * 2 + 16);
	size_t o = 0;
	for (int i = 0; i < CSV_MAX_FIELDS + 5; i++)
		wide[o++] = ',';
	wide[o++] = '\n';
	expect_bad(wide, o, CSV_UTF8, 1, "too many fields");
	free(wide);
}

static void delimiter_and_bom_detection(void **state)
{
	const char *text = "\xEF\xBB\xBFnumber;name\r\nKRG-1;Әсел\r\n";
	FILE *in = fmemopen((void *)text, strlen(text), "rb");
	struct csv_reader *r;
	char **fields;
	size_t n;
	(void)state;
	assert_int_equal(csv_reader_new(in, -1, 0, &r), BITIM_OK);
	assert_int_equal(csv_read_row(r, &fields, &n), BITIM_OK);
	assert_int_equal(n, 2);
	assert_string_equal(fields[0], "number"); /* the BOM is not part of the name */
	assert_int_equal(csv_read_row(r, &fields, &n), BITIM_OK);
	assert_string_equal(fields[1], "Әсел");
	csv_reader_free(r);
	fclose(in);
	assert_int_equal(csv_encoding_from_name("KZ1048"), CSV_KZ1048);
	assert_int_equal(csv_encoding_from_name("latin1"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoting_follows_rfc4180),
		cmocka_unit_test(formulas_are_neutralised_and_undone),
		cmocka_unit_test(kazakh_in_each_encoding),
		cmocka_unit_test(reading_back_every_encoding),
		cmocka_unit_test(malformed_and_hostile_input),
		cmocka_unit_test(delimiter_and_bom_detection),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
