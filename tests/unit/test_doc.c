/* Unit tests: document templates, layout, fingerprints. */
#include "testutil.h"
#include "bitim/doc.h"
#include "bitim/i18n.h"
#include "bitim/utf8.h"
#include "../../src/core/doc_layout.h"
#include "../../src/core/template.h"

static struct procedure *proc;
static char *dir;

static int setup(void **state)
{
	struct form_error err;
	(void)state;
	dir = test_tmpdir();
	return procedure_load(test_forms_dir(), &proc, &err) == BITIM_OK && dir ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	procedure_free(proc);
	test_rmtree(dir);
	free(dir);
	return 0;
}

static void fingerprint_is_sha256(void **state)
{
	char hex[DOC_FINGERPRINT_BUF];
	(void)state;
	doc_fingerprint("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	doc_fingerprint("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

/* Write a template file and expand it against cd (NULL: syntax only). */
static enum bitim_status expand(const char *text, struct case_data *cd, struct blocks *b, char *err,
				size_t *nmissing)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/t.tpl", dir);
	FILE *fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
	struct template_data data = { .p = proc, .cd = cd, .mediator = "Бақыт Омарова" };
	enum bitim_status st = template_expand(path, &data, b, err, 512);
	if (nmissing)
		*nmissing = data.nmissing;
	free(data.missing);
	return st;
}

static void assert_template_error(const char *text, const char *where)
{
	struct blocks b;
	char err[512];
	assert_int_equal(expand(text, NULL, &b, err, NULL), BITIM_ERR_FORMS);
	if (!strstr(err, where))
		print_message("got: %s\n", err);
	assert_non_null(strstr(err, where));
}

static void template_errors_name_file_and_line(void **state)
{
	(void)state;
	assert_template_error("# Title\n\n{case.nonsense}\n", "t.tpl:3: unknown placeholder {case.nonsense}");
	assert_template_error("{each party}\n- {party.full_name}\n", "t.tpl:1: this block has no {end}");
	assert_template_error("text\n{end}\n", "t.tpl:2: {end} without {each} or {if}");
	assert_template_error("{party.full_name}\n", "t.tpl:1: {party.full_name} is only for use inside {each party}");
	assert_template_error("{each party}\n{each session}\n{end}\n{end}\n", "t.tpl:2:");
	assert_template_error("a {case.subject\n", "t.tpl:1: a '{' is not closed");
	assert_template_error("{n}\n", "t.tpl:1: {n} is only for use inside");
	assert_template_error("{each nothing}\n{end}\n", "t.tpl:1: expected {each GROUP}");
	assert_template_error("x {if case.subject} y\n", "t.tpl:1: this block has no {end}");
}

static struct case_data *small_case(void)
{
	struct case_data *cd = casedata_new();
	casedata_set_identity(cd, 1, "u", "KRG-2026-0007", "intake");
	casedata_set(cd, ENTITY_CASE, 0, "subject", "Шекара");
	casedata_set(cd, ENTITY_CASE, 0, "category", "family");
	casedata_set(cd, ENTITY_CASE, 0, "received_on", "2026-03-02");
	int r = casedata_add_row(cd, ENTITY_PARTY, "p1");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "full_name", "Әлия");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "kind", "person");
	r = casedata_add_row(cd, ENTITY_PARTY, "p2");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "full_name", "Бекзат");
	casedata_set(cd, ENTITY_PARTY, (size_t)r, "kind", "organisation");
	return cd;
}

static void placeholders_blocks_and_conditions(void **state)
{
	struct blocks b;
	char err[512];
	size_t missing;
	struct case_data *cd = small_case();
	(void)state;
	assert_int_equal(expand("# No. {number}\n## {case.subject}\nline one\\\nline two\njoined {case.received_on}\n\n"
				"{each party where party.kind=person}\n- {n}. {party.full_name}{if party.kind=person} (person){end}\n{end}\n"
				"{if case.category=family}\nFamily: {case.category}\n{end}\n{if case.village}\nnever\n{end}\n"
				"{{braces} {case.village?}.\n{signatures}\n{page}\n", cd, &b, err, &missing), BITIM_OK);
	assert_int_equal(missing, 0);
	assert_int_equal(b.items[0].kind, BLOCK_TITLE);
	assert_string_equal(b.items[0].text, "No. KRG-2026-0007");
	assert_string_equal(b.items[1].text, "Шекара");
	assert_int_equal(b.items[2].kind, BLOCK_PARA);
	assert_string_equal(b.items[2].text, "line one\nline two joined 02.03.2026");
	assert_int_equal(b.items[3].kind, BLOCK_ITEM);
	assert_string_equal(b.items[3].text, "1. Әлия (person)");
	assert_string_equal(b.items[4].text, "Family: Family");
	assert_string_equal(b.items[5].text, "{braces} .");
	assert_int_equal(b.items[6].kind, BLOCK_SIGN);
	assert_string_equal(b.items[6].text, "Әлия\t");
	assert_string_equal(b.items[8].text, "Бақыт Омарова\tMediator");
	assert_int_equal(b.items[9].kind, BLOCK_PAGE);
	assert_int_equal(b.count, 10);
	blocks_free(&b);
	/* An empty value that is not marked "?" is missing: listed, not blank. */
	assert_int_equal(expand("{case.village} {case.contract_on}\n{each party}\n{party.iin}\n{end}\n", cd, &b, err, &missing), BITIM_OK);
	assert_int_equal(missing, 4);
	blocks_free(&b);
	casedata_free(cd);
}

