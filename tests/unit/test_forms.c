/* Unit tests: loading forms/ and reporting errors with file and line. */
#include "testutil.h"
#include <sys/stat.h>
#include "bitim/form.h"

/* Copy the shipped forms into a temporary folder so a test can break one file. */
static char *copy_forms(void)
{
	static const char *const files[] = { "choices.def", "procedure.def", "intake.form",
		"consent.form", "contract.form", "sessions.form", "settlement.form",
		"followup.form", "termination.form", NULL };
	char *dir = test_tmpdir();
	char src[4096], dst[4096], buf[8192];

	for (int i = 0; files[i]; i++) {
		snprintf(src, sizeof src, "%s/%s", test_forms_dir(), files[i]);
		snprintf(dst, sizeof dst, "%s/%s", dir, files[i]);
		FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
		assert_non_null(in);
		assert_non_null(out);
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, n, out);
		fclose(in);
		fclose(out);
	}
	return dir;
}

/* Append text to one file of a copied forms folder. */
static void append(const char *dir, const char *file, const char *text)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	FILE *fp = fopen(path, "ab");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int count_lines(const char *dir, const char *file)
{
	char path[4096];
	int n = 0, c;
	snprintf(path, sizeof path, "%s/%s", dir, file);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	while ((c = fgetc(fp)) != EOF)
		n += c == '\n';
	fclose(fp);
	return n;
}

/* Load dir, expect failure at file:line with a message containing `needle`. */
static void expect_error(const char *dir, const char *file, int line, const char *needle)
{
	struct procedure *p = NULL;
	struct form_error err;

	assert_int_equal(procedure_load(dir, &p, &err), BITIM_ERR_FORMS);
	assert_null(p);
	if (strcmp(err.file, file) != 0 || err.line != line || !strstr(err.message, needle))
		print_message("got %s:%d: %s; wanted %s:%d: ...%s...\n", err.file, err.line, err.message, file, line, needle);
	assert_string_equal(err.file, file);
	assert_int_equal(err.line, line);
	assert_non_null(strstr(err.message, needle));
}

/* A line appended to one file of a fresh copy of the forms is refused at
 * that line, with a message containing `needle`. */
static void expect_appended_error(const char *file, const char *text, const char *needle)
{
	char *dir = copy_forms();
	int line = count_lines(dir, file) + 1;

	append(dir, file, text);
	expect_error(dir, file, line, needle);
	test_rmtree(dir);
	free(dir);
}

static void shipped_forms_load(void **state)
{
	struct procedure *p = NULL;
	struct form_error err;
	(void)state;

	if (procedure_load(test_forms_dir(), &p, &err) != BITIM_OK)
		fail_msg("%s:%d: %s", err.file, err.line, err.message);
	assert_non_null(p);
	assert_int_equal(procedure_stage_index(p, "intake"), 0);
	assert_true(procedure_stage_index(p, "terminated") >= 0);
	assert_int_equal(p->termination_stage, procedure_stage_index(p, "terminated"));
	const struct field_def *f = procedure_field(p, "party.iin");
	assert_non_null(f);
	assert_int_equal(f->type, FIELD_IIN);
	assert_int_equal(f->entity, ENTITY_PARTY);
	assert_string_equal(f->name, "iin");
	assert_string_equal(f->when.field, "party.kind");
	f = procedure_field(p, "session.notes");
	assert_true(f->confidential);
	f = procedure_field(p, "case.category");
	assert_true(f->required);
	assert_non_null(choice_label(f->choices, "family"));
	assert_true(p->stages[procedure_stage_index(p, "settlement")].freeze);
	assert_string_equal(p->groups[ENTITY_OBLIGATION].item, "Obligation");
	procedure_free(p);
}

static void missing_form_file(void **state)
{
	char *dir = copy_forms();
	char path[4096];
	(void)state;
	snprintf(path, sizeof path, "%s/consent.form", dir);
	remove(path);
	expect_error(dir, "consent.form", 0, "does not exist");
	test_rmtree(dir);
	free(dir);
}

static void unknown_type_names_line(void **state)
{
	(void)state;
	expect_appended_error("intake.form", "field case.extra type=dat label=\"Extra\"\n", "unknown type 'dat'");
}

static void unknown_attribute(void **state)
{
	(void)state;
	expect_appended_error("consent.form", "field case.extra type=text label=\"Extra\" lable=\"x\"\n", "unknown attribute 'lable'");
}

static void duplicate_field(void **state)
{
	(void)state;
	expect_appended_error("consent.form", "field case.category type=text label=\"Again\"\n", "already defined in intake.form");
}

static void group_without_brackets(void **state)
{
	(void)state;
	expect_appended_error("intake.form", "field party.nick type=text label=\"Nick\"\n", "write party[].nick");
}

