/* The field editor's logic: editing a wide-character buffer and laying it out. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include "bitim/utf8.h"
#include "editor.h"

void editor_init(struct editor *ed, bool multiline)
{
	memset(ed, 0, sizeof *ed);
	ed->multiline = multiline;
	ed->max_chars = EDITOR_MAX_CHARS;
}

void editor_free(struct editor *ed)
{
	free(ed->text);
	ed->text = NULL;
	ed->len_chars = ed->cap_chars = ed->cursor = 0;
}

static bool reserve(struct editor *ed, size_t chars)
{
	wchar_t *grown;
	size_t cap;

	if (chars + 1 <= ed->cap_chars)
		return true;
	cap = ed->cap_chars ? ed->cap_chars : 32;
	while (cap < chars + 1)
		cap *= 2;
	grown = realloc(ed->text, cap * sizeof *grown);
	if (!grown)
		return false;
	ed->text = grown;
	ed->cap_chars = cap;
	return true;
}

int editor_set(struct editor *ed, const char *utf8)
{
	size_t len = utf8 ? strlen(utf8) : 0, i = 0;
	uint32_t cp;

	ed->len_chars = ed->cursor = ed->scroll = 0;
	if (!reserve(ed, len))
		return -1;
	while (i < len) {
		size_t n = utf8_decode(utf8 + i, len - i, &cp);
		if (n == 0)
			return -1;
		ed->text[ed->len_chars++] = (wchar_t)cp;
		i += n;
	}
	ed->text[ed->len_chars] = L'\0';
	ed->cursor = ed->len_chars;
	ed->dirty = false;
	return 0;
}

char *editor_text(const struct editor *ed)
{
	char *out = malloc(ed->len_chars * 4 + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < ed->len_chars; i++)
		o += utf8_encode((uint32_t)ed->text[i], out + o);
	out[o] = '\0';
	return out;
}

/* Whether a character may be typed into a field. */
static bool acceptable(wchar_t c, bool multiline)
{
	if (c == L'\n')
		return multiline;
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
		return false;
	if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF || c == 0xFFFE || c == 0xFFFF)
		return false;
	return true;
}

enum editor_result editor_insert(struct editor *ed, wchar_t c)
{
	if (c == L'\t')
		c = L' ';
	if (c == L'\r')
		c = L'\n';
	if (!acceptable(c, ed->multiline))
		return EDITOR_REJECTED;
	if (ed->len_chars >= ed->max_chars || !reserve(ed, ed->len_chars + 1))
		return EDITOR_FULL;
	memmove(ed->text + ed->cursor + 1, ed->text + ed->cursor,
		(ed->len_chars - ed->cursor + 1) * sizeof *ed->text);
	ed->text[ed->cursor++] = c;
	ed->len_chars++;
	ed->dirty = true;
	return EDITOR_OK;
}

enum editor_result editor_insert_text(struct editor *ed, const wchar_t *s)
{
	enum editor_result r = EDITOR_OK;

	for (; *s; s++) {
		enum editor_result one = editor_insert(ed, *s);
		if (one == EDITOR_FULL)
			return one;
		if (one == EDITOR_REJECTED)
			r = one;
	}
	return r;
}

/* Remove characters [from, to). */
static void cut(struct editor *ed, size_t from, size_t to)
{
	if (from >= to)
		return;
	memmove(ed->text + from, ed->text + to, (ed->len_chars - to + 1) * sizeof *ed->text);
	ed->len_chars -= to - from;
	ed->cursor = from;
	ed->dirty = true;
}

void editor_backspace(struct editor *ed)
{
	if (ed->cursor > 0)
		cut(ed, ed->cursor - 1, ed->cursor);
}

void editor_delete(struct editor *ed)
{
	if (ed->cursor < ed->len_chars) {
		size_t at = ed->cursor;
		cut(ed, at, at + 1);
	}
}

static bool is_space(wchar_t c)
{
	return c == L' ' || c == L'\n' || c == 0xA0;
}

/* Start of the word before pos. */
static size_t word_start(const struct editor *ed, size_t pos)
{
	while (pos > 0 && is_space(ed->text[pos - 1]))
		pos--;
	while (pos > 0 && !is_space(ed->text[pos - 1]))
		pos--;
	return pos;
}

void editor_delete_word(struct editor *ed)
{
	cut(ed, word_start(ed, ed->cursor), ed->cursor);
}

void editor_left(struct editor *ed)
{
	if (ed->cursor > 0)
		ed->cursor--;
}

void editor_right(struct editor *ed)
{
	if (ed->cursor < ed->len_chars)
		ed->cursor++;
}

void editor_word_left(struct editor *ed)
{
	ed->cursor = word_start(ed, ed->cursor);
}

void editor_word_right(struct editor *ed)
{
	size_t pos = ed->cursor;
	while (pos < ed->len_chars && !is_space(ed->text[pos]))
		pos++;
	while (pos < ed->len_chars && is_space(ed->text[pos]))
		pos++;
	ed->cursor = pos;
}