static void dates_in_words_and_decimal_commas(void **state)
{
	static const struct {
		enum bitim_lang lang;
		const char *want;
	} cases[] = {
		{ BITIM_LANG_KK, "2026 жылғы 2 наурыз|2026 жылғы 2 наурыздағы|02.03.2026 ж. дейін|2026 жылғы 9 сәуірдегі" },
		{ BITIM_LANG_RU, "2 марта 2026 г.|от 2 марта 2026 г.|до 02.03.2026|9 апреля 2026 г." },
		{ BITIM_LANG_EN, "2 March 2026|of 2 March 2026|by 02.03.2026|9 April 2026" },
	};
	struct case_data *cd = small_case();
	struct blocks b;
	char err[512], num[32];
	(void)state;
	casedata_set(cd, ENTITY_CASE, 0, "contract_on", "2026-04-09");
	for (size_t i = 0; i < 3; i++) {
		i18n_set_lang(cases[i].lang);
		assert_int_equal(expand("{case.received_on:long}|{case.received_on:dated}|{case.received_on:until}|"
					"{if cases.x}{end}{case.contract_on:dated}\n", cd, &b, err, NULL), BITIM_ERR_FORMS);
		assert_int_equal(expand("{case.received_on:long}|{case.received_on:dated}|{case.received_on:until}|"
					"{case.contract_on:%s}\n", cd, &b, err, NULL), BITIM_ERR_FORMS);
		blocks_free(&b);
		char tpl[200];
		snprintf(tpl, sizeof tpl, "{case.received_on:long}|{case.received_on:dated}|{case.received_on:until}|{case.contract_on:%s}\n",
			 cases[i].lang == BITIM_LANG_KK ? "dated" : "long");
		assert_int_equal(expand(tpl, cd, &b, err, NULL), BITIM_OK);
		assert_string_equal(b.items[0].text, cases[i].want);
		blocks_free(&b);
	}
	assert_template_error("{case.subject:long}\n", "t.tpl:1: {case.subject:long}: only a date field");
	assert_template_error("{case.received_on:short}\n", "t.tpl:1: unknown form {case.received_on:short}");
	i18n_set_lang(BITIM_LANG_RU);
	assert_string_equal(i18n_decimal(12.5, 1, num, sizeof num), "12,5");
	i18n_set_lang(BITIM_LANG_KK);
	assert_string_equal(i18n_decimal(0.667, 3, num, sizeof num), "0,667");
	i18n_set_lang(BITIM_LANG_EN);
	assert_string_equal(i18n_decimal(12.5, 1, num, sizeof num), "12.5");
	/* thousands apart: a comma in English, a no-break space in kk and ru */
	assert_string_equal(i18n_integer(1050000, num, sizeof num), "1,050,000");
	assert_string_equal(i18n_integer(999, num, sizeof num), "999");
	assert_string_equal(i18n_integer(-12345, num, sizeof num), "-12,345");
	i18n_set_lang(BITIM_LANG_KK);
	assert_string_equal(i18n_integer(1620000, num, sizeof num), "1\u00a0620\u00a0000");
	assert_string_equal(i18n_integer(1000, num, 4), "1"); /* cut whole, never inside a space */
	i18n_set_lang(BITIM_LANG_EN);
	casedata_free(cd);
}

