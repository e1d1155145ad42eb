/* Width-aware text drawing for Kazakh, Russian and Latin text. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "bitim/utf8.h"
#include "draw.h"
#include "editor.h"

int text_width(const char *utf8)
{
	return utf8 ? utf8_width(utf8, strlen(utf8)) : 0;
}

void draw_blank(int y, int x, int width, attr_t attr)
{
	attr_t old;
	short pair;

	if (width <= 0)
		return;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(old);
}

int draw_text_n(int y, int x, const char *utf8, size_t len_bytes, int width, attr_t attr, bool pad)
{
	wchar_t *buf;
	size_t i = 0, n = 0;
	int cols = 0;
	uint32_t cp;
	bool cut = utf8_width(utf8, len_bytes) > width;
	int room = cut ? width - 1 : width; /* leave a column for "…" */

	if (width <= 0)
		return 0;
	buf = malloc((len_bytes + 2) * sizeof *buf);
	if (!buf)
		return 0;
	while (i < len_bytes) {
		size_t used = utf8_decode(utf8 + i, len_bytes - i, &cp);
		wchar_t c = used ? (wchar_t)cp : L'?';
		int w;
		if (!used)
			used = 1;
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
			c = L' '; /* never send control characters to the terminal */
		w = editor_char_width(c);
		if (cols + w > room)
			break;
		buf[n++] = c;
		cols += w;
		i += used;
	}
	if (cut && width >= 1) {
		buf[n++] = L'\x2026';
		cols++;
	}
	buf[n] = L'\0';
	attron(attr);
	mvaddnwstr(y, x, buf, (int)n);
	attroff(attr);
	if (pad && cols < width)
		draw_blank(y, x + cols, width - cols, attr);
	free(buf);
	return cols;
}

int draw_text(int y, int x, const char *utf8, int width, attr_t attr, bool pad)
{
	return draw_text_n(y, x, utf8 ? utf8 : "", utf8 ? strlen(utf8) : 0, width, attr, pad);
}

int draw_text_cut(int y, int x, const char *utf8, int width, attr_t attr, const char *tail)
{
	struct span first;
	int tw = text_width(tail), w;

	if (text_width(utf8) <= width)
		return draw_text(y, x, utf8, width, attr, false);
	/* The first line of the text wrapped at the room left for "…" and the tail. */
	text_wrap(utf8, width - tw - 1, &first, 1);
	w = draw_text_n(y, x, utf8, first.end, width - tw - 1, attr, false);
	w += draw_text(y, x + w, "…", 1, attr, false);
	return w + draw_text(y, x + w, tail, tw, attr, false);
}

size_t text_wrap(const char *utf8, int width, struct span *lines, size_t max)
{
	size_t len = strlen(utf8), i = 0, count = 0;

	if (width < 1)
		width = 1;
	while (i <= len) {
		size_t start = i, last_break = 0, pos = i;
		int cols = 0;
		uint32_t cp;
		while (pos < len && utf8[pos] != '\n') {
			size_t n = utf8_decode(utf8 + pos, len - pos, &cp);
			int w;
			if (!n) {
				n = 1;
				cp = '?';
			}
			w = editor_char_width((wchar_t)cp);
			if (cols + w > width)
				break;
			cols += w;
			pos += n;
			if (cp == ' ')
				last_break = pos;
		}
		size_t end = pos;
		if (pos < len && utf8[pos] != '\n' && last_break > start)
			end = pos = last_break; /* break after a blank, keep the word whole */
		if (count < max)
			lines[count] = (struct span){ start, end };
		count++;
		if (pos >= len)
			break;
		i = utf8[pos] == '\n' ? pos + 1 : pos;
		if (pos == start && utf8[pos] != '\n') /* nothing fit: force progress */
			i = pos + 1;
	}
	/* Trailing blanks of wrapped lines are not drawn. */
	for (size_t k = 0; k < count && k < max; k++)
		while (lines[k].end > lines[k].start && utf8[lines[k].end - 1] == ' ')
			lines[k].end--;
	return count;
}

size_t text_wrap_label(const char *utf8, int width, struct span *lines, size_t max)
{
	size_t n = text_wrap(utf8, width, lines, max), last = n - 1, blank;

	/* A last line of a word of three letters or so ("ба?", "ме?") joins
	 * the word before it, when both fit. */
	if (n < 2 || n > max || utf8_width(utf8 + lines[last].start, lines[last].end - lines[last].start) > 4)
		return n;
	for (blank = lines[last - 1].end; blank > lines[last - 1].start && utf8[blank - 1] != ' '; blank--)
		;
	if (blank <= lines[last - 1].start ||
	    utf8_width(utf8 + blank, lines[last].end - blank) > width)
		return n;
	lines[last].start = blank;
	lines[last - 1].end = blank;
	while (lines[last - 1].end > lines[last - 1].start && utf8[lines[last - 1].end - 1] == ' ')
		lines[last - 1].end--;
	return n;
}

void draw_box(int y, int x, int height, int width, const char *title)
{
	for (int r = 0; r < height; r++)
		draw_blank(y + r, x, width, A_NORMAL);
	mvhline(y, x + 1, ACS_HLINE, width - 2);
	mvhline(y + height - 1, x + 1, ACS_HLINE, width - 2);
	mvvline(y + 1, x, ACS_VLINE, height - 2);
	mvvline(y + 1, x + width - 1, ACS_VLINE, height - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + width - 1, ACS_URCORNER);
	mvaddch(y + height - 1, x, ACS_LLCORNER);
	mvaddch(y + height - 1, x + width - 1, ACS_LRCORNER);
	if (title && *title) {
		mvaddstr(y, x + 2, " ");
		int w = draw_text(y, x + 3, title, width - 6, A_BOLD, false);
		mvaddstr(y, x + 3 + w, " ");
	}
}
