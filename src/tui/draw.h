/* Drawing UTF-8 text by display columns (wcwidth), never by bytes. */
#ifndef BITIM_TUI_DRAW_H
#define BITIM_TUI_DRAW_H

#include <stddef.h>
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>

/* A part of a text: bytes [start, end). */
struct span {
	size_t start, end;
};

/* Display width of UTF-8 text (utf8_width of utf8.h for a part of one). */
int text_width(const char *utf8);

/* Draw text at (y, x) in at most width columns with attribute attr, padding
 * with blanks to the full width when pad is set. A text that does not fit
 * ends with "…" so the cut is visible. Returns the columns drawn. */
int draw_text(int y, int x, const char *utf8, int width, attr_t attr, bool pad);
int draw_text_n(int y, int x, const char *utf8, size_t len_bytes, int width, attr_t attr, bool pad);

/* Draw text in at most width columns; a text that does not fit is cut at
 * the end of a word and ends with "…" and the given tail (" F1": the help
 * shows it whole). Returns the columns drawn. */
int draw_text_cut(int y, int x, const char *utf8, int width, attr_t attr, const char *tail);

/* Break text into lines of at most width columns at blanks (a word longer
 * than a line is cut); newlines break too. Fills up to max spans; returns
 * how many lines there are. */
size_t text_wrap(const char *utf8, int width, struct span *lines, size_t max);

/* text_wrap for a field's label: a short last word (a question's particle,
 * "ба?") is not left alone on its line. Needs lines (max >= the count). */
size_t text_wrap_label(const char *utf8, int width, struct span *lines, size_t max);

/* Blank width columns at (y, x). */
void draw_blank(int y, int x, int width, attr_t attr);

/* A box with a title, for dialogs; clears its inside. */
void draw_box(int y, int x, int height, int width, const char *title);

#endif