static void pages_and_footers_round_trip(void **state)
{
	char *body = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&body, &len);
	(void)state;
	for (int i = 0; i < 150; i++) {
		if (i == 70)
			fputs("\f\n", out); /* a {page} in the middle */
		fprintf(out, i % 7 ? "Line %d: Қайрат\n" : "\n", i);
	}
	fclose(out);
	char *paged = layout_text_pages(body, "KRG-2026-0001", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "21.03.2026");
	assert_non_null(strstr(paged, "-- bitim · KRG-2026-0001 · SHA-256 0123 4567 89ab cdef · 1/4 · 21.03.2026 --\f\n"));
	assert_non_null(strstr(paged, "· 2/4 · 21.03.2026 --\n\f\n")); /* cut short by {page}: the body's form feed */
	assert_non_null(strstr(paged, "· 4/4 · 21.03.2026 --\n"));
	char *back = doc_strip_footers(paged, strlen(paged));
	assert_string_equal(back, body);
	free(back);
	free(paged);
	free(body);
}

static void text_wraps_by_columns_and_keeps_numbers_whole(void **state)
{
	struct blocks b = { 0 };
	struct block items[2] = {
		{ BLOCK_PARA, (char *)"Телефоны +7 701 234 56 78 және мекенжайы Көктал ауылы Абай көшесі он бес үй сегіз пәтер +7 701 234 56 78", 1 },
		{ BLOCK_ITEM, (char *)"Сейітқали Қайратұлы Нұрмұхамбетов-Әбдіжаппаров, ЖСН 791028302728, мекенжайы: Көктал", 2 },
	};
	(void)state;
	b.items = items;
	b.count = 2;
	char *text = layout_text_body(&b, NULL);
	assert_non_null(strstr(text, "+7 701 234 56 78"));
	char *line = text;
	while (line && *line) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		assert_true(utf8_width(line, n) <= DOC_WIDTH);
		line = nl ? nl + 1 : NULL;
	}
	assert_non_null(strstr(text, "  - Сейітқали"));
	assert_non_null(strstr(text, "\n    "));
	free(text);
}

/* Write text to dir/name. */
static void write_file(const char *name, const char *text)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
}

static void kk_and_ru_templates_must_be_built_alike(void **state)
{
	char a[4096], b[4096], err[512];
	(void)state;
	snprintf(a, sizeof a, "%s/x.kk.tpl", dir);
	snprintf(b, sizeof b, "%s/x.ru.tpl", dir);
	write_file("x.kk.tpl", "#! kk\n# АТАУЫ\n\n## 1. Тараптар\n{each party}\n- {party.full_name}\n{end}\nБір\nжол.\n\n{signatures}\n");
	write_file("x.ru.tpl", "#! ru\n# НАЗВАНИЕ\n\n## 1. Стороны\n{each party}\n- {party.full_name}\n{end}\nОдна строка.\n\n{signatures}\n");
	assert_int_equal(template_compare(a, b, err, sizeof err), BITIM_OK);
	/* a paragraph more in ru */
	write_file("x.ru.tpl", "# НАЗВАНИЕ\n\n## 1. Стороны\n{each party}\n- {party.full_name}\n{end}\nОдна строка.\n\nЕщё одна.\n{signatures}\n");
	assert_int_equal(template_compare(a, b, err, sizeof err), BITIM_ERR_FORMS);
	assert_non_null(strstr(err, "x.ru.tpl:9: a paragraph here, but {signatures} at x.kk.tpl:11"));
	/* the same block under another condition */
	write_file("x.ru.tpl", "# НАЗВАНИЕ\n\n## 1. Стороны\n{each party where party.kind=person}\n- {party.full_name}\n{end}\nОдна строка.\n\n{signatures}\n");
	assert_int_equal(template_compare(a, b, err, sizeof err), BITIM_ERR_FORMS);
	assert_non_null(strstr(err, "x.ru.tpl:4: an {each} block here"));
}

/* The page (0-based) of the first line holding needle. */
static int page_of(const char *text, const char *needle)
{
	const char *at = strstr(text, needle);
	int page = 0;
	for (const char *c = text; at && c < at; c++)
		page += *c == '\f';
	return at ? page : -1;
}