static void unclosed_quote(void **state)
{
	(void)state;
	expect_appended_error("intake.form", "field case.extra type=text label=\"Extra\n", "not closed");
}

static void unknown_choice_list(void **state)
{
	(void)state;
	expect_appended_error("intake.form", "field case.extra type=choice choices=colours label=\"Colour\"\n", "no choice list 'colours'");
}

/* from_iin= answers a yesno field from an IIN field of the same group. */
static void from_iin_names_an_iin_of_the_same_group(void **state)
{
	(void)state;
	expect_appended_error("intake.form", "field party[].adult type=text label=\"Adult\" from_iin=party[].iin\n",
			      "from_iin= is only for fields of type yesno");
	expect_appended_error("intake.form", "field party[].adult type=yesno label=\"Adult\" from_iin=party[].full_name\n",
			      "'party.full_name' is not one");
	expect_appended_error("intake.form", "field case.adult type=yesno label=\"Adult\" from_iin=party[].iin\n",
			      "'party.iin' is not one");
}

static void guard_on_unknown_field(void **state)
{
	char *dir = copy_forms();
	(void)state;
	int line = count_lines(dir, "procedure.def") + 1;
	append(dir, "procedure.def", "stage extra label=\"Extra\" final\n"
	       "  guard case.nonexistent = yes \"Nope\"\n");
	expect_error(dir, "procedure.def", line + 1, "no form defines the field 'case.nonexistent'");
	test_rmtree(dir);
	free(dir);
}

/* when= on a guard names a field that must exist; count compares with a
 * whole-number field only; a date field takes only max=today. */
static void guard_conditions_and_counts(void **state)
{
	char *dir = copy_forms();
	(void)state;
	int line = count_lines(dir, "procedure.def") + 1;
	append(dir, "procedure.def", "stage extra label=\"Extra\" final\n"
	       "  guard case.regime = civil_court \"Nope\" when=case.nowhere=x\n");
	expect_error(dir, "procedure.def", line + 1, "no form defines the field 'case.nowhere'");
	test_rmtree(dir);
	free(dir);
	dir = copy_forms();
	line = count_lines(dir, "procedure.def") + 1;
	append(dir, "procedure.def", "stage extra label=\"Extra\" final\n"
	       "  count party < case.subject \"Nope\"\n");
	expect_error(dir, "procedure.def", line + 1, "must be a whole-number field");
	test_rmtree(dir);
	free(dir);
	dir = copy_forms();
	line = count_lines(dir, "followup.form") + 1;
	append(dir, "followup.form", "field case.odd type=date max=31 label=\"Odd\"\n");
	expect_error(dir, "followup.form", line, "only max=today");
	test_rmtree(dir);
	free(dir);
}

/* warn after a guard's message makes it a warning; anywhere else it is not
 * taken for one. */
static void guard_marked_warn(void **state)
{
	char *dir = copy_forms();
	struct procedure *p = NULL;
	struct form_error err;
	(void)state;
	append(dir, "procedure.def", "stage extra label=\"Extra\" final\n"
	       "  guard case.regime = civil_court \"Nope\" warn when=case.regime=civil_court\n"
	       "  guard case.regime = civil_court \"Plain\"\n");
	assert_int_equal(procedure_load(dir, &p, &err), BITIM_OK);
	const struct stage_def *s = &p->stages[procedure_stage_index(p, "extra")];
	assert_int_equal(s->nguards, 2);
	assert_true(s->guards[0].warn);
	assert_int_equal(s->guards[0].nwhen, 1);
	assert_string_equal(s->guards[0].message, "Nope");
	assert_false(s->guards[1].warn);
	procedure_free(p);
	test_rmtree(dir);
	free(dir);
	dir = copy_forms();
	int line = count_lines(dir, "procedure.def") + 1;
	append(dir, "procedure.def", "stage extra label=\"Extra\" final\n"
	       "  guard case.regime = civil_court warn \"Nope\"\n");
	expect_error(dir, "procedure.def", line + 1, "");
	test_rmtree(dir);
	free(dir);
}

static void stage_to_unknown_stage(void **state)
{
	char *dir = copy_forms();
	(void)state;
	append(dir, "procedure.def", "stage extra label=\"Extra\" next=nowhere\n");
	expect_error(dir, "procedure.def", 0, "unknown stage 'nowhere'");
	test_rmtree(dir);
	free(dir);
}

