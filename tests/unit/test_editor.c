/* Unit tests: the field editor's logic (no terminal). */
#include "testutil.h"
#include <locale.h>
#include "../../src/tui/editor.h"

static int setup(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static char *text_of(struct editor *ed)
{
	static char buf[4096];
	char *t = editor_text(ed);
	snprintf(buf, sizeof buf, "%s", t);
	free(t);
	return buf;
}

static void type(struct editor *ed, const wchar_t *s)
{
	assert_int_equal(editor_insert_text(ed, s), EDITOR_OK);
}

static void kazakh_typing_and_cursor(void **state)
{
	struct editor ed;
	(void)state;
	editor_init(&ed, false);
	type(&ed, L"Әсел Ғалымқызы");
	assert_string_equal(text_of(&ed), "Әсел Ғалымқызы");
	assert_int_equal(ed.cursor, 14);
	editor_home(&ed);
	editor_right(&ed);
	editor_insert(&ed, L'ң');
	assert_string_equal(text_of(&ed), "Әңсел Ғалымқызы");
	editor_backspace(&ed);
	editor_delete(&ed);
	assert_string_equal(text_of(&ed), "Әел Ғалымқызы");
	editor_end(&ed);
	editor_delete_word(&ed);
	assert_string_equal(text_of(&ed), "Әел ");
	editor_delete_word(&ed);
	assert_string_equal(text_of(&ed), "");
	editor_backspace(&ed); /* at the start: nothing happens */
	editor_delete(&ed);
	assert_int_equal(ed.len_chars, 0);
	assert_true(ed.dirty);
	editor_free(&ed);
}

static void load_and_dirty(void **state)
{
	struct editor ed;
	(void)state;
	editor_init(&ed, false);
	assert_int_equal(editor_set(&ed, "Қайрат"), 0);
	assert_false(ed.dirty);
	assert_int_equal(ed.cursor, 6);
	assert_int_equal(editor_set(&ed, "bad \xC3\x28"), -1);
	assert_int_equal(editor_set(&ed, NULL), 0);
	assert_int_equal(ed.len_chars, 0);
	editor_free(&ed);
}

static void control_characters_refused(void **state)
{
	struct editor ed;
	(void)state;
	editor_init(&ed, false);
	assert_int_equal(editor_insert(&ed, L'\n'), EDITOR_REJECTED);
	assert_int_equal(editor_insert(&ed, 0x1B), EDITOR_REJECTED);
	assert_int_equal(editor_insert(&ed, 0x7F), EDITOR_REJECTED);
	assert_int_equal(editor_insert(&ed, 0x85), EDITOR_REJECTED);
	assert_int_equal(editor_insert(&ed, 0xD800), EDITOR_REJECTED);
	assert_int_equal(editor_insert(&ed, L'\t'), EDITOR_OK); /* a tab becomes a space */
	assert_string_equal(text_of(&ed), " ");
	assert_int_equal(editor_insert_text(&ed, L"a" L"\x01" L"b" L"\x02" L"c"), EDITOR_REJECTED);
	assert_string_equal(text_of(&ed), " abc");
	editor_free(&ed);
	editor_init(&ed, true);
	assert_int_equal(editor_insert(&ed, L'\n'), EDITOR_OK);
	assert_int_equal(editor_insert(&ed, L'\r'), EDITOR_OK);
	assert_string_equal(text_of(&ed), "\n\n");
	editor_free(&ed);
}

static void long_paste_stops_at_the_limit(void **state)
{
	struct editor ed;
	wchar_t *big = malloc((EDITOR_MAX_CHARS + 100) * sizeof *big);
	(void)state;
	for (int i = 0; i < EDITOR_MAX_CHARS + 99; i++)
		big[i] = L'ә';
	big[EDITOR_MAX_CHARS + 99] = 0;
	editor_init(&ed, true);
	assert_int_equal(editor_insert_text(&ed, big), EDITOR_FULL);
	assert_int_equal(ed.len_chars, EDITOR_MAX_CHARS);
	char *t = editor_text(&ed);
	assert_int_equal(strlen(t), EDITOR_MAX_CHARS * 2);
	free(t);
	free(big);
	editor_free(&ed);
}

static void words_move(void **state)
{
	struct editor ed;
	(void)state;
	editor_init(&ed, false);
	editor_set(&ed, "бір екі  үш");
	editor_word_left(&ed);
	assert_int_equal(ed.cursor, 9);
	editor_word_left(&ed);
	assert_int_equal(ed.cursor, 4);
	editor_word_right(&ed);
	assert_int_equal(ed.cursor, 9);
	editor_free(&ed);
}

static void wrap_and_move_between_rows(void **state)
{
	struct editor ed;
	struct editor_row rows[16];
	size_t row;
	int col;
	(void)state;
	editor_init(&ed, true);
	editor_set(&ed, "Тараптар келісті\nдуалды жылжыту");
	/* width 10: "Тараптар " | "келісті" | "дуалды " | "жылжыту" */
	assert_int_equal(editor_layout(&ed, 10, rows, 16), 4);
	assert_int_equal(rows[0].start, 0);
	assert_int_equal(rows[0].end, 9);
	assert_int_equal(rows[1].start, 9);
	assert_int_equal(rows[2].start, 17);
	editor_cursor_at(&ed, 10, &row, &col);
	assert_int_equal(row, 3);
	assert_int_equal(col, 7);
	assert_true(editor_up(&ed, 10));
	editor_cursor_at(&ed, 10, &row, &col);
	assert_int_equal(row, 2);
	assert_true(editor_up(&ed, 10));
	assert_true(editor_up(&ed, 10));
	assert_false(editor_up(&ed, 10));
	assert_true(editor_down(&ed, 10));
	editor_cursor_at(&ed, 10, &row, &col);
	assert_int_equal(row, 1);
	editor_scroll_to_cursor(&ed, 10, 1);
	assert_int_equal(ed.scroll, 1);
	editor_free(&ed);
}

static void single_line_scrolls_by_columns(void **state)
{
	struct editor ed;
	(void)state;
	editor_init(&ed, false);
	editor_set(&ed, "0123456789abcdef");
	editor_scroll_to_cursor(&ed, 8, 1);
	assert_int_equal(ed.scroll, 9); /* cursor at 16: columns 9..15 + cursor */
	editor_home(&ed);
	editor_scroll_to_cursor(&ed, 8, 1);
	assert_int_equal(ed.scroll, 0);
	/* wide characters take two columns */
	editor_set(&ed, "漢字漢字漢字");
	editor_scroll_to_cursor(&ed, 8, 1);
	assert_int_equal(ed.scroll, 3);
	assert_int_equal(editor_char_width(L'漢'), 2);
	assert_int_equal(editor_char_width(L'қ'), 1);
	assert_int_equal(editor_char_width(0x0301), 0); /* combining accent */
	editor_free(&ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kazakh_typing_and_cursor),
		cmocka_unit_test(load_and_dirty),
		cmocka_unit_test(control_characters_refused),
		cmocka_unit_test(long_paste_stops_at_the_limit),
		cmocka_unit_test(words_move),
		cmocka_unit_test(wrap_and_move_between_rows),
		cmocka_unit_test(single_line_scrolls_by_columns),
	};
	return cmocka_run_group_tests_name("editor", tests, setup, NULL);
}