static void pages_keep_headings_and_signatures_with_their_text(void **state)
{
	(void)state;
	for (int filler = 40; filler < 75; filler++) {
		struct block items[128];
		size_t n = 0;
		for (int i = 0; i < filler; i++)
			items[n++] = (struct block){ i % 9 ? BLOCK_ITEM : BLOCK_HEADING, (char *)(i % 9 ? "пункт" : "Бөлім"), i };
		items[n++] = (struct block){ BLOCK_HEADING, (char *)"СОҢҒЫ БӨЛІМ", 0 };
		items[n++] = (struct block){ BLOCK_PARA, (char *)"Соңғы тармақ бірінші жол\nекінші жол\nүшінші жол", 0 };
		items[n++] = (struct block){ BLOCK_HEADING, (char *)"ҚОЛДАР", 0 };
		items[n++] = (struct block){ BLOCK_SIGN, (char *)"Әлия\tТарап", 0 };
		items[n++] = (struct block){ BLOCK_SIGN, (char *)"Бекзат\tТарап", 0 };
		items[n++] = (struct block){ BLOCK_SIGN, (char *)"Бақыт\tМедиатор", 0 };
		struct blocks b = { items, n };
		char *text = layout_text_body(&b, NULL);
		int sign = page_of(text, "Әлия");
		assert_int_equal(page_of(text, "Бақыт"), sign);
		assert_int_equal(page_of(text, "ҚОЛДАР"), sign);
		assert_int_equal(page_of(text, "үшінші жол"), sign);
		/* no page ends with a heading: after each, its first line on the same page */
		for (const char *h = strstr(text, "Бөлім"); h; h = strstr(h + 1, "Бөлім")) {
			const char *next = strstr(h, "пункт");
			for (const char *c = h; next && c < next; c++)
				assert_int_not_equal(*c, '\f');
		}
		/* at most DOC_PAGE_LINES - 2 lines a page */
		int lines = 0;
		for (const char *c = text; *c; c++) {
			if (*c == '\f')
				lines = 0;
			else if (*c == '\n')
				assert_true(++lines <= DOC_PAGE_LINES - 2 + 1);
		}
		free(text);
	}
}

static void bilingual_text_in_columns_or_clause_by_clause(void **state)
{
	struct block kk[] = {
		{ BLOCK_TITLE, (char *)"КЕЛІСІМ", 1 }, { BLOCK_HEADING, (char *)"1. Тараптар", 2 },
		{ BLOCK_PARA, (char *)"Тараптар келісті.", 3 }, { BLOCK_SIGN, (char *)"Әлия\tТарап", 4 },
	};
	struct block ru[] = {
		{ BLOCK_TITLE, (char *)"СОГЛАШЕНИЕ", 1 }, { BLOCK_HEADING, (char *)"1. Стороны", 2 },
		{ BLOCK_PARA, (char *)"Стороны договорились.", 3 }, { BLOCK_SIGN, (char *)"Әлия\tСторона", 4 },
	};
	struct blocks a = { kk, 4 }, b = { ru, 4 };
	(void)state;
	char *text = layout_text_body(&a, &b);
	/* side by side: the ru column starts at column 39 of the kk line */
	assert_non_null(strstr(text, "1. Тараптар                            1. Стороны\n"));
	assert_non_null(strstr(text, "Әлия (Тарап / Сторона)"));
	assert_null(strstr(text + (strstr(text, "Әлия") - text) + 1, "Әлия")); /* one signature */
	free(text);
	/* a word wider than a column: each clause in kk, then in ru */
	kk[2].text = (char *)"KZ12345678901234567890123456789012345678 шотына";
	text = layout_text_body(&a, &b);
	assert_non_null(strstr(text, "1. Тараптар\n\n1. Стороны\n"));
	assert_non_null(strstr(text, "шотына\n\nСтороны договорились.\n"));
	free(text);
}

static void html_escapes(void **state)
{
	char *html = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&html, &len);
	(void)state;
	layout_html_escape(out, "<script>&\"x\"");
	fclose(out);
	assert_string_equal(html, "&lt;script&gt;&amp;&quot;x&quot;");
	free(html);
}

/* A shipped template (forms/templates/KIND.LANG.tpl) expanded against cd in
 * lang: the texts of its blocks, one a line. */
static char *shipped(const char *kind, enum bitim_lang lang, struct case_data *cd)
{
	static const char *const code[] = { [BITIM_LANG_KK] = "kk", [BITIM_LANG_RU] = "ru", [BITIM_LANG_EN] = "en" };
	char path[4096], err[512], *text = NULL;
	size_t len = 0;
	struct blocks b;
	snprintf(path, sizeof path, "%s/templates/%s.%s.tpl", test_forms_dir(), kind, code[lang]);
	i18n_set_lang(lang);
	struct template_data data = { .p = proc, .cd = cd, .mediator = "Бақыт Омарова" };
	assert_int_equal(template_expand(path, &data, &b, err, sizeof err), BITIM_OK);
	free(data.missing);
	FILE *out = open_memstream(&text, &len);
	for (size_t i = 0; i < b.count; i++)
		fprintf(out, "%s\n", b.items[i].text);
	fclose(out);
	blocks_free(&b);
	return text;
}

/* Art. 24 p.3: where a party is a minor, a teacher, a psychologist or the
 * minor's legal representative must take part. The agreement on mediation,
 * which names who takes part, says so beside the minor, as the settlement
 * agreement does. */