static void bad_operator_and_date_types(void **state)
{
	char *dir = copy_forms();
	(void)state;
	int line = count_lines(dir, "procedure.def") + 1;
	append(dir, "procedure.def", "stage extra label=\"Extra\" final\n"
	       "  guard case.received_on => case.offer_sent_on \"x\"\n");
	expect_error(dir, "procedure.def", line + 1, "unknown operator '=>'");
	test_rmtree(dir);
	free(dir);
	dir = copy_forms();
	line = count_lines(dir, "procedure.def") + 1;
	append(dir, "procedure.def", "stage extra label=\"Extra\" final\n"
	       "  guard case.received_on <= case.category + 3 \"x\"\n");
	expect_error(dir, "procedure.def", line + 1, "'case.category' must be a date field");
	test_rmtree(dir);
	free(dir);
}

static void invalid_utf8_file(void **state)
{
	char *dir = copy_forms();
	(void)state;
	append(dir, "followup.form", "field case.x type=text label=\"\xC3\x28\"\n");
	expect_error(dir, "followup.form", 0, "not valid UTF-8");
	test_rmtree(dir);
	free(dir);
}

static void continuation_and_comments(void **state)
{
	char *dir = copy_forms();
	struct procedure *p = NULL;
	struct form_error err;
	(void)state;
	append(dir, "followup.form", "# a comment \"with quotes\n"
	       "field case.extra_note type=text \\\n"
	       "   label=\"Say \\\"hi\\\"\"   # trailing comment\n");
	assert_int_equal(procedure_load(dir, &p, &err), BITIM_OK);
	const struct field_def *f = procedure_field(p, "case.extra_note");
	assert_non_null(f);
	assert_string_equal(f->label, "Say \"hi\"");
	procedure_free(p);
	test_rmtree(dir);
	free(dir);
}

static void normalize_values(void **state)
{
	struct procedure *p = NULL;
	struct form_error err;
	char *out = NULL;
	(void)state;
	assert_int_equal(procedure_load(test_forms_dir(), &p, &err), BITIM_OK);
	const struct field_def *date = procedure_field(p, "case.received_on");
	assert_null(field_normalize(date, "5.3.2026", &out));
	assert_string_equal(out, "2026-03-05");
	free(out);
	assert_null(field_normalize(date, "  ", &out)); /* clearing is allowed */
	assert_null(out);
	assert_non_null(field_normalize(date, "31.02.2026", &out));
	const struct field_def *cat = procedure_field(p, "case.category");
	assert_null(field_normalize(cat, "Family", &out));
	assert_string_equal(out, "family");
	free(out);
	assert_non_null(field_normalize(cat, "Unknown", &out));
	const struct field_def *days = procedure_field(p, "case.term_extension_days");
	assert_null(field_normalize(days, "30", &out));
	free(out);
	assert_non_null(field_normalize(days, "31", &out));
	assert_non_null(field_normalize(days, "3x", &out));
	assert_null(field_normalize(days, "", &out)); /* optional: blank clears */
	assert_null(out);
	/* an amount as people write it: groups of digits apart */
	const struct field_def *amount = procedure_field(p, "case.amount_settled");
	assert_null(field_normalize(amount, "500 000", &out));
	assert_string_equal(out, "500000");
	free(out);
	assert_null(field_normalize(amount, "1\xC2\xA0" "250\xE2\x80\xAF" "000", &out));
	assert_string_equal(out, "1250000");
	free(out);
	assert_non_null(field_normalize(amount, "500  000", &out));
	assert_non_null(field_normalize(amount, "500 000 тг", &out));
	assert_non_null(field_normalize(amount, "5 00,5", &out));
	const struct field_def *phone = procedure_field(p, "party.phone");
	assert_null(field_normalize(phone, "8 (701) 234-56-78", &out));
	assert_string_equal(out, "+7 701 234 56 78");
	free(out);
	char buf[64];
	assert_string_equal(field_display(date, "2026-03-05", buf, sizeof buf), "05.03.2026");
	assert_string_equal(field_display(cat, "family", buf, sizeof buf), "Family");
	procedure_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_forms_load),
		cmocka_unit_test(missing_form_file),
		cmocka_unit_test(unknown_type_names_line),
		cmocka_unit_test(unknown_attribute),
		cmocka_unit_test(duplicate_field),
		cmocka_unit_test(group_without_brackets),
		cmocka_unit_test(unclosed_quote),
		cmocka_unit_test(unknown_choice_list),
		cmocka_unit_test(guard_on_unknown_field),
		cmocka_unit_test(guard_conditions_and_counts),
		cmocka_unit_test(guard_marked_warn),
		cmocka_unit_test(stage_to_unknown_stage),
		cmocka_unit_test(bad_operator_and_date_types),
		cmocka_unit_test(invalid_utf8_file),
		cmocka_unit_test(continuation_and_comments),
		cmocka_unit_test(normalize_values),
		cmocka_unit_test(from_iin_names_an_iin_of_the_same_group),
	};
	return cmocka_run_group_tests_name("forms", tests, NULL, NULL);
}