void editor_home(struct editor *ed)
{
	while (ed->cursor > 0 && ed->text[ed->cursor - 1] != L'\n')
		ed->cursor--;
}

void editor_end(struct editor *ed)
{
	while (ed->cursor < ed->len_chars && ed->text[ed->cursor] != L'\n')
		ed->cursor++;
}

int editor_char_width(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

/* ---------------------------------------------------------------- layout */

/* Rows of one logical line [from, to), wrapped at width, into rows. */
static size_t wrap_line(const struct editor *ed, size_t from, size_t to, int width,
			struct editor_row *rows, size_t max, size_t n)
{
	size_t start = from;

	if (width < 1)
		width = 1;
	do {
		size_t pos = start, last_space = 0;
		int cols = 0;
		while (pos < to) {
			int w = editor_char_width(ed->text[pos]);
			if (cols + w > width)
				break;
			cols += w;
			if (ed->text[pos] == L' ')
				last_space = pos + 1;
			pos++;
		}
		/* Break after the last space of the row when a word would be cut. */
		if (pos < to && last_space > start)
			pos = last_space;
		if (pos == start && pos < to)
			pos++; /* a character wider than the box still advances */
		if (n < max)
			rows[n] = (struct editor_row){ start, pos };
		n++;
		start = pos;
	} while (start < to);
	return n;
}

size_t editor_layout(const struct editor *ed, int width, struct editor_row *rows, size_t max)
{
	size_t n = 0, line = 0;

	for (size_t i = 0; i <= ed->len_chars; i++) {
		if (i == ed->len_chars || ed->text[i] == L'\n') {
			n = wrap_line(ed, line, i, width, rows, max, n);
			line = i + 1;
		}
	}
	return n;
}

/* The row holding the cursor, by walking the layout without storing it. */
void editor_cursor_at(const struct editor *ed, int width, size_t *row, int *col)
{
	size_t total = editor_layout(ed, width, NULL, 0);
	struct editor_row *rows = malloc((total ? total : 1) * sizeof *rows);
	size_t r = 0;

	*row = 0;
	*col = 0;
	if (!rows)
		return;
	editor_layout(ed, width, rows, total);
	/* The cursor belongs to the last row that starts at or before it (a
	 * cursor at a wrap point shows at the start of the next row). */
	for (size_t i = 0; i < total; i++)
		if (rows[i].start <= ed->cursor)
			r = i;
	/* ... unless it sits right after a newline's row end. */
	while (r > 0 && rows[r].start > ed->cursor)
		r--;
	*row = r;
	for (size_t i = rows[r].start; i < ed->cursor && i < rows[r].end; i++)
		*col += editor_char_width(ed->text[i]);
	free(rows);
}

/* Move the cursor to column col of row r (or the row's end). */
static void move_to_row(struct editor *ed, int width, size_t r, int col)
{
	size_t total = editor_layout(ed, width, NULL, 0);
	struct editor_row *rows = malloc(total * sizeof *rows);
	size_t pos;
	int cols = 0;

	if (!rows)
		return;
	editor_layout(ed, width, rows, total);
	pos = rows[r].start;
	while (pos < rows[r].end && cols + editor_char_width(ed->text[pos]) <= col) {
		cols += editor_char_width(ed->text[pos]);
		pos++;
	}
	/* On a wrapped row the end is the next row's start: stay before it. */
	if (pos == rows[r].end && r + 1 < total && rows[r + 1].start == pos && pos > rows[r].start)
		pos--;
	ed->cursor = pos;
	free(rows);
}

bool editor_up(struct editor *ed, int width)
{
	size_t row;
	int col;

	editor_cursor_at(ed, width, &row, &col);
	if (row == 0)
		return false;
	move_to_row(ed, width, row - 1, col);
	return true;
}

bool editor_down(struct editor *ed, int width)
{
	size_t row, total = editor_layout(ed, width, NULL, 0);
	int col;

	editor_cursor_at(ed, width, &row, &col);
	if (row + 1 >= total)
		return false;
	move_to_row(ed, width, row + 1, col);
	return true;
}

void editor_scroll_to_cursor(struct editor *ed, int width, int height)
{
	if (ed->multiline) {
		size_t row;
		int col;
		editor_cursor_at(ed, width, &row, &col);
		if (row < ed->scroll)
			ed->scroll = row;
		else if (height > 0 && row >= ed->scroll + (size_t)height)
			ed->scroll = row - (size_t)height + 1;
		return;
	}
	/* One line: keep the cursor inside [scroll, scroll + width). */
	if (ed->cursor < ed->scroll)
		ed->scroll = ed->cursor;
	for (;;) {
		int cols = 0;
		for (size_t i = ed->scroll; i < ed->cursor; i++)
			cols += editor_char_width(ed->text[i]);
		if (cols < width || ed->scroll >= ed->cursor)
			break;
		ed->scroll++;
	}
}