static void agreement_on_mediation_names_who_takes_part_with_a_minor(void **state)
{
	static const struct {
		enum bitim_lang lang;
		const char *want;
	} cases[] = {
		{ BITIM_LANG_KK, "Әлия, ЖСН 100101600015, кәмелетке толмаған, қатысуымен: Гүлнар Әлиева, заңды өкілі (24-баптың 3-тармағы)" },
		{ BITIM_LANG_RU, "Әлия, ИИН 100101600015, несовершеннолетний, с участием: Гүлнар Әлиева, заңды өкілі (п. 3 ст. 24)" },
		{ BITIM_LANG_EN, "Әлия, IIN 100101600015, a minor, with: Гүлнар Әлиева, заңды өкілі (Art. 24 p.3)" },
	};
	struct case_data *cd = small_case();
	(void)state;
	casedata_set(cd, ENTITY_CASE, 0, "regime", "criminal");
	casedata_set(cd, ENTITY_PARTY, 0, "role", "party");
	casedata_set(cd, ENTITY_PARTY, 0, "iin", "100101600015");
	casedata_set(cd, ENTITY_PARTY, 0, "minor", "yes");
	casedata_set(cd, ENTITY_PARTY, 0, "minor_companion", "Гүлнар Әлиева, заңды өкілі");
	for (size_t i = 0; i < 3; i++) {
		char *text = shipped("contract", cases[i].lang, cd);
		if (!strstr(text, cases[i].want))
			fail_msg("no %s in:\n%s", cases[i].want, text);
		free(text);
	}
	/* an adult party: nothing said */
	casedata_set(cd, ENTITY_PARTY, 0, "minor", "no");
	char *text = shipped("contract", BITIM_LANG_EN, cd);
	assert_null(strstr(text, "a minor"));
	free(text);
	i18n_set_lang(BITIM_LANG_EN);
	casedata_free(cd);
}

/* The one who takes part with a minor signs beside the parties, in every
 * language (the unit tests have no catalogues: the label is the msgid). */
static void who_takes_part_with_a_minor_signs(void **state)
{
	static const enum bitim_lang langs[] = { BITIM_LANG_KK, BITIM_LANG_RU, BITIM_LANG_EN };
	struct case_data *cd = small_case();
	char *text;
	(void)state;
	casedata_set(cd, ENTITY_PARTY, 0, "role", "party");
	casedata_set(cd, ENTITY_PARTY, 0, "minor", "yes");
	casedata_set(cd, ENTITY_PARTY, 0, "minor_companion", "Гүлнар Әлиева");
	for (size_t i = 0; i < 3; i++) {
		text = shipped("settlement", langs[i], cd);
		if (!strstr(text, "Әлия\tParty\nГүлнар Әлиева\tTaking part with the minor\n"))
			fail_msg("no signature of who takes part with the minor in:\n%s", strstr(text, "Әлия\t") ? strstr(text, "Әлия\t") : text);
		free(text);
	}
	casedata_set(cd, ENTITY_PARTY, 0, "minor", "no"); /* an adult: no such line */
	text = shipped("settlement", BITIM_LANG_EN, cd);
	assert_null(strstr(text, "Taking part with the minor"));
	free(text);
	i18n_set_lang(BITIM_LANG_EN);
	casedata_free(cd);
}

static void shipped_templates_are_sound(void **state)
{
	char err[512];
	(void)state;
	if (doc_check_templates(proc, err, sizeof err) != BITIM_OK)
		fail_msg("%s", err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fingerprint_is_sha256),
		cmocka_unit_test(template_errors_name_file_and_line),
		cmocka_unit_test(placeholders_blocks_and_conditions),
		cmocka_unit_test(dates_in_words_and_decimal_commas),
		cmocka_unit_test(pages_and_footers_round_trip),
		cmocka_unit_test(text_wraps_by_columns_and_keeps_numbers_whole),
		cmocka_unit_test(kk_and_ru_templates_must_be_built_alike),
		cmocka_unit_test(pages_keep_headings_and_signatures_with_their_text),
		cmocka_unit_test(bilingual_text_in_columns_or_clause_by_clause),
		cmocka_unit_test(html_escapes),
		cmocka_unit_test(shipped_templates_are_sound),
		cmocka_unit_test(agreement_on_mediation_names_who_takes_part_with_a_minor),
		cmocka_unit_test(who_takes_part_with_a_minor_signs),
	};
	return cmocka_run_group_tests_name("doc", tests, setup, teardown);
}
