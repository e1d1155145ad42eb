/* The field editor: a wide-character buffer with a cursor, soft-wrapped for
 * multi-line fields. Pure logic, no curses: the screens draw what it lays out. */
#ifndef BITIM_TUI_EDITOR_H
#define BITIM_TUI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Longest text a field takes: a long paste stops here with a message. */
#define EDITOR_MAX_CHARS 20000

struct editor {
	wchar_t *text;     /* owned, NUL-terminated */
	size_t len_chars;
	size_t cap_chars;
	size_t cursor;     /* 0..len_chars */
	bool multiline;
	size_t max_chars;
	size_t scroll;     /* single line: first visible char; multi: first visible row */
	bool dirty;        /* changed since editor_set */
};

/* One displayed row: characters [start, end) of the text. */
struct editor_row {
	size_t start, end;
};

enum editor_result { EDITOR_OK, EDITOR_REJECTED, EDITOR_FULL };

void editor_init(struct editor *ed, bool multiline);
void editor_free(struct editor *ed);

/* Load UTF-8 text (NULL for empty); cursor at the end, not dirty. -1 on bad input. */
int editor_set(struct editor *ed, const char *utf8);
/* The text as UTF-8, malloc'd. */
char *editor_text(const struct editor *ed);

/* Type a character. Control characters are refused (a newline only in
 * multi-line fields; a tab becomes a space). */
enum editor_result editor_insert(struct editor *ed, wchar_t c);
/* Type a whole string (a paste); stops at the limit. */
enum editor_result editor_insert_text(struct editor *ed, const wchar_t *s);

void editor_backspace(struct editor *ed);
void editor_delete(struct editor *ed);
void editor_delete_word(struct editor *ed); /* the word before the cursor */
void editor_left(struct editor *ed);
void editor_right(struct editor *ed);
void editor_word_left(struct editor *ed);
void editor_word_right(struct editor *ed);
void editor_home(struct editor *ed); /* start of the (displayed) line */
void editor_end(struct editor *ed);

/* Move between displayed rows of width columns; false at the first/last row
 * (the caller then moves to another field). */
bool editor_up(struct editor *ed, int width);
bool editor_down(struct editor *ed, int width);

/* Display width of one character (0 for combining marks, 1 for unprintable). */
int editor_char_width(wchar_t c);

/* Lay out the text in rows of width columns (words wrap where they can).
 * Fills at most max rows; returns the number of rows in all. */
size_t editor_layout(const struct editor *ed, int width, struct editor_row *rows, size_t max);

/* Where the cursor is in the layout: row and column. */
void editor_cursor_at(const struct editor *ed, int width, size_t *row, int *col);

/* Scroll so the cursor is visible in a box of width × height. */
void editor_scroll_to_cursor(struct editor *ed, int width, int height);

#endif
